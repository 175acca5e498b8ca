/** What a submission changed compared with the previous version for the same unit and date, per kind × phase. */
import type { NamedCode } from "@sohoa/contract";
import { COUNT_FIELDS, type CountField } from "@sohoa/core";

export const FIGURE_FIELDS = COUNT_FIELDS;
export type FigureField = CountField;
export type Figure = { registerKind: NamedCode; phase: NamedCode } & Record<FigureField, number>;
export interface FigureChange { registerKind: NamedCode; phase: NamedCode; field: FigureField; before: number | null; after: number }

export function diffFigures(before: Figure[], after: Figure[]): FigureChange[] {
  const key = (f: Figure) => `${f.registerKind.code}|${f.phase.code}`;
  const old = new Map(before.map((f) => [key(f), f]));
  const out: FigureChange[] = [];
  for (const f of after) {
    const o = old.get(key(f));
    for (const field of FIGURE_FIELDS) {
      const prev = o ? o[field] : null;
      if (prev !== f[field]) out.push({ registerKind: f.registerKind, phase: f.phase, field, before: prev, after: f[field] });
    }
  }
  return out;
}
