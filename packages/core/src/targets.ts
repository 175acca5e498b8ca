/**
 * The monthly targets sheet (units × months) that the console downloads, fills in and sends back: its header,
 * its months against the campaign's, and every cell read and checked, each error at its cell in vi and en.
 * Core reads the sheet; the server looks the codes up (valid on the first month, in the person's scope, under
 * the campaign) and passes them in, so the checks here need no database. Nothing is stored on an error.
 */
import { unescapeCellText } from "./cell-text";
import { a1 } from "./a1";
import { formatDate } from "./format";
import { searchText } from "./text";
import type { CellValue, Message, Sheet } from "./types";
import { parseNumberCell } from "./values";

export const TARGET_SHEET = "Chỉ tiêu tháng";
export const TARGET_HEAD = { code: "Mã đơn vị", name: "Tên đơn vị", parent: "Thuộc" } as const;
const MAX_TARGET = 1_000_000_000;

export interface TargetIssue { code: string; severity: "error"; sheet: string; cell: string; row: number; message: Message }
export interface TargetCampaign { name: string; startDate: string; endDate: string }
/** A unit the server found for a code of the sheet. */
export interface TargetUnit { id: string; code: string; fullName: string; inCampaign: boolean }
export interface TargetValue { unit: { id: string; code: string; fullName: string }; month: string; entriesTarget: number; cell: string }

/** A sheet read: its header (null when there is none), the months it has, the codes it names, the issues so far. */
export interface TargetSheet {
  sheet: Sheet | undefined;
  name: string;
  headerRow: number;
  codeCol: number;
  monthCols: { col: number; month: string }[];
  /** the distinct months, sorted */
  months: string[];
  /** the distinct unit codes of the data rows, for the server to look up */
  codes: string[];
  issues: TargetIssue[];
}

export const monthStart = (m: string) => `${m}-01`;
export const monthEnd = (m: string) => {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
};
/** "2025-03" → "03/2025". */
export const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
/** The months from `from` to `to` ("yyyy-mm"), at most 61. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 61; guard++) {
    const s = `${y}-${String(m).padStart(2, "0")}`;
    if (s > to) break;
    out.push(s);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/** "03/2025", "3/2025", "Tháng 03/2025", "T3/2025", "2025-03", a date cell (2025-03-01) → "2025-03". */
