/**
 * Matching what a sheet says to reference data: units (official code first, then the normalized name within
 * the submitter's scope), register kinds and book phases (kept as data; the aliases below only add common
 * spellings for the seeded codes).
 */
import { compactOfKey, editDistanceAtMost, normalizeName, unitKey, unitKeyOfNormalized } from "./text";
import type { PhaseRef, RegisterKindRef, UnitRef } from "./types";

export type UnitMatch =
  | { kind: "found"; unit: UnitRef; by: "code" | "name" }
  | { kind: "ambiguous"; candidates: UnitRef[] }
  | { kind: "unknown"; suggestions: UnitRef[] };

type KeyIndex = Map<string, UnitRef[]>;

/** validFrom ≤ date < validTo (open ends allowed). */
export function validOn(u: UnitRef, date: string): boolean {
  return (!u.validFrom || u.validFrom <= date) && (!u.validTo || date < u.validTo);
}

/** The name as written, only case and spacing ignored (Unicode NFC, so composed and decomposed input agree). */
const exactKey = (s: string) => {
  const nfc = s.normalize("NFC").toLowerCase();
  return /\s\s|^\s|\s$|[\t\n\r\u00a0]/.test(nfc) ? nfc.replace(/\s+/g, " ").trim() : nfc;
};

function addKey(map: KeyIndex, k: string, u: UnitRef): void {
  if (!k) return;
  const list = map.get(k);
  if (!list) map.set(k, [u]);
  else if (list[list.length - 1] !== u && !list.includes(u)) list.push(u);
}

/**
 * Units of one scope, indexed for matching. Names are tried from the strictest key to the loosest, and the
 * first key that finds anything decides (so "Phường Tân An" never falls through to "Xã Tân An"):
 *   0. the name exactly as the registry spells it, diacritics included, when the sheet wrote diacritics:
 *      "Tam Thạnh", "Tam Thành" and "Tam Thanh" are three communes of Quảng Nam, "Trà Dơn" and "Trà Don"
 *      two of one district (without diacritics, "Tam Thanh" is all three, hence ambiguous);
 *   1. the full name without diacritics, prefix included ("xa za hung");
 *   2. the bare name ("za hung"), then the name without any type prefix (Xã/Phường/Thị trấn/Huyện/TP…);
 *   3. the compact key (no spaces, y = i: "K' Dang" = "K'Dang", "Quí" = "Quý").
 * Several candidates at a level are narrowed by the group the sheet is in (its district row); if still
 * several, the match is ambiguous and the candidates are returned: never a guess.
 */
const AGENCY_ROLE = /^(so tu phap|stp|tu phap tinh|van phong so tu phap)( .*)?$/;

export class UnitIndex {
  private byCode = new Map<string, UnitRef>();
  /** codes held by several versions of units (codes are reused: old 20944 Xã Trà Mai, new 20944 Xã Nam Trà My) */
  private versions = new Map<string, UnitRef[]>();
  private tiers: KeyIndex[] | null = null;
  private keysCache: [string, UnitRef][] | null = null;
  private byIdMap: Map<string, UnitRef> | null = null;
  readonly children = new Map<string, UnitRef[]>();

  constructor(readonly units: readonly UnitRef[]) {
    for (const u of units) {
      const code = u.code;
      const had = this.byCode.get(code);
      if (had !== undefined && had !== u) {
        const list = this.versions.get(code);
        if (list) list.push(u);
        else this.versions.set(code, [had, u]);
      }
      this.byCode.set(code, u);
      if (u.parentId) {
        const list = this.children.get(u.parentId);
        if (list) list.push(u);
        else this.children.set(u.parentId, [u]);
      }
    }
  }

  /** Name indexes, built on first use: sheets that carry codes never pay for them. */
  private get nameTiers(): KeyIndex[] {
    if (this.tiers) return this.tiers;
    const exact: KeyIndex = new Map(), full: KeyIndex = new Map(), bare: KeyIndex = new Map(), key: KeyIndex = new Map(), compact: KeyIndex = new Map();
    for (const u of this.units) {
      addKey(exact, exactKey(u.fullName), u);
      if (u.name !== u.fullName) addKey(exact, exactKey(u.name), u);
      const nf = normalizeName(u.fullName);
      const nn = u.name === u.fullName ? nf : normalizeName(u.name);
      addKey(full, nf, u);
      addKey(bare, nn, u);
      const kf = unitKeyOfNormalized(nf);
      const kn = nn === nf ? kf : unitKeyOfNormalized(nn);
      addKey(key, kf, u);
      if (kn !== kf) addKey(key, kn, u);
      const cf = compactOfKey(kf);
      addKey(compact, cf, u);
      if (kn !== kf) {
        const cn = compactOfKey(kn);
        if (cn !== cf) addKey(compact, cn, u);
      }
    }
    return (this.tiers = [exact, full, bare, key, compact]);
  }

