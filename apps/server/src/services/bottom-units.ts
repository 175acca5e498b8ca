/**
 * Distribution over the bottom of a unit's subtree: how many communes (whatever the depth) are at 0%, under
 * 10%, under 50%, 50–99% and done, and which. Agencies (the Department of Justice) are bottom-level units but
 * not territories: they are listed apart and left out of the bands.
 */
import { bucketOf, completion, distribution, type Bucket } from "@sohoa/core";
import { bottomUnits, scopedUnitOn, type Database } from "@sohoa/db";
import type { UnitSummary } from "../context";
import { notFound } from "../lib/errors";

import type { BottomUnit, BottomUnitsView } from "@sohoa/contract";
export type { BottomUnit, BottomUnitsView } from "@sohoa/contract";

export async function bottomUnitsView(db: Database, opts: { code: string; date: string; scopeUnitId: string; list?: Bucket | "all" }): Promise<BottomUnitsView> {
  const unit = await scopedUnitOn(db.sql, opts.code, opts.date, opts.scopeUnitId);
  // Out of scope and absent look the same, so codes outside one's scope cannot be probed.
  if (!unit) throw notFound({ vi: `đơn vị mã ${opts.code} vào ngày ${opts.date.split("-").reverse().join("/")} trong phạm vi của bạn`, en: `Unit ${opts.code} on ${opts.date} within your scope` });
  const rows = (await bottomUnits(db.sql, unit.id, opts.date)).map((r): BottomUnit => {
    const c = completion(r.counts.entriesDigitized, r.counts.entriesTotal);
    return {
      id: r.id, code: r.code, name: r.name, fullName: r.fullName, level: r.level as BottomUnit["level"],
      parent: r.parent ? { code: r.parent.code, name: r.parent.name, fullName: r.parent.fullName, level: r.parent.level as BottomUnit["level"] } : null,
      counts: r.counts, completion: c, bucket: bucketOf(c), lastReportDate: r.lastReportDate, lastReportAt: r.lastReportAt ? r.lastReportAt.toISOString() : null,
    };
  });
  const territories = rows.filter((r) => r.level !== "AGENCY");
  const list = opts.list;
  const units = !list ? [] : territories.filter((r) => list === "all" || r.bucket === list).sort((a, b) => (a.completion ?? 0) - (b.completion ?? 0) || a.code.localeCompare(b.code));
  return {
    date: opts.date,
    unit: { ...unit, level: unit.level as UnitSummary["level"] },
    total: territories.length,
    buckets: distribution(territories.map((r) => r.completion)),
    units,
    agencies: rows.filter((r) => r.level === "AGENCY"),
  };
}
