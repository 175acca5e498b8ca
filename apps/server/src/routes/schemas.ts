import { z } from "@hono/zod-openapi";

export const Level = z.enum(["NATION", "PROVINCE", "DISTRICT", "COMMUNE", "AGENCY"]);
export const RoleSchema = z.enum(["ADMIN", "PROVINCE", "DISTRICT", "COMMUNE", "VIEWER"]);
/** yyyy-mm-dd naming a day that exists (2025-02-30, 2025-13-01 and 0000-00-00 are refused before any query). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || Number(m[1]) < 1) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar day; the one date schema of every route (query, path, JSON and form fields). */
export const CalendarDate = z
  .string()
  .refine(isCalendarDate, { message: "not a calendar date (yyyy-mm-dd)", params: { vi: "không phải ngày có thật (yyyy-mm-dd, ví dụ 2025-02-18)" } })
  .openapi({ type: "string", format: "date", example: "2025-02-18" });
export const IsoDate = CalendarDate;

export const UnitSummarySchema = z
  .object({
    id: z.string(), code: z.string(), name: z.string(), fullName: z.string(), nameEn: z.string().nullable(),
    level: Level, parentId: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable(),
  })
  .openapi("UnitSummary");

export const UserSchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), role: RoleSchema, locale: z.string(), unit: UnitSummarySchema })
  .openapi("User");

export const Counts = z
  .object({ booksTotal: z.number(), booksDigitized: z.number(), entriesTotal: z.number(), entriesDigitized: z.number(), entriesChecked: z.number(), entriesLoaded: z.number() })
  .openapi("ProgressCounts");
