/**
 * Rules about units that need the unit tree over time, applied by the server after validateGrid: a row naming
 * a former unit is credited to its successor (UNIT_FORMER), unless the sheet also lists that successor
 * (UNIT_FORMER_AND_CURRENT); a row naming a unit with units below it is refused (UNIT_NOT_REPORTING). The issues
 * are built here so that their codes, severities and messages live in the one catalogue.
 */
import type { ProgressRow, UnitRef, ValidationIssue } from "../types";
import { RULES, type RuleCode } from "./rules";

const at = (code: RuleCode, r: ProgressRow, message: ValidationIssue["message"]): ValidationIssue => ({ code, severity: RULES[code], sheet: r.sheet, cell: r.cells.unit ?? null, row: r.row, message });

/** A row of a former unit whose figures go to `successor` (`share` of them, 1 for all). */
export function formerUnitIssue(r: ProgressRow, successor: UnitRef, share: number): ValidationIssue {
  const part = share < 1 ? ` (${Math.round(share * 100)}%)` : "";
  return at("UNIT_FORMER", r, {
    vi: `${r.unit.fullName} (cũ) nay thuộc ${successor.fullName}${part}: số liệu được ghi cho ${successor.fullName}.`,
    en: `${r.unit.fullName} (former) is now part of ${successor.fullName}${part}: its figures are credited to ${successor.fullName}.`,
  });
}

/** A row of a former unit whose successor has a row of its own in the same sheet: the figures would count twice. */
export function formerAndCurrentIssue(r: ProgressRow, successor: UnitRef): ValidationIssue {
  return at("UNIT_FORMER_AND_CURRENT", r, {
    vi: `${r.unit.fullName} (cũ) nay thuộc ${successor.fullName}, nhưng bảng tính cũng có dòng của ${successor.fullName}: số liệu sẽ bị tính hai lần. Hãy xóa một trong hai dòng.`,
    en: `${r.unit.fullName} (former) is now part of ${successor.fullName}, which the sheet also lists: the figures would count twice. Remove one of the rows.`,
  });
}

/** A row of a unit with units below it: figures are recorded for reporting units only. */
export function notReportingIssue(r: ProgressRow): ValidationIssue {
  return at("UNIT_NOT_REPORTING", r, {
    vi: `${r.unit.fullName} có đơn vị trực thuộc: số liệu được tổng hợp từ các đơn vị đó, không nhập trực tiếp. Hãy báo cáo theo từng xã/đơn vị trực thuộc.`,
    en: `${r.unit.fullName} has units below it: its figures are the sum of theirs and cannot be entered directly. Report per commune/unit below it.`,
  });
}
