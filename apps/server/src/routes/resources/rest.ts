/** Refine simple-rest conventions: ?_start&_end&_sort&_order, filters as query fields, total in X-Total-Count. */
import type { Context } from "hono";
import { z } from "@hono/zod-openapi";
import { ApiError } from "../../lib/errors";

export const ListQuery = z.object({
  _start: z.coerce.number().int().min(0).default(0),
  _end: z.coerce.number().int().min(1).optional(),
  _sort: z.string().max(40).optional(),
  _order: z.enum(["asc", "desc", "ASC", "DESC"]).optional(),
  q: z.string().max(100).optional(),
});

export function page(q: z.infer<typeof ListQuery>, sortable: readonly string[], fallback: Record<string, "asc" | "desc">) {
  const take = Math.min(1000, Math.max(1, (q._end ?? q._start + 25) - q._start));
  let orderBy: Record<string, "asc" | "desc"> = fallback;
  if (q._sort) {
    if (!sortable.includes(q._sort)) {
      throw new ApiError(400, "bad_request", { vi: `Không sắp xếp được theo "${q._sort}".`, en: `Cannot sort by "${q._sort}".` }, { field: "_sort" });
    }
    orderBy = { [q._sort]: (q._order ?? "asc").toLowerCase() as "asc" | "desc" };
  }
  return { skip: q._start, take, orderBy };
}

export function withTotal<T>(c: Context, rows: T[], total: number) {
  c.header("X-Total-Count", String(total));
  return rows;
}
