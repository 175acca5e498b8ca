/** Units as the console manages them: list and search, create, rename, deactivate, merge (with the figures carried). */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { writeAudit } from "../audit";
import { carryAcrossReformIn } from "../successors";
import { successorsOf } from "../unit-successors";
import { unitSelect, validOn } from "../units-read";
import type { AuditOf } from "./campaigns";
import type { Page } from "./page";

const rowSelect = { ...unitSelect, typeName: true, active: true, depth: true } as const satisfies Prisma.UnitSelect;
export type UnitAdminRow = Prisma.UnitGetPayload<{ select: typeof rowSelect }>;
type Tx = Prisma.TransactionClient;

/** The fields of a new unit, names already worked out. */
export interface NewUnitData { code: string; level: "PROVINCE" | "DISTRICT" | "COMMUNE" | "AGENCY"; typeName: string; name: string; fullName: string; nameEn: string | null; searchName: string }
export interface UnitParent { id: string; depth: number; level: string }

/**
 * A page of the units matching `filters` valid on `at` (each with its children on that date); with `former`, also
 * up to 50 units closed by then that match (old names people still type), and where closed units went.
 */
export async function unitList(db: Database, filters: Prisma.UnitWhereInput[], at: Date, p: Page, former: boolean) {
  const where: Prisma.UnitWhereInput = { AND: [...filters, validOn(at)] };
  const select = { ...rowSelect, _count: { select: { children: { where: validOn(at) } } } } as const;
  const [rows, total, closed] = await Promise.all([
    db.prisma.unit.findMany({ where, ...p, select }),
    db.prisma.unit.count({ where }),
    former ? db.prisma.unit.findMany({ where: { AND: [...filters, { validTo: { lte: at } }] }, orderBy: [{ validTo: "desc" }, { code: "asc" }], take: 50, select }) : Promise.resolve([]),
  ]);
  const all = [...rows, ...closed];
  const successors = await successorsOf(db.prisma, all.filter((u) => u.validTo).map((u) => u.id));
  return { rows: all, total: total + closed.length, successors };
}

export function unitWithChildCount(db: Database, id: string) {
  return db.prisma.unit.findUnique({ where: { id }, select: { ...rowSelect, _count: { select: { children: true } } } });
}

export function unitAdminRow(db: Database, id: string): Promise<UnitAdminRow | null> {
  return db.prisma.unit.findUnique({ where: { id }, select: rowSelect });
}

/** A unit valid on `at`, or null. */
export function unitAdminRowOn(db: Database, id: string, at: Date): Promise<UnitAdminRow | null> {
  return db.prisma.unit.findFirst({ where: { id, ...validOn(at) }, select: rowSelect });
}

export function parentOn(db: Database, id: string, at: Date): Promise<UnitParent | null> {
  return db.prisma.unit.findFirst({ where: { id, ...validOn(at) }, select: { id: true, depth: true, level: true } });
}

export function unitsAdminRows(db: Database, ids: string[]): Promise<UnitAdminRow[]> {
  return db.prisma.unit.findMany({ where: { id: { in: ids } }, select: rowSelect });
}

/** Children of these units still valid after `at` (a merge leaves none behind). */
export function childrenLivingAfter(db: Database, parentIds: string[], at: Date): Promise<number> {
  return db.prisma.unit.count({ where: { parentId: { in: parentIds }, OR: [{ validTo: null }, { validTo: { gt: at } }] } });
}

export function activeChildCount(db: Database, id: string, at: Date): Promise<number> {
  return db.prisma.unit.count({ where: { parentId: id, active: true, ...validOn(at) } });
}

/** Creates the unit and its closure rows (itself at distance 0, each ancestor of the parent one further). */
async function insertUnit(tx: Tx, b: NewUnitData, parent: { id: string; depth: number }, validFrom: Date): Promise<UnitAdminRow> {
  const u = await tx.unit.create({ data: { ...b, parentId: parent.id, depth: parent.depth + 1, validFrom }, select: rowSelect });
  const up = await tx.unitClosure.findMany({ where: { descendantId: parent.id }, select: { ancestorId: true, distance: true } });
  await tx.unitClosure.createMany({ data: [{ ancestorId: u.id, descendantId: u.id, distance: 0 }, ...up.map((a) => ({ ancestorId: a.ancestorId, descendantId: u.id, distance: a.distance + 1 }))] });
  return u;
}

