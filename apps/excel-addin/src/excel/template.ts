/**
 * Inserting the official template (core's buildCommuneTemplate / buildRollupTemplate, or the server's copy)
 * as a new sheet: values and formulas in one write, text cells formatted as text (so "20491" stays a code and
 * "18/02/2025" stays the date as written), whole-number formats on the input cells, and — where the host has
 * ExcelApi 1.8 — data validation allowing whole numbers ≥ 0 there. Two syncs.
 */
import type { CellValue, Sheet, TemplateLayout } from "@sohoa/core";
import { boundsAddress } from "./a1";
import { hostFeatures, runExcel } from "./host";

export interface InsertableTemplate extends Sheet {
  layout?: TemplateLayout;
  formulas?: Record<string, string>;
}

export interface InsertResult {
  sheetName: string;
  address: string;
  dataValidation: boolean;
}

const INVALID = /[\\/?*[\]:]/g;

/** A sheet name not yet taken: "Tiến độ 20491", "Tiến độ 20491 (2)", … (31 characters at most). */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((s) => s.toLowerCase()));
  const base = wanted.replace(INVALID, " ").trim().slice(0, 31) || "Sohoa";
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

export interface TemplateMessages {
  validationTitle: string;
  validationMessage: string;
}

export async function insertTemplate(template: InsertableTemplate, messages: TemplateMessages): Promise<InsertResult> {
  const features = hostFeatures();
  const layout = template.layout;
  const width = Math.max(layout?.columns ?? 0, ...template.rows.map((r) => r.length), 1);
  const height = Math.max(template.rows.length, 1);
  const formulas = template.formulas ?? {};
  const cells: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  const inputCols = new Set(layout?.inputColumns ?? []);
  for (let r = 0; r < height; r++) {
    const src = template.rows[r] ?? [];
    const row: (string | number | boolean)[] = [];
    const fmt: string[] = [];
    for (let c = 0; c < width; c++) {
      const v: CellValue | undefined = src[c];
      const f = formulas[boundsAddress({ top: r, left: c, bottom: r, right: c })];
      row.push(f ?? (v === null || v === undefined ? "" : v));
      const isData = layout ? r >= layout.firstDataRow && (r <= layout.lastDataRow || layout.totalRows.includes(r)) : false;
      if (typeof v === "string" && !f) fmt.push("@");
      else if (isData && inputCols.has(c)) fmt.push("#,##0");
      else if (isData && layout && c === layout.percentColumn) fmt.push("0.0");
      else fmt.push("General");
    }
    cells.push(row);
    formats.push(fmt);
  }
  const address = boundsAddress({ top: 0, left: 0, bottom: height - 1, right: width - 1 });

  return runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(template.name, sheets.items.map((s) => s.name));
    const ws = sheets.add(name);
    const range = ws.getRange(address);
    // formats first: text cells must be text before the values land in them
    range.numberFormat = formats;
    range.formulas = cells;
    if (layout) {
      const header = ws.getRange(boundsAddress({ top: layout.headerRow, left: 0, bottom: layout.headerRow, right: width - 1 }));
      header.format.font.bold = true;
      header.format.wrapText = true;
      ws.getRange("A1").format.font.bold = true;
      ws.getRange(boundsAddress({ top: 0, left: 1, bottom: 0, right: 2 })).format.columnWidth = 160;
      ws.getRange(boundsAddress({ top: 0, left: 3, bottom: 0, right: width - 1 })).format.columnWidth = 90;
      for (const t of layout.totalRows) ws.getRange(boundsAddress({ top: t, left: 0, bottom: t, right: width - 1 })).format.font.bold = true;
    }
    if (features.merge) for (const m of template.merges ?? []) ws.getRange(m).merge(false);
    const inputs = layout && layout.inputColumns.length && layout.lastDataRow >= layout.firstDataRow
      ? boundsAddress({ top: layout.firstDataRow, left: Math.min(...layout.inputColumns), bottom: layout.lastDataRow, right: Math.max(...layout.inputColumns) })
      : null;
    if (features.dataValidation && inputs) {
      const dv = ws.getRange(inputs).dataValidation;
      dv.clear();
      dv.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      dv.errorAlert = { showAlert: true, style: "Stop", title: messages.validationTitle, message: messages.validationMessage };
    }
    ws.activate();
    if (inputs) ws.getRange(inputs.split(":")[0]!).select();
    await context.sync();
    return { sheetName: name, address, dataValidation: features.dataValidation && !!inputs };
  });
}
