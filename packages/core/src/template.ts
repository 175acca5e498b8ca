/**
 * The official sheets, as data (versioned): the commune sheet (rows per register kind × phase) and the roll-up
 * sheet (rows per unit, grouped by district with subtotal rows, and a grand total). The add-in inserts them,
 * the console offers them for download, and validateGrid reads them back.
 */
import { columnLetters } from "./a1";
import { formatDate } from "./format";
import { sumCounts } from "./metrics";
import type { CellValue, Locale, PhaseRef, ProgressCounts, RegisterKindRef, Sheet, UnitRef } from "./types";
import { figuresKey } from "./context";

export const TEMPLATE_VERSION = "1";

export const HEADERS: Record<Locale, { index: string; code: string; name: string; kind: string; phase: string; booksTotal: string; booksDigitized: string; entriesTotal: string; entriesDigitized: string; entriesChecked: string; entriesLoaded: string; percent: string; note: string; correction: string; book: string }> = {
  vi: {
    index: "STT", code: "Mã đơn vị", name: "Tên đơn vị", kind: "Loại sổ", phase: "Giai đoạn",
    booksTotal: "Tổng số sổ", booksDigitized: "Số sổ đã số hóa", entriesTotal: "Tổng số dữ liệu cần số hóa", entriesDigitized: "Số dữ liệu đã số hóa",
    entriesChecked: "Số dữ liệu đã kiểm tra", entriesLoaded: "Số dữ liệu đã đưa vào CSDL", percent: "Tỷ lệ (%)", note: "Ghi chú",
    correction: "Lý do điều chỉnh", book: "Quyển sổ",
  },
  en: {
    index: "No.", code: "Unit code", name: "Unit name", kind: "Register kind", phase: "Phase",
    booksTotal: "Books total", booksDigitized: "Books digitized", entriesTotal: "Entries to digitize", entriesDigitized: "Entries digitized",
    entriesChecked: "Entries checked", entriesLoaded: "Entries loaded into the database", percent: "Rate (%)", note: "Notes",
    correction: "Correction reason", book: "Book no.",
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
export interface TemplateLayout { version: string; headerRow: number; firstDataRow: number; lastDataRow: number; inputColumns: number[]; percentColumn: number; columns: number; dateCell: string; totalRows: number[] }
export type TemplateSheet = Sheet & { layout: TemplateLayout; formulas: Record<string, string> };

const rateFormula = (r: number, total = "F", done = "G") => `=IF(${total}${r + 1}>0,ROUND(${done}${r + 1}/${total}${r + 1}*100,1),"")`;

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
  const o = perBook ? 1 : 0; // columns shift right by the book column
  const col = (c: number) => columnLetters(c + o);
  const rows: CellValue[][] = [
    [TITLE[l]],
    [UNIT_LABEL[l], opts.unit.fullName, null, h.code, opts.unit.code],
    [DATE_LABEL[l], formatDate(opts.reportDate, l)],
    [],
    [h.index, h.kind, h.phase, ...(perBook ? [h.book] : []), h.booksTotal, h.booksDigitized, h.entriesTotal, h.entriesDigitized, h.entriesChecked, h.entriesLoaded, h.percent, h.note, h.correction],
  ];
  const formulas: Record<string, string> = {};
  const kinds = [...opts.registerKinds].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  let i = 1;
  const push = (k: RegisterKindRef, p: PhaseRef, book: string | null, prev: ProgressCounts | undefined) => {
    formulas[`${col(9)}${rows.length + 1}`] = rateFormula(rows.length, col(5), col(6));
    rows.push([i++, l === "vi" ? k.nameVi : k.nameEn, l === "vi" ? p.nameVi : p.nameEn, ...(perBook ? [book] : []), prev?.booksTotal ?? null, prev?.booksDigitized ?? null, prev?.entriesTotal ?? null, prev?.entriesDigitized ?? null, prev?.entriesChecked ?? null, prev?.entriesLoaded ?? null, percentOf(prev), null, null]);
  };
  for (const k of kinds) {
    for (const p of opts.phases) {
      if (perBook) {
        for (const b of opts.books!) if (b.kind === k.code && b.phase === p.code) push(k, p, b.label, undefined);
      } else push(k, p, null, opts.previous?.get(figuresKey(opts.unit.code, k.code, p.code)));
    }
  }
  const last = rows.length - 1;
  const width = 12 + o;
  return {
    name: l === "vi" ? `Tiến độ ${opts.unit.code}` : `Progress ${opts.unit.code}`,
    rows,
    merges: [`A1:${columnLetters(width - 1)}1`],
    formulas,
    layout: { version: TEMPLATE_VERSION, headerRow: 4, firstDataRow: 5, lastDataRow: last, inputColumns: [3, 4, 5, 6, 7, 8].map((c) => c + o), percentColumn: 9 + o, columns: width, dateCell: "B3", totalRows: [] },
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
  const rows: CellValue[][] = [
    [TITLE[l]],
    [UNIT_LABEL[l], opts.parent.fullName, null, h.code, opts.parent.code],
    [DATE_LABEL[l], formatDate(opts.reportDate, l)],
    [],
    [h.index, h.code, h.name, h.booksTotal, h.booksDigitized, h.entriesTotal, h.entriesDigitized, h.entriesChecked, h.entriesLoaded, h.percent, h.note, h.correction],
  ];
  const formulas: Record<string, string> = {};
  const totalRows: number[] = [];
  const countCols = ["D", "E", "F", "G", "H", "I"];
  let i = 1;
  const figures = (p: ProgressCounts | null | undefined): CellValue[] => [p?.booksTotal ?? null, p?.booksDigitized ?? null, p?.entriesTotal ?? null, p?.entriesDigitized ?? null, p?.entriesChecked ?? null, p?.entriesLoaded ?? null, percentOf(p ?? undefined)];
  const line = (u: UnitRef): ProgressCounts | undefined => {
    const p = opts.previous?.get(`${u.code}|*|*`);
    formulas[`J${rows.length + 1}`] = rateFormula(rows.length);
    rows.push([i++, u.code, u.fullName, ...figures(p), null, null]);
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
      rows[at] = [null, g.unit.code, g.unit.fullName, ...figures(g.children.length ? sumOf(list) : null), null, null];
      totalRows.push(at);
      if (to >= from) for (const c of countCols) formulas[`${c}${at + 1}`] = `=SUM(${c}${from + 1}:${c}${to + 1})`;
      formulas[`J${at + 1}`] = rateFormula(at);
    }
    grand = sumOf(all);
  } else {
    const list = opts.children.map(line);
    for (let k = 5; k < rows.length; k++) memberRows.push(k);
    grand = sumOf(list);
  }
  const last = rows.length - 1;
  const at = rows.length;
  rows.push([null, null, TOTAL[l], ...figures(memberRows.length ? grand : null), null, null]);
  totalRows.push(at);
  if (memberRows.length) {
    // With groups, the grand total adds the subtotal rows (not the units twice).
    const groupRows = totalRows.slice(0, -1);
    for (const c of countCols) formulas[`${c}${at + 1}`] = groupRows.length ? `=${groupRows.map((r) => `${c}${r + 1}`).join("+")}` : `=SUM(${c}6:${c}${last + 1})`;
  }
  formulas[`J${at + 1}`] = rateFormula(at);
  return {
    name: l === "vi" ? `Tổng hợp ${opts.parent.code}` : `Roll-up ${opts.parent.code}`,
    rows,
    merges: ["A1:L1"],
    formulas,
    layout: { version: TEMPLATE_VERSION, headerRow: 4, firstDataRow: 5, lastDataRow: last, inputColumns: [3, 4, 5, 6, 7, 8], percentColumn: 9, columns: 12, dateCell: "B3", totalRows },
  };
}
