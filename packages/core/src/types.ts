/** Shared domain types of Sohoa. Plain data, no IO: the same in Node and in both browser apps. */
import type { WorkbookReading } from "./reading/types";
export type Locale = "vi" | "en";
export interface Message { vi: string; en: string }
/** The one list of unit levels, account roles and API-token scopes: the contract's enums and every app's unions derive from these. */
export const UNIT_LEVELS = ["NATION", "PROVINCE", "DISTRICT", "COMMUNE", "AGENCY"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const ROLES = ["ADMIN", "PROVINCE", "DISTRICT", "COMMUNE", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];
export const TOKEN_SCOPES = ["SUBMIT", "READ", "ADMIN"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  fullName: string;
  level: UnitLevel;
  parentId: string | null;
  /** yyyy-mm-dd; validTo is exclusive */
  validFrom?: string | null;
  validTo?: string | null;
}

export interface RegisterKindRef { code: string; nameVi: string; nameEn: string; sortOrder?: number }
export interface PhaseRef { code: string; nameVi: string; nameEn: string }

import type { CountField, ProgressCounts } from "./count-fields";
export type { CountField, ProgressCounts } from "./count-fields";
export { COUNT_FIELDS, ZERO_COUNTS } from "./count-fields";

/** A cell value as read from a workbook; cached formula results are given as their value. */
export type CellValue = string | number | boolean | null;
export interface Sheet { name: string; rows: CellValue[][]; merges?: string[] }
export interface Grid { sheets: Sheet[] }

export type Severity = "error" | "warning";
export interface ValidationIssue {
  code: string;
  severity: Severity;
  message: Message;
  sheet: string;
  /** A1 address of the cell, e.g. "F12"; null for a sheet-level issue */
  cell: string | null;
  cells?: string[];
  /** 1-based sheet row */
  row?: number;
}

export type RowField = CountField | "unit" | "registerKind" | "phase" | "statedPercent" | "reportDate";

export interface ProgressRow {
  sheet: string;
  row: number;
  unit: UnitRef;
  registerKind: string;
  phase: string;
  counts: ProgressCounts;
  statedPercent?: number | null;
  reportDate: string;
  note?: string | null;
  isCorrection?: boolean;
  correctionReason?: string | null;
  /** the book of a per-book sheet; null once the rows of several books are summed into this one */
  book?: string | null;
  /** sheet rows summed into this row (per-book sheets), this row first */
  sourceRows?: number[];
  cells: Partial<Record<RowField, string>>;
}

export interface ValidationContext {
  /** yyyy-mm-dd in Asia/Ho_Chi_Minh, passed in (no clock inside core) */
  today: string;
  submitter: UnitRef;
  /** units in the submitter's scope (its subtree, itself included), valid at the report date */
  units: UnitRef[];
  registerKinds: RegisterKindRef[];
  phases: PhaseRef[];
  /** used when the sheet states no date */
  reportDate?: string;
  campaign?: { startDate: string; endDate: string } | null;
  /** key `${unitCode}|${kindCode}|${phaseCode}` → latest accepted counts at or before the report date */
  previous?: Map<string, ProgressCounts>;
  /** unitCode → typical entries digitized per day, for the outlier warning */
  recentDailyOutput?: Map<string, number>;
  /** registered book inventory, same key as previous */
  inventory?: Map<string, ProgressCounts>;
  /** the whole submission is a correction */
  correction?: { reason: string } | null;
  /** unitCode → date of its previous accepted report: the outlier rule then allows the usual output × days */
  previousReportDate?: Map<string, string>;
  /** outlier rule: warn above max(minJump, usual daily output × days × factor); defaults factor 10, minJump 500 */
  outlier?: { factor?: number; minJump?: number };
}

export interface ValidationResult {
  rows: ProgressRow[];
  issues: ValidationIssue[];
  reportDate: string | null;
  template: "commune" | "rollup" | null;
  hasErrors: boolean;
  /** what was understood of the workbook: each sheet's unit, date, header mapping and row roles */
  reading: WorkbookReading;
}