export function parseMonthHeader(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const s = searchText(v).replace(/^(thang|month|t)\s*/, "").trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${m[1]!.padStart(2, "0")}` : null;
  m = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
  return null;
}

/** A target as typed, read as the progress sheets' counts are (12000, "12.000", "12 000"): a whole number from 0 to a billion, null when blank. */
export function parseTargetCount(v: CellValue | undefined): number | null | "bad" {
  const p = parseNumberCell(v);
  if (p.kind === "blank") return null;
  return p.kind === "number" && Number.isInteger(p.value) && p.value >= 0 && p.value <= MAX_TARGET ? p.value : "bad";
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || v === "";

/** The header (the first of the first 10 rows with a unit-code column and a month column) and the months against the campaign. */
export function readTargetSheet(sheet: Sheet | undefined, campaign: TargetCampaign): TargetSheet {
  const name = sheet?.name ?? TARGET_SHEET;
  const t: TargetSheet = { sheet, name, headerRow: -1, codeCol: -1, monthCols: [], months: [], codes: [], issues: [] };
  for (let r = 0; r < Math.min(10, sheet?.rows.length ?? 0) && t.headerRow < 0; r++) {
    const row = sheet!.rows[r] ?? [];
    const cc = row.findIndex((v) => typeof v === "string" && /^(ma( don vi)?|unit code|code)$/.test(searchText(v)));
    const ms = row.map((v, col) => ({ col, month: parseMonthHeader(v) })).filter((m): m is { col: number; month: string } => m.month !== null);
    if (cc >= 0 && ms.length > 0) { t.headerRow = r; t.codeCol = cc; t.monthCols.push(...ms); }
  }
  if (!sheet || t.headerRow < 0) {
    issue(t, 0, 0, "no_header", { vi: `Không tìm thấy dòng tiêu đề có cột "${TARGET_HEAD.code}" và ít nhất một cột tháng (MM/YYYY). Hãy dùng tệp mẫu.`, en: `No header row with a "${TARGET_HEAD.code}" column and at least one month column (MM/YYYY). Use the template.` });
    return t;
  }
  const first = campaign.startDate.slice(0, 7), last = campaign.endDate.slice(0, 7);
  const seen = new Set<string>();
  for (const m of t.monthCols) {
    const label = monthLabel(m.month);
    if (seen.has(m.month)) issue(t, t.headerRow, m.col, "duplicate_month", { vi: `Tháng ${label} có hai cột.`, en: `Month ${label} has two columns.` });
    seen.add(m.month);
    if (m.month < first || m.month > last) issue(t, t.headerRow, m.col, "month_outside_campaign", { vi: `Tháng ${label} nằm ngoài thời gian của đợt "${campaign.name}" (${formatDate(campaign.startDate)} – ${formatDate(campaign.endDate)}).`, en: `Month ${label} is outside campaign "${campaign.name}" (${campaign.startDate} – ${campaign.endDate}).` });
  }
  t.months = [...seen].sort();
  const codes = new Set<string>();
  for (let r = t.headerRow + 1; r < sheet.rows.length; r++) {
    const v = sheet.rows[r]?.[t.codeCol];
    if (!blank(v)) codes.add(unescapeCellText(String(v).trim()));
  }
  t.codes = [...codes];
  return t;
}

/**
 * Every data row of a sheet with a header, against the units the server found for its codes (`units`, by code):
 * the targets read, and all the sheet's issues (an "empty" one when there is nothing else wrong and no target).
 * `ownUnitId`: the person's unit, whose targets the level above sets (null for an administrator).
 */
export function checkTargetRows(t: TargetSheet, units: ReadonlyMap<string, TargetUnit>, campaign: TargetCampaign, ownUnitId: string | null): { rows: TargetValue[]; issues: TargetIssue[] } {
  const rows: TargetValue[] = [];
  const sheet = t.sheet;
  if (!sheet || t.headerRow < 0) return { rows, issues: t.issues };
  const earliest = monthStart(t.months[0]!);
  const seenCodes = new Map<string, number>();
  for (let r = t.headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const rowNum = r + 1;
    const raw = row[t.codeCol];
    if (blank(raw)) {
      if (t.monthCols.some((m) => !blank(row[m.col]))) issue(t, r, t.codeCol, "missing_unit", { vi: "Dòng có chỉ tiêu nhưng thiếu mã đơn vị.", en: "The row has targets but no unit code." });
      continue;
    }
    const code = unescapeCellText(String(raw).trim()); // the template writes a code like "=1" escaped
    const u = units.get(code);
    if (!u) {
      issue(t, r, t.codeCol, "unit_not_in_scope", { vi: `Mã đơn vị ${code} không có trong phạm vi của bạn vào ngày ${formatDate(earliest)}.`, en: `Unit code ${code} is not within your scope on ${earliest}.` });
      continue;
    }
    if (ownUnitId !== null && u.id === ownUnitId) {
      issue(t, r, t.codeCol, "own_unit", { vi: `Không tự đặt chỉ tiêu cho đơn vị của mình (${u.fullName}); cấp trên đặt chỉ tiêu này.`, en: `You cannot set your own unit's target (${u.fullName}); the level above sets it.` });
      continue;
    }
    if (!u.inCampaign) {
      issue(t, r, t.codeCol, "not_in_campaign", { vi: `Đợt "${campaign.name}" không áp dụng cho ${u.fullName}.`, en: `Campaign "${campaign.name}" does not cover ${u.fullName}.` });
      continue;
    }
    const dup = seenCodes.get(code);
    if (dup) {
      issue(t, r, t.codeCol, "duplicate_unit", { vi: `Mã đơn vị ${code} đã có ở dòng ${dup}.`, en: `Unit code ${code} already appears on row ${dup}.` });
      continue;
    }
    seenCodes.set(code, rowNum);
    for (const m of t.monthCols) {
      const v = row[m.col];
      const n = parseTargetCount(v);
      if (n === "bad") {
        issue(t, r, m.col, "bad_count", { vi: `Chỉ tiêu "${String(v)}" của ${u.fullName} tháng ${monthLabel(m.month)} phải là số nguyên không âm (ví dụ 12.000).`, en: `The target "${String(v)}" of ${u.fullName} for ${monthLabel(m.month)} must be a whole number, zero or more (e.g. 12,000).` });
      } else if (n !== null) {
        rows.push({ unit: { id: u.id, code: u.code, fullName: u.fullName }, month: m.month, entriesTarget: n, cell: a1(r, m.col) });
      }
    }
  }
  if (t.issues.length === 0 && rows.length === 0) issue(t, t.headerRow + 1, t.monthCols[0]!.col, "empty", { vi: "Bảng không có chỉ tiêu nào để nhập.", en: "The sheet has no targets to import." });
  return { rows, issues: t.issues };
}

function issue(t: TargetSheet, r: number, c: number, code: string, message: Message): void {
  t.issues.push({ code, severity: "error", sheet: t.name, cell: a1(r, c), row: r + 1, message });
}
