import { describe, expect, it } from "vitest";
import { buildValidationContext, figuresKey } from "./context";
import { validateGrid } from "./validate";
import { buildCommuneTemplate } from "./template";
import type { UnitRef } from "./types";

const zaHung: UnitRef = { id: "c20491", code: "20491", name: "Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d505" };
const counts = (entriesDigitized: number) => ({ booksTotal: 10, booksDigitized: 4, entriesTotal: 1000, entriesDigitized, entriesChecked: 0, entriesLoaded: 0 });
const kinds = [{ code: "KS", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: null }, { code: "KT", nameVi: "Khai tử", nameEn: "Death", sortOrder: 7 }];
const phases = [{ code: "P1", nameVi: "Giai đoạn 1", nameEn: "Phase 1" }];

describe("buildValidationContext", () => {
  it("keys previous figures by unit|kind|phase, orders kinds by position when unsorted, and keeps only what core reads", () => {
    const ctx = buildValidationContext({
      today: "2025-02-20", submitter: zaHung, registerKinds: kinds.map((k) => ({ ...k, id: "x", active: true })), phases, reportDate: "2025-02-19",
      previous: [{ unitCode: "20491", registerKind: "KS", phase: "P1", counts: counts(400) }],
    });
    expect(ctx.units).toEqual([zaHung]);
    expect(ctx.registerKinds).toEqual([{ code: "KS", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: 0 }, { code: "KT", nameVi: "Khai tử", nameEn: "Death", sortOrder: 7 }]);
    expect([...ctx.previous!.keys()]).toEqual([figuresKey("20491", "KS", "P1")]);
    expect(ctx.reportDate).toBe("2025-02-19");
    expect(ctx.correction).toBeNull();
    expect(ctx.inventory).toBeUndefined();
  });

  it("makes a correction of any given reason, a blank one included (core then asks for it)", () => {
    const base = { today: "2025-02-20", submitter: zaHung, registerKinds: kinds, phases };
    expect(buildValidationContext({ ...base, correctionReason: "nhập nhầm" }).correction).toEqual({ reason: "nhập nhầm" });
    const sheet = buildCommuneTemplate({ unit: zaHung, registerKinds: [{ code: "KS", nameVi: "Khai sinh", nameEn: "Birth" }], phases, reportDate: "2025-02-19" });
    const blank = validateGrid({ sheets: [sheet] }, buildValidationContext({ ...base, correctionReason: "" }));
    expect(blank.issues.map((i) => i.code)).toContain("CORRECTION_REASON_MISSING");
    const none = validateGrid({ sheets: [sheet] }, buildValidationContext({ ...base, correctionReason: null }));
    expect(none.issues.map((i) => i.code)).not.toContain("CORRECTION_REASON_MISSING");
  });

  it("gives core the previous figures it compares with: a drop below them is caught", () => {
    const sheet = buildCommuneTemplate({ unit: zaHung, registerKinds: [{ code: "KS", nameVi: "Khai sinh", nameEn: "Birth" }], phases, reportDate: "2025-02-19" });
    for (const r of sheet.rows.slice(sheet.layout.firstDataRow)) [r[3], r[4], r[5], r[6], r[7], r[8]] = [10, 4, 1000, 100, 0, 0];
    const base = { today: "2025-02-20", submitter: zaHung, registerKinds: [kinds[0]!], phases, reportDate: "2025-02-19" };
    const without = validateGrid({ sheets: [sheet] }, buildValidationContext(base)).issues.map((i) => i.code);
    const withPrev = validateGrid({ sheets: [sheet] }, buildValidationContext({ ...base, previous: [{ unitCode: "20491", registerKind: "KS", phase: "P1", counts: counts(400) }] })).issues.map((i) => i.code);
    expect(withPrev.length).toBeGreaterThan(without.length);
  });
});
