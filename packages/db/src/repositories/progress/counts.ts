/** The six figures every snapshot and roll-up row carries, and the row types raw queries return, declared once. */
import type { PrismaClient, Prisma } from "../../generated/prisma/client";

export type Tx = Prisma.TransactionClient | PrismaClient;

export interface Counts {
  booksTotal: number;
  booksDigitized: number;
  entriesTotal: number;
  entriesDigitized: number;
  entriesChecked: number;
  entriesLoaded: number;
}

export const COUNT_FIELDS = ["booksTotal", "booksDigitized", "entriesTotal", "entriesDigitized", "entriesChecked", "entriesLoaded"] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export const ZERO: Counts = { booksTotal: 0, booksDigitized: 0, entriesTotal: 0, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 };

/** The count columns, quoted, in COUNT_FIELDS order. */
export const COUNT_COLUMNS = COUNT_FIELDS.map((f) => `"${f}"`).join(", ");
/** The count columns of table alias `t`. */
export const countsOf = (t: string) => COUNT_FIELDS.map((f) => `${t}."${f}"`).join(", ");

/** Counts as raw queries return them (int8 sums as BigInt, int4 as number). */
export type CountsRow = Record<CountField, bigint | number>;

/** A roll-up row as read: the unit's subtree figures from `date` on. */
export type RollupDbRow = CountsRow & { unitId: string; date: Date; lastReportAt: Date | null };

/** A snapshot's key and figures as read. */
export type SnapshotDbRow = CountsRow & { unitId: string; registerKindId: string; phaseId: string; version: number; reportDate: Date };

export type Source = "ADDIN" | "UPLOAD" | "CONSOLE" | "API" | "DEMO" | "CARRIED";

// Field by field: these run a few times for every row of every sheet received.
export function pick(r: Partial<Record<keyof Counts, unknown>>): Counts {
  return {
    booksTotal: Number(r.booksTotal ?? 0), booksDigitized: Number(r.booksDigitized ?? 0), entriesTotal: Number(r.entriesTotal ?? 0),
    entriesDigitized: Number(r.entriesDigitized ?? 0), entriesChecked: Number(r.entriesChecked ?? 0), entriesLoaded: Number(r.entriesLoaded ?? 0),
  };
}
export function diff(a: Counts, b: Counts): Counts {
  return {
    booksTotal: a.booksTotal - b.booksTotal, booksDigitized: a.booksDigitized - b.booksDigitized, entriesTotal: a.entriesTotal - b.entriesTotal,
    entriesDigitized: a.entriesDigitized - b.entriesDigitized, entriesChecked: a.entriesChecked - b.entriesChecked, entriesLoaded: a.entriesLoaded - b.entriesLoaded,
  };
}
export function add(a: Counts, b: Counts): Counts {
  return {
    booksTotal: a.booksTotal + b.booksTotal, booksDigitized: a.booksDigitized + b.booksDigitized, entriesTotal: a.entriesTotal + b.entriesTotal,
    entriesDigitized: a.entriesDigitized + b.entriesDigitized, entriesChecked: a.entriesChecked + b.entriesChecked, entriesLoaded: a.entriesLoaded + b.entriesLoaded,
  };
}

/** Sum of counts (numbers), e.g. roll-up rows. */
export function sumCountsOf(list: Counts[]): Counts {
  const c = { ...ZERO };
  for (const x of list) for (const f of COUNT_FIELDS) c[f] += x[f];
  return c;
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