  private get keys(): [string, UnitRef][] {
    return (this.keysCache ??= this.units.map((u) => [unitKey(u.fullName), u]));
  }

  byId(id: string): UnitRef | undefined {
    this.byIdMap ??= new Map(this.units.map((u) => [u.id, u]));
    return this.byIdMap.get(id);
  }

  /** Codes in canonical form (trimmed, upper case), built on the first lookup that misses the exact code. */
  private get canonical(): Map<string, UnitRef> {
    if (this.canonicalCache) return this.canonicalCache;
    const map = new Map<string, UnitRef>();
    for (const [code, u] of this.byCode) map.set(code.trim().toUpperCase(), u);
    return (this.canonicalCache = map);
  }
  private canonicalCache: Map<string, UnitRef> | null = null;

  /** The unit with this code; when the code was reused, the version valid on `date` (yyyy-mm-dd). */
  byCodeOf(code: string, date?: string | null): UnitRef | undefined {
    let u = this.byCode.get(code);
    if (!u) {
      const c = code.trim().toUpperCase();
      const canon = this.canonical;
      u = canon.get(c) ?? (/^\d+$/.test(c) ? canon.get(c.replace(/^0+/, "").padStart(5, "0")) ?? canon.get(c.replace(/^0+/, "")) : undefined);
    }
    if (u && this.versions.size) {
      const list = this.versions.get(u.code);
      if (list) return (date ? list.find((v) => validOn(v, date)) : undefined) ?? list.find((v) => !v.validTo) ?? u;
    }
    return u;
  }

  /** Code first; then the name (case, diacritics, Xã/Phường/Huyện… prefixes and spacing ignored). */
  match(code: string | null, name: string | null, preferParentId?: string | null, date?: string | null): UnitMatch {
    if (code) {
      const u = this.byCodeOf(code, date);
      if (u) return { kind: "found", unit: u, by: "code" };
    }
    if (name) {
      const [exact, full, bare, key, compact] = this.nameTiers as [KeyIndex, KeyIndex, KeyIndex, KeyIndex, KeyIndex];
      const n = normalizeName(name);
      const k = unitKeyOfNormalized(n);
      const tries: [KeyIndex, string][] = [[full, n], [bare, n], [key, k], [compact, compactOfKey(k)]];
      // eslint-disable-next-line no-control-regex -- "any non-ASCII character" is the test
      if (/[^\x00-\x7f]/.test(name)) tries.unshift([exact, exactKey(name)]);
      for (const [index, text] of tries) {
        let list = index.get(text);
        if (!list || list.length === 0) continue;
        if (list.length > 1 && date) {
          const valid = list.filter((u) => validOn(u, date));
          if (valid.length >= 1) list = valid;
        }
        if (list.length > 1 && preferParentId) {
          const inGroup = list.filter((u) => u.parentId === preferParentId);
          if (inGroup.length >= 1) list = inGroup;
        }
        if (list.length === 1) return { kind: "found", unit: list[0]!, by: "name" };
        return { kind: "ambiguous", candidates: list };
      }
      // "Sở Tư pháp", "STP": a province's report names its Department of Justice by its role, not its registry name.
      if (AGENCY_ROLE.test(n)) {
        const agencies = this.units.filter((u) => u.level === "AGENCY");
        if (agencies.length === 1) return { kind: "found", unit: agencies[0]!, by: "name" };
      }
    }
    return { kind: "unknown", suggestions: [] };
  }

  /** The closest names, for "did you mean …" (at most n, nearest first). */
  suggest(name: string, n = 3): UnitRef[] {
    const key = unitKey(name);
    if (!key) return [];
    const limit = Math.max(3, Math.floor(key.length / 2));
    const best: { d: number; u: UnitRef }[] = [];
    let worst = limit; // a candidate must beat the current n-th best
    for (const [k, u] of this.keys) {
      const d = editDistanceAtMost(key, k, worst);
      if (d > worst) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.d > d) at--;
      best.splice(at, 0, { d, u });
      if (best.length > n) best.pop();
      if (best.length === n) worst = best[n - 1]!.d;
    }
    return best.map((x) => x.u);
  }
}