/** Creates a unit with its audit entry; `clash` names the unit using the code on that date, if one does. */
export function createUnit(db: Database, b: NewUnitData, parent: UnitParent, validFrom: Date, auditOf: AuditOf<UnitAdminRow>): Promise<{ unit: UnitAdminRow } | { clash: string }> {
  return db.prisma.$transaction(async (tx) => {
    const clash = await tx.unit.findFirst({ where: { code: b.code, ...validOn(validFrom) }, select: { fullName: true } });
    if (clash) return { clash: clash.fullName };
    const unit = await insertUnit(tx, b, parent, validFrom);
    await writeAudit(tx, auditOf(unit));
    return { unit };
  });
}

/** Updates a unit with its audit entry; the row and its number of children. */
export function updateUnit(db: Database, id: string, data: Prisma.UnitUpdateInput, auditOf: AuditOf<UnitAdminRow>): Promise<readonly [UnitAdminRow, number]> {
  return db.prisma.$transaction(async (tx) => {
    const row = await tx.unit.update({ where: { id }, data, select: rowSelect });
    await writeAudit(tx, auditOf(row));
    return [row, await tx.unit.count({ where: { parentId: id } })] as const;
  });
}

export interface MergeInput {
  sourceIds: string[]; effective: Date; effectiveIso: string; reason: string; createdById: string;
  /** An existing unit, or a new one under `parent`. */
  target: { existing: UnitAdminRow } | { create: NewUnitData; parent: { id: string; depth: number } };
}
export type MergeOutcome =
  | { clash: string }
  | { linked: true }
  | { target: UnitAdminRow; created: boolean; closed: UnitAdminRow[]; successions: { id: string; predecessorId: string; successorId: string; effectiveDate: Date; kind: string }[] };

/**
 * Closes the sources on the effective date, links each to the target (created if new), writes the audit entry and
 * carries the sources' figures into the target from that date, all in one transaction.
 */
export async function mergeUnits(db: Database, m: MergeInput, auditOf: (o: { target: UnitAdminRow; created: boolean; closed: UnitAdminRow[] }) => ReturnType<AuditOf<UnitAdminRow>>): Promise<MergeOutcome> {
  try {
    return await merge(db, m, auditOf);
  } catch (err) {
    if (err instanceof MergeRefused) return err.outcome;
    throw err;
  }
}

/** Ends the merge's transaction (rolled back: a target created in it goes too) with what refused it. */
class MergeRefused extends Error {
  constructor(readonly outcome: { clash: string } | { linked: true }) {
    super("merge refused");
  }
}

function merge(db: Database, m: MergeInput, auditOf: Parameters<typeof mergeUnits>[2]): Promise<MergeOutcome> {
  return db.prisma.$transaction(async (tx) => {
    let target: UnitAdminRow;
    const created = !("existing" in m.target);
    if ("existing" in m.target) target = m.target.existing;
    else {
      const clash = await tx.unit.findFirst({ where: { code: m.target.create.code, ...validOn(m.effective), id: { notIn: m.sourceIds } }, select: { fullName: true } });
      if (clash) throw new MergeRefused({ clash: clash.fullName });
      target = await insertUnit(tx, m.target.create, m.target.parent, m.effective);
    }
    const existing = await tx.unitSuccession.findFirst({ where: { predecessorId: { in: m.sourceIds }, successorId: target.id } });
    if (existing) throw new MergeRefused({ linked: true });
    await tx.unit.updateMany({ where: { id: { in: m.sourceIds } }, data: { validTo: m.effective } });
    const successions = [];
    for (const id of m.sourceIds) {
      successions.push(await tx.unitSuccession.create({ data: { predecessorId: id, successorId: target.id, effectiveDate: m.effective, kind: "MERGE", isPrimary: true, reason: m.reason, createdById: m.createdById } }));
    }
    const closed = await tx.unit.findMany({ where: { id: { in: m.sourceIds } }, select: rowSelect, orderBy: { code: "asc" } });
    await writeAudit(tx, auditOf({ target, created, closed }));
    // Figures of A and B flow to C from the effective date, in the same transaction: all or nothing.
    await carryAcrossReformIn(tx, m.effectiveIso, [target.id]);
    return { target, created, closed, successions };
  }, { timeout: 120_000, maxWait: 30_000 });
}
