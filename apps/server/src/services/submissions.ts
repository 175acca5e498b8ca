/**
 * Receiving a sheet: re-validate it with core against the latest accepted state, then store it immutably
 * (submission + versioned snapshots + roll-ups) in one transaction. Idempotent per (user, Idempotency-Key):
 * a retried or concurrent duplicate of the same request returns the first receipt. Cumulative figures are checked
 * again under the unit's lock; a sheet another writer overtook is validated again, as if sent after it.
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import {
  COUNT_FIELDS,
  ZERO_COUNTS,
  addDays,
  applySavedLayouts,
  buildValidationContext,
  detectReportDate,
  formerAndCurrentIssue,
  formerUnitIssue,
  markSavedLayouts,
  notReportingIssue,
  todayInVietnam,
  validateGrid,
  type SavedLayout,
  type Grid,
  type ProgressCounts,
  type TableLayouts,
  type UnitRef,
  type ValidationContext,
  type ValidationIssue,
  type ValidationResult,
  type WorkbookReading,
} from "@sohoa/core";
import { batched } from "../lib/batched";
import { formerUnitFlows, isUniqueViolation, searchText, sheetLayoutsOf, splitCounts, submissionByIdempotencyKey, submissionContexts, writeSubmissionBatch, type ContextQuery, type ContextUnit, type Database, type GuardedField, type SubmissionRowInput } from "@sohoa/db";
import type { AppEnv, AuthUser } from "../context";
import { auditValues } from "../lib/audit";
import { uuidv7 } from "../lib/crypto";
import { replay, requestFingerprint } from "./idempotency";
import { STALE, writeAccepted } from "./submission-writer";
import { ApiError, notFound } from "../lib/errors";
import { clientIp, userAgent } from "../lib/request-info";

/** Who may send a sheet: the contract's sources less those only the server writes (the demo, carried figures). */
export type SubmissionSource = Exclude<ContractSource, "DEMO" | "CARRIED">;

export interface SubmitInput {
  unitCode: string;
  grid: Grid;
  source: SubmissionSource;
  reportDate?: string | undefined;
  acceptWarnings?: boolean | undefined;
  correctionReason?: string | undefined;
  idempotencyKey?: string | undefined;
  file?: { filename: string; contentType: string; bytes: Uint8Array } | undefined;
  /** read and validate only: nothing is stored, the answer says what would be */
  dryRun?: boolean | undefined;
}

import type { DryRun, Receipt, SubmissionSource as ContractSource } from "@sohoa/contract";
export type { DryRun, Receipt } from "@sohoa/contract";

export type SubmitOutcome =
  | { status: 201 | 200; receipt: Receipt; reading?: WorkbookReading }
  | { status: 422; issues: ValidationIssue[]; code: "validation_failed" | "warnings_not_accepted"; id: string | null; reading: WorkbookReading }
  | { status: "dry"; preview: DryRun };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** sha256 of the original file, or of the grid as serialized (`gridJson`, also what is stored). */
function canonicalChecksum(gridJson: string, file?: Uint8Array): string {
  const h = createHash("sha256");
  if (file) h.update(file);
  else h.update(gridJson);
  return h.digest("hex");
}

/** Validation contexts of the submissions arriving together, read in one statement. */
const readContext = batched((db: Database, qs: ContextQuery[]) => submissionContexts(db.sql, qs));

/**
 * Everything core needs to validate a sheet of unit `unitCode` dated `date`, read in one statement
 * (submissionContext); null when no such unit lies in the person's scope on that date.
 */
