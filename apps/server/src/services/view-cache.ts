/**
 * Computed views (progress, trend, compliance, bottom units) kept until something they show is committed, by this
 * process or any other on the same database: each entry carries the version stamp read before it was computed
 * (packages/db view-stamps, maintained by triggers in the writing transactions), and a request reads the stamp
 * first and takes the entry only if it is at least as recent. Requests arriving while a view is computed share it.
 * Access checks stay outside: callers key by everything the view depends on besides the stamped data (scope, date).
 */
import { viewStamp, type Database, type ViewStamp } from "@sohoa/db";

interface Entry { stamp: ViewStamp; value: Promise<unknown> }

/** Entries per database, the oldest dropped first beyond this. */
const MAX_ENTRIES = 2000;
const caches = new WeakMap<Database, Map<string, Entry>>();

/** `a` was read no earlier than `b`: both parts only grow, '*' first (see view-stamps.ts). */
const notOlder = (a: ViewStamp, b: ViewStamp) => a.global > b.global || (a.global === b.global && a.units >= b.units);

/** Cache counters (tests and the benchmark read them). */
export const viewCacheStats = { hits: 0, misses: 0 };

/**
 * The view of unit `code` under `key`, from the cache if nothing it reads changed since, else from `compute`.
 * SOHOA_VIEW_CACHE=off computes every time (to measure without it).
 */
export async function cachedView<T>(db: Database, code: string, key: string, compute: () => Promise<T>): Promise<T> {
  if (process.env.SOHOA_VIEW_CACHE === "off") return compute();
  const stamp = await viewStamp(db.sql, code);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const k = `${code}|${key}`;
  const hit = cache.get(k);
  if (hit && notOlder(hit.stamp, stamp)) {
    viewCacheStats.hits++;
    return hit.value as Promise<T>;
  }
  viewCacheStats.misses++;
  const value = compute();
  const entry: Entry = { stamp, value };
  cache.delete(k);
  cache.set(k, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  // A failed computation (a 404, the database gone) is not kept.
  value.catch(() => {
    if (cache.get(k) === entry) cache.delete(k);
  });
  return value;
}
