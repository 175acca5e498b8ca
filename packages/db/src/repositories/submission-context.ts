/**
 * Everything a submission is validated against, read in one statement: the submitting unit (by code, on the
 * report date, within the submitter's scope), its subtree on that date, the former units that flowed into it,
 * register kinds and phases, the latest accepted counts of its reporting units, their recent roll-up series,
 * book inventory and the active campaign — plus the earlier receipt of a retried Idempotency-Key.
 *
 * Receiving a sheet is the hottest write path: one round trip instead of a dozen keeps it cheap.
 */
import { PREPARED, type Sql } from "../sql";
import { COUNT_FIELDS, ZERO, latestSnapshotsJoin, type Counts } from "./progress";

export interface ContextUnit {
  id: string; code: string; name: string; fullName: string; level: string; parentId: string | null;
  validFrom: string; validTo: string | null;
}

export interface SubmissionContextRow {
  /** Null when no unit has that code on that date within the scope. */
  submitter: ContextUnit | null;
  /** The submitter's subtree on the date (itself included). */
  units: ContextUnit[];
  /** Units closed on or before the date whose successors lie in the subtree. */
  former: ContextUnit[];
  kinds: { id: string; code: string; nameVi: string; nameEn: string; sortOrder: number }[];
  phases: { id: string; code: string; nameVi: string; nameEn: string }[];
  /** Latest accepted counts per reporting unit × kind × phase at or before the date. */
  snapshots: { unitId: string; registerKindId: string; phaseId: string; counts: Counts }[];
  /** Per reporting unit: its roll-up at the start and at the end of [from, to] (daily output). */
  series: { unitId: string; first: { date: string; entriesDigitized: number }; last: { date: string; entriesDigitized: number }; rows: number }[];
  inventory: { unitId: string; registerKindId: string; phaseId: string; booksTotal: number; entriesTotal: number }[];
  campaign: { startDate: string; endDate: string } | null;
  /** The first submission with this user's Idempotency-Key, if any. */
  prior: PriorSubmission | null;
}

/** An earlier submission under the same Idempotency-Key; requestHash is null for those stored before it existed. */
export interface PriorSubmission { receipt: unknown; checksum: string; requestHash: string | null }

/** SQL: a unit row `a` as a JSON object (dates as yyyy-mm-dd). */
export const unitJson = (a: string) =>
  `json_build_object('id', ${a}."id", 'code', ${a}."code", 'name', ${a}."name", 'fullName', ${a}."fullName", 'nameEn', ${a}."nameEn", 'level', ${a}."level", 'parentId', ${a}."parentId", 'validFrom', ${a}."validFrom", 'validTo', ${a}."validTo")`;
const validOnDate = (a: string) => `${a}."validFrom" <= $2::date AND (${a}."validTo" IS NULL OR ${a}."validTo" > $2::date)`;

