/**
 * Version stamps of the views (migration view_stamps): `version` of '*' (the tree, targets, deadlines, campaigns,
 * schedules…) and the sum of the versions of the units with a code and of the units that flowed into them (a
 * reformed commune's trend shows its predecessors'). Both only grow — a unit deleted bumps '*' — so the pair
 * tells whether anything a view of that code shows was committed since another reading of it.
 */
import { PREPARED, type Sql } from "../sql";

export interface ViewStamp { global: bigint; units: bigint }

const VIEW_STAMP = `${PREPARED}SELECT (SELECT g."version" FROM "ViewStamp" g WHERE g."unitId" = '*') AS "global",
  (SELECT coalesce(sum(s."version"), 0) FROM "ViewStamp" s
    WHERE s."unitId" IN (SELECT u."id" FROM "Unit" u WHERE u."code" = $1
                         UNION SELECT f."predecessorId" FROM "Unit" u JOIN "UnitSuccession" f ON f."successorId" = u."id" WHERE u."code" = $1)) AS "units"`;

export async function viewStamp(tx: Sql, code: string): Promise<ViewStamp> {
  const [row] = await tx.$queryRawUnsafe<{ global: bigint | number | null; units: bigint | number | string | null }[]>(VIEW_STAMP, code);
  return { global: BigInt(row?.global ?? 0), units: BigInt(row?.units ?? 0) };
}
