/**
 * Units: list (valid on a date, diacritics-insensitive search), show, create (with its closure rows), edit
 * names, deactivate, and merge A + B → C. A merge never rewrites history: A and B are closed on the
 * effective date (validTo), C is opened (or an existing unit used), UnitSuccession rows say where their
 * figures went, and the figures are carried to C the way the 2025 reorganization carries them.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { carryAcrossReformIn, searchText, successorsOf, type Prisma } from "@sohoa/db";
import { defaultDate } from "../../services/progress";
import { requireAuth } from "../../middleware/auth";
import { audit } from "../../lib/audit";
import { conflict } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { scopeFilter } from "../../lib/scope";
import { toUnitSummary, unitSelect, validOn } from "../../lib/units";
import { LevelSchema as Level, UnitRowSchema as UnitRow, UnitSummarySchema } from "@sohoa/contract";
import { assertManages, assertVisible, Day, fromDay, IdParam, idFilter, invalid, jsonBody, jsonOk, ListQuery, page, toDay, today, withTotal } from "./rest";

const WHAT = { vi: "đơn vị trong phạm vi của bạn", en: "Unit within your scope" };
const Code = z.string().trim().regex(/^[0-9A-Za-z_-]{1,20}$/, "1–20 letters, digits, - or _");
const Name = z.string().trim().min(1).max(200);
const NewUnit = z.object({
  code: Code,
  name: Name,
  fullName: Name.optional(),
  typeName: z.string().trim().min(1).max(40).optional(),
  nameEn: z.string().trim().max(200).optional(),
  level: Level.exclude(["NATION"]),
  parentId: z.string().min(1).max(64),
});

const list = createRoute({
  method: "get", path: "/api/units", tags: ["Units"], security, middleware: [requireAuth({ token: "submit" })] as const,
  summary: "Units in your scope valid on a date (default today; \"latest\" = the latest report date in your scope, sent back in X-As-Of); q is diacritics-insensitive (\"za hung\" finds \"Xã Zà Hung\"); former=true with q also lists units closed by then. Closed or closing units carry their successors.",
  request: { query: ListQuery.extend({ parentId: z.string().max(64).optional(), level: Level.optional(), date: z.union([Day, z.literal("latest")]).optional(), code: z.string().max(20).optional(), active: z.enum(["true", "false"]).optional(), former: z.enum(["true", "false"]).optional() }) },
  responses: { 200: jsonOk(z.array(UnitRow), "Units (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({
  method: "get", path: "/api/units/{id}", tags: ["Units"], security, middleware: [requireAuth()] as const, summary: "One unit",
  request: { params: IdParam },
  responses: { 200: jsonOk(UnitRow, "Unit"), ...errorResponses },
});
const create = createRoute({
  method: "post", path: "/api/units", tags: ["Units"], security, middleware: [requireAuth()] as const,
  summary: "Create a unit under a parent of your subtree (closure rows included)",
  request: { body: jsonBody(NewUnit.extend({ validFrom: Day.optional() })) },
  responses: { 201: jsonOk(UnitRow, "Created"), 409: jsonOk(z.any(), "Code already used on that date"), ...errorResponses },
});
const update = createRoute({
  method: "patch", path: "/api/units/{id}", tags: ["Units"], security, middleware: [requireAuth()] as const,
  summary: "Edit a unit's names (structure changes go through merge)",
  request: { params: IdParam, body: jsonBody(z.object({ name: Name.optional(), fullName: Name.optional(), typeName: z.string().trim().min(1).max(40).optional(), nameEn: z.string().trim().max(200).nullable().optional() })) },
  responses: { 200: jsonOk(UnitRow, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete", path: "/api/units/{id}", tags: ["Units"], security, middleware: [requireAuth()] as const,
  summary: "Deactivate a unit (active=false; its history stays)",
  request: { params: IdParam },
  responses: { 200: jsonOk(UnitRow, "Deactivated"), 409: jsonOk(z.any(), "Has active units under it"), ...errorResponses },
});
const merge = createRoute({
  method: "post", path: "/api/units/merge", tags: ["Units"], security, middleware: [requireAuth()] as const,
  summary: "Merge units A, B… into C (new or existing) from an effective date: A and B close, successions are recorded, figures carry to C",
  request: {
    body: jsonBody(z.object({
      sourceIds: z.array(z.string().min(1).max(64)).min(2).max(50),
      target: z.union([z.object({ id: z.string().min(1).max(64) }).strict(), NewUnit.strict()]),
      effectiveDate: Day,
      reason: z.string().trim().min(5).max(1000),
    })),
  },
  responses: {
    201: jsonOk(z.object({ target: UnitRow, closed: z.array(UnitSummarySchema), successions: z.array(z.object({ id: z.string(), predecessorId: z.string(), successorId: z.string(), effectiveDate: z.string(), kind: z.string() })) }), "Merged"),
    409: jsonOk(z.any(), "Conflict"),
    ...errorResponses,
  },
});

const rowSelect = { ...unitSelect, typeName: true, active: true, depth: true } as const;
type Row = Prisma.UnitGetPayload<{ select: typeof rowSelect }>;
const out = (u: Row, childCount: number) => ({ ...toUnitSummary(u), typeName: u.typeName, active: u.active, childCount });

const DEFAULT_TYPE: Record<string, string> = { PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã", AGENCY: "Cơ quan" };
/** typeName and fullName from what was given: "Xã" + "Za Hung" ↔ "Xã Za Hung". */
function names(b: { name: string; fullName?: string; typeName?: string; level: string }) {
  let typeName = b.typeName;
  if (!typeName && b.fullName && b.fullName !== b.name && b.fullName.endsWith(b.name)) typeName = b.fullName.slice(0, -b.name.length).trim();
  typeName ||= DEFAULT_TYPE[b.level] ?? "";
  const fullName = b.fullName ?? `${typeName} ${b.name}`.trim();
  return { typeName, fullName };
}

