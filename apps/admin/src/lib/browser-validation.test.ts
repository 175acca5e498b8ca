import { describe, expect, it } from "vitest";
import { communeContext, setValidatorLoader, validateInBrowser } from "./browser-validation";
import type { KindPhaseRow, UnitSummary } from "@sohoa/contract";

const commune: UnitSummary = { id: "c1", code: "20491", name: "Xã Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d505", nameEn: null, validFrom: "2025-07-01", validTo: null };
const counts = { booksTotal: 10, booksDigitized: 2, entriesTotal: 1000, entriesDigitized: 200, entriesChecked: 0, entriesLoaded: 0 };
const row = (kind: string, phase: string, reportDate: string): KindPhaseRow => ({ registerKind: { code: kind, nameVi: kind, nameEn: kind }, phase: { code: phase, nameVi: phase, nameEn: phase }, counts, completion: 0.2, reportDate, version: 1 });

describe("browser validation context", () => {
  it("is built from a commune's kinds × phases, with each reported row as the previous figures", () => {
    const ctx = communeContext(commune, [row("KS", "P1", "2025-02-18"), row("KS", "P2", "2025-02-10"), row("KT", "P1", "2025-02-17")], "2025-02-19", "2025-02-19")!;
    expect(ctx.units).toEqual([commune]);
    expect(ctx.registerKinds.map((k) => k.code)).toEqual(["KS", "KT"]);
    expect(ctx.phases.map((p) => p.code)).toEqual(["P1", "P2"]);
    expect([...ctx.previous!.keys()]).toEqual(["20491|KS|P1", "20491|KS|P2", "20491|KT|P1"]);
    expect(ctx.reportDate).toBe("2025-02-19");
  });
  it("is not built for a parent unit or without a breakdown (the server validates those)", () => {
    expect(communeContext({ ...commune, level: "DISTRICT" }, [row("KS", "P1", "2025-02-18")], "2025-02-19")).toBeNull();
    expect(communeContext(commune, [], "2025-02-19")).toBeNull();
  });
  it("runs the loaded validator, or says it cannot", async () => {
    const ctx = communeContext(commune, [row("KS", "P1", "2025-02-18")], "2025-02-19");
    const grid = { sheets: [{ name: "S", rows: [[1]] }] };
    setValidatorLoader(async () => null);
    expect(await validateInBrowser(grid, ctx)).toBeNull();
    setValidatorLoader(async () => (g) => ({ issues: [{ code: "X", severity: "error", sheet: g.sheets[0]!.name, cell: "A1", message: { vi: "lỗi", en: "error" } }] }));
    expect(await validateInBrowser(grid, ctx)).toHaveLength(1);
    expect(await validateInBrowser(grid, null)).toBeNull();
  });
});
