/**
 * Roll-up deltas. `UnitRollup` holds, for every unit and every date on which something below it changed, the
 * cumulative figures of its whole subtree. A new snapshot changes its key's effective value on
 * [reportDate, next report date of the same key); that difference is added, set-based, to the rows of every
 * ancestor in that range, inside the same transaction as the snapshot.
 */
import { PREPARED, type Statement } from "../../sql";
import { COUNT_COLUMNS, COUNT_FIELDS, type Counts } from "./counts";

export interface DeltaGroup {
  unitId: string;
  /** The change applies on [from, until); until null = from then on. */
  from: string;
  until: string | null;
  delta: Counts;
  /** When it was reported (moves "last report" markers); null for carried figures. */
  at: Date | null;
}

/**
 * The statements that add every group's delta to the roll-up rows of its unit and all their ancestors: two per
 * chunk of groups, whatever their number. First, rows are materialized at each group's `from` and `until` for
 * every ancestor by copying the latest row before that day (which holds the same figure, so the order of groups
 * does not matter); then each row gets the sum of the deltas of all groups whose range covers its date.
 */
export function deltaStatements(groups: DeltaGroup[]): Statement[] {
  const live = groups.filter((g) => g.at || COUNT_FIELDS.some((f) => g.delta[f] !== 0));
  // Groups go in as a VALUES list, not a JSON parameter, so the planner knows how few there are and probes the
  // indexes; large sets (a reform's carry) go in chunks, each applied to the consistent state the last one left.
  const out: Statement[] = [];
  for (let i = 0; i < live.length; i += DELTA_CHUNK) out.push(...deltaChunk(live.slice(i, i + DELTA_CHUNK)));
  return out;
}

const DELTA_CHUNK = 250;
const PREPARED_GROUPS = 64;

function deltaChunk(groups: DeltaGroup[]): Statement[] {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const values = groups
    .map((g) => `(${p(g.unitId)}::text, ${p(g.from)}::date, ${p(g.until)}::date, ${p(g.at ? g.at.toISOString() : null)}::timestamptz, ${COUNT_FIELDS.map((f) => `${p(g.delta[f])}::bigint`).join(", ")})`)
    .join(", ");
  const groupTable = `(VALUES ${values}) AS g("unitId", "from", "until", "at", ${COUNT_COLUMNS})`;
  // Its shape depends only on the number of groups: prepared once per connection and count, up to a write's usual size.
  const mark = groups.length <= PREPARED_GROUPS ? PREPARED : "";
  return [
    {
      values: params,
      text: `${mark}WITH pairs AS (
       SELECT DISTINCT c."ancestorId" AS "unitId", d."day"
         FROM ${groupTable}
         JOIN "UnitClosure" c ON c."descendantId" = g."unitId"
         CROSS JOIN LATERAL (SELECT g."from" AS "day" UNION ALL SELECT g."until" WHERE g."until" IS NOT NULL) d
     )
     INSERT INTO "UnitRollup" ("unitId", "date", ${COUNT_COLUMNS}, "lastReportAt", "lastReportDate")
     SELECT x."unitId", x."day", ${COUNT_FIELDS.map((f) => `COALESCE(p."${f}", 0)`).join(", ")}, p."lastReportAt", p."lastReportDate"
       FROM pairs x
       LEFT JOIN LATERAL (
         SELECT * FROM "UnitRollup" r WHERE r."unitId" = x."unitId" AND r."date" < x."day" ORDER BY r."date" DESC LIMIT 1
       ) p ON true
     ON CONFLICT ("unitId", "date") DO NOTHING`,
    },
    {
      values: params,
      text: `${mark}UPDATE "UnitRollup" r
        SET ${COUNT_FIELDS.map((f) => `"${f}" = r."${f}" + a."${f}"`).join(", ")},
            "lastReportAt" = CASE WHEN a."at" IS NULL THEN r."lastReportAt" ELSE GREATEST(r."lastReportAt", a."at") END,
            "lastReportDate" = CASE WHEN a."realDate" IS NULL THEN r."lastReportDate" ELSE GREATEST(r."lastReportDate", a."realDate") END
       FROM (
         SELECT x."unitId", x."date", ${COUNT_FIELDS.map((f) => `sum(g."${f}") AS "${f}"`).join(", ")},
                max(g."at" AT TIME ZONE 'UTC') AS "at", max(CASE WHEN g."at" IS NOT NULL THEN g."from" END) AS "realDate"
           FROM ${groupTable}
           JOIN "UnitClosure" c ON c."descendantId" = g."unitId"
           JOIN "UnitRollup" x ON x."unitId" = c."ancestorId" AND x."date" >= g."from" AND (g."until" IS NULL OR x."date" < g."until")
          GROUP BY x."unitId", x."date"
       ) a
      WHERE r."unitId" = a."unitId" AND r."date" = a."date"`,
    },
  ];
}
