/**
 * The catalogue of rule codes with their severities, and the collector every rule reports through. Codes are
 * stable: the apps and stored submissions refer to them. validateGrid applies all but the last three, which
 * need the unit tree over time (successions, which units report): the server applies them with unit-rules.ts.
 */
import { columnLetters } from "../a1";
import { formatNumber } from "../format";
import type { CellValue, Message, ProgressRow, Severity, ValidationIssue } from "../types";

/** Every rule code with its severity. */
export const RULES = {
  HEADER_NOT_FOUND: "error",
  NO_ROWS: "error",
  ROW_EMPTY: "warning",
  DATE_MISSING: "error",
  DATE_INVALID: "error",
  DATE_IN_FUTURE: "error",
  DATE_OUTSIDE_CAMPAIGN: "warning",
  DATES_MIXED: "error",
  UNIT_MISSING: "error",
  UNIT_UNKNOWN: "error",
  UNIT_AMBIGUOUS: "error",
  UNIT_NAME_MISMATCH: "warning",
  KIND_UNKNOWN: "error",
  PHASE_UNKNOWN: "error",
  COUNT_NOT_NUMBER: "error",
  COUNT_AMBIGUOUS: "error",
  COUNT_NEGATIVE: "error",
  COUNT_NOT_INTEGER: "error",
  COUNT_MISSING: "error",
  PERCENT_INVALID: "error",
  DIGITIZED_GT_TOTAL: "error",
  BOOKS_DIGITIZED_GT_TOTAL: "error",
  CHECKED_GT_DIGITIZED: "error",
  LOADED_GT_DIGITIZED: "error",
  PERCENT_MISMATCH: "error",
  TOTAL_MISMATCH: "error",
  DUPLICATE_ROW: "error",
  DECREASE_WITHOUT_CORRECTION: "error",
  CORRECTION_REASON_MISSING: "error",
  OUTLIER_JUMP: "warning",
  INVENTORY_MISMATCH: "warning",
  // Applied by the server, which knows the unit tree over time; their issues are built by unit-rules.ts.
  UNIT_FORMER: "warning",
  UNIT_FORMER_AND_CURRENT: "error",
  UNIT_NOT_REPORTING: "error",
} as const satisfies Record<string, Severity>;
export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export { FIELD_NAMES } from "../count-fields";

export const str = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "string" ? v.trim() : String(v));
export const n = (x: number, l: "vi" | "en" = "vi") => formatNumber(x, l);

export class Collector {
  issues: ValidationIssue[] = [];
  /** rows (sheet|row) with an error of their own: not returned as accepted rows */
  badRows = new Set<string>();
  /** rows with a count that could not be read: totals over them are not checked (the row must be fixed first) */
  unreadable = new Set<ProgressRow>();
  add(code: RuleCode, sheet: string, r: number | null, c: number | null, message: Message, cells?: (string | null | undefined)[]): void {
    const issue: ValidationIssue = { code, severity: RULES[code], message, sheet, cell: r !== null && c !== null ? columnLetters(c) + (r + 1) : null };
    if (cells) {
      const cs = cells.filter((x): x is string => !!x);
      if (cs.length) issue.cells = cs;
    }
    if (r !== null) {
      issue.row = r + 1;
      if (issue.severity === "error") this.badRows.add(`${sheet}|${r + 1}`);
    }
    this.issues.push(issue);
  }
  /** An issue about a parsed row, at one of its cells. */
  onRow(code: RuleCode, row: ProgressRow, cell: string | null | undefined, message: Message, cells?: (string | null | undefined)[]): void {
    const issue: ValidationIssue = { code, severity: RULES[code], message, sheet: row.sheet, cell: cell ?? null, row: row.row };
    if (cells) {
      const cs = cells.filter((x): x is string => !!x);
      if (cs.length) issue.cells = cs;
    }
    if (issue.severity === "error") this.badRows.add(`${row.sheet}|${row.row}`);
    this.issues.push(issue);
  }
}
