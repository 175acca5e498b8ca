/**
 * Imports an administrative-unit registry (packages/db/registry/*.json) as the state of the
 * tree from an effective date. A unit carries on only when the registry has the same code, level and parent;
 * otherwise the old one is closed (validTo = effective) and a new one opened, because codes are reused across
 * reorganizations. Idempotent: a second run of the same file changes nothing.
 */
import type { PrismaClient, UnitLevel } from "../generated/prisma/client";
import { NATION_CODE } from "../reference-data";
import { dateOnly, searchText } from "../text";

export interface RegistryNode {
  code: string;
  name: string;
  fullName: string;
  nameEn?: string;
  type?: string;
  districts?: RegistryNode[];
  wards?: RegistryNode[];
}

export interface ImportReport {
  effective: string;
  added: number;
  changed: number;
  closed: number;
  unchanged: number;
  byLevel: Record<string, { added: number; changed: number; closed: number; unchanged: number }>;
}

interface Flat {
  key: string;
  parentKey: string | null;
  level: UnitLevel;
  node: RegistryNode;
}

function typeNameOf(n: RegistryNode): string {
  const i = n.fullName.lastIndexOf(n.name);
  const prefix = i > 0 ? n.fullName.slice(0, i).trim() : "";
  return prefix || n.type || "";
}

function flatten(registry: RegistryNode[]): Flat[] {
  const out: Flat[] = [];
  for (const p of registry) {
    const pk = `P:${p.code}`;
    out.push({ key: pk, parentKey: null, level: "PROVINCE", node: p });
    for (const d of p.districts ?? []) {
      const dk = `${pk}/D:${d.code}`;
      out.push({ key: dk, parentKey: pk, level: "DISTRICT", node: d });
      for (const w of d.wards ?? []) out.push({ key: `${dk}/C:${w.code}`, parentKey: dk, level: "COMMUNE", node: w });
    }
    for (const w of p.wards ?? []) out.push({ key: `${pk}/C:${w.code}`, parentKey: pk, level: "COMMUNE", node: w });
  }
  return out;
}

const BATCH = 2000;

