/** Reporting: compliance with the cut-offs, schedules, reminders and the reports (ReportData is what the .xlsx and PDF render). */
import { z } from "@hono/zod-openapi";
import { LevelSchema, MessageSchema, UnitSummarySchema } from "./common";
import { ForecastSchema } from "./progress";

export const CadenceSchema = z.enum(["DAILY", "WEEKLY", "MONTHLY"]);
export type Cadence = z.infer<typeof CadenceSchema>;
export const PeriodParamSchema = z.enum(["day", "week", "month"]);
export type PeriodParam = z.infer<typeof PeriodParamSchema>;
export const PeriodTypeSchema = z.enum(["DAY", "WEEK", "MONTH"]);
const Period = z.object({ start: z.string(), end: z.string(), cutoffAt: z.string() });

export const ComplianceRowSchema = z
  .object({
    unit: UnitSummarySchema, submittedAt: z.string().nullable(), district: UnitSummarySchema.nullable(),
    members: z.number().openapi({ description: "Reporting units at the bottom of the tree under this one (1 for a commune)" }),
    membersReported: z.number().openapi({ description: "How many of them reported in the period" }),
  })
  .openapi("ComplianceRow");
export type ComplianceRow = z.infer<typeof ComplianceRowSchema>;
const ScheduleRef = z.object({ id: z.string().nullable(), name: z.string(), cadence: CadenceSchema });

export const ComplianceSchema = z
  .object({ period: Period, dayOff: z.boolean(), schedule: ScheduleRef, onTime: z.array(ComplianceRowSchema), late: z.array(ComplianceRowSchema), missing: z.array(ComplianceRowSchema) })
  .openapi("Compliance");
export type Compliance = z.infer<typeof ComplianceSchema>;

export const ComplianceStatusSchema = z.enum(["onTime", "late", "missing", "off"]);
export type ComplianceStatus = z.infer<typeof ComplianceStatusSchema>;
export const ComplianceHistorySchema = z
  .object({
    schedule: ScheduleRef,
    periods: z.array(z.object({ start: z.string(), end: z.string(), cutoffAt: z.string(), dayOff: z.boolean(), onTime: z.number(), late: z.number(), missing: z.number() })),
    units: z.array(z.object({ unit: UnitSummarySchema, district: UnitSummarySchema.nullable(), statuses: z.array(ComplianceStatusSchema), submittedAt: z.array(z.string().nullable()) })),
  })
  .openapi("ComplianceHistory");
export type ComplianceHistory = z.infer<typeof ComplianceHistorySchema>;

export const ReportingScheduleSchema = z.object({
  id: z.string(), campaignId: z.string().nullable(), unitId: z.string(), level: LevelSchema, name: z.string(), cadence: CadenceSchema, cutoffMinutes: z.number(),
  weekday: z.number().nullable(), monthDay: z.number().nullable(), timezone: z.string(), daysOff: z.array(z.union([z.number(), z.string()])),
  reminderMinutesBefore: z.number().nullable(), active: z.boolean(),
  unit: z.object({ id: z.string(), code: z.string(), fullName: z.string() }), updatedAt: z.string(),
}).openapi("ReportingSchedule");
export type ReportingSchedule = z.infer<typeof ReportingScheduleSchema>;

export const ReminderSchema = z
  .object({
    id: z.string(), unit: UnitSummarySchema, schedule: z.object({ id: z.string(), name: z.string(), cadence: z.string() }),
    period: Period,
    cutoffAt: z.string(), channel: z.string(), status: z.string(), message: MessageSchema, createdAt: z.string(), readAt: z.string().nullable(),
  })
  .openapi("Reminder");
export type Reminder = z.infer<typeof ReminderSchema>;

