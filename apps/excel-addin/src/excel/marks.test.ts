import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateGrid, type Sheet } from "@sohoa/core";
import { ExcelDouble } from "../testing/excel-double";
import { filledRows, rollupFixture } from "../testing/fixtures";
import { clearMarks, MARK_FILL, MARKS_SETTING, markIssues, NOTE_PREFIX, validateAndMark } from "./marks";
import { insertTemplate } from "./template";

const MSG = { validationTitle: "Sai", validationMessage: "Nhập số nguyên ≥ 0" };

describe("validate-and-mark through the Excel double", () => {
  let host: ExcelDouble;
  let uninstall: () => void;
  beforeEach(() => {
    host = new ExcelDouble({ apiVersion: "1.1" });
    uninstall = host.install();
  });
  afterEach(() => uninstall());

  it("marks a 5,000-row sheet with thousands of problems in ≤ 5 syncs, and clearing restores the official's own fills", async () => {
    const { template, ctx } = rollupFixture(5000);
    const { sheetName } = await insertTemplate(template, MSG);
    host.model.setValues(sheetName, "A1", filledRows(template));
    const first = template.layout.firstDataRow + 1; // 1-based
    // The official's own formatting: a yellow title, a green row, and a blue cell that will be a problem cell.
    host.model.setFill(sheetName, "A1", "#FFFF00");
    host.model.setFill(sheetName, `A${first + 1}:L${first + 1}`, "#C6EFCE");
    host.model.setFill(sheetName, `G${first}`, "#0000FF");
    const before = host.model.fills(sheetName);

    host.resetCounters();
    const validate = (sheet: Sheet) => validateGrid({ sheets: [sheet] }, ctx).issues;
    const result = await validateAndMark(validate);
    expect(result.syncs).toBeLessThanOrEqual(5);
    expect(host.syncs).toBe(result.syncs);
    const errors = result.issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThan(2000);
    expect(result.cells).toBeGreaterThan(2000);
    // every problem cell is painted
    for (const issue of errors.slice(0, 500)) expect(host.model.fill(sheetName, issue.cell!)).toBe(MARK_FILL.error);
    expect(host.model.fill(sheetName, `G${first}`)).toBe(MARK_FILL.error);
    // untouched elsewhere
    expect(host.model.fill(sheetName, "A1")).toBe("#FFFF00");
    expect(host.model.fill(sheetName, `A${first + 1}`)).toBe("#C6EFCE");

    // validating again (same problems) does not take the marks as the official's colours
    host.resetCounters();
    const again = await validateAndMark(validate);
    expect(again.syncs).toBeLessThanOrEqual(5);

    host.resetCounters();
    await clearMarks();
    expect(host.syncs).toBeLessThanOrEqual(5);
    expect(host.model.fills(sheetName)).toEqual(before);
    expect(host.settings.has(MARKS_SETTING)).toBe(false);
  });

  it("marks the server's own issues (a former unit, a unit that does not report) on their cells, like local ones", async () => {
    const { template } = rollupFixture(20);
    const { sheetName } = await insertTemplate(template, MSG);
    host.model.setValues(sheetName, "A1", filledRows(template));
    const first = template.layout.firstDataRow + 1;
    host.model.setFill(sheetName, `B${first + 1}`, "#0000FF");
    const msg = { vi: "Đơn vị đã ngừng hoạt động", en: "A former unit" };
    const server = [
      { code: "UNIT_NOT_REPORTING", severity: "error" as const, message: msg, sheet: sheetName, cell: `B${first}`, row: first },
      { code: "UNIT_FORMER", severity: "warning" as const, message: msg, sheet: sheetName, cell: `B${first + 1}`, row: first + 1 },
      { code: "UNIT_FORMER", severity: "warning" as const, message: msg, sheet: "Another sheet", cell: "B2", row: 2 },
    ];
    const r = await markIssues(sheetName, server);
    expect(r.issues).toHaveLength(2); // only this sheet's
    expect(host.model.fill(sheetName, `B${first}`)).toBe(MARK_FILL.error);
    expect(host.model.fill(sheetName, `B${first + 1}`)).toBe(MARK_FILL.warning);
    await clearMarks();
    expect(host.model.fill(sheetName, `B${first + 1}`)).toBe("#0000FF");
  });

  it("restores the original fill after the official fixes the cell, and leaves a mark they repainted", async () => {
    const { template, ctx } = rollupFixture(20);
    const { sheetName } = await insertTemplate(template, MSG);
    host.model.setValues(sheetName, "A1", filledRows(template));
    const first = template.layout.firstDataRow + 1;
    host.model.setFill(sheetName, `G${first}`, "#0000FF");
    const validate = (sheet: Sheet) => validateGrid({ sheets: [sheet] }, ctx).issues;
    const r1 = await validateAndMark(validate);
    const gIssue = r1.issues.find((i) => i.cell === `G${first}`);
    expect(gIssue?.code).toBe("DIGITIZED_GT_TOTAL");
    const h = r1.issues.find((i) => i.code === "CHECKED_GT_DIGITIZED")!;
    // the official repaints one marked cell themselves
    host.model.setFill(sheetName, h.cell!, "#00FF00");
    // and fixes the first row
    host.model.setValues(sheetName, `G${first}`, [[500]]);
    const r2 = await validateAndMark(validate);
    expect(r2.issues.some((i) => i.cell === `G${first}`)).toBe(false);
    expect(host.model.fill(sheetName, `G${first}`)).toBe("#0000FF");
    // still a problem, but the official's colour wins over Sohoa's bookkeeping only until the next mark
    expect(host.model.fill(sheetName, h.cell!)).toBe(MARK_FILL.error);
    await clearMarks();
    expect(host.model.fill(sheetName, h.cell!)).toBe("#00FF00");
    expect(host.model.fill(sheetName, `G${first}`)).toBe("#0000FF");
  });

  it("adds notes where the host has them (ExcelApi 1.18), never over the official's own note, and removes them on clearing", async () => {
    uninstall();
    host = new ExcelDouble({ apiVersion: "1.18" });
    uninstall = host.install();
    const { template, ctx } = rollupFixture(10);
    const { sheetName } = await insertTemplate(template, MSG);
    host.model.setValues(sheetName, "A1", filledRows(template));
    const first = template.layout.firstDataRow + 1;
    const sheet = host.model.sheet(sheetName);
    sheet.notes.set(`H${first + 1}`, "ghi chú của cán bộ");
    const r = await validateAndMark((s) => validateGrid({ sheets: [s] }, ctx).issues);
    expect(r.syncs).toBeLessThanOrEqual(5);
    expect(sheet.notes.get(`G${first}`)).toMatch(new RegExp(`^\\${NOTE_PREFIX}`));
    expect(sheet.notes.get(`H${first + 1}`)).toBe("ghi chú của cán bộ");
    expect(r.notes).toBeGreaterThan(0);
    await clearMarks();
    expect([...sheet.notes.keys()]).toEqual([`H${first + 1}`]);
  });

  it("inserts the template with formulas that compute, text cells kept as text, and data validation when the host has 1.8", async () => {
    uninstall();
    host = new ExcelDouble({ apiVersion: "1.8" });
    uninstall = host.install();
    const { template } = rollupFixture(3);
    host.model.addSheet(template.name);
    host.resetCounters();
    const res = await insertTemplate(template, MSG);
    expect(host.syncs).toBe(2);
    expect(res.sheetName).toBe(`${template.name} (2)`);
    expect(res.dataValidation).toBe(true);
    const s = host.model.sheet(res.sheetName);
    expect(s.validations[0]).toMatchObject({ top: 5, left: 3, right: 8, rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } } });
    expect(host.model.value(res.sheetName, "B6")).toBe("30000");
    host.model.setValues(res.sheetName, "F6", [[200, 50]]);
    expect(host.model.value(res.sheetName, "J6")).toBe(25);
    expect(host.model.value(res.sheetName, "G9")).toBe(50); // the total row's SUM
    expect(host.model.selection).toEqual({ sheet: res.sheetName, address: "D6" });
  });

  it("on Excel 2016 (ExcelApi 1.1) inserts without data validation or merge instead of failing", async () => {
    const { template } = rollupFixture(2);
    const res = await insertTemplate(template, MSG);
    expect(res.dataValidation).toBe(false);
    expect(host.model.sheet(res.sheetName).merges).toEqual([]);
  });
});
