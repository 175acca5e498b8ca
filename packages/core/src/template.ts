/**
 * The official sheets, as data (versioned): the commune sheet (rows per register kind × phase) and the roll-up
 * sheet (rows per unit, grouped by district with subtotal rows, and a grand total). The add-in inserts them,
 * the console offers them for download, and validateGrid reads them back.
 */
import { columnLetters } from "./a1";
import { formatDate } from "./format";
import { sumCounts } from "./metrics";
import { COUNT_FIELDS, countLabels, type CountField } from "./count-fields";
import type { CellValue, Locale, PhaseRef, ProgressCounts, RegisterKindRef, Sheet, UnitRef } from "./types";
import { figuresKey } from "./context";

export const TEMPLATE_VERSION = "1";

export type TemplateColumn = "index" | "code" | "name" | "kind" | "phase" | "book" | CountField | "percent" | "note" | "correction";
type Headers = Record<TemplateColumn, string>;
export const HEADERS: Record<Locale, Headers> = {
  vi: {
    index: "STT", code: "Mã đơn vị", name: "Tên đơn vị", kind: "Loại sổ", phase: "Giai đoạn", ...countLabels("vi"),
    percent: "Tỷ lệ (%)", note: "Ghi chú", correction: "Lý do điều chỉnh", book: "Quyển sổ",
  },
  en: {
    index: "No.", code: "Unit code", name: "Unit name", kind: "Register kind", phase: "Phase", ...countLabels("en"),
    percent: "Rate (%)", note: "Notes", correction: "Correction reason", book: "Book no.",
  },
};

const TITLE: Record<Locale, string> = { vi: "BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH", en: "CIVIL-STATUS REGISTER DIGITIZATION PROGRESS REPORT" };
const DATE_LABEL: Record<Locale, string> = { vi: "Ngày báo cáo:", en: "Report date:" };
const UNIT_LABEL: Record<Locale, string> = { vi: "Đơn vị:", en: "Unit:" };
const TOTAL: Record<Locale, string> = { vi: "Tổng cộng", en: "Total" };

/**
 * Where things are in a template, for the apps (data validation, number formats, widths); 0-based indexes.
 * `formulas` (A1 → Excel formula, English function names) are what the apps should write instead of the
 * cached values in `rows`: the stated rate and the total rows. validateGrid reads either.
 */
export interface TemplateLayout {
  version: string; headerRow: number; firstDataRow: number; lastDataRow: number; inputColumns: number[]; percentColumn: number; columns: number; dateCell: string; totalRows: number[];
  /** each column's key, left to right: find a column by what it holds, not by its position */
  keys: TemplateColumn[];
}

/** A template's columns in order; every position and letter derives from this list. */
function columnsOf(lead: TemplateColumn[]) {
  const keys: TemplateColumn[] = [...lead, ...COUNT_FIELDS, "percent", "note", "correction"];
  const at = (k: TemplateColumn) => keys.indexOf(k);
  /** a row from values by key (absent keys blank); figures fill the count columns and the rate */
  const row = (v: Partial<Record<TemplateColumn, CellValue>>, figures?: ProgressCounts | null): CellValue[] => {
    const all: Partial<Record<TemplateColumn, CellValue>> = figures ? { ...figures, percent: percentOf(figures), ...v } : v;
    return keys.map((k) => all[k] ?? null);
  };
  return { keys, at, row, letter: (k: TemplateColumn) => columnLetters(at(k)), inputColumns: COUNT_FIELDS.map(at) };
}
export type TemplateSheet = Sheet & { layout: TemplateLayout; formulas: Record<string, string> };

const rateFormula = (r: number, total: string, done: string) => `=IF(${total}${r + 1}>0,ROUND(${done}${r + 1}/${total}${r + 1}*100,1),"")`;

const percentOf = (c: ProgressCounts | undefined) => (c && c.entriesTotal > 0 ? Math.round((c.entriesDigitized / c.entriesTotal) * 1000) / 10 : null);

