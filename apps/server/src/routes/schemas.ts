import { z } from "@hono/zod-openapi";

export const Level = z.enum(["NATION", "PROVINCE", "DISTRICT", "COMMUNE", "AGENCY"]);
export const RoleSchema = z.enum(["ADMIN", "PROVINCE", "DISTRICT", "COMMUNE", "VIEWER"]);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "yyyy-mm-dd").openapi({ example: "2025-02-18" });

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
