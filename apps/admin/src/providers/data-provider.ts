/**
 * Refine data provider on fetch, following the simple-rest conventions the API implements:
 * `_start/_end/_sort/_order`, equality filters as query parameters, `q` for search, total in X-Total-Count.
 */
import type { CrudFilter, CrudSort, DataProvider, Pagination } from "@refinedev/core";
import { env } from "../env";
import { request } from "./api-client";

type Query = Record<string, string | number | boolean | undefined | null>;

/** Refine filters → query parameters. Only what the API understands: eq (field=value), contains on q, ranges. */
export function filtersToQuery(filters: CrudFilter[] | undefined): Query {
  const q: Query = {};
  for (const f of filters ?? []) {
    if (!("field" in f)) continue; // the API has no or/and
    const v = f.value;
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    switch (f.operator) {
      case "eq":
        q[f.field] = String(v);
        break;
      case "contains":
        q[f.field === "q" ? "q" : f.field] = String(v);
        break;
      case "in":
        q[f.field] = Array.isArray(v) ? v.join(",") : String(v);
        break;
      case "gte":
        q[`${f.field}_gte`] = String(v);
        break;
      case "lte":
        q[`${f.field}_lte`] = String(v);
        break;
      default:
        q[f.field] = String(v);
    }
  }
  return q;
}

export function paginationToQuery(p: Pagination | undefined): Query {
  if (p?.mode === "off") return {};
  const page = p?.currentPage ?? 1;
  const size = p?.pageSize ?? 10;
  return { _start: (page - 1) * size, _end: page * size };
}

export function sortersToQuery(sorters: CrudSort[] | undefined): Query {
  if (!sorters?.length) return {};
  return { _sort: sorters.map((s) => s.field).join(","), _order: sorters.map((s) => s.order).join(",") };
}

export function createDataProvider(): DataProvider {
  return {
    getApiUrl: () => env.apiBase,
    getList: async ({ resource, pagination, sorters, filters }) => {
      const { data, headers } = await request<unknown[]>(`/${resource}`, {
        query: { ...paginationToQuery(pagination), ...sortersToQuery(sorters), ...filtersToQuery(filters) },
      });
      const list = Array.isArray(data) ? data : [];
      const total = Number(headers.get("x-total-count") ?? list.length);
      return { data: list as never[], total: Number.isFinite(total) ? total : list.length };
    },
    getMany: async ({ resource, ids }) => {
      const rows = await Promise.all(ids.map((id) => request<unknown>(`/${resource}/${encodeURIComponent(String(id))}`).then((r) => r.data)));
      return { data: rows as never[] };
    },
    getOne: async ({ resource, id }) => {
      const { data } = await request<unknown>(`/${resource}/${encodeURIComponent(String(id))}`);
      return { data: data as never };
    },
    create: async ({ resource, variables, meta }) => {
      const { data } = await request<unknown>(`/${resource}`, { method: "POST", body: variables, headers: meta?.headers as Record<string, string> | undefined });
      return { data: data as never };
    },
    update: async ({ resource, id, variables }) => {
      const { data } = await request<unknown>(`/${resource}/${encodeURIComponent(String(id))}`, { method: "PATCH", body: variables });
      return { data: data as never };
    },
    deleteOne: async ({ resource, id }) => {
      const { data } = await request<unknown>(`/${resource}/${encodeURIComponent(String(id))}`, { method: "DELETE" });
      return { data: (data ?? { id }) as never };
    },
    custom: async ({ url, method, payload, query, headers, filters, sorters }) => {
      const { data } = await request<unknown>(url, {
        method: method.toUpperCase(),
        body: payload,
        headers: headers as Record<string, string> | undefined,
        query: { ...(query as Query | undefined), ...filtersToQuery(filters), ...sortersToQuery(sorters) },
      });
      return { data: data as never };
    },
  };
}