export const ReportLineSchema = z.object({
  kind: z.enum(["row", "subtotal", "total"]),
  no: z.string().nullable().openapi({ description: "1, 2, … within a group; I, II, … for a district; null for the total" }),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), fullName: z.string(), level: z.string() }),
  entriesTotal: z.number(),
  entriesDigitized: z.number(),
  completion: z.number().nullable(),
  booksTotal: z.number(),
  booksDigitized: z.number(),
  previousDigitized: z.number(),
  change: z.number(),
  periodDigitized: z.number().openapi({ description: "Entries digitized from the period's first day to the as-of date" }),
  entriesTarget: z.number().nullable().openapi({ description: "The period's share of the monthly targets, for the days from its start to the as-of date" }),
  targetPercent: z.number().nullable().openapi({ description: "periodDigitized / entriesTarget (1.5 = 150%)" }),
  forecast: z.object({ status: ForecastSchema.shape.status, label: z.string(), reason: z.string() }),
}).openapi("ReportLine");
export type ReportLine = z.infer<typeof ReportLineSchema>;
export const ReportListItemSchema = z.object({ code: z.string(), name: z.string(), fullName: z.string(), district: z.string().nullable(), completion: z.number().nullable(), entriesDigitized: z.number(), entriesTotal: z.number() });
export type ReportListItem = z.infer<typeof ReportListItemSchema>;
export const ReportLateItemSchema = z.object({ code: z.string(), name: z.string(), fullName: z.string(), district: z.string().nullable(), submittedAt: z.string().nullable(), status: z.enum(["late", "missing"]) });
export type ReportLateItem = z.infer<typeof ReportLateItemSchema>;

export const ReportDataSchema = z
  .object({
    version: z.literal(1),
    unit: UnitSummarySchema,
    periodType: PeriodParamSchema,
    period: Period,
    asOf: z.string().openapi({ description: "The figures are as of this date (the cut-off's day, or the requested date when earlier)" }),
    previous: z.object({ start: z.string(), end: z.string(), asOf: z.string() }),
    schedule: z.object({ id: z.string().nullable(), name: z.string() }),
    header: z.object({ agency: z.string(), number: z.string(), nation: z.string(), motto: z.string(), place: z.string(), dateLine: z.string() }),
    title: z.string(),
    subtitle: z.string(),
    periodLine: z.string(),
    recipient: z.string(),
    summary: z.string(),
    progressLine: z.string().openapi({ description: "\"642.806/1.443.893 (44,5%)\" for the unit itself" }),
    groups: z.array(z.object({ subtotal: z.union([ReportLineSchema, z.null()]), rows: z.array(ReportLineSchema) })),
    total: ReportLineSchema,
    lists: z.object({ zero: z.array(ReportListItemSchema), under10: z.array(ReportListItemSchema), under50: z.array(ReportListItemSchema) }),
    compliance: z.object({ cutoffAt: z.string(), dayOff: z.boolean(), level: z.string().nullable(), reportingUnits: z.number(), onTime: z.number(), late: z.number(), missing: z.number(), notReported: z.array(ReportLateItemSchema) }),
    legend: z.array(z.string()).openapi({ description: "How the columns are computed, in words (printed under the table)" }),
    targetWindow: z.object({ start: z.string(), end: z.string() }).openapi({ description: "The days whose output is compared with the period's share of the targets" }),
    generatedAt: z.string(),
  })
  .openapi("ReportData");
export type ReportData = z.infer<typeof ReportDataSchema>;

export const GeneratedReportSchema = z
  .object({
    id: z.string(), scheduleId: z.string().nullable(), unitId: z.string(), unit: z.object({ code: z.string(), name: z.string(), fullName: z.string() }),
    periodType: PeriodTypeSchema, periodStart: z.string(), periodEnd: z.string(), cutoffAt: z.string(), generatedAt: z.string(),
    title: z.string(), progressLine: z.string().nullable(), hasXlsx: z.boolean(), hasPdf: z.boolean(),
  })
  .openapi("GeneratedReport");
export type GeneratedReport = z.infer<typeof GeneratedReportSchema>;
/** A stored report with its data; reports stored before a field existed lack it, hence the loose object. */
export const GeneratedReportWithDataSchema = GeneratedReportSchema.extend({ data: z.object({}).passthrough() });
