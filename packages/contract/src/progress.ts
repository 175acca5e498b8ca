/** Progress views: a unit with its children, the breakdown by register kind and phase, the trend and the communes by band. */
import { z } from "@hono/zod-openapi";
import { LevelSchema, MessageSchema, NamedCodeSchema, ProgressCountsSchema, UnitSummarySchema } from "./common";

export const BUCKETS = ["zero", "under10", "under50", "under100", "done"] as const;
export const BucketSchema = z.enum(BUCKETS);
export type Bucket = z.infer<typeof BucketSchema>;
const BucketCounts = z.object({ zero: z.number(), under10: z.number(), under50: z.number(), under100: z.number(), done: z.number() });

export const ForecastSchema = z
  .object({
    status: z.enum(["done", "on_track", "at_risk", "will_miss", "no_data"]),
    dailyRate: z.number().nullable(),
    requiredRate: z.number().nullable(),
    projectedFinish: z.string().nullable(),
    remaining: z.number(),
    daysLeft: z.number().nullable(),
    reason: MessageSchema,
  })
  .openapi("Forecast");
export type Forecast = z.infer<typeof ForecastSchema>;
export type ForecastStatus = Forecast["status"];

export const TargetInfoSchema = z.object({ periodStart: z.string(), periodEnd: z.string(), entriesTarget: z.number(), achieved: z.number(), percent: z.number().nullable() });
export type TargetInfo = z.infer<typeof TargetInfoSchema>;

export const UnitProgressSchema = UnitSummarySchema.extend({
  counts: ProgressCountsSchema,
  completion: z.number().nullable(),
  booksCompletion: z.number().nullable(),
  bucket: BucketSchema,
  rank: z.number().nullable(),
  siblings: z.number(),
  target: TargetInfoSchema.nullable(),
  growth: z.number().nullable().openapi({ description: "Output of the last 7 days against the 7 days before (0.5 = +50%)" }),
  weekOutput: z.number(),
  forecast: ForecastSchema,
  deadline: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  hasChildren: z.boolean(),
  reported: z.boolean(),
}).openapi("UnitProgress");
export type UnitProgress = z.infer<typeof UnitProgressSchema>;

export const KindPhaseRowSchema = z.object({
  registerKind: NamedCodeSchema, phase: NamedCodeSchema, counts: ProgressCountsSchema, completion: z.number().nullable(), reportDate: z.string(),
  version: z.number().nullable().openapi({ description: "null for a sum over the subtree" }),
});
export type KindPhaseRow = z.infer<typeof KindPhaseRowSchema>;

export const ProgressViewSchema = z
  .object({
    date: z.string(),
    latestReportDate: z.string().nullable(),
    unit: UnitProgressSchema,
    children: z.array(UnitProgressSchema),
    buckets: BucketCounts,
    breakdown: z.array(KindPhaseRowSchema),
    ancestors: z.array(UnitSummarySchema),
  })
  .openapi("ProgressView");
export type ProgressView = z.infer<typeof ProgressViewSchema>;

export const TrendPointSchema = z.object({ date: z.string(), entriesDigitized: z.number(), entriesTotal: z.number(), booksDigitized: z.number(), booksTotal: z.number(), target: z.number().nullable() });
export type TrendPoint = z.infer<typeof TrendPointSchema>;
export const TrendSchema = z.object({ points: z.array(TrendPointSchema), deadline: z.string().nullable() }).openapi("Trend");
export type Trend = z.infer<typeof TrendSchema>;

export const BottomUnitSchema = z
  .object({
    id: z.string(), code: z.string(), name: z.string(), fullName: z.string(), level: LevelSchema,
    parent: z.object({ code: z.string(), name: z.string(), fullName: z.string(), level: LevelSchema }).nullable(),
    counts: ProgressCountsSchema,
    completion: z.number().nullable(),
    bucket: BucketSchema,
    lastReportDate: z.string().nullable(),
    lastReportAt: z.string().nullable(),
  })
  .openapi("BottomUnit");
export type BottomUnit = z.infer<typeof BottomUnitSchema>;

export const BottomUnitsViewSchema = z
  .object({
    date: z.string(),
    unit: UnitSummarySchema,
    total: z.number().openapi({ description: "Territorial bottom-level units (communes, wards…) counted in the bands" }),
    buckets: BucketCounts,
    units: z.array(BottomUnitSchema).openapi({ description: "The band asked for with `list` (lowest completion first); empty without `list`" }),
    agencies: z.array(BottomUnitSchema).openapi({ description: "Bottom-level agencies (Sở Tư pháp), not counted in the bands" }),
  })
  .openapi("BottomUnitsView");
export type BottomUnitsView = z.infer<typeof BottomUnitsViewSchema>;
