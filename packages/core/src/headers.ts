/**
 * Finds the header of a progress table in the sheets officials really make: header row anywhere in the first
 * rows, multi-row merged headers ("Sổ" over "Tổng số | Đã số hóa"), Vietnamese with or without diacritics,
 * English, abbreviations (SL, TS), extra columns ignored.
 */
import { parseRange } from "./a1";
import { normalizeName } from "./text";
import { COUNT_FIELDS, type CellValue, type CountField, type Sheet } from "./types";

/** Monthly results tables (the month's target and output, percent of target, growth) read beside the counts. */
export type MonthlyField = "monthTarget" | "monthOutput" | "lastMonthOutput" | "percentOfTarget" | "growth";
export type Field = CountField | MonthlyField | "index" | "unitCode" | "unitName" | "registerKind" | "phase" | "statedPercent" | "reportDate" | "note" | "correction" | "book";

export interface TableLayout {
  headerRow: number; // 0-based, last header row
  /** 0-based first row of the header block (its group rows above the last header row) */
  headerFirstRow: number;
  firstDataRow: number;
  columns: Partial<Record<Field, number>>;
  /** the header label each column was read from, and its 0-based row */
  labels: Partial<Record<Field, { row: number; text: string }>>;
}

const MAX_HEADER_SCAN = 25;

/** Expands merged ranges so that every covered cell reads the merged value (headers only). */
export function expandedHeaderRows(sheet: Sheet, upto: number): CellValue[][] {
  const rows = sheet.rows.slice(0, upto).map((r) => [...r]);
  for (const ref of sheet.merges ?? []) {
    const r = parseRange(ref);
    if (!r || r.top >= upto) continue;
    const v = rows[r.top]?.[r.left] ?? null;
    if (v === null || v === "") continue;
    for (let y = r.top; y <= Math.min(r.bottom, upto - 1); y++) {
      const row = (rows[y] ??= []);
      for (let x = r.left; x <= r.right; x++) if (row[x] === null || row[x] === undefined || row[x] === "") row[x] = v;
    }
  }
  return rows;
}

const text = (v: CellValue | undefined) => (typeof v === "string" ? v : "");

// Every sheet of a template carries the same labels (and register kinds, phases, unit names in its first rows):
// the server classifies the same few hundred strings for each sheet it receives, so results are remembered.
const classified = new Map<string, Field | null>();

/** Classify one column's header label (its own text, with the group header above it when there is one). */
export function classifyHeader(own: string, group: string): Field | null {
  const key = `${group}\u0000${own}`;
  let f = classified.get(key);
  if (f === undefined) {
    if (classified.size >= 20_000) classified.clear();
    classified.set(key, (f = classifyLabel(own, group)));
  }
  return f;
}

