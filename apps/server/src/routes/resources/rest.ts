/**
 * Shared pieces of the console's REST resources, in Refine's simple-rest conventions:
 * `?_start&_end&_sort&_order`, filters as query fields (a repeated `id` for getMany), the total in
 * `X-Total-Count`. Also the scope rules every management write goes through, so that each resource file
 * states *what* it checks, not *how*.
 */
import type { Context } from "hono";
import { z } from "@hono/zod-openapi";
import type { AppEnv, AuthUser } from "../../context";
import { ApiError, badRequest, notFound, type Msg } from "../../lib/errors";
import { canGrantRole, inScope, requireManager } from "../../lib/scope";
import { searchText, todayInVietnam } from "@sohoa/core";
import { CalendarDateSchema as CalendarDate } from "@sohoa/contract";

/** Page size cap: `_end - _start` never reads more than this many rows. */
export const MAX_PAGE = 1000;

export const ListQuery = z.object({
  _start: z.coerce.number().int().min(0).max(10_000_000).default(0),
  _end: z.coerce.number().int().min(1).optional(),
  _sort: z.string().max(40).optional(),
  _order: z.enum(["asc", "desc", "ASC", "DESC"]).optional(),
  q: z.string().max(100).optional(),
  /** Refine's getMany sends `?id=a&id=b`. */
  id: z.union([z.string().max(64), z.array(z.string().max(64)).max(MAX_PAGE)]).optional(),
});
export type ListQueryT = z.infer<typeof ListQuery>;

export function page(q: ListQueryT, sortable: readonly string[], fallback: Record<string, "asc" | "desc">) {
  const take = Math.min(MAX_PAGE, Math.max(1, (q._end ?? q._start + 25) - q._start));
  let orderBy: Record<string, "asc" | "desc"> = fallback;
  if (q._sort) {
    if (!sortable.includes(q._sort)) {
      throw new ApiError(400, "bad_request", { vi: `Không sắp xếp được theo "${q._sort}".`, en: `Cannot sort by "${q._sort}".` }, { field: "_sort" });
    }
    orderBy = { [q._sort]: (q._order ?? "asc").toLowerCase() as "asc" | "desc" };
  }
  return { skip: q._start, take, orderBy };
}

/** `{ id: { in: [...] } }` when the list was asked for by ids (Refine getMany), else nothing. */
export function idFilter(q: ListQueryT): { id?: { in: string[] } } {
  if (q.id === undefined) return {};
  return { id: { in: Array.isArray(q.id) ? q.id : [q.id] } };
}

export function withTotal<T>(c: Context, rows: T[], total: number) {
  c.header("X-Total-Count", String(total));
  return rows;
}

export const IdParam = z.object({ id: z.string().min(1).max(64) });

/** A calendar day, yyyy-mm-dd, that exists (the shared schema). */
export const Day = CalendarDate;

export const toDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const fromDay = (d: Date) => d.toISOString().slice(0, 10);
export const fromDayOrNull = (d: Date | null) => (d ? fromDay(d) : null);
export const today = (c: Context<AppEnv>) => todayInVietnam(c.var.deps.clock());

/** Request body / response helpers for createRoute. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } }) as const;
export const jsonOk = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } }) as const;

export const invalid = (field: string, vi: string, en: string) => badRequest({ vi, en }, { field });

/** 404 for a row the user may not see: never tell them it exists. */
export async function assertVisible(c: Context<AppEnv>, unitId: string | null | undefined, what: Msg): Promise<void> {
  if (!unitId || !(await inScope(c, unitId))) throw notFound(what);
}

/**
 * Management writes: ADMIN, PROVINCE or DISTRICT, on a unit of their subtree. With `below`, a non-admin
 * may not act on their own unit (a district does not move its own deadline; the level above sets it).
 */
export async function assertManages(c: Context<AppEnv>, unitId: string, opts: { below?: boolean } = {}): Promise<void> {
  const user = c.var.user;
  requireManager(user);
  const ok = opts.below && user.role !== "ADMIN" ? unitId !== user.unitId && (await inScope(c, unitId)) : await inScope(c, unitId);
  if (!ok) {
    throw new ApiError(403, "forbidden", {
      vi: opts.below ? "Chỉ được thay đổi cho các đơn vị cấp dưới trong phạm vi quản lý của bạn." : "Đơn vị này nằm ngoài phạm vi quản lý của bạn.",
      en: opts.below ? "You may only change this for units below yours, within your scope." : "This unit is outside your scope.",
    });
  }
}

/** Whether `user` manages the account `target` (in their subtree and of a lower role; admins manage all in scope). */
export async function managesUser(c: Context<AppEnv>, user: AuthUser, target: { id: string; role: AuthUser["role"]; unitId: string }): Promise<boolean> {
  if (!["ADMIN", "PROVINCE", "DISTRICT"].includes(user.role)) return false;
  if (!(await inScope(c, target.unitId))) return false;
  return canGrantRole(user, target.role);
}

/** Prisma filter: rows whose unit applies to the user — an ancestor of their unit or in their subtree. */
export function appliesOrInScope(user: AuthUser) {
  return { OR: [{ unit: { descendants: { some: { descendantId: user.unitId } } } }, { unit: { ancestors: { some: { ancestorId: user.unitId } } } }] };
}

/** `?q=`: rows whose unit's name (accents and case ignored) contains it, or whose unit code starts with it. */
export function unitMatch(q: ListQueryT): { OR?: ({ searchName: { contains: string } } | { code: { startsWith: string } })[] } {
  const raw = q.q?.trim();
  if (!raw) return {};
  return { OR: [{ searchName: { contains: searchText(raw) } }, { code: { startsWith: raw } }] };
}
