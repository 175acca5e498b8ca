/**
 * The figures Sohoa counts, once. Everything that lists them — the type, zero counts, field names in messages,
 * template headers, the no-decrease rule, "at most" rules, the API schema and db's row mapping — derives
 * from this table, so a new figure is one entry here plus what is really new about it.
 */
import type { Message } from "./types";

export interface CountFieldDef<K extends string = string> {
  key: K;
  /** the name in messages and the template's header (Vietnamese as the official sheet writes it) */
  label: Message;
  /** the name in narrow tables (version history, cards) */
  short: Message;
  /** cumulative: a later report may not be lower without a correction reason */
  neverDecreases: boolean;
  /** the figure that bounds this one (digitized ≤ total) */
  atMost?: string;
}

export const COUNT_FIELD_TABLE = [
  { key: "booksTotal", label: { vi: "Tổng số sổ", en: "Books total" }, short: { vi: "Tổng số sổ", en: "Books total" }, neverDecreases: false },
  { key: "booksDigitized", label: { vi: "Số sổ đã số hóa", en: "Books digitized" }, short: { vi: "Sổ đã số hóa", en: "Books digitized" }, neverDecreases: true, atMost: "booksTotal" },
  { key: "entriesTotal", label: { vi: "Tổng số dữ liệu cần số hóa", en: "Entries to digitize" }, short: { vi: "Tổng dữ liệu", en: "Entries total" }, neverDecreases: false },
  { key: "entriesDigitized", label: { vi: "Số dữ liệu đã số hóa", en: "Entries digitized" }, short: { vi: "Dữ liệu đã số hóa", en: "Entries digitized" }, neverDecreases: true, atMost: "entriesTotal" },
  { key: "entriesChecked", label: { vi: "Số dữ liệu đã kiểm tra", en: "Entries checked" }, short: { vi: "Đã kiểm tra", en: "Checked" }, neverDecreases: true, atMost: "entriesDigitized" },
  { key: "entriesLoaded", label: { vi: "Số dữ liệu đã đưa vào CSDL", en: "Entries loaded into the database" }, short: { vi: "Đã đưa vào CSDL", en: "Loaded" }, neverDecreases: true, atMost: "entriesDigitized" },
] as const satisfies readonly CountFieldDef[];

export type CountField = (typeof COUNT_FIELD_TABLE)[number]["key"];
export type ProgressCounts = Record<CountField, number>;

export const COUNT_FIELDS: readonly CountField[] = COUNT_FIELD_TABLE.map((f) => f.key);
export const ZERO_COUNTS: ProgressCounts = Object.freeze(Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0]))) as ProgressCounts;
export const FIELD_NAMES = Object.fromEntries(COUNT_FIELD_TABLE.map((f) => [f.key, f.label])) as Record<CountField, Message>;
/** the cumulative figures, checked against the last report */
export const NEVER_DECREASING: readonly CountField[] = COUNT_FIELD_TABLE.filter((f) => f.neverDecreases).map((f) => f.key);

/** field → its name in a language: `countLabels("vi")`, or the short names for narrow tables */
export const countLabels = (l: "vi" | "en", which: "label" | "short" = "label") =>
  Object.fromEntries(COUNT_FIELD_TABLE.map((f) => [f.key, f[which][l]])) as Record<CountField, string>;

/** A fresh zero counts object (mutable, for sums). */
export const zeroCounts = (): ProgressCounts => ({ ...ZERO_COUNTS });
/** a + b, field by field */
export function addCounts(a: ProgressCounts, b: ProgressCounts): ProgressCounts {
  const out = zeroCounts();
  for (const f of COUNT_FIELDS) out[f] = a[f] + b[f];
  return out;
}