function classifyLabel(own: string, group: string): Field | null {
  const label = `${group} ${own}`.trim();
  const n = normalizeName(label);
  const o = normalizeName(own);
  if (!n) return null;
  if (/^(stt|tt|so tt|so thu tu|no|#)$/.test(o)) return "index";
  const monthly = monthlyField(n, o);
  if (monthly) return monthly;
  if (/(ty le|phan tram|percent|rate|%)/.test(n) && !/(so luong|tong so)/.test(o)) {
    // A rate of books ("Tỷ lệ sổ đã số hóa") is not the entries rate the rule checks: ignored.
    const ofBooks = /(^|[^\p{L}])sổ([^\p{L}]|$)/u.test(own.normalize("NFC").toLowerCase()) || /\bbooks?\b/.test(o);
    return ofBooks && !/(du lieu|entries)/.test(o) ? null : "statedPercent";
  }
  if (/(dieu chinh|dinh chinh|correction|corrected)/.test(o)) return "correction";
  if (/^(quyen so|ten quyen so|so hieu so|ky hieu so|so hieu quyen so|book no|book number|book id)$/.test(o)) return "book";
  if (/(ghi chu|note|remark)/.test(o)) return "note";
  if (/(ngay bao cao|report date|ngay cap nhat|^ngay$|^date$)/.test(o)) return "reportDate";
  if (/(loai so|loai ho tich|^loai$|register kind|register type|^kind$|so ho tich$)/.test(o)) return "registerKind";
  if (/(giai doan|^gd$|^phase$|thoi ky|nam dang ky)/.test(o)) return "phase";
  if (/(ma (don vi|dv|xa|hanh chinh|dvhc|so)|^ma$|unit code|^code$)/.test(o)) return "unitCode";
  if (/(ten (don vi|dv|xa|dia phuong|co quan)|^don vi$|dia phuong|xa phuong|don vi hanh chinh|^unit$|unit name|^name$|^ten$)/.test(o)) return "unitName";
  // a list of the kinds of units the column holds: "Xã, thị trấn", "Phường, xã", "Huyện, thành phố"
  if (/^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tp|tx|tt)( (xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tp|tx|tt))*$/.test(o)) return "unitName";

  // Counts: which object (books or entries) and which measure. "sổ" (book) and "số" (number) are the
  // same once diacritics go, so books are recognised on the accented text or on "so so"/"quyen"/"book".
  const lower = label.normalize("NFC").toLowerCase();
  // "So ho tich" typed without diacritics can only be the register books ("số hộ tịch" is no column)
  const books = /(^|[^\p{L}])sổ([^\p{L}]|$)/u.test(lower) || /\b(books?|quyen|so so|so ho tich)\b/.test(n);
  const entries = /(du lieu|entries|entry|ban ghi|records?|trich luc|thong tin)/.test(n);
  let measure: "total" | "digitized" | "checked" | "loaded" | null = null;
  if (/(dua vao|chuyen vao|chuyen len|dong bo|csdl|co so du lieu|loaded|uploaded|dua len)/.test(n)) measure = "loaded";
  else if (/(kiem tra|phe duyet|duyet|checked|approved|xac nhan|da kt\b)/.test(n)) measure = "checked";
  else if (/(da so hoa|digitized|da nhap|da thuc hien|hoan thanh|ket qua|da scan|da sh\b|luy ke (da )?so hoa)/.test(n)) measure = "digitized";
  else if (/(tong|can so hoa|phai so hoa|total|to digitize|to be digitized|\bts\b|so luong|\bsl\b|ke hoach)/.test(n)) measure = "total";
  if (!measure) return null;
  if (books && !entries) return measure === "total" ? "booksTotal" : measure === "digitized" ? "booksDigitized" : null;
  if (entries || !books) {
    if (measure === "total") return "entriesTotal";
    if (measure === "digitized") return "entriesDigitized";
    if (measure === "checked") return "entriesChecked";
    return "entriesLoaded";
  }
  return null;
}

/**
 * The columns of a monthly results table (Khánh Hòa's style): the month's target, last month's and this month's
 * output, percent of target, growth over last month. Checked before the counts: "Kết quả tháng này" is an
 * output, not the cumulative "digitized".
 */
function monthlyField(n: string, o: string): MonthlyField | null {
  if (!/(chi tieu|thang truoc|ky truoc|thang nay|trong thang|ky nay|tang truong|thuc hien thang|ket qua thang|so voi thang)/.test(n)) return null;
  const rate = /(ty le|phan tram|%)/.test(n);
  if (/(tang|giam|tang truong)/.test(o) && /(thang truoc|ky truoc|tang truong)/.test(n)) return "growth";
  if (rate && /(chi tieu|ke hoach)/.test(n)) return "percentOfTarget";
  if (rate) return null;
  if (/(thang truoc|ky truoc)/.test(o) || (/(thang truoc|ky truoc)/.test(n) && !o.includes("thang nay"))) return "lastMonthOutput";
  if (/chi tieu/.test(o) || (/chi tieu/.test(n) && !/(thang nay|trong thang|thuc hien|ket qua)/.test(o))) return "monthTarget";
  if (/(thang nay|trong thang|ky nay|thuc hien thang|ket qua thang|thuc hien|ket qua)/.test(o) || /(thang nay|trong thang|ky nay)/.test(n)) return "monthOutput";
  return null;
}

function score(cols: Partial<Record<Field, number>>): number {
  const counts = COUNT_FIELDS.filter((f) => cols[f] !== undefined).length;
  if (cols.entriesDigitized === undefined && cols.entriesTotal === undefined) return 0;
  return counts * 2 + (cols.unitName !== undefined || cols.unitCode !== undefined ? 1 : 0) + (cols.registerKind !== undefined ? 1 : 0) + (cols.phase !== undefined ? 1 : 0);
}

/** The group label over column c: its own cell, or the nearest label to its left when the cells between are empty (a group merged right). */
function groupLabel(row: CellValue[] | undefined, c: number): string {
  if (!row) return "";
  const own = text(row[c]);
  if (own) return own;
  for (let k = c - 1; k >= 0; k--) {
    const v = text(row[k]);
    if (v) return v;
  }
  return "";
}

/** A line of the frame above a table, not a group header: it holds a number, a date alone, or a "label:" ("Ngày báo cáo: | 21/02/2025"). */
function isFrameLine(row: CellValue[] | undefined): boolean {
  for (const v of row ?? []) {
    if (typeof v === "number") return true;
    if (typeof v === "string" && (/[:：]\s*$/.test(v) || /^\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{4}-\d{2}-\d{2})\s*$/.test(v))) return true;
  }
  return false;
}

