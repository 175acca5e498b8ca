/**
 * The administrative document around a table (DOMAIN: "How the sheets officials send are laid out"): the title
 * block above it (agency, motto, number, place-and-date line, title, the as-of subtitle) and what comes under it
 * (notes, "Nơi nhận:", the signature block). Reads the report date and the sheet's unit from the frame, and tells
 * which rows are not data. Pure functions over cell values: no reference data, no merges needed.
 */
import { columnLetters } from "../a1";
import { normalizeName } from "../text";
import type { CellValue, Sheet } from "../types";
import { parseDateCell } from "../values";
import type { DateSource } from "./types";

const pad = (n: number) => String(n).padStart(2, "0");

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function monthEnd(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  return iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** The first date written in free text (normalized): "ngay 25 thang 02 nam 2025", "25/02/2025", "25-02-2025", "25.02.2025". */
function fullDateIn(n: string): string | null {
  let m = /(\d{1,2}) thang (\d{1,2}) nam (\d{4})/.exec(n);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(?:^|[^\d])(\d{1,2}) (\d{1,2}) (\d{4})(?:[^\d]|$)/.exec(n);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(?:^|[^\d])(\d{4}) (\d{1,2}) (\d{1,2})(?:[^\d]|$)/.exec(n); // 2025-02-25
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** "thang 8 nam 2023", "thang 08 2023", "t8 2023": the month's last day (a monthly report's figures stand at its end). */
function monthIn(n: string): string | null {
  const m = /(?:^|\s)(?:thang|t) ?(\d{1,2}) (?:nam )?(\d{4})(?:\s|$)/.exec(n);
  return m ? monthEnd(Number(m[2]), Number(m[1])) : null;
}

/** Normalized text with date separators kept as spaces: "25/02/2025" → "25 02 2025". */
const norm = (s: string) => normalizeName(s);

/** A place-and-date line: "Tam Kỳ, ngày 26 tháng 02 năm 2025" (the signing date, not the figures' date). */
export function isDateLine(raw: string): boolean {
  return /^[^\d,]{2,60},\s*ng[àa]y\b/i.test(raw.normalize("NFC").trim());
}

const AS_OF = /(tinh den|den ngay|den het ngay|ngay bao cao|bao cao ngay|so lieu ngay|luy ke den|luy ke tu .* den|as of|as at|report date|cap nhat den|cap nhat ngay)/;
/** Lines that cite another document and its date ("Kèm theo Báo cáo số 25/BC-PTP ngày 10/02/2025"): not the figures' date. */
const NOT_A_DATE_LINE = /^(can cu|thuc hien|theo|kinh gui|so \d|so:|ve viec|v v|kem theo|trich|phu luc)/;

export interface FoundDate {
  date: string;
  r: number;
  c: number;
  source: DateSource;
  text: string;
}

export interface FrameDates {
  /** the report date the frame states, best source first */
  reportDate: FoundDate | null;
  /** the place-and-date line (when the document was signed) */
  signedOn: FoundDate | null;
  /** a label that names a date but none could be read ("Ngày báo cáo: 31/02/2025") */
  invalid: { r: number; c: number; text: string } | null;
}

/** How much a date is trusted, by where it was found; a bare date in a subtitle ranks under a title's month. */
const RANK: Record<DateSource, number> = { column: 0, label: 1, subtitle: 2, title: 3, "date-line": 5, request: 6 };
const BARE_DATE = 4;

/**
 * The dates of a sheet's frame: rows above the table (and its header rows, where "Lũy kế đến 31/8/2023" heads a
 * group of columns). The as-of date wins over the title's month, which wins over the signing date.
 */
export function frameDates(sheet: Sheet, headerLastRow: number, headerFirstRow = headerLastRow): FrameDates {
  let best: FoundDate | null = null;
  let bestRank = Infinity;
  let signedOn: FoundDate | null = null;
  let invalid: FrameDates["invalid"] = null;
  const take = (f: FoundDate, rank = RANK[f.source]) => {
    if (rank < bestRank) {
      best = f;
      bestRank = rank;
    }
  };
  const last = Math.min(headerLastRow, sheet.rows.length - 1);
  for (let r = 0; r <= last; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const raw = v.trim();
      if (raw.length < 6 || !/\d/.test(raw)) {
        // "Ngày báo cáo:" with the date in the next cell (not in the header, where it names a column)
        if (raw && r < headerFirstRow && AS_OF.test(norm(raw))) {
          const next = nextValue(row, c);
          if (next) {
            const d = parseDateCell(next.v);
            if (d) take({ date: d, r, c: next.c, source: "label", text: `${raw} ${String(next.v)}` });
            else invalid ??= { r, c: next.c, text: String(next.v) };
          }
        }
        continue;
      }
      const n = norm(raw);
      if (isDateLine(raw)) {
        const d = fullDateIn(n);
        if (d && !signedOn) signedOn = { date: d, r, c, source: "date-line", text: raw };
        continue;
      }
      if (NOT_A_DATE_LINE.test(n)) continue;
      const asOf = AS_OF.exec(n);
      if (asOf) {
        const after = n.slice(asOf.index);
        const d = fullDateIn(after) ?? monthIn(after);
        if (d) take({ date: d, r, c, source: r > headerLastRow - 3 && r >= 0 && isHeaderish(sheet, r) ? "label" : raw.startsWith("(") ? "subtitle" : "label", text: raw });
        else if (/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}/.test(raw)) invalid ??= { r, c, text: raw };
        else if (r < headerFirstRow) {
          const next = nextValue(row, c);
          const d2 = next ? parseDateCell(next.v) : null;
          if (d2 && next) take({ date: d2, r, c: next.c, source: "label", text: `${raw} ${String(next.v)}` });
        }
        continue;
      }
      const full = fullDateIn(n);
      if (full) {
        take({ date: full, r, c, source: raw.startsWith("(") ? "subtitle" : "title", text: raw }, BARE_DATE);
        continue;
      }
      const month = monthIn(n);
      if (month && /thang/.test(n)) take({ date: month, r, c, source: "title", text: raw });
    }
  }
  return { reportDate: best ?? signedOn, signedOn, invalid };
}

