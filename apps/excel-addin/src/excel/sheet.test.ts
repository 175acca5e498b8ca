/** src/excel/* against Microsoft's office-addin-mock (property loads and syncs as the mock implements them). */
import { afterEach, describe, expect, it } from "vitest";
import { OfficeMockObject } from "office-addin-mock";
import { hostFeatures } from "./host";
import { readSheet, selectCell, toSheet } from "./sheet";

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

function install(data: Record<string, unknown>) {
  const excel = new OfficeMockObject({ ...data, run: async function (this: { context: unknown }, cb: (c: unknown) => Promise<unknown>) { return cb(this.context); } } as never);
  g.Excel = excel;
  return excel as unknown as { context: { workbook: { worksheets: { sheet: { selected?: string; active?: boolean } } } } };
}

describe("src/excel with office-addin-mock", () => {
  it("readSheet reads the used range in one load and anchors it at A1", async () => {
    install({
      context: {
        workbook: {
          worksheets: {
            sheet: {
              name: "Tiến độ 20491",
              used: { address: "'Tiến độ 20491'!B2:D3", values: [["STT", "", 3], [1, "Khai sinh", ""]] },
              getUsedRange: function (this: { used: unknown }) { return this.used; },
            },
            getActiveWorksheet: function (this: { sheet: unknown }) { return this.sheet; },
          },
        },
      },
    });
    const sheet = await readSheet();
    expect(sheet).toEqual({ name: "Tiến độ 20491", rows: [[], [null, "STT", null, 3], [null, 1, "Khai sinh"]] });
  });

  it("selectCell activates the sheet and selects the problem's cell", async () => {
    const calls: string[] = [];
    install({
      context: {
        workbook: {
          worksheets: {
            getItem: function (name: string) {
              calls.push(`getItem ${name}`);
              return {
                activate: () => calls.push("activate"),
                getRange: (a: string) => ({ select: () => calls.push(`select ${a}`) }),
              };
            },
          },
        },
      },
    });
    await selectCell("Tiến độ 20491", "G6");
    expect(calls).toEqual(["getItem Tiến độ 20491", "activate", "select G6"]);
  });

  it("feature detection reads Office.context.requirements (Excel 2016: 1.1 only)", () => {
    g.Office = new OfficeMockObject({ context: { requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= 1 } } } as never);
    expect(hostFeatures()).toEqual({ merge: false, dataValidation: false, comments: false, notes: false });
    g.Office = new OfficeMockObject({ context: { requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= 18 } } } as never);
    expect(hostFeatures()).toEqual({ merge: true, dataValidation: true, comments: true, notes: true });
  });

  it("toSheet turns empty strings into blanks and drops trailing blanks", () => {
    expect(toSheet("S", "S!A1:C2", [["a", "", ""], ["", "", ""]])).toEqual({ name: "S", rows: [["a"]] });
  });
});