// One submission's context, on $1 unit code, $2 date, $3 scope unit, $4 user, $5–$6 series window, $7 key.
const ONE = `
WITH sub AS (
  SELECT u.* FROM "Unit" u
   WHERE u."code" = $1 AND u."active" AND ${validOnDate("u")}
     -- in scope (the closure holds every unit as its own ancestor): one probe of the closure's key. Written as
     -- OR/EXISTS, PostgreSQL hashed the scope's whole subtree for every sheet.
     AND (SELECT true FROM "UnitClosure" c WHERE c."ancestorId" = $3 AND c."descendantId" = u."id") IS NOT NULL
   ORDER BY u."validFrom" DESC LIMIT 1
), tree AS (
  SELECT u.* FROM sub JOIN "UnitClosure" c ON c."ancestorId" = sub."id" JOIN "Unit" u ON u."id" = c."descendantId"
   WHERE u."active" AND ${validOnDate("u")}
), leaves AS (
  SELECT t."id" FROM tree t WHERE NOT EXISTS (SELECT 1 FROM tree x WHERE x."parentId" = t."id")
), former AS (
  SELECT DISTINCT u."id", u."code", u."name", u."fullName", u."nameEn", u."level", u."parentId", u."validFrom", u."validTo"
    FROM tree t
    CROSS JOIN LATERAL (SELECT s."predecessorId" FROM "UnitSuccession" s WHERE s."successorId" = t."id" OFFSET 0) s
    JOIN "Unit" u ON u."id" = s."predecessorId"
   WHERE u."level" IN ('COMMUNE', 'DISTRICT', 'AGENCY') AND u."validTo" <= $2::date
), snaps AS (
  SELECT p.* FROM leaves l
    ${latestSnapshotsJoin(`l."id"`, "$2::date", `s."unitId", s."registerKindId", s."phaseId", ${COUNT_FIELDS.map((f) => `s."${f}"`).join(", ")}`)}
), series AS (
  SELECT l."id" AS "unitId", f."date" AS "firstDate", f."entriesDigitized" AS "firstValue", z."date" AS "lastDate", z."entriesDigitized" AS "lastValue", n."rows"
    FROM leaves l
    CROSS JOIN LATERAL (
      SELECT count(*)::int + (SELECT count(*)::int FROM (SELECT 1 FROM "UnitRollup" b WHERE b."unitId" = l."id" AND b."date" < $5::date LIMIT 1) x) AS "rows"
        FROM "UnitRollup" r WHERE r."unitId" = l."id" AND r."date" >= $5::date AND r."date" <= $6::date
    ) n
    CROSS JOIN LATERAL (
      SELECT * FROM (
        (SELECT r."date", r."entriesDigitized", 0 AS o FROM "UnitRollup" r WHERE r."unitId" = l."id" AND r."date" < $5::date ORDER BY r."date" DESC LIMIT 1)
        UNION ALL
        (SELECT r."date", r."entriesDigitized", 1 AS o FROM "UnitRollup" r WHERE r."unitId" = l."id" AND r."date" >= $5::date AND r."date" <= $6::date ORDER BY r."date" LIMIT 1)
      ) q ORDER BY q.o LIMIT 1
    ) f
    CROSS JOIN LATERAL (
      SELECT r."date", r."entriesDigitized" FROM "UnitRollup" r WHERE r."unitId" = l."id" AND r."date" <= $6::date ORDER BY r."date" DESC LIMIT 1
    ) z
   WHERE n."rows" >= 2
)
SELECT
  (SELECT ${unitJson("sub")} FROM sub) AS "submitter",
  (SELECT coalesce(json_agg(${unitJson("t")}), '[]'::json) FROM tree t) AS "units",
  (SELECT coalesce(json_agg(${unitJson("f")}), '[]'::json) FROM former f) AS "former",
  (SELECT coalesce(json_agg(json_build_object('id', k."id", 'code', k."code", 'nameVi', k."nameVi", 'nameEn', k."nameEn", 'sortOrder', k."sortOrder") ORDER BY k."sortOrder"), '[]'::json)
     FROM "RegisterKind" k WHERE k."active") AS "kinds",
  (SELECT coalesce(json_agg(json_build_object('id', b."id", 'code', b."code", 'nameVi', b."nameVi", 'nameEn', b."nameEn") ORDER BY b."sortOrder"), '[]'::json)
     FROM "BookPhase" b WHERE b."active") AS "phases",
  (SELECT coalesce(json_agg(s), '[]'::json) FROM snaps s) AS "snapshots",
  (SELECT coalesce(json_agg(s), '[]'::json) FROM series s) AS "series",
  (SELECT coalesce(json_agg(json_build_object('unitId', i."unitId", 'registerKindId', i."registerKindId", 'phaseId', i."phaseId", 'booksTotal', i."booksTotal", 'entriesTotal', i."entriesTotal")), '[]'::json)
     FROM "BookInventory" i WHERE i."unitId" IN (SELECT "id" FROM leaves)) AS "inventory",
  (SELECT json_build_object('startDate', cp."startDate", 'endDate', cp."endDate")
     FROM "Campaign" cp, sub
    WHERE cp."active" AND EXISTS (SELECT 1 FROM "UnitClosure" c WHERE c."ancestorId" = cp."unitId" AND c."descendantId" = sub."id")
    ORDER BY cp."startDate" DESC LIMIT 1) AS "campaign",
  (SELECT json_build_object('receipt', s."receipt", 'checksum', s."checksum", 'requestHash', s."requestHash") FROM "Submission" s
    WHERE $7::text IS NOT NULL AND s."submittedById" = $4 AND s."idempotencyKey" = $7) AS "prior"`;

