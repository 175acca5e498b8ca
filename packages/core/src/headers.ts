/**
 * Finds the header of a progress table in the sheets officials really make: header row anywhere in the first
 * rows, multi-row merged headers ("Sổ" over "Tổng số | Đã số hóa"), Vietnamese with or without diacritics,
 * English, abbreviations (SL, TS), extra columns ignored.
 */
import { parseRange } from "./a1";
import { normalizeName } from "./text";
import type { CellValue, CountField, Sheet } from "./types";

export type Field = CountField | "index" | "unitCode" | "unitName" | "registerKind" | "phase" | "statedPercent" | "reportDate" | "note" | "correction" | "book";

export interface TableLayout {
  headerRow: number; // 0-based, last header row
  firstDataRow: number;
  columns: Partial<Record<Field, number>>;
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

  // Counts: which object (books or entries) and which measure. "sổ" (book) and "số" (number) are the
  // same once diacritics go, so books are recognised on the accented text or on "so so"/"quyen"/"book".
  const lower = label.normalize("NFC").toLowerCase();
  const books = /(^|[^\p{L}])sổ([^\p{L}]|$)/u.test(lower) || /\b(books?|quyen|so so)\b/.test(n);
  const entries = /(du lieu|entries|entry|ban ghi|records?|trich luc|thong tin)/.test(n);
  let measure: "total" | "digitized" | "checked" | "loaded" | null = null;
  if (/(dua vao|chuyen vao|chuyen len|dong bo|csdl|co so du lieu|loaded|uploaded|dua len)/.test(n)) measure = "loaded";
  else if (/(kiem tra|phe duyet|duyet|checked|approved|xac nhan)/.test(n)) measure = "checked";
  else if (/(da so hoa|digitized|da nhap|da thuc hien|hoan thanh|ket qua|da scan)/.test(n)) measure = "digitized";
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

function score(cols: Partial<Record<Field, number>>): number {
  const counts = ["booksTotal", "booksDigitized", "entriesTotal", "entriesDigitized", "entriesChecked", "entriesLoaded"].filter((f) => cols[f as Field] !== undefined).length;
  if (cols.entriesDigitized === undefined && cols.entriesTotal === undefined) return 0;
  return counts * 2 + (cols.unitName !== undefined || cols.unitCode !== undefined ? 1 : 0) + (cols.registerKind !== undefined ? 1 : 0) + (cols.phase !== undefined ? 1 : 0);
}

/** A row of only column numbers like (1) (2) (3) or 1 2 3, as under many official headers. */
function isNumberingRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  const cells = row.filter((v) => v !== null && v !== "");
  if (cells.length < 3) return false;
  return cells.every((v, i) => (typeof v === "string" && /^[()\d\s=+*/x:.,-]{1,24}$/i.test(v.trim()) && /\d/.test(v)) || (typeof v === "number" && v === i + 1));
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
    const width = Math.max(row.length, ...[1, 2].map((u) => (rows[r - u] ?? []).length));
    const cols: Partial<Record<Field, number>> = {};
    for (let c = 0; c < width; c++) {
      const own = text(row[c]);
      let group = "";
      for (let up = 2; up >= 1; up--) {
        const above = rows[r - up];
        if (!above) continue;
        if ((filled[r - up] ?? 0) < 2) continue; // a title line, not a group header
        const g = text(above[c]);
        if (g && g !== own) group = `${group} ${g}`;
      }
      const f = own ? classifyHeader(own, group) : null;
      if (f && cols[f] === undefined) cols[f] = c;
    }
    const s = score(cols);
    if (s > bestScore) {
      bestScore = s;
      best = { headerRow: r, firstDataRow: r + 1, columns: cols };
    }
  }
  if (!best || bestScore < 2) return null;
  while (best.firstDataRow < sheet.rows.length && isNumberingRow(sheet.rows[best.firstDataRow])) best.firstDataRow++;
  return best;
}
