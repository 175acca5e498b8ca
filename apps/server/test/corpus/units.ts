/**
 * The real units of Quảng Nam (province 49) as the registry the repository ships has them
 * (packages/db/registry/vn-units-2025-06-30.json), and the made-up figures the corpus puts on them: a small
 * seeded generator, so every run writes the same workbooks and the expectations are computed from the same
 * numbers the cells get.
 */
import { readRegistry, REGISTRY_2025_06_30 } from "@sohoa/db";

export interface RegUnit { code: string; name: string; fullName: string; type?: string }
export interface RegDistrict extends RegUnit { wards: RegUnit[] }

const QUANG_NAM = (() => {
  const p = readRegistry(REGISTRY_2025_06_30).find((x) => x.code === "49");
  if (!p) throw new Error("province 49 (Quảng Nam) is not in the 2025-06-30 registry");
  return p;
})();

export const PROVINCE: RegUnit = { code: QUANG_NAM.code, name: QUANG_NAM.name, fullName: QUANG_NAM.fullName };

export function district(code: string): RegDistrict {
  const d = (QUANG_NAM.districts ?? []).find((x) => x.code === code);
  if (!d) throw new Error(`district ${code} is not in Quảng Nam`);
  return { code: d.code, name: d.name, fullName: d.fullName, type: d.type, wards: (d.wards ?? []).map((w) => ({ code: w.code, name: w.name, fullName: w.fullName, type: w.type })) };
}

export function ward(code: string): RegUnit {
  for (const d of QUANG_NAM.districts ?? []) {
    const w = (d.wards ?? []).find((x) => x.code === code);
    if (w) return { code: w.code, name: w.name, fullName: w.fullName, type: w.type };
  }
  throw new Error(`commune ${code} is not in Quảng Nam`);
}

/** The provincial Department of Justice, a reporting agency of the demo (its own books; code 49-STP). */
export const AGENCY = { code: "49-STP", label: "Sở Tư pháp" };

export interface Counts {
  booksTotal: number;
  booksDigitized: number;
  entriesTotal: number;
  entriesDigitized: number;
  entriesChecked: number;
  entriesLoaded: number;
}
export const FIELDS = ["booksTotal", "booksDigitized", "entriesTotal", "entriesDigitized", "entriesChecked", "entriesLoaded"] as const satisfies readonly (keyof Counts)[];
export const ZERO: Counts = { booksTotal: 0, booksDigitized: 0, entriesTotal: 0, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 };

export function sum(list: Counts[]): Counts {
  const out = { ...ZERO };
  for (const c of list) for (const f of FIELDS) out[f] += c[f];
  return out;
}

/** mulberry32: small, seeded, the same everywhere. */
export function rng(seed: number): { next(): number; int(lo: number, hi: number): number; between(lo: number, hi: number): number } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), between: (lo, hi) => lo + next() * (hi - lo) };
}
export type Rng = ReturnType<typeof rng>;

/** Made-up counts of one unit (or one register kind of a unit): `total` entries, `ratio` of them digitized. */
export function counts(r: Rng, total: number, ratio: number): Counts {
  const entriesDigitized = Math.round(total * ratio);
  const entriesChecked = Math.floor(entriesDigitized * r.between(0.82, 0.97));
  const entriesLoaded = Math.floor(entriesChecked * r.between(0.75, 0.95));
  const booksTotal = total === 0 ? 0 : Math.max(1, Math.ceil(total / r.between(90, 150)));
  const booksDigitized = total === 0 ? 0 : Math.floor((booksTotal * entriesDigitized) / total);
  return { booksTotal, booksDigitized, entriesTotal: total, entriesDigitized, entriesChecked, entriesLoaded };
}

/** A commune's made-up counts: most between 10% and 95% done; `zero` ones have not started. */
export function communeCounts(r: Rng, zero = false): Counts {
  const total = r.int(1_800, 14_000);
  return counts(r, total, zero ? 0 : r.between(0.08, 0.95));
}

export interface KindRef { code: string; labels: string[] }
/** Register kinds with the labels offices type for them (first: the usual one). */
export const KINDS: KindRef[] = [
  { code: "BIRTH", labels: ["Khai sinh", "Sổ khai sinh", "Đăng ký khai sinh"] },
  { code: "DEATH", labels: ["Khai tử", "Sổ khai tử", "Đăng ký khai tử"] },
  { code: "MARRIAGE", labels: ["Kết hôn", "Sổ kết hôn", "Đăng ký kết hôn"] },
  { code: "PARENT_CHILD", labels: ["Nhận cha, mẹ, con", "Nhận cha mẹ con", "Cha, mẹ, con"] },
  { code: "CHANGE_CORRECTION", labels: ["Thay đổi, cải chính, bổ sung hộ tịch", "Thay đổi, cải chính hộ tịch", "TĐ, CC, BS hộ tịch"] },
  { code: "GUARDIANSHIP", labels: ["Giám hộ", "Sổ giám hộ", "Giám hộ"] },
  { code: "OTHER", labels: ["Các loại khác", "Khác", "Sổ khác"] },
];
const KIND_SHARE: Record<string, number> = { BIRTH: 45, DEATH: 15, MARRIAGE: 20, PARENT_CHILD: 3, CHANGE_CORRECTION: 10, GUARDIANSHIP: 1, OTHER: 6 };

export type PhaseCode = "P1" | "P2";
/** A commune's made-up counts per register kind and phase. */
export function kindCounts(r: Rng, kinds: KindRef[], started = true): Record<PhaseCode, Map<string, Counts>> {
  const out: Record<PhaseCode, Map<string, Counts>> = { P1: new Map(), P2: new Map() };
  const size = r.int(2_000, 9_000);
  for (const phase of ["P1", "P2"] as const) {
    for (const k of kinds) {
      const total = Math.round((size * KIND_SHARE[k.code]! * (phase === "P1" ? 0.58 : 0.42) * r.between(0.7, 1.3)) / 100);
      out[phase].set(k.code, counts(r, total, started ? r.between(phase === "P1" ? 0.35 : 0.05, phase === "P1" ? 0.98 : 0.6) : 0));
    }
  }
  return out;
}