/**
 * Matches one unit as a sheet writes it: official code first, then the normalized name within `units`
 * (the submitter's scope). An unknown unit comes back with the closest names as suggestions.
 */
export function matchUnit(
  units: readonly UnitRef[] | UnitIndex,
  input: { code?: string | null; name?: string | null },
  opts: { preferParentId?: string | null; suggestions?: number; date?: string | null } = {},
): UnitMatch {
  const index = units instanceof UnitIndex ? units : new UnitIndex(units);
  const m = index.match(input.code?.trim() || null, input.name?.trim() || null, opts.preferParentId, opts.date);
  if (m.kind === "unknown" && input.name) return { kind: "unknown", suggestions: index.suggest(input.name, opts.suggestions ?? 3) };
  return m;
}

const KIND_ALIASES: Record<string, string[]> = {
  BIRTH: ["khai sinh", "ks", "sinh", "birth", "births"],
  DEATH: ["khai tu", "kt", "tu", "death", "deaths"],
  MARRIAGE: ["ket hon", "kh", "marriage", "marriages"],
  PARENT_CHILD: ["nhan cha me con", "cha me con", "ncmc", "nhan cha me", "parent child", "parent child recognition"],
  CHANGE_CORRECTION: ["thay doi cai chinh bo sung ho tich", "thay doi cai chinh bo sung", "thay doi cai chinh", "cai chinh", "tdcc", "thay doi ho tich", "change correction", "change correction of civil status"],
  GUARDIANSHIP: ["giam ho", "gh", "guardianship"],
  OTHER: ["khac", "loai khac", "cac loai khac", "so khac", "other", "others"],
};

function stripBookWords(n: string): string {
  return n.replace(/^(so dang ky|so ho tich|so)\s+/, "").trim();
}

export class KindIndex {
  private map = new Map<string, string>();
  constructor(kinds: readonly RegisterKindRef[]) {
    for (const k of kinds) {
      for (const s of [k.code, k.nameVi, k.nameEn, ...(KIND_ALIASES[k.code] ?? [])]) this.map.set(stripBookWords(normalizeName(s)), k.code);
    }
  }
  match(text: string): string | null {
    // "Khác (nuôi con nuôi, ly hôn ở nước ngoài)": what is in brackets explains the kind, it does not name it.
    const n = stripBookWords(normalizeName(text.replace(/\([^)]*\)?/g, " ")));
    const direct = this.map.get(n) ?? this.map.get(n.replace(/^(dang ky|dk)\s+/, ""));
    if (direct) return direct;
    if (/^(cac )?(loai |so )?khac\b/.test(n)) return this.map.get("khac") ?? null;
    // "Sổ thay đổi, cải chính hộ tịch": the longest known spelling (two words or more) inside the text
    // decides; two kinds at the same length is no answer.
    let best: string | null = null, bestLen = 0, tie = false;
    const padded = ` ${n} `;
    for (const [alias, code] of this.map) {
      if (alias.length <= bestLen - 1 || !alias.includes(" ") || !padded.includes(` ${alias} `)) continue;
      if (alias.length > bestLen) { best = code; bestLen = alias.length; tie = false; }
      else if (alias.length === bestLen && code !== best) tie = true;
    }
    return tie ? null : best;
  }
}

export class PhaseIndex {
  private map = new Map<string, string>();
  constructor(private readonly phases: readonly PhaseRef[]) {
    for (const p of phases) for (const s of [p.code, p.nameVi, p.nameEn]) this.map.set(normalizeName(s), p.code);
  }
  match(v: string | number): string | null {
    const n = normalizeName(String(v));
    const direct = this.map.get(n);
    if (direct) return direct;
    const has = (code: string) => this.phases.some((p) => p.code === code);
    // Seeded phases: P1 = books of 2006 onward, P2 = 2005 and earlier.
    if (has("P1") && /^(giai doan|gd|phase|p)\s*(1|i)\b|^(1|i)$|(tu|sau) (nam )?2006|2006 (tro ve sau|den nay|nay)/.test(n)) return "P1";
    if (has("P2") && /^(giai doan|gd|phase|p)\s*(2|ii)\b|^(2|ii)$|(truoc|den) (nam )?(2006|2005)|2005 (tro ve truoc|ve truoc)/.test(n)) return "P2";
    return null;
  }
}