/**
 * The contexts of several submissions in one statement (one round trip, prepared: planning it cost more than
 * running it): each request row of the JSON parameter joined laterally to the query above.
 */
const COLUMNS = ["unitCode", "date", "scopeUnitId", "userId", "seriesFrom", "seriesTo", "idempotencyKey"] as const;
const SQL = `${PREPARED}SELECT req."i", c.*
  FROM jsonb_to_recordset($1::jsonb) AS req("i" int, "unitCode" text, "date" date, "scopeUnitId" text, "userId" text, "seriesFrom" date, "seriesTo" date, "idempotencyKey" text)
  CROSS JOIN LATERAL (${ONE.replace(/\$([1-7])\b/g, (_, n: string) => `req."${COLUMNS[Number(n) - 1]}"`)}) c
 ORDER BY req."i"`;

const day = (v: unknown) => (v == null ? null : String(v).slice(0, 10));
const toUnit = (u: Record<string, unknown>): ContextUnit => ({
  id: String(u.id), code: String(u.code), name: String(u.name), fullName: String(u.fullName), level: String(u.level),
  parentId: (u.parentId as string | null) ?? null, validFrom: day(u.validFrom)!, validTo: day(u.validTo),
});
/** JSON columns arrive parsed from PostgreSQL and as text from some adapters. */
export const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

export interface ContextQuery {
  unitCode: string; date: string; scopeUnitId: string; userId: string; seriesFrom: string; seriesTo: string; idempotencyKey?: string | null | undefined;
}

export async function submissionContext(tx: Sql, q: ContextQuery): Promise<SubmissionContextRow> {
  return (await submissionContexts(tx, [q]))[0]!;
}

/** The contexts of several submissions (in the order given), read in one statement. */
export async function submissionContexts(tx: Sql, qs: ContextQuery[]): Promise<SubmissionContextRow[]> {
  const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
    SQL,
    JSON.stringify(qs.map((q, i) => ({ i, ...q, idempotencyKey: q.idempotencyKey ?? null }))),
  );
  const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
  return qs.map((_, i) => toContext(byIndex.get(i) ?? {}));
}

function toContext(r: Record<string, unknown>): SubmissionContextRow {
  const submitter = json<Record<string, unknown> | null>(r.submitter ?? null);
  const campaign = json<{ startDate: string; endDate: string } | null>(r.campaign ?? null);
  const prior = json<PriorSubmission | null>(r.prior ?? null);
  return {
    submitter: submitter ? toUnit(submitter) : null,
    units: json<Record<string, unknown>[]>(r.units ?? "[]").map(toUnit),
    former: json<Record<string, unknown>[]>(r.former ?? "[]").map(toUnit),
    kinds: json(r.kinds ?? "[]"),
    phases: json(r.phases ?? "[]"),
    snapshots: json<Record<string, unknown>[]>(r.snapshots ?? "[]").map((s) => {
      const counts = { ...ZERO };
      for (const f of COUNT_FIELDS) counts[f] = Number(s[f] ?? 0);
      return { unitId: String(s.unitId), registerKindId: String(s.registerKindId), phaseId: String(s.phaseId), counts };
    }),
    series: json<Record<string, unknown>[]>(r.series ?? "[]").map((s) => ({
      unitId: String(s.unitId), rows: Number(s.rows),
      first: { date: day(s.firstDate)!, entriesDigitized: Number(s.firstValue) },
      last: { date: day(s.lastDate)!, entriesDigitized: Number(s.lastValue) },
    })),
    inventory: json(r.inventory ?? "[]"),
    campaign: campaign ? { startDate: day(campaign.startDate)!, endDate: day(campaign.endDate)! } : null,
    prior: prior ? { receipt: json(prior.receipt), checksum: prior.checksum, requestHash: prior.requestHash ?? null } : null,
  };
}
