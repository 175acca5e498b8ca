/**
 * Shapes of the reporting endpoints (docs/api-contract.md: reports, compliance, schedules, reminders), kept
 * apart from api-types.ts so the reporting pages can change without touching the shared file.
 */
import type { Level, Msg, UnitSummary } from "./api-types";

export type PeriodParam = "day" | "week" | "month";
export type Cadence = "DAILY" | "WEEKLY" | "MONTHLY";
export type ForecastStatus = "ON_TRACK" | "AT_RISK" | "WILL_MISS" | "DONE" | "NO_DATA" | "NO_DEADLINE" | "UNKNOWN";

export interface ReportLine {
  kind: "row" | "subtotal" | "total";
  no: string | null;
  unit: { id: string; code: string; name: string; fullName: string; level: string };
  entriesTotal: number;
  entriesDigitized: number;
  completion: number | null;
  previousDigitized: number;
  change: number;
  /** Absent in reports stored before period targets existed. */
  periodDigitized?: number;
  entriesTarget: number | null;
  targetPercent: number | null;
  forecast: { status: ForecastStatus; label: string; reason: string };
}
export interface ReportListItem { code: string; name: string; fullName: string; district: string | null; completion: number | null; entriesDigitized: number; entriesTotal: number }
export interface ReportLateItem { code: string; name: string; fullName: string; district: string | null; submittedAt: string | null; status: "late" | "missing" }

export interface ReportData {
  unit: UnitSummary;
  periodType: PeriodParam;
  period: { start: string; end: string; cutoffAt: string };
  asOf: string;
  previous: { start: string; end: string; asOf: string };
  schedule: { id: string | null; name: string };
  header: { agency: string; number: string; nation: string; motto: string; place: string; dateLine: string };
  title: string;
  subtitle: string;
  periodLine: string;
  recipient: string;
  summary: string;
  progressLine: string;
  groups: { subtotal: ReportLine | null; rows: ReportLine[] }[];
  total: ReportLine;
  lists: { zero: ReportListItem[]; under10: ReportListItem[]; under50: ReportListItem[] };
  compliance: { cutoffAt: string; dayOff: boolean; reportingUnits: number; onTime: number; late: number; missing: number; notReported: ReportLateItem[] };
  legend?: string[];
  generatedAt: string;
}

export interface GeneratedReport {
  id: string; scheduleId: string | null; unitId: string; unit: { code: string; name: string; fullName: string };
  periodType: "DAY" | "WEEK" | "MONTH"; periodStart: string; periodEnd: string; cutoffAt: string; generatedAt: string;
  title: string; progressLine: string | null; hasXlsx: boolean; hasPdf: boolean;
}

export interface Schedule {
  id: string; campaignId: string | null; unitId: string; level: Level; name: string; cadence: Cadence; cutoffMinutes: number;
  weekday: number | null; monthDay: number | null; timezone: string; daysOff: (number | string)[]; reminderMinutesBefore: number | null; active: boolean;
  unit: { id: string; code: string; fullName: string }; updatedAt: string;
}

export interface ComplianceRowFull { unit: UnitSummary; submittedAt: string | null; district: UnitSummary | null; members?: number; membersReported?: number }
export interface ComplianceView {
  period: { start: string; end: string; cutoffAt: string };
  dayOff: boolean;
  schedule: { id: string | null; name: string; cadence: Cadence };
  onTime: ComplianceRowFull[];
  late: ComplianceRowFull[];
  missing: ComplianceRowFull[];
}
export type ComplianceStatus = "onTime" | "late" | "missing" | "off";
export interface ComplianceHistory {
  schedule: { id: string | null; name: string; cadence: Cadence };
  periods: { start: string; end: string; cutoffAt: string; dayOff: boolean; onTime: number; late: number; missing: number }[];
  units: { unit: UnitSummary; district: UnitSummary | null; statuses: ComplianceStatus[]; submittedAt: (string | null)[] }[];
}

export interface Reminder {
  id: string; unit: UnitSummary; schedule: { id: string; name: string; cadence: string };
  period: { start: string; end: string; cutoffAt: string }; cutoffAt: string; channel: string; status: string; message: Msg; createdAt: string; readAt: string | null;
}

/** "17:00" from minutes after midnight. */
export function minutesToTime(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
