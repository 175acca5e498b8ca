/** The contract against core's own shapes: what core produces passes through the schemas unchanged, and the types agree. */
import { describe, expect, it } from "vitest";
import { buildCommuneTemplate, forecastCompletion, validateGrid, type Forecast as CoreForecast, type Message as CoreMessage, type ProgressCounts as CoreCounts, type UnitRef, type ValidationIssue as CoreIssue, type WorkbookReading as CoreReading } from "@sohoa/core";
import { ForecastSchema, GridSchema, isCalendarDate, ValidationIssueSchema, WorkbookReadingSchema, type Forecast, type Message, type ProgressCounts, type ValidationIssue, type WorkbookReading } from "./index";

// Both directions must compile: a field added on one side only breaks `lint` here.
const same = <A, B>(a: A, b: B): [A, B] => [a, b];
export const typesAgree = (r: CoreReading, w: WorkbookReading, i: CoreIssue, v: ValidationIssue, c: CoreCounts, p: ProgressCounts, m: CoreMessage, n: Message, f: CoreForecast) => {
  const r2: CoreReading = w, w2: WorkbookReading = r, i2: CoreIssue = v, v2: ValidationIssue = i, c2: CoreCounts = p, p2: ProgressCounts = c, m2: CoreMessage = n, n2: Message = m;
  const f2: Forecast = f, f3: CoreForecast = f2;
  return same([r2, w2, i2, v2], [c2, p2, m2, n2, f3]);
};

const zaHung: UnitRef = { id: "c20491", code: "20491", name: "Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d505" };
const kinds = [{ code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: 1 }];
const phases = [{ code: "P1", nameVi: "Giai đoạn 1", nameEn: "Phase 1" }];

describe("the contract carries what core produces", () => {
  const sheet = buildCommuneTemplate({ unit: zaHung, registerKinds: kinds, phases, reportDate: "2025-02-19" });
  for (const r of sheet.rows.slice(sheet.layout.firstDataRow)) [r[3], r[4], r[5], r[6], r[7], r[8]] = [10, 4, 1000, 400, 300, 2000];
  const result = validateGrid({ sheets: [sheet] }, { today: "2025-02-20", submitter: zaHung, units: [zaHung], registerKinds: kinds, phases });

  it("keeps every field of a reading and of its issues (zod drops fields a schema lacks)", () => {
    expect(result.reading.sheets.length).toBeGreaterThan(0);
    expect(result.issues.length).toBeGreaterThan(0); // loaded > digitized: an issue to carry
    expect(WorkbookReadingSchema.parse(result.reading)).toEqual(result.reading);
    for (const issue of result.issues) expect(ValidationIssueSchema.parse(issue)).toEqual(issue);
  });

  it("keeps a forecast as core computes it", () => {
    const f = forecastCompletion({ series: [{ date: "2025-02-01", value: 100 }, { date: "2025-02-15", value: 800 }], total: 5000, today: "2025-02-15", deadline: "2025-03-31" });
    expect(ForecastSchema.parse(f)).toEqual(f);
  });

  it("accepts the template as a grid and refuses a bad cell by its address, in both languages", () => {
    expect(GridSchema.safeParse({ sheets: [{ name: sheet.name, rows: sheet.rows }] }).success).toBe(true);
    const bad = GridSchema.safeParse({ sheets: [{ name: "S", rows: [[1, 2], [3, { x: 1 }]] }] });
    expect(bad.success).toBe(false);
    const issue = bad.error?.issues[0];
    expect(issue?.path).toEqual(["sheets", 0, "rows", 1, 1]);
    expect(issue?.message).toContain("cell B2");
  });

  it("knows calendar days", () => {
    expect(["2025-02-18", "2024-02-29"].map(isCalendarDate)).toEqual([true, true]);
    expect(["2025-02-30", "2025-13-01", "0000-00-00", "2025-2-1"].map(isCalendarDate)).toEqual([false, false, false, false]);
  });
});