async function validationContext(db: Database, user: AuthUser, unitCode: string, date: string, now: Date, correctionReason?: string, idempotencyKey?: string) {
  const row = await readContext(db, {
    unitCode, date, scopeUnitId: user.unitId, userId: user.id, idempotencyKey,
    seriesFrom: addDays(date, -15), seriesTo: addDays(date, -1),
  });
  const { submitter, units: subtree, kinds, phases } = row;
  if (!submitter) return { prior: row.prior, submitter: null } as const;
  const toRef = (u: ContextUnit): UnitRef => ({ id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level as UnitRef["level"], parentId: u.parentId, validFrom: u.validFrom, validTo: u.validTo });
  // Sheets dated after a reorganization may still name the former units ("Zà Hung", "Xã Trà Mai"): they are
  // recognised by name (or by a code no current unit uses) and credited to their successors below.
  const currentCodes = new Set(subtree.map((u) => u.code));
  const currentNames = new Set(subtree.map((u) => searchText(u.name)));
  const formerUsable = row.former.filter((u) => !currentCodes.has(u.code) || !currentNames.has(searchText(u.name)));
  const parents = new Set(subtree.map((u) => u.parentId));
  const leafIds = new Set(subtree.filter((u) => !parents.has(u.id)).map((u) => u.id));
  const codeOf = new Map(subtree.map((u) => [u.id, u.code]));
  const kindCode = new Map(kinds.map((k) => [k.id, k.code]));
  const phaseCode = new Map(phases.map((p) => [p.id, p.code]));

  const recentDailyOutput = new Map<string, number>();
  for (const s of row.series) {
    const days = Math.max(1, (day(s.last.date).getTime() - day(s.first.date).getTime()) / 86_400_000);
    recentDailyOutput.set(codeOf.get(s.unitId)!, Math.max(0, (s.last.entriesDigitized - s.first.entriesDigitized) / days));
  }
  const at = (unitId: string, kindId: string, phaseId: string) => ({ unitCode: codeOf.get(unitId)!, registerKind: kindCode.get(kindId)!, phase: phaseCode.get(phaseId)! });
  const ctx = buildValidationContext({
    today: todayInVietnam(now),
    submitter: toRef(submitter),
    units: [...subtree.map(toRef), ...formerUsable.map((u) => ({ ...toRef(u), parentId: null, code: currentCodes.has(u.code) ? `${u.code}*` : u.code }))],
    registerKinds: kinds,
    phases,
    reportDate: date,
    campaign: row.campaign,
    previous: row.snapshots.map((s) => ({ ...at(s.unitId, s.registerKindId, s.phaseId), counts: s.counts })),
    recentDailyOutput,
    inventory: row.inventory.map((i) => ({
      ...at(i.unitId, i.registerKindId, i.phaseId),
      counts: { booksTotal: i.booksTotal, booksDigitized: 0, entriesTotal: i.entriesTotal, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 },
    })),
    correctionReason: correctionReason ?? null,
  });
  return {
    prior: row.prior,
    submitter,
    ctx,
    kindIds: new Map(kinds.map((k) => [k.code, k.id])),
    phaseIds: new Map(phases.map((p) => [p.code, p.id])),
    leafIds,
    formerIds: new Set(formerUsable.map((u) => u.id)),
  };
}

function unitNotFound(code: string, date: string) {
  return notFound({ vi: `đơn vị mã ${code} vào ngày ${date.split("-").reverse().join("/")} trong phạm vi của bạn`, en: `Unit ${code} on ${date} within your scope` });
}

/** The fields core's DECREASE_WITHOUT_CORRECTION compares with the previous report, when the sheet has their cell. */
const GUARDED: GuardedField[] = ["entriesDigitized", "entriesChecked", "entriesLoaded", "booksDigitized"];

/**
 * A roll-up sheet gives a unit's totals without register kinds or phases ("*"): they are recorded under
 * kind OTHER / the first phase, and the unit's other keys the wildcard covers are set to zero, so that the
 * unit's total equals the sheet and nothing is counted twice.
 */