export function buildCommuneTemplate(opts: {
  unit: UnitRef;
  registerKinds: RegisterKindRef[];
  phases: PhaseRef[];
  reportDate: string;
  locale?: Locale;
  /** latest accepted figures, key `${unitCode}|${kindCode}|${phaseCode}`: the sheet starts from them */
  previous?: Map<string, ProgressCounts>;
  /**
   * One row per book instead of per kind × phase: a "Quyển sổ" column after "Giai đoạn" (validateGrid sums
   * the books of a kind and phase into one row). Kinds and phases are codes; books without a kind are skipped.
   */
  books?: { kind: string; phase: string; label: string }[];
}): TemplateSheet {
  const l = opts.locale ?? "vi";
  const h = HEADERS[l];
  const perBook = !!opts.books?.length;
  const c = columnsOf(perBook ? ["index", "kind", "phase", "book"] : ["index", "kind", "phase"]);
  const rows: CellValue[][] = [
    [TITLE[l]],
    [UNIT_LABEL[l], opts.unit.fullName, null, h.code, opts.unit.code],
    [DATE_LABEL[l], formatDate(opts.reportDate, l)],
    [],
    c.keys.map((k) => h[k]),
  ];
  const formulas: Record<string, string> = {};
  const kinds = [...opts.registerKinds].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  let i = 1;
  const push = (k: RegisterKindRef, p: PhaseRef, book: string | null, prev: ProgressCounts | undefined) => {
    formulas[`${c.letter("percent")}${rows.length + 1}`] = rateFormula(rows.length, c.letter("entriesTotal"), c.letter("entriesDigitized"));
    rows.push(c.row({ index: i++, kind: l === "vi" ? k.nameVi : k.nameEn, phase: l === "vi" ? p.nameVi : p.nameEn, book }, prev));
  };
  for (const k of kinds) {
    for (const p of opts.phases) {
      if (perBook) {
        for (const b of opts.books!) if (b.kind === k.code && b.phase === p.code) push(k, p, b.label, undefined);
      } else push(k, p, null, opts.previous?.get(figuresKey(opts.unit.code, k.code, p.code)));
    }
  }
  const last = rows.length - 1;
  const width = c.keys.length;
  return {
    name: l === "vi" ? `Tiến độ ${opts.unit.code}` : `Progress ${opts.unit.code}`,
    rows,
    merges: [`A1:${columnLetters(width - 1)}1`],
    formulas,
    layout: { version: TEMPLATE_VERSION, headerRow: 4, firstDataRow: 5, lastDataRow: last, inputColumns: c.inputColumns, percentColumn: c.at("percent"), columns: width, dateCell: "B3", totalRows: [], keys: c.keys },
  };
}

export function buildRollupTemplate(opts: {
  parent: UnitRef;
  children: UnitRef[];
  reportDate: string;
  locale?: Locale;
  /** Group the children under these units (e.g. the districts of a province) with a subtotal row each. */
  groups?: { unit: UnitRef; children: UnitRef[] }[];
  /** latest accepted figures per unit, key `${unitCode}|*|*` (all kinds and phases): the sheet starts from them */
  previous?: Map<string, ProgressCounts>;
}): TemplateSheet {
  const l = opts.locale ?? "vi";
  const h = HEADERS[l];
  const c = columnsOf(["index", "code", "name"]);
  const rows: CellValue[][] = [
    [TITLE[l]],
    [UNIT_LABEL[l], opts.parent.fullName, null, h.code, opts.parent.code],
    [DATE_LABEL[l], formatDate(opts.reportDate, l)],
    [],
    c.keys.map((k) => h[k]),
  ];
  const formulas: Record<string, string> = {};
  const totalRows: number[] = [];
  const countCols = COUNT_FIELDS.map(c.letter);
  const rate = (r: number) => { formulas[`${c.letter("percent")}${r + 1}`] = rateFormula(r, c.letter("entriesTotal"), c.letter("entriesDigitized")); };
  let i = 1;
  const line = (u: UnitRef): ProgressCounts | undefined => {
    const p = opts.previous?.get(`${u.code}|*|*`);
    rate(rows.length);
    rows.push(c.row({ index: i++, code: u.code, name: u.fullName }, p));
    return p;
  };
  const sumOf = (list: (ProgressCounts | undefined)[]): ProgressCounts | null => (list.every((x) => x) ? sumCounts(list as ProgressCounts[]) : null);
  const memberRows: number[] = [];
  let grand: ProgressCounts | null;
  if (opts.groups?.length) {
    const all: (ProgressCounts | undefined)[] = [];
    for (const g of opts.groups) {
      // The group's row carries its subtotal (SUM of its units), checked against them by validateGrid.
      const at = rows.length;
      rows.push([null, g.unit.code, g.unit.fullName]);
      const from = rows.length;
      const list = g.children.map(line);
      all.push(...list);
      const to = rows.length - 1;
      for (let k = from; k <= to; k++) memberRows.push(k);
      rows[at] = c.row({ code: g.unit.code, name: g.unit.fullName }, g.children.length ? sumOf(list) : null);
      totalRows.push(at);
      if (to >= from) for (const x of countCols) formulas[`${x}${at + 1}`] = `=SUM(${x}${from + 1}:${x}${to + 1})`;
      rate(at);
    }
    grand = sumOf(all);
  } else {
    const list = opts.children.map(line);
    for (let k = 5; k < rows.length; k++) memberRows.push(k);
    grand = sumOf(list);
  }
  const last = rows.length - 1;
  const at = rows.length;
  rows.push(c.row({ name: TOTAL[l] }, memberRows.length ? grand : null));
  totalRows.push(at);
  if (memberRows.length) {
    // With groups, the grand total adds the subtotal rows (not the units twice).
    const groupRows = totalRows.slice(0, -1);
    for (const x of countCols) formulas[`${x}${at + 1}`] = groupRows.length ? `=${groupRows.map((r) => `${x}${r + 1}`).join("+")}` : `=SUM(${x}6:${x}${last + 1})`;
  }
  rate(at);
  return {
    name: l === "vi" ? `Tổng hợp ${opts.parent.code}` : `Roll-up ${opts.parent.code}`,
    rows,
    merges: [`A1:${columnLetters(c.keys.length - 1)}1`],
    formulas,
    layout: { version: TEMPLATE_VERSION, headerRow: 4, firstDataRow: 5, lastDataRow: last, inputColumns: c.inputColumns, percentColumn: c.at("percent"), columns: c.keys.length, dateCell: "B3", totalRows, keys: c.keys },
  };
}