/** A row of only column numbers like (1) (2) (3) or 1 2 3, as under many official headers. */
export function isNumberingRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  let digits = 0, cells = 0;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined || v === "") continue;
    cells++;
    if (typeof v === "number") {
      if (v !== cells) return false;
      digits++;
    } else if (typeof v === "string") {
      const t = v.trim();
      // "(1)", "2", "(8)=(7)/(5)", "9=6/5", and the letters some offices use for the first columns ("A", "B")
      if (/^[()\d\s=+*/x:.,%-]{1,24}$/i.test(t) && /\d/.test(t)) digits++;
      else if (!/^\(?[A-Da-d]\)?$/.test(t)) return false;
    } else return false;
  }
  return digits >= 3;
}

/**
 * The table layout of each sheet of a workbook, found once: a caller that first detects the report date and
 * then validates (the server) passes it to both instead of recognising the headers twice.
 */
export type TableLayouts = Map<Sheet, TableLayout | null>;

/** The layout of `sheet`: taken from `layouts` when already found there, else found (and kept there). */
export function tableLayout(sheet: Sheet, layouts?: TableLayouts): TableLayout | null {
  if (!layouts) return findTable(sheet);
  let layout = layouts.get(sheet);
  if (layout === undefined) layouts.set(sheet, (layout = findTable(sheet)));
  return layout;
}

export function findTable(sheet: Sheet): TableLayout | null {
  const upto = Math.min(sheet.rows.length, MAX_HEADER_SCAN);
  if (upto === 0) return null;
  const rows = expandedHeaderRows(sheet, upto);
  // Labels per row, counted once (a row of fewer than two is a title line or data, never a header or group header).
  const filled = rows.map((row) => (row ?? []).reduce<number>((n, v) => (text(v).trim() !== "" ? n + 1 : n), 0));
  let best: TableLayout | null = null;
  let bestScore = 0;
  for (let r = 0; r < upto; r++) {
    const row = rows[r] ?? [];
    if ((filled[r] ?? 0) < 2) continue;
    // A group header above counts only if that row itself looks like a header row (several labels).
    const above = [2, 1].map((u) => r - u).filter((y) => y >= 0 && (filled[y] ?? 0) >= 2 && !isNumberingRow(rows[y]) && !isFrameLine(rows[y]));
    const width = Math.max(row.length, ...above.map((y) => (rows[y] ?? []).length));
    const cols: Partial<Record<Field, number>> = {};
    const labels: TableLayout["labels"] = {};
    for (let c = 0; c < width; c++) {
      let own = text(row[c]);
      let ownRow = r;
      // Merged areas are not always known (Excel 2016's API cannot read them): an empty cell in the last header
      // row takes the label standing above it (a label merged down), never one to its left (that is a group).
      for (let k = above.length - 1; k >= 0 && !own; k--) {
        own = text(rows[above[k]!]?.[c]);
        if (own) ownRow = above[k]!;
      }
      let group = "";
      for (const y of above) {
        if (y >= ownRow) continue;
        const g = groupLabel(rows[y], c);
        if (g && g !== own) group = `${group} ${g}`;
      }
      const f = own ? classifyHeader(own, group) : null;
      if (f && cols[f] === undefined) {
        cols[f] = c;
        labels[f] = { row: ownRow, text: `${group} ${own}`.trim() };
      }
    }
    const s = score(cols);
    // A row of sub-labels under the best header so far ("Tháng 12/2024 | Tháng 01/2025" under "Kết quả trong tháng") belongs to it.
    const subHeader = best !== null && r === best.headerRow + 1 && s === bestScore && !row.some((v) => typeof v === "number") && !isNumberingRow(row);
    if (s > bestScore || subHeader) {
      bestScore = s;
      best = { headerRow: r, headerFirstRow: above[0] ?? r, firstDataRow: r + 1, columns: cols, labels };
    }
  }
  if (!best || bestScore < 2) return null;
  while (best.firstDataRow < sheet.rows.length && isNumberingRow(sheet.rows[best.firstDataRow])) best.firstDataRow++;
  return best;
}
