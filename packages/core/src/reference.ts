/**
 * Matching what a sheet says to reference data: units (official code first, then the normalized name within
 * the submitter's scope), register kinds and book phases (kept as data; the aliases below only add common
 * spellings for the seeded codes).
 */
import { editDistance, normalizeName, unitKey } from "./text";
import type { PhaseRef, RegisterKindRef, UnitRef } from "./types";

export type UnitMatch =
  | { kind: "found"; unit: UnitRef; by: "code" | "name" }
  | { kind: "ambiguous"; candidates: UnitRef[] }
  | { kind: "unknown"; suggestions: UnitRef[] };

export class UnitIndex {
  private byCode = new Map<string, UnitRef>();
  private byKeyCache: Map<string, UnitRef[]> | null = null;
  private keysCache: [string, UnitRef][] | null = null;
  readonly children = new Map<string, UnitRef[]>();

  constructor(readonly units: readonly UnitRef[]) {
    for (const u of units) {
      this.byCode.set(u.code.toUpperCase(), u);
      if (u.parentId) {
        const list = this.children.get(u.parentId);
        if (list) list.push(u);
        else this.children.set(u.parentId, [u]);
      }
    }
  }

  /** Name index, built on first use: sheets that carry codes never pay for it. */
  private get byKey(): Map<string, UnitRef[]> {
    if (this.byKeyCache) return this.byKeyCache;
    const map = new Map<string, UnitRef[]>();
    for (const u of this.units) {
      for (const k of new Set([unitKey(u.fullName), unitKey(u.name), normalizeName(u.fullName)])) {
        if (!k) continue;
        const list = map.get(k);
        if (!list) map.set(k, [u]);
        else if (!list.includes(u)) list.push(u);
      }
    }
    return (this.byKeyCache = map);
  }

  private get keys(): [string, UnitRef][] {
    return (this.keysCache ??= this.units.map((u) => [unitKey(u.fullName), u]));
  }

  byId(id: string): UnitRef | undefined {
    return this.units.find((u) => u.id === id);
  }

  /** Code first; then the name (case, diacritics, Xã/Phường/Huyện… prefixes and spacing ignored). */
  match(code: string | null, name: string | null, preferParentId?: string | null): UnitMatch {
    if (code) {
      const u = this.byCode.get(code.trim().toUpperCase()) ?? this.byCode.get(code.trim().toUpperCase().replace(/^0+/, "").padStart(5, "0"));
      if (u) return { kind: "found", unit: u, by: "code" };
    }
    if (name) {
      let list = this.byKey.get(unitKey(name)) ?? this.byKey.get(normalizeName(name)) ?? [];
      if (list.length > 1) {
        // "Xã Tân An" and "Phường Tân An": the prefix written decides when it is there.
        const full = list.filter((u) => normalizeName(u.fullName) === normalizeName(name));
        if (full.length === 1) list = full;
      }
      if (list.length > 1 && preferParentId) {
        const inGroup = list.filter((u) => u.parentId === preferParentId);
        if (inGroup.length === 1) list = inGroup;
      }
      if (list.length === 1) return { kind: "found", unit: list[0]!, by: "name" };
      if (list.length > 1) return { kind: "ambiguous", candidates: list };
    }
    return { kind: "unknown", suggestions: [] };
  }

  /** The closest names, for "did you mean …". */
  suggest(name: string, n = 3): UnitRef[] {
    const key = unitKey(name);
    if (!key) return [];
    return this.keys
      .map(([k, u]) => [editDistance(key, k), u] as const)
      .filter(([d]) => d <= Math.max(3, Math.floor(key.length / 2)))
      .sort((a, b) => a[0] - b[0])
      .slice(0, n)
      .map(([, u]) => u);
  }
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
    const n = stripBookWords(normalizeName(text));
    return this.map.get(n) ?? this.map.get(n.replace(/^(dang ky|dk)\s+/, "")) ?? null;
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