function expandWildcards(rows: ValidationResult["rows"], ctx: ValidationContext, date: string, kindIds: Map<string, string>, phaseIds: Map<string, string>, checked: Set<ValidationResult["rows"][number]>) {
  const out: SubmissionRowInput[] = [];
  const fallbackKind = kindIds.has("OTHER") ? "OTHER" : [...kindIds.keys()].at(-1)!;
  const fallbackPhase = [...phaseIds.keys()][0]!;
  for (const r of rows) {
    const kind = r.registerKind === "*" ? fallbackKind : r.registerKind;
    const phase = r.phase === "*" ? fallbackPhase : r.phase;
    const guard = checked.has(r) && !r.isCorrection ? GUARDED.filter((f) => r.cells[f]) : undefined;
    out.push({ unitId: r.unit.id, registerKindId: kindIds.get(kind)!, phaseId: phaseIds.get(phase)!, reportDate: date, counts: r.counts, note: r.note ?? null, unitCode: r.unit.code, kind, phase, guard });
    if (r.registerKind !== "*" && r.phase !== "*") continue;
    for (const [key, prev] of ctx.previous ?? []) {
      const [code, k, p] = key.split("|") as [string, string, string];
      if (code !== r.unit.code || (k === kind && p === phase)) continue;
      if ((r.registerKind !== "*" && k !== r.registerKind) || (r.phase !== "*" && p !== r.phase)) continue;
      if (Object.values(prev).every((v) => v === 0)) continue;
      out.push({ unitId: r.unit.id, registerKindId: kindIds.get(k)!, phaseId: phaseIds.get(p)!, reportDate: date, counts: { booksTotal: 0, booksDigitized: 0, entriesTotal: 0, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 }, note: "Thay bằng số tổng hợp / replaced by the roll-up total", unitCode: r.unit.code, kind: k, phase: p });
    }
  }
  return out;
}

/**
 * Rows naming former units are credited to their successors (primary, or by shares), with a warning saying so;
 * rows of several former units that became one are summed into one row, never stored twice.
 */
async function creditFormerUnits(db: Database, result: ValidationResult, formerIds: Set<string>, units: UnitRef[]): Promise<{ rows: ValidationResult["rows"]; issues: ValidationIssue[] }> {
  const formerRows = result.rows.filter((r) => formerIds.has(r.unit.id));
  if (formerRows.length === 0) return { rows: result.rows, issues: [] };
  const byId = new Map(units.map((u) => [u.id, u]));
  const issues: ValidationIssue[] = [];
  const out = result.rows.filter((r) => !formerIds.has(r.unit.id));
  const flows = await formerUnitFlows(db, [...new Set(formerRows.map((r) => r.unit.id))]);
  const merged = new Map<string, (typeof out)[number]>();
  for (const r of formerRows) {
    const fl = flows.filter((f) => f.predecessorId === r.unit.id && byId.has(f.successorId));
    const parts = splitCounts(r.counts, fl.map((f) => f.share));
    fl.forEach((f, i) => {
      const target = byId.get(f.successorId)!;
      const key = `${target.id}|${r.registerKind}|${r.phase}`;
      if (!merged.has(key) && out.some((o) => `${o.unit.id}|${o.registerKind}|${o.phase}` === key)) {
        issues.push(formerAndCurrentIssue(r, target));
        return;
      }
      const existing = merged.get(key);
      if (existing) {
        for (const k of Object.keys(existing.counts) as (keyof ProgressCounts)[]) existing.counts[k] += parts[i]![k];
      } else {
        const row = { ...r, unit: target, counts: { ...parts[i]! } };
        merged.set(key, row);
        out.push(row);
      }
      issues.push(formerUnitIssue(r, target, f.share));
    });
  }
  return { rows: out, issues };
}

/** Figures are recorded for reporting units (communes, agencies, districts without communes), never for parents. */
function leafIssues(result: ValidationResult, leafIds: Set<string>): ValidationIssue[] {
  return result.rows
    .filter((r) => !leafIds.has(r.unit.id))
    .map((r) => notReportingIssue(r));
}

/** Each retry follows another writer's commit for the unit, so a sheet is retried at most once per sheet ahead of it. */
const MAX_ATTEMPTS = 10;

export async function submit(c: Context<AppEnv>, input: SubmitInput): Promise<SubmitOutcome> {
  const now = c.var.deps.clock();
  const gridJson = JSON.stringify(input.grid);
  const checksum = canonicalChecksum(gridJson, input.file?.bytes);
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    // Validated against figures read before the unit's lock: if another writer got in first, validated again.
    const outcome = await attempt(c, input, now, gridJson, checksum, requestFingerprint(input, checksum));
    if (outcome !== STALE) return outcome;
  }
  throw new ApiError(409, "conflict", {
    vi: "Đơn vị này đang nhận nhiều báo cáo cùng lúc. Vui lòng gửi lại sau ít phút.",
    en: "This unit is receiving many reports at once. Please send again in a few minutes.",
  });
}

