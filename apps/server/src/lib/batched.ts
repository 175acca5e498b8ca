/**
 * Group commit, for reads and writes alike: requests that arrive while earlier ones are in flight go together in
 * the next call — one round trip (or transaction) for many under load, no waiting when idle. Used on the hot path
 * of receiving sheets (authentication, validation contexts, the write), where a round trip costs the server more
 * than its statement.
 */
import type { Database } from "@sohoa/db";

interface Pending<Q, R> { q: Q; resolve: (r: R) => void; reject: (err: unknown) => void }

/**
 * `run` answers a list of requests in order, in one statement or transaction. At most `concurrency` calls are in
 * flight per database, each of at most `max` requests. If a call fails, its requests are retried one by one, so
 * that one bad request cannot fail the others.
 */
export function batched<Q, R>(run: (db: Database, qs: Q[]) => Promise<R[]>, opts: { concurrency?: number; max?: number } = {}) {
  const concurrency = opts.concurrency ?? 2;
  const max = opts.max ?? 32;
  const queues = new WeakMap<Database, { pending: Pending<Q, R>[]; running: number }>();

  async function drain(db: Database, queue: { pending: Pending<Q, R>[]; running: number }) {
    queue.running++;
    try {
      while (queue.pending.length > 0) {
        const batch = queue.pending.splice(0, max);
        try {
          const results = await run(db, batch.map((b) => b.q));
          batch.forEach((b, i) => b.resolve(results[i]!));
        } catch (err) {
          if (batch.length === 1) batch[0]!.reject(err);
          else for (const b of batch) await run(db, [b.q]).then(([r]) => b.resolve(r!), b.reject);
        }
      }
    } finally {
      queue.running--;
    }
  }

  return (db: Database, q: Q): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      let queue = queues.get(db);
      if (!queue) queues.set(db, (queue = { pending: [], running: 0 }));
      queue.pending.push({ q, resolve, reject });
      if (queue.running < concurrency) void drain(db, queue);
    });
}
