/** The console's REST resources (Refine's simple-rest lists): units, accounts, tokens, reference lists, campaigns, deadlines, targets, audit. */
import { z } from "@hono/zod-openapi";
import { RoleSchema, TokenScopeSchema, UnitSummarySchema } from "./common";
import { PeriodTypeSchema } from "./reporting";

const SuccessorSchema = z.object({ code: z.string(), fullName: z.string(), effectiveDate: z.string(), primary: z.boolean() });
export const UnitRowSchema = UnitSummarySchema.extend({ typeName: z.string(), active: z.boolean(), childCount: z.number(), successors: z.array(SuccessorSchema).optional() }).openapi("Unit");
export type UnitRow = z.infer<typeof UnitRowSchema>;

export const SuccessionLinkSchema = z
  .object({
    id: z.string(), effectiveDate: z.string(), kind: z.string(), isPrimary: z.boolean(), share: z.number().nullable(), reason: z.string().nullable(),
    unit: UnitSummarySchema,
  })
  .openapi("SuccessionLink");
export type SuccessionLink = z.infer<typeof SuccessionLinkSchema>;
export const UnitHistorySchema = z.object({ unit: UnitSummarySchema, predecessors: z.array(SuccessionLinkSchema), successors: z.array(SuccessionLinkSchema) });
export type UnitHistory = z.infer<typeof UnitHistorySchema>;

export const AccountSchema = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), email: z.string().nullable(), role: RoleSchema, unitId: z.string(), unit: UnitSummarySchema,
  locale: z.string(), active: z.boolean(), mustChangePassword: z.boolean(), lastLoginAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
}).openapi("Account");
export type Account = z.infer<typeof AccountSchema>;

export const ApiTokenScopeSchema = TokenScopeSchema.openapi({ description: "SUBMIT: the add-in's calls; READ: any read; ADMIN: every right of the user" });
export const ApiTokenSchema = z.object({
  id: z.string(), name: z.string(), prefix: z.string(), scope: ApiTokenScopeSchema, createdAt: z.string(), expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
}).openapi("ApiToken");
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const RegisterKindSchema = z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string(), sortOrder: z.number(), active: z.boolean() }).openapi("RegisterKind");
export type RegisterKind = z.infer<typeof RegisterKindSchema>;
export const BookPhaseSchema = z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string() });
export type BookPhase = z.infer<typeof BookPhaseSchema>;

const UnitRef = z.object({ id: z.string(), code: z.string(), fullName: z.string() });
const UnitRefWithLevel = z.object({ id: z.string(), code: z.string(), name: z.string(), fullName: z.string(), level: z.string() });
const CampaignRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const CampaignSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), legalReference: z.string().nullable(), description: z.string().nullable(),
  unitId: z.string(), unit: UnitRef,
  startDate: z.string(), endDate: z.string(), phases: z.array(z.string()), active: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
}).openapi("Campaign");
export type Campaign = z.infer<typeof CampaignSchema>;

export const DeadlineSchema = z.object({
  id: z.string(), campaignId: z.string(), unitId: z.string(), dueDate: z.string(), note: z.string().nullable(), confirmed: z.boolean(),
  unit: UnitRefWithLevel, campaign: CampaignRef, updatedAt: z.string(),
}).openapi("Deadline");
export type Deadline = z.infer<typeof DeadlineSchema>;

export const TargetSchema = z.object({
  id: z.string(), campaignId: z.string(), unitId: z.string(), periodType: PeriodTypeSchema, periodStart: z.string(), periodEnd: z.string(),
  entriesTarget: z.number(), booksTarget: z.number().nullable(), carried: z.boolean(),
  unit: UnitRefWithLevel, campaign: CampaignRef, updatedAt: z.string(),
}).openapi("Target");
export type Target = z.infer<typeof TargetSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(), at: z.string(), userId: z.string().nullable(), username: z.string().nullable(), action: z.string(), entity: z.string(), entityId: z.string().nullable(),
  unitId: z.string().nullable(), ip: z.string().nullable(), userAgent: z.string().nullable(), requestId: z.string().nullable(), details: z.unknown(),
}).openapi("AuditEntry");
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