async function attempt(c: Context<AppEnv>, input: SubmitInput, now: Date, gridJson: string, checksum: string, fingerprint: string): Promise<SubmitOutcome | typeof STALE> {
  const { db } = c.var.deps;
  const user: AuthUser = c.var.user;
  // The sheet's own report date decides which map of units applies; a first pass finds it.
  const layouts: TableLayouts = new Map();
  // A sheet that states no date and a request that gives none is refused (DATE_MISSING), never filed under today:
  // today only picks the map of units to read it with.
  const stated = input.reportDate ?? detectReportDate(input.grid, layouts);
  let date = stated ?? todayInVietnam(now);
  const idempotencyKey = input.dryRun ? undefined : input.idempotencyKey;
  let read = await validationContext(db, user, input.unitCode, date, now, input.correctionReason, idempotencyKey);
  // A retried request (same Idempotency-Key) answers with the first receipt, whatever else changed since.
  if (read.prior) return replay<Receipt>(read.prior, fingerprint, checksum);
  if (!read.submitter && !stated) return undated(input, now);
  if (!read.submitter) throw unitNotFound(input.unitCode, date);
  const dated = (ctx: ValidationContext): ValidationContext => (stated ? ctx : { ...ctx, reportDate: undefined });
  // The unit's saved layouts (corrections a person made to how its sheets are read) apply to sheets of their header.
  const saved = await sheetLayoutsOf(db, read.submitter.id);
  const { grid, applied } = applySavedLayouts(input.grid, saved.map((l) => ({ signature: l.signature, ...l.correction }) as SavedLayout), layouts);
  let result = validateGrid(grid, dated(read.ctx), layouts);
  if (result.reportDate && result.reportDate !== date) {
    date = result.reportDate;
    read = await validationContext(db, user, input.unitCode, date, now, input.correctionReason);
    if (!read.submitter) throw unitNotFound(input.unitCode, date);
    result = validateGrid(grid, dated(read.ctx), layouts);
  }
  const { submitter, ctx, kindIds, phaseIds, leafIds, formerIds } = read;
  // Rows core compared with their own key's previous figures (not those credited from former units).
  const checked = new Set(result.rows.filter((r) => !formerIds.has(r.unit.id)));
  const remapped = await creditFormerUnits(db, result, formerIds, ctx.units);
  result = { ...result, rows: remapped.rows };
  const issues = [...result.issues, ...remapped.issues, ...leafIssues(result, leafIds)];
  if (result.rows.length === 0 && !issues.some((i) => i.severity === "error")) {
    issues.push({
      code: "NO_ROWS", severity: "error", sheet: input.grid.sheets[0]?.name ?? "", cell: null,
      message: { vi: "Không tìm thấy dòng số liệu nào trong bảng tính. Hãy dùng mẫu của Sohoa hoặc kiểm tra dòng tiêu đề.", en: "No data rows were found in the sheet. Use the Sohoa template or check the header row." },
    });
  }
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  const reading = result.reading;
  markSavedLayouts(reading, applied);
  if (input.dryRun) return { status: "dry", preview: dryRun(result, issues, errors.length > 0) };

  const base = {
    unitId: submitter.id, reportDate: day(date), source: input.source, submittedById: user.id, submittedAt: now,
    ip: clientIp(c), userAgent: userAgent(c), requestId: c.get("requestId") ?? null, checksum,
    templateCode: result.template, templateVersion: "1", isCorrection: !!input.correctionReason, correctionReason: input.correctionReason ?? null,
    rowCount: result.rows.length, errorCount: errors.length, warningCount: warnings.length,
  };

  if (errors.length > 0) {
    // Kept for the inbox (what was sent and why it was refused); nothing is counted. Written as accepted ones are.
    const rejectedId = uuidv7(now.getTime());
    await writeSubmissionBatch(db, [{
      submission: { ...base, id: rejectedId, issues, status: "REJECTED", warningsAccepted: false, idempotencyKey: null, requestHash: null },
      gridJson,
      file: input.file ? { ...input.file, id: uuidv7(now.getTime()), sha256: checksum } : undefined,
      rows: [],
      audit: auditValues(c, { action: "submission_rejected", entity: "submission", entityId: rejectedId, unitId: submitter.id, details: { errors: errors.length, warnings: warnings.length, source: input.source } }),
    }]);
    return { status: 422, code: "validation_failed", issues, id: rejectedId, reading };
  }
  if (warnings.length > 0 && !input.acceptWarnings) return { status: 422, code: "warnings_not_accepted", issues, id: null, reading };

  const rows = expandWildcards(result.rows, ctx, date, kindIds, phaseIds, checked);
  const id = uuidv7(now.getTime());
  try {
    const receipt = await writeAccepted<Receipt>(db, {
      submission: { ...base, id, issues, status: "ACCEPTED", warningsAccepted: warnings.length > 0, idempotencyKey: input.idempotencyKey ?? null, requestHash: input.idempotencyKey ? fingerprint : null },
      gridJson,
      file: input.file ? { ...input.file, id: uuidv7(now.getTime()), sha256: checksum } : undefined,
      rows,
      audit: auditValues(c, { action: input.correctionReason ? "submission_correction" : "submission_accepted", entity: "submission", entityId: id, unitId: submitter.id, details: { rows: rows.length, warnings: warnings.length, source: input.source, reason: input.correctionReason } }),
      // The db adds one change per row once their versions are known.
      receipt: {
        id, checksum, status: "ACCEPTED", reportDate: date, submittedAt: now.toISOString(),
        accepted: { rows: rows.length, units: new Set(rows.map((r) => r.unitId)).size },
        warnings,
      },
    });
    if (receipt === STALE) return STALE;
    return { status: 201, receipt, reading };
  } catch (err) {
    // A concurrent retry with the same Idempotency-Key (the unique index refused it): answer with the first receipt.
    if (input.idempotencyKey && isUniqueViolation(err)) {
      const prior = await submissionByIdempotencyKey(db, user.id, input.idempotencyKey);
      if (prior) return replay<Receipt>(prior, fingerprint, checksum);
    }
    throw err;
  }
}

