/**
 * Units: list (valid on a date, diacritics-insensitive search), show, create (with its closure rows), edit
 * names, deactivate, and merge A + B → C. A merge never rewrites history: A and B are closed on the
 * effective date (validTo), C is opened (or an existing unit used), UnitSuccession rows say where their
 * figures went, and the figures are carried to C the way the 2025 reorganization carries them.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { activeChildCount, childrenLivingAfter, createUnit, mergeUnits, parentOn, searchText, unitAdminRow, unitAdminRowOn, unitList, unitsAdminRows, unitWithChildCount, updateUnit, type NewUnitData, type Prisma, type UnitAdminRow } from "@sohoa/db";
import { defaultDate } from "../../services/progress";
import { requireAuth } from "../../middleware/auth";
import { auditValues } from "../../lib/audit";
import { conflict } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { scopeFilter } from "../../lib/scope";
import { toUnitSummary } from "../../lib/units";
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

type Row = UnitAdminRow;
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

/** A new unit's stored fields from what was given. */
function newUnitData(b: z.infer<typeof NewUnit>): NewUnitData {
  const { typeName, fullName } = names(b);
  return { code: b.code, level: b.level, typeName, name: b.name, fullName, nameEn: b.nameEn || null, searchName: searchText(fullName) };
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
    const p = page(q, ["code", "name", "fullName", "level", "validFrom", "depth"], { code: "asc" });
    // units closed by that date, for a search only: the old names people still type, with where they went
    const { rows, total, successors } = await unitList(db, filters, at, p, !!term && q.former === "true");
    const list = rows.map((u) => ({ ...out(u, u._count.children), ...(successors.has(u.id) ? { successors: successors.get(u.id)! } : {}) }));
    return c.json(withTotal(c, list, total), 200);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const u = await unitWithChildCount(c.var.deps.db, id);
    await assertVisible(c, u?.id, WHAT);
    return c.json(out(u!, u!._count.children), 200);
  });

  app.openapi(create, async (c) => {
    const b = c.req.valid("json");
    const { db } = c.var.deps;
    const validFrom = toDay(b.validFrom ?? today(c));
    const parent = await parentOn(db, b.parentId, validFrom);
    if (!parent) throw invalid("parentId", "Đơn vị cấp trên không tồn tại hoặc không còn hiệu lực vào ngày bắt đầu.", "The parent unit does not exist or is not valid on the start date.");
    await assertManages(c, parent.id);
    if (parent.level === "COMMUNE" || parent.level === "AGENCY") throw invalid("parentId", "Xã/phường và cơ quan không có đơn vị trực thuộc.", "Communes and agencies cannot have units under them.");
    const made = await createUnit(db, newUnitData(b), parent, validFrom, (u) => auditValues(c, { action: "create", entity: "unit", entityId: u.id, unitId: u.id, details: { code: u.code, fullName: u.fullName, level: u.level, parentId: parent.id, validFrom: fromDay(validFrom) } }));
    if ("clash" in made) throw conflict({ vi: `Mã ${b.code} đang được dùng cho ${made.clash} vào ngày này.`, en: `Code ${b.code} is used by ${made.clash} on that date.` });
    return c.json(out(made.unit, 0), 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const u = await unitAdminRow(c.var.deps.db, id);
    await assertVisible(c, u?.id, WHAT);
    await assertManages(c, id, { below: true });
    const name = b.name ?? u!.name;
    const typeName = b.typeName ?? u!.typeName;
    let fullName = b.fullName ?? u!.fullName;
    // A new name without a new full name keeps the type prefix: "Xã Za Hung" → "Xã Zà Hung".
    if (b.name && !b.fullName) fullName = `${typeName} ${name}`.trim();
    if (b.typeName && !b.fullName) fullName = `${typeName} ${name}`.trim();
    const data = { name, typeName, fullName, searchName: searchText(fullName), ...(b.nameEn !== undefined ? { nameEn: b.nameEn || null } : {}) };
    const [row, children] = await updateUnit(c.var.deps.db, id, data, (row) => auditValues(c, { action: "update", entity: "unit", entityId: id, unitId: id, details: { before: { name: u!.name, fullName: u!.fullName, typeName: u!.typeName, nameEn: u!.nameEn }, after: { name, fullName, typeName, nameEn: row.nameEn } } }));
    return c.json(out(row, children), 200);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const u = await unitAdminRow(c.var.deps.db, id);
    await assertVisible(c, u?.id, WHAT);
    await assertManages(c, id, { below: true });
    const activeChildren = await activeChildCount(c.var.deps.db, id, toDay(today(c)));
    if (activeChildren > 0) throw conflict({ vi: `Đơn vị còn ${activeChildren} đơn vị trực thuộc đang hoạt động; hãy ngừng hoặc sáp nhập chúng trước.`, en: `The unit still has ${activeChildren} active units under it; deactivate or merge them first.` });
    const [row] = await updateUnit(c.var.deps.db, id, { active: false }, () => auditValues(c, { action: "deactivate", entity: "unit", entityId: id, unitId: id, details: { code: u!.code, fullName: u!.fullName } }));
    return c.json(out(row, 0), 200);
  });

  app.openapi(merge, async (c) => {
    const b = c.req.valid("json");
    const { db } = c.var.deps;
    const E = toDay(b.effectiveDate);
    const sourceIds = [...new Set(b.sourceIds)];
    if (sourceIds.length < 2) throw invalid("sourceIds", "Cần ít nhất hai đơn vị khác nhau để sáp nhập.", "A merge needs at least two different units.");
    const sources = await unitsAdminRows(db, sourceIds);
    for (const id of sourceIds) {
      const s = sources.find((x) => x.id === id);
      await assertVisible(c, s?.id, WHAT);
      await assertManages(c, id, { below: true });
      if (!(s!.validFrom < E && (!s!.validTo || s!.validTo > E))) {
        throw invalid("sourceIds", `${s!.fullName} không còn hiệu lực vào ngày sáp nhập ${b.effectiveDate}.`, `${s!.fullName} is not valid on the merge date ${b.effectiveDate}.`);
      }
    }
    const living = await childrenLivingAfter(db, sourceIds, E);
    if (living > 0) throw invalid("sourceIds", "Đơn vị bị sáp nhập còn đơn vị trực thuộc sau ngày sáp nhập; hãy chuyển hoặc sáp nhập chúng trước.", "A merged unit still has units under it after the merge date; move or merge them first.");

    // Validate the target before the transaction: scope checks read outside it.
    let existingTarget: Row | null = null;
    let parent: { id: string; depth: number } | null = null;
    if ("id" in b.target) {
      const t = await unitAdminRowOn(db, b.target.id, E);
      await assertVisible(c, t?.id, WHAT);
      if (sourceIds.includes(t!.id)) throw invalid("target.id", "Đơn vị nhận không được là một trong các đơn vị bị sáp nhập.", "The target cannot be one of the merged units.");
      existingTarget = t!;
    } else {
      const p = await parentOn(db, b.target.parentId, E);
      if (!p) throw invalid("target.parentId", "Đơn vị cấp trên của đơn vị mới không tồn tại hoặc không còn hiệu lực vào ngày sáp nhập.", "The new unit's parent does not exist or is not valid on the merge date.");
      await assertManages(c, p.id);
      if (p.level === "COMMUNE" || p.level === "AGENCY") throw invalid("target.parentId", "Xã/phường và cơ quan không có đơn vị trực thuộc.", "Communes and agencies cannot have units under them.");
      parent = p;
    }

    const result = await mergeUnits(
      db,
      {
        sourceIds, effective: E, effectiveIso: b.effectiveDate, reason: b.reason, createdById: c.var.user.id,
        target: existingTarget ? { existing: existingTarget } : { create: newUnitData(b.target as z.infer<typeof NewUnit>), parent: parent! },
      },
      ({ target, created, closed }) => auditValues(c, {
        action: "merge", entity: "unit", entityId: target.id, unitId: target.id,
        details: { sources: closed.map((s) => ({ id: s.id, code: s.code, fullName: s.fullName })), target: { id: target.id, code: target.code, fullName: target.fullName, created }, effectiveDate: b.effectiveDate, reason: b.reason },
      }),
    );
    if ("clash" in result) {
      const nb = b.target as z.infer<typeof NewUnit>;
      throw conflict({ vi: `Mã ${nb.code} đang được dùng cho ${result.clash} vào ngày sáp nhập.`, en: `Code ${nb.code} is used by ${result.clash} on the merge date.` });
    }
    if ("linked" in result) throw conflict({ vi: "Quan hệ kế thừa giữa các đơn vị này đã có.", en: "These units are already linked as predecessor and successor." });
    return c.json({
      target: out(result.target, 0),
      closed: result.closed.map(toUnitSummary),
      successions: result.successions.map((s) => ({ id: s.id, predecessorId: s.predecessorId, successorId: s.successorId, effectiveDate: fromDay(s.effectiveDate), kind: s.kind })),
    }, 201);
  });

  return app;
}
