/** Reference data every installation has: register kinds and book phases (as data, not code), and the national root unit. */
import type { PrismaClient } from "./generated/prisma/client";

export const REGISTER_KINDS = [
  { code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: 1 },
  { code: "DEATH", nameVi: "Khai tử", nameEn: "Death", sortOrder: 2 },
  { code: "MARRIAGE", nameVi: "Kết hôn", nameEn: "Marriage", sortOrder: 3 },
  { code: "PARENT_CHILD", nameVi: "Nhận cha, mẹ, con", nameEn: "Parent-child recognition", sortOrder: 4 },
  { code: "CHANGE_CORRECTION", nameVi: "Thay đổi, cải chính, bổ sung hộ tịch", nameEn: "Change/correction of civil status", sortOrder: 5 },
  { code: "GUARDIANSHIP", nameVi: "Giám hộ", nameEn: "Guardianship", sortOrder: 6 },
  { code: "OTHER", nameVi: "Khác", nameEn: "Other", sortOrder: 7 },
] as const;

export const BOOK_PHASES = [
  { code: "P1", nameVi: "Giai đoạn 1 (từ năm 2006)", nameEn: "Phase 1 (2006 onward)", fromYear: 2006, toYear: null, sortOrder: 1 },
  { code: "P2", nameVi: "Giai đoạn 2 (từ năm 2005 trở về trước)", nameEn: "Phase 2 (2005 and earlier)", fromYear: null, toYear: 2005, sortOrder: 2 },
] as const;

export const NATION_CODE = "VN";
export const EPOCH = new Date("1945-09-02T00:00:00Z");

/** Idempotent. */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  for (const k of REGISTER_KINDS) {
    await prisma.registerKind.upsert({ where: { code: k.code }, create: { ...k }, update: {} });
  }
  for (const p of BOOK_PHASES) {
    await prisma.bookPhase.upsert({ where: { code: p.code }, create: { ...p }, update: {} });
  }
  const nation = await prisma.unit.findFirst({ where: { code: NATION_CODE, level: "NATION" } });
  if (!nation) {
    const id = crypto.randomUUID();
    await prisma.unit.create({
      data: {
        id,
        code: NATION_CODE,
        level: "NATION",
        typeName: "Cả nước",
        registryType: "nation",
        name: "Việt Nam",
        fullName: "Cả nước",
        nameEn: "Viet Nam",
        searchName: "ca nuoc viet nam",
        depth: 0,
        validFrom: EPOCH,
      },
    });
    await prisma.unitClosure.create({ data: { ancestorId: id, descendantId: id, distance: 0 } });
  }
  // Autovacuum never analyzes tables this small, and unanalyzed the planner guesses hundreds of rows: the
  // validation context, which probes each unit × kind × phase, would then not get a cached plan.
  await prisma.$executeRawUnsafe(`ANALYZE "RegisterKind", "BookPhase"`);
}
