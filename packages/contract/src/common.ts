/** Shapes every part of the API shares: messages, units, accounts, counts, validation issues and errors. */
import { z } from "@hono/zod-openapi";
import { COUNT_FIELDS, ROLES, TOKEN_SCOPES, UNIT_LEVELS, type CountField } from "@sohoa/core";

export const MessageSchema = z.object({ vi: z.string(), en: z.string() }).openapi("Message");
export type Message = z.infer<typeof MessageSchema>;

export const LevelSchema = z.enum(UNIT_LEVELS);
export type Level = z.infer<typeof LevelSchema>;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** yyyy-mm-dd naming a day that exists (2025-02-30, 2025-13-01 and 0000-00-00 are refused before any query). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || Number(m[1]) < 1) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar day; the one date schema of every route (query, path, JSON and form fields). */
export const CalendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: "not a calendar date (yyyy-mm-dd)", params: { vi: "không phải ngày có thật (yyyy-mm-dd, ví dụ 2025-02-18)" } })
  .openapi({ type: "string", format: "date", example: "2025-02-18" });

export const UnitSummarySchema = z
  .object({
    id: z.string(), code: z.string(), name: z.string(), fullName: z.string(), nameEn: z.string().nullable(),
    level: LevelSchema, parentId: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable(),
  })
  .openapi("UnitSummary");
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

export const UserSchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), role: RoleSchema, locale: z.string(), unit: UnitSummarySchema })
  .openapi("User");
export type User = z.infer<typeof UserSchema>;

export const LoginBodySchema = z.object({
  username: z.string().trim().min(1).max(100).openapi({ example: "quangnam" }),
  password: z.string().min(1).max(200).openapi({ example: "Sohoa@2025" }),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;
export const LoginResultSchema = z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema }).openapi("LoginResult");
export type LoginResult = z.infer<typeof LoginResultSchema>;
export const MeSchema = z.object({ user: UserSchema });
export const LogoutWithTokenSchema = z.object({ revoked: z.literal(false), message: MessageSchema });

export const ProgressCountsSchema = z
  .object(Object.fromEntries(COUNT_FIELDS.map((f) => [f, z.number()])) as Record<CountField, z.ZodNumber>)
  .openapi("ProgressCounts");
export type ProgressCounts = z.infer<typeof ProgressCountsSchema>;

export const ValidationIssueSchema = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    message: MessageSchema,
    sheet: z.string(),
    cell: z.string().nullable(),
    cells: z.array(z.string()).optional(),
    row: z.number().optional(),
  })
  .openapi("ValidationIssue");
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

/** A code and its names in both languages (register kinds, book phases). */
export const NamedCodeSchema = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
export type NamedCode = z.infer<typeof NamedCodeSchema>;
