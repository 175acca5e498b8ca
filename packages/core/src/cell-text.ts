/**
 * Text written into a spreadsheet cell that cannot become a formula: a text starting with = + - @ (or tab / CR)
 * gets a leading apostrophe, as Excel itself does when such text is typed as text. Every .xlsx the product writes
 * passes its text through here (the server's writer helper, the console's re-built upload); pure, so both use it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCellText(s: string | null | undefined): string {
  if (s === null || s === undefined) return "";
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** A cell value as written: text escaped, numbers, booleans, dates and empty cells unchanged. */
export function safeCellValue<T>(v: T): T | string {
  return typeof v === "string" ? safeCellText(v) : v;
}

/** The text a reader of such a cell meant: the escape apostrophe of `safeCellText` taken off again. */
export function unescapeCellText(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}
