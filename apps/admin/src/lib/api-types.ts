/**
 * Shapes of the HTTP API (docs/api-contract.md). Kept here, not imported from the server, because the
 * console must build against the contract while the server is still being written.
 */
import type { WorkbookReading } from "@sohoa/core";

export type { WorkbookReading, SheetReading, RowRole } from "@sohoa/core";
export interface Msg { vi: string; en: string }

export type Level = "NATION" | "PROVINCE" | "DISTRICT" | "COMMUNE" | "AGENCY";
export type Role = "ADMIN" | "PROVINCE" | "DISTRICT" | "COMMUNE" | "VIEWER";

export interface UnitSummary {
  id: string;
  code: string;
  name: string;
  fullName: string;
  level: Level;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: "vi" | "en";
  unit: UnitSummary;
}

export interface LoginResult { token: string; expiresAt: string; user: User }

export interface ValidationIssue {
  code: string;
  severity: "error" | "warning";
  message: Msg;
  sheet?: string;
  cell?: string | null;
  cells?: string[];
  row?: number;
}

export interface ApiErrorBody {
  error: { code: string; message: Msg; field?: string; issues?: ValidationIssue[] };
}

export interface ProgressCounts {
  booksTotal: number;
  booksDigitized: number;
  entriesTotal: number;
  entriesDigitized: number;
  entriesChecked: number;
  entriesLoaded: number;
}

export type Bucket = "zero" | "under10" | "under50" | "under100" | "done";

/** core's Forecast (status "done" | "on_track" | "at_risk" | "will_miss" | "no_data", rates, reason in words). */
export interface Forecast {
  status: string;
  dailyRate?: number | null;
  requiredRate?: number | null;
  /** older name some payloads use; read as a fallback */
  requiredDailyRate?: number | null;
  projectedFinish?: string | null;
  remaining?: number | null;
  daysLeft?: number | null;
  reason?: Msg | null;
  [key: string]: unknown;
}

export interface TargetInfo {
  periodStart: string;
  periodEnd: string;
  entriesTarget: number;
  achieved: number;
  percent: number | null;
}

export interface UnitProgress extends UnitSummary {
  counts: ProgressCounts;
  completion: number | null;
  booksCompletion: number | null;
  bucket: Bucket | null;
  rank: number | null;
  siblings: number;
  target: TargetInfo | null;
  growth: number | null;
  forecast: Forecast | null;
  deadline: string | null;
  lastReportAt: string | null;
  hasChildren: boolean;
  reported: boolean;
}

export interface NamedCode { code: string; nameVi: string; nameEn: string }

export interface KindPhaseRow {
  registerKind: NamedCode;
  phase: NamedCode;
  counts: ProgressCounts;
  completion: number | null;
  reportDate: string | null;
  version: number | null;
}

export interface ProgressResponse {
  date: string;
  latestReportDate: string | null;
  unit: UnitProgress;
  children: UnitProgress[];
  buckets: Record<Bucket, number>;
  breakdown?: KindPhaseRow[];
  ancestors: UnitSummary[];
}

/** GET /units/:code/bottom-units: the communes at the bottom of the subtree, banded; `units` is the band asked for. */
export interface BottomUnit {
  id: string;
  code: string;
  name: string;
  fullName: string;
  level: Level;
  parent: { code: string; name: string; fullName: string; level: Level } | null;
  counts: ProgressCounts;
  completion: number | null;
  bucket: Bucket;
  lastReportDate: string | null;
  lastReportAt: string | null;
}

export interface BottomUnitsResponse {
  date: string;
  unit: UnitSummary;
  total: number;
  buckets: Record<Bucket, number>;
  units: BottomUnit[];
  agencies: BottomUnit[];
}

export interface TrendPoint {
  date: string;
  entriesDigitized: number;
  entriesTotal: number;
  booksDigitized: number;
  booksTotal: number;
  target: number | null;
}

export interface TrendResponse { points: TrendPoint[]; deadline: string | null }

export interface ComplianceRow { unit: UnitSummary; submittedAt: string | null }
export interface ComplianceResponse {
  period: { start: string; end: string; cutoffAt: string };
  onTime: ComplianceRow[];
  late: ComplianceRow[];
  missing: ComplianceRow[];
}

/** POST /api/submissions with dryRun: what would be recorded, and how the sheet was read (core's reading). */
export interface DryRunAnswer {
  dryRun: true;
  reportDate: string | null;
  hasErrors: boolean;
  issues: ValidationIssue[];
  rows: number;
  units: number;
  totals: ProgressCounts;
  reading: WorkbookReading;
}

export interface SubmissionAccepted {
  id: string;
  checksum: string;
  status: "ACCEPTED";
  reportDate: string;
  accepted: { rows: number; units: number };
  warnings: ValidationIssue[];
  submittedAt: string;
}