type Tx = Prisma.TransactionClient;
/** Creates the unit and its closure rows (itself at distance 0, each ancestor of the parent one further). */
async function insertUnit(tx: Tx, b: z.infer<typeof NewUnit>, parent: { id: string; depth: number }, validFrom: Date) {
  const { typeName, fullName } = names(b);
  const u = await tx.unit.create({
    data: { code: b.code, level: b.level, typeName, name: b.name, fullName, nameEn: b.nameEn || null, searchName: searchText(fullName), parentId: parent.id, depth: parent.depth + 1, validFrom },
    select: rowSelect,
  });
  const up = await tx.unitClosure.findMany({ where: { descendantId: parent.id }, select: { ancestorId: true, distance: true } });
  await tx.unitClosure.createMany({ data: [{ ancestorId: u.id, descendantId: u.id, distance: 0 }, ...up.map((a) => ({ ancestorId: a.ancestorId, descendantId: u.id, distance: a.distance + 1 }))] });
  return u;
}

export function unitResources() {
  const app = router();

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { db } = c.var.deps;
    // "latest": after the 2025 reform "today" has none of the old units, while the figures people look for are older
    const at = toDay(q.date === "latest" ? await defaultDate(db, c.var.user.unitId, c.var.deps.clock()) : q.date ?? today(c));
    c.header("X-As-Of", fromDay(at));
    const term = q.q ? searchText(q.q) : "";
    const filters: Prisma.UnitWhereInput[] = [
      scopeFilter(c.var.user),
      idFilter(q),
      q.parentId ? { parentId: q.parentId } : {},
      q.level ? { level: q.level } : {},
      q.code ? { code: q.code } : {},
      q.active ? { active: q.active === "true" } : {},
      term ? { OR: [{ searchName: { contains: term } }, { code: { startsWith: q.q!.trim() } }] } : {},
    ];
    const where: Prisma.UnitWhereInput = { AND: [...filters, validOn(at)] };
    const p = page(q, ["code", "name", "fullName", "level", "validFrom", "depth"], { code: "asc" });
    const select = { ...rowSelect, _count: { select: { children: { where: validOn(at) } } } } as const;
    const [rows, total, former] = await Promise.all([
      db.prisma.unit.findMany({ where, ...p, select }),
      db.prisma.unit.count({ where }),
      // units closed by that date, for a search only: the old names people still type, with where they went
      term && q.former === "true" ? db.prisma.unit.findMany({ where: { AND: [...filters, { validTo: { lte: at } }] }, orderBy: [{ validTo: "desc" }, { code: "asc" }], take: 50, select }) : Promise.resolve([]),
    ]);
    const all = [...rows, ...former];
    const successors = await successorsOf(db.prisma, all.filter((u) => u.validTo).map((u) => u.id));
    const list = all.map((u) => ({ ...out(u, u._count.children), ...(successors.has(u.id) ? { successors: successors.get(u.id)! } : {}) }));
    return c.json(withTotal(c, list, total + former.length), 200);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const u = await c.var.deps.db.prisma.unit.findUnique({ where: { id }, select: { ...rowSelect, _count: { select: { children: true } } } });
    await assertVisible(c, u?.id, WHAT);
    return c.json(out(u!, u!._count.children), 200);
  });

  app.openapi(create, async (c) => {
    const b = c.req.valid("json");
    const { prisma } = c.var.deps.db;
    const validFrom = toDay(b.validFrom ?? today(c));
    const parent = await prisma.unit.findFirst({ where: { id: b.parentId, ...validOn(validFrom) }, select: { id: true, depth: true, level: true } });
    if (!parent) throw invalid("parentId", "Đơn vị cấp trên không tồn tại hoặc không còn hiệu lực vào ngày bắt đầu.", "The parent unit does not exist or is not valid on the start date.");
    await assertManages(c, parent.id);
    if (parent.level === "COMMUNE" || parent.level === "AGENCY") throw invalid("parentId", "Xã/phường và cơ quan không có đơn vị trực thuộc.", "Communes and agencies cannot have units under them.");
    const u = await prisma.$transaction(async (tx) => {
      const clash = await tx.unit.findFirst({ where: { code: b.code, ...validOn(validFrom) }, select: { fullName: true } });
      if (clash) throw conflict({ vi: `Mã ${b.code} đang được dùng cho ${clash.fullName} vào ngày này.`, en: `Code ${b.code} is used by ${clash.fullName} on that date.` });
      const u = await insertUnit(tx, b, parent, validFrom);
      await audit(c, { action: "create", entity: "unit", entityId: u.id, unitId: u.id, details: { code: u.code, fullName: u.fullName, level: u.level, parentId: parent.id, validFrom: fromDay(validFrom) } }, tx);
      return u;
    });
    return c.json(out(u, 0), 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const { prisma } = c.var.deps.db;
    const u = await prisma.unit.findUnique({ where: { id }, select: rowSelect });
    await assertVisible(c, u?.id, WHAT);
    await assertManages(c, id, { below: true });
    const name = b.name ?? u!.name;
    const typeName = b.typeName ?? u!.typeName;
    let fullName = b.fullName ?? u!.fullName;
    // A new name without a new full name keeps the type prefix: "Xã Za Hung" → "Xã Zà Hung".
    if (b.name && !b.fullName) fullName = `${typeName} ${name}`.trim();
    if (b.typeName && !b.fullName) fullName = `${typeName} ${name}`.trim();
    const data = { name, typeName, fullName, searchName: searchText(fullName), ...(b.nameEn !== undefined ? { nameEn: b.nameEn || null } : {}) };
    const [row, children] = await prisma.$transaction(async (tx) => {
      const row = await tx.unit.update({ where: { id }, data, select: rowSelect });
      await audit(c, { action: "update", entity: "unit", entityId: id, unitId: id, details: { before: { name: u!.name, fullName: u!.fullName, typeName: u!.typeName, nameEn: u!.nameEn }, after: { name, fullName, typeName, nameEn: row.nameEn } } }, tx);
      return [row, await tx.unit.count({ where: { parentId: id } })] as const;
    });
    return c.json(out(row, children), 200);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const { prisma } = c.var.deps.db;
    const u = await prisma.unit.findUnique({ where: { id }, select: rowSelect });
    await assertVisible(c, u?.id, WHAT);
    await assertManages(c, id, { below: true });
    const activeChildren = await prisma.unit.count({ where: { parentId: id, active: true, ...validOn(toDay(today(c))) } });
    if (activeChildren > 0) throw conflict({ vi: `Đơn vị còn ${activeChildren} đơn vị trực thuộc đang hoạt động; hãy ngừng hoặc sáp nhập chúng trước.`, en: `The unit still has ${activeChildren} active units under it; deactivate or merge them first.` });
    const row = await prisma.$transaction(async (tx) => {
      const row = await tx.unit.update({ where: { id }, data: { active: false }, select: rowSelect });
      await audit(c, { action: "deactivate", entity: "unit", entityId: id, unitId: id, details: { code: u!.code, fullName: u!.fullName } }, tx);
      return row;
    });
    return c.json(out(row, 0), 200);
  });

  app.openapi(merge, async (c) => {
    const b = c.req.valid("json");
    const { prisma } = c.var.deps.db;
    const E = toDay(b.effectiveDate);
    const sourceIds = [...new Set(b.sourceIds)];
    if (sourceIds.length < 2) throw invalid("sourceIds", "Cần ít nhất hai đơn vị khác nhau để sáp nhập.", "A merge needs at least two different units.");
    const sources = await prisma.unit.findMany({ where: { id: { in: sourceIds } }, select: rowSelect });
    for (const id of sourceIds) {
      const s = sources.find((x) => x.id === id);
      await assertVisible(c, s?.id, WHAT);
      await assertManages(c, id, { below: true });
      if (!(s!.validFrom < E && (!s!.validTo || s!.validTo > E))) {
        throw invalid("sourceIds", `${s!.fullName} không còn hiệu lực vào ngày sáp nhập ${b.effectiveDate}.`, `${s!.fullName} is not valid on the merge date ${b.effectiveDate}.`);
      }
    }
    const living = await prisma.unit.count({ where: { parentId: { in: sourceIds }, OR: [{ validTo: null }, { validTo: { gt: E } }] } });
    if (living > 0) throw invalid("sourceIds", "Đơn vị bị sáp nhập còn đơn vị trực thuộc sau ngày sáp nhập; hãy chuyển hoặc sáp nhập chúng trước.", "A merged unit still has units under it after the merge date; move or merge them first.");

    // Validate the target before the transaction: scope checks read outside it.
    let existingTarget: Row | null = null;
    let parent: { id: string; depth: number } | null = null;
    if ("id" in b.target) {
      const t = await prisma.unit.findFirst({ where: { id: b.target.id, ...validOn(E) }, select: rowSelect });
      await assertVisible(c, t?.id, WHAT);
      if (sourceIds.includes(t!.id)) throw invalid("target.id", "Đơn vị nhận không được là một trong các đơn vị bị sáp nhập.", "The target cannot be one of the merged units.");
      existingTarget = t!;
    } else {
      const p = await prisma.unit.findFirst({ where: { id: b.target.parentId, ...validOn(E) }, select: { id: true, depth: true, level: true } });
      if (!p) throw invalid("target.parentId", "Đơn vị cấp trên của đơn vị mới không tồn tại hoặc không còn hiệu lực vào ngày sáp nhập.", "The new unit's parent does not exist or is not valid on the merge date.");
      await assertManages(c, p.id);
      if (p.level === "COMMUNE" || p.level === "AGENCY") throw invalid("target.parentId", "Xã/phường và cơ quan không có đơn vị trực thuộc.", "Communes and agencies cannot have units under them.");
      parent = p;
    }

    const result = await prisma.$transaction(async (tx) => {
      let target: Row;
      const created = !existingTarget;
      if (existingTarget) {
        target = existingTarget;
      } else {
        const nb = b.target as z.infer<typeof NewUnit>;
        const clash = await tx.unit.findFirst({ where: { code: nb.code, ...validOn(E), id: { notIn: sourceIds } }, select: { fullName: true } });
        if (clash) throw conflict({ vi: `Mã ${nb.code} đang được dùng cho ${clash.fullName} vào ngày sáp nhập.`, en: `Code ${nb.code} is used by ${clash.fullName} on the merge date.` });
        target = await insertUnit(tx, nb, parent!, E);
      }
      const existing = await tx.unitSuccession.findFirst({ where: { predecessorId: { in: sourceIds }, successorId: target.id } });
      if (existing) throw conflict({ vi: "Quan hệ kế thừa giữa các đơn vị này đã có.", en: "These units are already linked as predecessor and successor." });
      await tx.unit.updateMany({ where: { id: { in: sourceIds } }, data: { validTo: E } });
      const successions = [];
      for (const id of sourceIds) {
        successions.push(await tx.unitSuccession.create({ data: { predecessorId: id, successorId: target.id, effectiveDate: E, kind: "MERGE", isPrimary: true, reason: b.reason, createdById: c.var.user.id } }));
      }
      const closed = await tx.unit.findMany({ where: { id: { in: sourceIds } }, select: rowSelect, orderBy: { code: "asc" } });
      await audit(c, {
        action: "merge", entity: "unit", entityId: target.id, unitId: target.id,
        details: { sources: closed.map((s) => ({ id: s.id, code: s.code, fullName: s.fullName })), target: { id: target.id, code: target.code, fullName: target.fullName, created }, effectiveDate: b.effectiveDate, reason: b.reason },
      }, tx);
      // Figures of A and B flow to C from the effective date, in the same transaction: all or nothing.
      await carryAcrossReformIn(tx, b.effectiveDate, [target.id]);
      return { target, closed, successions };
    }, { timeout: 120_000, maxWait: 30_000 });
    return c.json({
      target: out(result.target, 0),
      closed: result.closed.map(toUnitSummary),
      successions: result.successions.map((s) => ({ id: s.id, predecessorId: s.predecessorId, successorId: s.successorId, effectiveDate: fromDay(s.effectiveDate), kind: s.kind })),
    }, 201);
  });

  return app;
}