/** With `dryRun`, counts what the import would do and writes nothing (the console's preview). */
export async function importUnitRegistry(prisma: PrismaClient, registry: RegistryNode[], effectiveIso: string, opts: { dryRun?: boolean } = {}): Promise<ImportReport> {
  const effective = dateOnly(effectiveIso);
  const nation = await prisma.unit.findFirst({ where: { code: NATION_CODE, level: "NATION" } });
  if (!nation) throw new Error("reference data missing: run the migrations and seed first");
  const later = await prisma.unit.findFirst({ where: { level: { in: ["PROVINCE", "DISTRICT", "COMMUNE"] }, validFrom: { gt: effective } } });
  if (later) throw new Error(`the tree already has changes after ${effectiveIso} (${later.fullName} from ${later.validFrom.toISOString().slice(0, 10)}); import registries in date order`);

  const report: ImportReport = { effective: effectiveIso, added: 0, changed: 0, closed: 0, unchanged: 0, byLevel: {} };
  const tally = (level: string, what: "added" | "changed" | "closed" | "unchanged") => {
    report[what]++;
    (report.byLevel[level] ??= { added: 0, changed: 0, closed: 0, unchanged: 0 })[what]++;
  };

  // Open territorial units, indexed by (parentId, level, code).
  const open = await prisma.unit.findMany({
    where: { validTo: null, level: { in: ["PROVINCE", "DISTRICT", "COMMUNE"] } },
    select: { id: true, code: true, level: true, parentId: true, name: true, fullName: true, nameEn: true, typeName: true, registryType: true, depth: true },
  });
  const openByKey = new Map(open.map((u) => [`${u.parentId}|${u.level}|${u.code}`, u]));
  const matched = new Set<string>();
  const idOfKey = new Map<string, { id: string; depth: number }>();

  const toCreate: { id: string; parentId: string; depth: number; flat: Flat }[] = [];
  const toUpdate: { id: string; data: Record<string, string | null> }[] = [];

  for (const f of flatten(registry)) {
    const parent = f.parentKey ? idOfKey.get(f.parentKey)! : { id: nation.id, depth: 0 };
    const existing = openByKey.get(`${parent.id}|${f.level}|${f.node.code}`);
    const data = {
      name: f.node.name,
      fullName: f.node.fullName,
      nameEn: f.node.nameEn ?? null,
      typeName: typeNameOf(f.node),
      registryType: f.node.type ?? null,
    };
    if (existing) {
      matched.add(existing.id);
      idOfKey.set(f.key, { id: existing.id, depth: existing.depth });
      const diff = (Object.keys(data) as (keyof typeof data)[]).some((k) => existing[k] !== data[k]);
      if (diff) {
        toUpdate.push({ id: existing.id, data: { ...data, searchName: searchText(data.fullName) } });
        tally(f.level, "changed");
      } else tally(f.level, "unchanged");
    } else {
      const id = crypto.randomUUID();
      idOfKey.set(f.key, { id, depth: parent.depth + 1 });
      toCreate.push({ id, parentId: parent.id, depth: parent.depth + 1, flat: f });
      tally(f.level, "added");
    }
  }
  const toClose = open.filter((u) => !matched.has(u.id));
  for (const u of toClose) tally(u.level, "closed");
  if (opts.dryRun) return report;

  await prisma.$transaction(
    async (tx) => {
      // Close first; agencies and any other open unit below a closed one close with it.
      const closeIds = toClose.map((u) => u.id);
      for (let i = 0; i < closeIds.length; i += BATCH) {
        const ids = closeIds.slice(i, i + BATCH);
        await tx.unit.updateMany({ where: { id: { in: ids } }, data: { validTo: effective } });
        const below = await tx.unitClosure.findMany({ where: { ancestorId: { in: ids }, distance: { gt: 0 } }, select: { descendantId: true } });
        if (below.length) await tx.unit.updateMany({ where: { id: { in: below.map((b) => b.descendantId) }, validTo: null }, data: { validTo: effective } });
      }
      for (const u of toUpdate) await tx.unit.update({ where: { id: u.id }, data: u.data });
      for (let i = 0; i < toCreate.length; i += BATCH) {
        const chunk = toCreate.slice(i, i + BATCH);
        await tx.unit.createMany({
          data: chunk.map((c) => ({
            id: c.id,
            code: c.flat.node.code,
            level: c.flat.level,
            typeName: typeNameOf(c.flat.node),
            registryType: c.flat.node.type ?? null,
            name: c.flat.node.name,
            fullName: c.flat.node.fullName,
            nameEn: c.flat.node.nameEn ?? null,
            searchName: searchText(c.flat.node.fullName),
            parentId: c.parentId,
            depth: c.depth,
            validFrom: effective,
          })),
        });
      }
      // Closure rows, parents before children (toCreate is in tree order).
      const ancestorsOf = new Map<string, { ancestorId: string; distance: number }[]>();
      const loadAncestors = async (id: string) => {
        let a = ancestorsOf.get(id);
        if (!a) {
          a = (await tx.unitClosure.findMany({ where: { descendantId: id }, select: { ancestorId: true, distance: true } })).map((r) => ({ ancestorId: r.ancestorId, distance: r.distance }));
          ancestorsOf.set(id, a);
        }
        return a;
      };
      const rows: { ancestorId: string; descendantId: string; distance: number }[] = [];
      for (const c of toCreate) {
        const up = await loadAncestors(c.parentId);
        const mine = [{ ancestorId: c.id, distance: 0 }, ...up.map((a) => ({ ancestorId: a.ancestorId, distance: a.distance + 1 }))];
        ancestorsOf.set(c.id, mine);
        for (const a of mine) rows.push({ ancestorId: a.ancestorId, descendantId: c.id, distance: a.distance });
      }
      for (let i = 0; i < rows.length; i += BATCH * 2) await tx.unitClosure.createMany({ data: rows.slice(i, i + BATCH * 2) });
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return report;
}

/** Number of units of each level valid on a date (validFrom ≤ date < validTo). */
export async function countUnitsAt(prisma: PrismaClient, iso: string): Promise<Record<UnitLevel, number>> {
  const d = dateOnly(iso);
  const rows = await prisma.unit.groupBy({
    by: ["level"],
    where: { validFrom: { lte: d }, OR: [{ validTo: null }, { validTo: { gt: d } }], active: true },
    _count: { _all: true },
  });
  const out = { NATION: 0, PROVINCE: 0, DISTRICT: 0, COMMUNE: 0, AGENCY: 0 } as Record<UnitLevel, number>;
  for (const r of rows) out[r.level] = r._count._all;
  return out;
}
