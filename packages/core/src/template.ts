/**
 * The official sheets, as data (versioned): the commune sheet (rows per register kind × phase) and the roll-up
 * sheet (rows per unit, grouped by district with subtotal rows, and a grand total). The add-in inserts them,
 * the console offers them for download, and validateGrid reads them back.
 */
import { formatDate } from "./format";
import type { CellValue, Locale, PhaseRef, ProgressCounts, RegisterKindRef, Sheet, UnitRef } from "./types";

export const TEMPLATE_VERSION = "1";

export const HEADERS: Record<Locale, { index: string; code: string; name: string; kind: string; phase: string; booksTotal: string; booksDigitized: string; entriesTotal: string; entriesDigitized: string; entriesChecked: string; entriesLoaded: string; percent: string; note: string }> = {
  vi: {
    index: "STT", code: "Mã đơn vị", name: "Tên đơn vị", kind: "Loại sổ", phase: "Giai đoạn",
    booksTotal: "Tổng số sổ", booksDigitized: "Số sổ đã số hóa", entriesTotal: "Tổng số dữ liệu cần số hóa", entriesDigitized: "Số dữ liệu đã số hóa",
    entriesChecked: "Số dữ liệu đã kiểm tra", entriesLoaded: "Số dữ liệu đã đưa vào CSDL", percent: "Tỷ lệ (%)", note: "Ghi chú",
  },
  en: {
    index: "No.", code: "Unit code", name: "Unit name", kind: "Register kind", phase: "Phase",
    booksTotal: "Books total", booksDigitized: "Books digitized", entriesTotal: "Entries to digitize", entriesDigitized: "Entries digitized",
    entriesChecked: "Entries checked", entriesLoaded: "Entries loaded into the database", percent: "Rate (%)", note: "Notes",
  },
};

const TITLE: Record<Locale, string> = { vi: "BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH", en: "CIVIL-STATUS REGISTER DIGITIZATION PROGRESS REPORT" };
const DATE_LABEL: Record<Locale, string> = { vi: "Ngày báo cáo:", en: "Report date:" };
const UNIT_LABEL: Record<Locale, string> = { vi: "Đơn vị:", en: "Unit:" };
const TOTAL: Record<Locale, string> = { vi: "Tổng cộng", en: "Total" };

/** Where things are in a template, for the apps (data validation, number formats, widths). */
export interface TemplateLayout { headerRow: number; firstDataRow: number; lastDataRow: number; inputColumns: number[]; percentColumn: number; columns: number }

const percentOf = (c: ProgressCounts | undefined) => (c && c.entriesTotal > 0 ? Math.round((c.entriesDigitized / c.entriesTotal) * 1000) / 10 : null);

export function buildCommuneTemplate(opts: {
  unit: UnitRef;
  registerKinds: RegisterKindRef[];
  phases: PhaseRef[];
  reportDate: string;
  locale?: Locale;
  /** latest accepted figures, key `${unitCode}|${kindCode}|${phaseCode}`: the sheet starts from them */
  previous?: Map<string, ProgressCounts>;
}): Sheet & { layout: TemplateLayout } {
  const l = opts.locale ?? "vi";
  const h = HEADERS[l];
  const rows: CellValue[][] = [
    [TITLE[l]],
    [UNIT_LABEL[l], opts.unit.fullName, null, h.code, opts.unit.code],
    [DATE_LABEL[l], formatDate(opts.reportDate, l)],
    [],
    [h.index, h.kind, h.phase, h.booksTotal, h.booksDigitized, h.entriesTotal, h.entriesDigitized, h.entriesChecked, h.entriesLoaded, h.percent, h.note],
  ];
  const kinds = [...opts.registerKinds].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  let i = 1;
  for (const k of kinds) {
    for (const p of opts.phases) {
      const prev = opts.previous?.get(`${opts.unit.code}|${k.code}|${p.code}`);
      rows.push([i++, l === "vi" ? k.nameVi : k.nameEn, l === "vi" ? p.nameVi : p.nameEn, prev?.booksTotal ?? null, prev?.booksDigitized ?? null, prev?.entriesTotal ?? null, prev?.entriesDigitized ?? null, prev?.entriesChecked ?? null, prev?.entriesLoaded ?? null, percentOf(prev), null]);
    }
  }
  const last = rows.length - 1;
  return {
    name: l === "vi" ? `Tiến độ ${opts.unit.code}` : `Progress ${opts.unit.code}`,
    rows,
    merges: ["A1:K1"],
    layout: { headerRow: 4, firstDataRow: 5, lastDataRow: last, inputColumns: [3, 4, 5, 6, 7, 8], percentColumn: 9, columns: 11 },
  };
}

export function buildRollupTemplate(opts: {
  parent: UnitRef;
  children: UnitRef[];
  reportDate: string;
  locale?: Locale;
  /** Group the children under these units (e.g. the districts of a province) with a subtotal row each. */
  groups?: { unit: UnitRef; children: UnitRef[] }[];
  previous?: Map<string, ProgressCounts>;
}): Sheet & { layout: TemplateLayout } {
  const l = opts.locale ?? "vi";
  const h = HEADERS[l];
  const rows: CellValue[][] = [
    [TITLE[l]],
    [UNIT_LABEL[l], opts.parent.fullName, null, h.code, opts.parent.code],
    [DATE_LABEL[l], formatDate(opts.reportDate, l)],
    [],
    [h.index, h.code, h.name, h.booksTotal, h.booksDigitized, h.entriesTotal, h.entriesDigitized, h.entriesChecked, h.entriesLoaded, h.percent, h.note],
  ];
  let i = 1;
  const line = (u: UnitRef): CellValue[] => {
    const p = opts.previous?.get(`${u.code}|*|*`);
    return [i++, u.code, u.fullName, p?.booksTotal ?? null, p?.booksDigitized ?? null, p?.entriesTotal ?? null, p?.entriesDigitized ?? null, p?.entriesChecked ?? null, p?.entriesLoaded ?? null, percentOf(p), null];
  };
  if (opts.groups?.length) {
    for (const g of opts.groups) {
      // The group's own row carries its subtotal (checked against its units); left blank, nothing is checked.
      rows.push([null, g.unit.code, g.unit.fullName, null, null, null, null, null, null, null, null]);
      for (const c of g.children) rows.push(line(c));
    }
  } else for (const c of opts.children) rows.push(line(c));
  const last = rows.length - 1;
  rows.push([null, null, TOTAL[l], null, null, null, null, null, null, null, null]);
  return {
    name: l === "vi" ? `Tổng hợp ${opts.parent.code}` : `Roll-up ${opts.parent.code}`,
    rows,
    merges: ["A1:K1"],
    layout: { headerRow: 4, firstDataRow: 5, lastDataRow: last, inputColumns: [3, 4, 5, 6, 7, 8], percentColumn: 9, columns: 11 },
  };
}
