/**
 * Cell values as officials write them: Vietnamese numbers (1.443.893, 1 443 893), numbers stored as text,
 * unambiguous English numbers (1,443,893), percentages (44,5%, 0.445, 44.5), dates (dd/mm/yyyy, Excel
 * serials, ISO, "ngày 18 tháng 02 năm 2025"), blank versus zero.
 */
import type { CellValue } from "./types";

export type NumberParse =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "invalid"; reason: "not_number" | "ambiguous" };

const SPACES = /[\s\u00a0\u202f\u2007\u2009]/g;

/**
 * Fast path for the common case, digits with optional Vietnamese thousands dots ("642806", "1.443.893"):
 * the value, or -1 when the text is anything else (then the general rules decide).
 */
function plainDigits(s: string): number {
  const len = s.length;
  if (len === 0 || len > 15 || (len > 1 && s.charCodeAt(0) === 48)) return -1; // "0.445" is a decimal
  let value = 0;
  let sinceDot = -1; // digits since the last dot; -1 before any dot
  for (let i = 0; i < len; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      value = value * 10 + (ch - 48);
      if (sinceDot >= 0) sinceDot++;
    } else if (ch === 46) {
      if (i === 0 || i > (sinceDot < 0 ? 3 : len) || (sinceDot >= 0 && sinceDot !== 3)) return -1;
      sinceDot = 0;
    } else return -1;
  }
  if (sinceDot >= 0 && sinceDot !== 3) return -1;
  return value;
}

export function parseNumberCell(v: CellValue | undefined): NumberParse {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "invalid", reason: "not_number" };
  if (typeof v === "boolean") return { kind: "invalid", reason: "not_number" };
  const fast = plainDigits(v);
  if (fast >= 0) return { kind: "number", value: fast };
  let s = v.replace(SPACES, "");
  if (s === "") return { kind: "blank" };
  if (/^[-–—]$/.test(s)) return { kind: "number", value: 0 }; // a dash means none in Vietnamese tables
  let sign = 1;
  if (/^[+-]/.test(s)) {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  let m: RegExpExecArray | null;
  if (/^\d+$/.test(s)) return { kind: "number", value: sign * Number(s) };
  if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) return { kind: "number", value: sign * Number(s.replace(/\./g, "")) }; // 1.443.893
  if (/^[1-9]\d{0,2}(,\d{3}){2,}$/.test(s)) return { kind: "number", value: sign * Number(s.replace(/,/g, "")) }; // 1,443,893
  if (/^[1-9]\d{0,2},\d{3}$/.test(s)) return { kind: "invalid", reason: "ambiguous" }; // 1,443: thousands or a decimal comma?
  if ((m = /^(\d{1,3}(?:\.\d{3})*),(\d+)$/.exec(s))) return { kind: "number", value: sign * Number(`${m[1]!.replace(/\./g, "")}.${m[2]}`) }; // 1.443,5 / 44,5
  if ((m = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(s))) return { kind: "number", value: sign * Number(`${m[1]!.replace(/,/g, "")}.${m[2]}`) }; // 1,443.5
  if (/^\d+\.\d+$/.test(s)) return { kind: "number", value: sign * Number(s) }; // 44.5
  return { kind: "invalid", reason: "not_number" };
}

/** Fast path for "44,5%", "100%", "7.25%": the value, or -1 when the text is anything else. */
function simplePercent(s: string): number {
  const len = s.length;
  if (len < 2 || len > 8 || s.charCodeAt(len - 1) !== 37) return -1;
  let int = 0, frac = 0, scale = 1, i = 0, digits = 0;
  for (; i < len - 1; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) { int = int * 10 + (ch - 48); digits++; }
    else break;
  }
  if (digits === 0 || digits > 3) return -1;
  if (i < len - 1) {
    const sep = s.charCodeAt(i);
    if (sep !== 44 && sep !== 46) return -1;
    i++;
    const start = i;
    for (; i < len - 1; i++) {
      const ch = s.charCodeAt(i);
      if (ch < 48 || ch > 57) return -1;
      frac = frac * 10 + (ch - 48);
      scale *= 10;
    }
    if (i - start === 0 || i - start > 2) return -1;
  }
  return int + frac / scale;
}

/** A stated percentage, on the 0–100 scale; `ratio` tells that a bare value ≤ 1 may also be a ratio (0.445). */
export type PercentParse = { kind: "blank" } | { kind: "invalid" } | { kind: "percent"; value: number; maybeRatio: boolean };

export function parsePercentCell(v: CellValue | undefined): PercentParse {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "string") {
    const fast = simplePercent(v);
    if (fast >= 0) return { kind: "percent", value: fast, maybeRatio: false };
    const s = v.replace(SPACES, "");
    // a formula error left in a rate cell (#DIV/0! on a row with nothing to digitize) states no rate
    if (s === "" || /^#(DIV\/0!|N\/A|VALUE!|REF!|NUM!|NAME\?|NULL!)$/i.test(s)) return { kind: "blank" };
    if (s.endsWith("%")) {
      const n = parseNumberCell(s.slice(0, -1));
      return n.kind === "number" ? { kind: "percent", value: n.value, maybeRatio: false } : { kind: "invalid" };
    }
    const n = parseNumberCell(s);
    if (n.kind !== "number") return n.kind === "blank" ? n : { kind: "invalid" };
    return { kind: "percent", value: n.value, maybeRatio: n.value <= 1 };
  }
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "percent", value: v, maybeRatio: v <= 1 } : { kind: "invalid" };
  return { kind: "invalid" };
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel 1900 date system serial → yyyy-mm-dd (serial 45706 = 2025-02-18). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 200_000) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoToExcelSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A date cell → yyyy-mm-dd, or null when it is not a date. Day first, as in Vietnam. */
export function parseDateCell(v: CellValue | undefined): string | null {
  if (v === null || v === undefined || typeof v === "boolean") return null;
  if (typeof v === "number") return v >= 20_000 && v <= 80_000 ? excelSerialToIso(v) : null;
  const s = v.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(s))) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  // "ngày 18 tháng 02 năm 2025" / "18 tháng 2 năm 2025"
  const t = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  if ((m = /(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/.exec(t))) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d+(\.\d+)?$/.test(s)) return parseDateCell(Number(s));
  return null;
}

/**
 * A number shown under a percent format ("0.0%") holds a fraction: 1.25 is shown, and meant, as 125,0%.
 * Readers of a workbook (the server's .xlsx reader, the task pane) pass each cell through this with its number
 * format, so the percent is read as the person sees it, whichever program wrote the file.
 */
export function withNumberFormat(v: CellValue, numberFormat: string | null | undefined): CellValue {
  if (typeof v !== "number" || !numberFormat || !Number.isFinite(v)) return v;
  // a percent sign outside quotes and brackets ("0.0%", "0%", not "\"%\"0" or "[Red]")
  const bare = numberFormat.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return bare.includes("%") ? `${Number((v * 100).toFixed(10))}%` : v;
}
