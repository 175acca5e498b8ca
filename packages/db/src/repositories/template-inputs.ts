/**
 * What an .xlsx template for a unit is filled from: the unit valid on the date, its units, the register kinds
 * and phases, and the last figures (per kind × phase for a commune, per unit below for a roll-up).
 */
import type { PrismaClient } from "../generated/prisma/client";
import { latestSnapshots, rollupsAt, type Counts } from "./progress";

export interface TemplateUnit { id: string; code: string; name: string; fullName: string; level: "NATION" | "PROVINCE" | "DISTRICT" | "COMMUNE" | "AGENCY"; parentId: string | null; validFrom: string; validTo: string | null }
export interface TemplateInputs {
  unit: TemplateUnit;
  children: TemplateUnit[];
  kinds: { code: string; nameVi: string; nameEn: string; sortOrder: number }[];
  phases: { code: string; nameVi: string; nameEn: string }[];
  /** key `${unitCode}|${kindCode}|${phaseCode}` (the unit's own rows) and `${childCode}|*|*` (its units' totals) */
  previous: Map<string, Counts>;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const ref = (u: { id: string; code: string; name: string; fullName: string; level: string; parentId: string | null; validFrom: Date; validTo: Date | null }): TemplateUnit => ({
  id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level as TemplateUnit["level"], parentId: u.parentId, validFrom: day(u.validFrom), validTo: u.validTo ? day(u.validTo) : null,
});
const validOn = (d: Date) => ({ validFrom: { lte: d }, OR: [{ validTo: null }, { validTo: { gt: d } }] });

/** null when no active unit has this code on that date. `figuresDate` is the last day whose figures pre-fill it. */
export async function templateInputs(prisma: PrismaClient, code: string, date: string, figuresDate: string): Promise<TemplateInputs | null> {
  const at = new Date(`${date}T00:00:00Z`);
  const unit = await prisma.unit.findFirst({ where: { code, active: true, ...validOn(at) }, orderBy: { validFrom: "desc" } });
  if (!unit) return null;
  const [children, kinds, phases, own] = await Promise.all([
    prisma.unit.findMany({ where: { parentId: unit.id, active: true, ...validOn(at) }, orderBy: [{ level: "asc" }, { code: "asc" }] }),
    prisma.registerKind.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } }),
    prisma.bookPhase.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } }),
    latestSnapshots(prisma, [unit.id], figuresDate),
  ]);
  const previous = new Map<string, Counts>();
  const kindCode = new Map(kinds.map((k) => [k.id, k.code]));
  const phaseCode = new Map(phases.map((p) => [p.id, p.code]));
  for (const s of own) {
    const k = kindCode.get(s.registerKindId);
    const p = phaseCode.get(s.phaseId);
    if (k && p) previous.set(`${unit.code}|${k}|${p}`, s.counts);
  }
  const totals = await rollupsAt(prisma, children.map((c) => c.id), figuresDate);
  for (const c of children) {
    const r = totals.get(c.id);
    if (r) previous.set(`${c.code}|*|*`, { booksTotal: r.booksTotal, booksDigitized: r.booksDigitized, entriesTotal: r.entriesTotal, entriesDigitized: r.entriesDigitized, entriesChecked: r.entriesChecked, entriesLoaded: r.entriesLoaded });
  }
  return {
    unit: ref(unit),
    children: children.map(ref),
    kinds: kinds.map((k) => ({ code: k.code, nameVi: k.nameVi, nameEn: k.nameEn, sortOrder: k.sortOrder })),
    phases: phases.map((p) => ({ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn })),
    previous,
  };
}
