import { describe, expect, it } from "vitest";
import { diffFigures, type Figure } from "./versions";

const fig = (kind: string, phase: string, digitized: number, total = 1000): Figure => ({
  registerKind: { code: kind, nameVi: kind, nameEn: kind }, phase: { code: phase, nameVi: phase, nameEn: phase },
  booksTotal: 10, booksDigitized: 1, entriesTotal: total, entriesDigitized: digitized, entriesChecked: 0, entriesLoaded: 0,
});

describe("what changed between versions", () => {
  it("lists only the figures that differ, with the previous value", () => {
    const changes = diffFigures([fig("KS", "P1", 100), fig("KT", "P1", 50)], [fig("KS", "P1", 350), fig("KT", "P1", 50, 1200)]);
    expect(changes.map((c) => [c.registerKind.code, c.field, c.before, c.after])).toEqual([["KS", "entriesDigitized", 100, 350], ["KT", "entriesTotal", 1000, 1200]]);
  });
  it("a first version shows every figure as new", () => {
    expect(diffFigures([], [fig("KS", "P1", 0)])).toHaveLength(6);
    expect(diffFigures([], [fig("KS", "P1", 0)])[0]!.before).toBeNull();
  });
});