function isHeaderish(sheet: Sheet, r: number): boolean {
  const row = sheet.rows[r] ?? [];
  let labels = 0;
  for (const v of row) if (typeof v === "string" && v.trim()) labels++;
  return labels >= 3;
}

function nextValue(row: CellValue[], c: number): { v: CellValue; c: number } | null {
  for (let k = c + 1; k < row.length && k <= c + 4; k++) {
    const v = row[k];
    if (v !== null && v !== undefined && v !== "") return { v, c: k };
  }
  return null;
}

export const cellRef = (r: number, c: number) => columnLetters(c) + (r + 1);

export interface UnitHint {
  text: string;
  r: number | null;
  c: number | null;
  source: "title" | "cell" | "sheet-name";
}

/**
 * Where a sheet may name its unit, most reliable first: the issuing body in the title block ("UBND XÃ A LỢI"),
 * a cell that names it ("Đơn vị: Xã A Lợi", "Xã A Lợi" alone in A1), then the sheet's name.
 */
export function unitHints(sheet: Sheet, headerFirstRow: number): UnitHint[] {
  const out: UnitHint[] = [];
  for (let r = 0; r < Math.min(headerFirstRow, sheet.rows.length, 12); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 12); c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const n = norm(v);
      let m = /^(?:ubnd|uy ban nhan dan) ((?:xa|phuong|thi tran|dac khu) .+)$/.exec(n);
      if (m) { out.push({ text: v.trim().replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s*/i, ""), r, c, source: "title" }); continue; }
      m = /^(?:don vi|ten don vi|don vi bao cao|xa phuong|unit)\s*[: ]\s*(.+)$/.exec(n);
      if (m && /[:：]/.test(v)) { out.push({ text: v.split(/[:：]/).slice(1).join(":").trim(), r, c, source: "cell" }); continue; }
      if (/^(xa|phuong|thi tran|tt|dac khu) [a-z]/.test(n) && n.split(" ").length <= 6 && !/(bao cao|so lieu|tien do|ket qua)/.test(n)) out.push({ text: v.trim(), r, c, source: "cell" });
    }
  }
  out.push({ text: sheet.name, r: null, c: null, source: "sheet-name" });
  return out;
}

/** A sheet named as a summary of the others: "Tổng hợp", "TH", "Bảng tổng hợp", "Summary". */
export function isSummaryName(name: string): boolean {
  return /^(bang )?(tong hop|tonghop|th|summary|tong)( .*)?$/.test(norm(name));
}

const TRAILER = /^(ghi chu|chu thich|luu y|noi nhan|nguoi lap bieu|nguoi lap|nguoi tong hop|thu truong|thu truong don vi|kt\.? ?chu tich|kt |tm |tm\.|chu tich|pho chu tich|giam doc|pho giam doc|truong phong|pho truong phong|ky ten|ky ghi ro ho ten|ky va ghi ro|xac nhan|lanh dao|can bo (lap|tong hop)|luu vt|luu van thu)/;
const SIGNATURE = /^(nguoi lap bieu|nguoi lap|nguoi tong hop|thu truong|kt\.? ?chu tich|kt |tm |chu tich|pho chu tich|giam doc|pho giam doc|truong phong|pho truong phong|ky ten|ky ghi ro ho ten|ky va ghi ro|xac nhan|lanh dao|can bo)/;

/** The first text of a row that holds no figure, if it opens what comes under a table (notes, recipients, signatures). */
export function trailerStart(row: CellValue[] | undefined): "note" | "signature" | null {
  if (!row) return null;
  for (const v of row) {
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "string") return null;
    const raw = v.trim();
    const n = norm(raw);
    if (!n) continue;
    if (SIGNATURE.test(n) && (raw === raw.toUpperCase() || /^\(?k[ýy]/i.test(raw) || n.split(" ").length <= 6)) return "signature";
    if (TRAILER.test(n)) return "note";
    if (/^[-*+•]\s*\S/.test(raw) && n.split(" ").length >= 3) return "note";
    if (isDateLine(raw)) return "signature";
    return null;
  }
  return null;
}

/** A section row naming the book period of the rows below: "I. Giai đoạn 1 (2006–2018)", "GĐ2 (2005 trở về trước)". */
export function sectionPhaseText(label: string): string | null {
  const n = norm(label);
  return /^((i|ii|[12]|[ab])\s+)?(giai doan|gd|phase)\s*(1|2|i|ii)\b/.test(n) || /^(so )?(tu|sau) (nam )?2006|^(so )?(truoc|den) (nam )?(2006|2005)|2005 tro ve truoc/.test(n) ? label : null;
}

/** "I", "II", "IV", "A", "B": the index of a heading row (a group or a section), not of a unit. */
export function isHeadingIndex(v: CellValue | undefined): boolean {
  return typeof v === "string" && /^\s*(?:[IVX]{1,5}|[A-H])\s*[.)]?\s*$/.test(v);
}