/**
 * A sheet with no date whose unit is not on today's map (a commune merged since): which unit it means depends on
 * the date, so the date is what is missing. Nothing is stored.
 */
function undated(input: SubmitInput, now: Date): SubmitOutcome {
  const unit: UnitRef = { id: "-", code: input.unitCode, name: input.unitCode, fullName: input.unitCode, level: "COMMUNE", parentId: null };
  const { reading } = validateGrid(input.grid, { today: todayInVietnam(now), submitter: unit, units: [unit], registerKinds: [], phases: [] });
  const issues: ValidationIssue[] = [{
    code: "DATE_MISSING", severity: "error", sheet: input.grid.sheets[0]?.name ?? "", cell: null,
    message: {
      vi: `Bảng tính không ghi ngày báo cáo, và đơn vị mã ${input.unitCode} không còn trên bản đồ đơn vị hôm nay: cần biết ngày để biết đơn vị. Hãy ghi "Số liệu tính đến ngày …" phía trên bảng, hoặc chọn ngày báo cáo khi gửi.`,
      en: `The sheet states no report date, and unit ${input.unitCode} is not on today's map of units: the date decides which unit it is. Write "Figures as of …" above the table, or choose the report date when sending.`,
    },
  }];
  if (input.dryRun) return { status: "dry", preview: { dryRun: true, reportDate: null, hasErrors: true, issues, rows: 0, units: 0, totals: { ...ZERO_COUNTS }, reading } };
  return { status: 422, code: "validation_failed", issues, id: null, reading };
}

function dryRun(result: ValidationResult, issues: ValidationIssue[], hasErrors: boolean): DryRun {
  const totals: ProgressCounts = { ...ZERO_COUNTS };
  for (const r of result.rows) for (const f of COUNT_FIELDS) totals[f] += r.counts[f];
  return { dryRun: true, reportDate: result.reportDate, hasErrors, issues, rows: result.rows.length, units: new Set(result.rows.map((r) => r.unit.id)).size, totals, reading: result.reading };
}
