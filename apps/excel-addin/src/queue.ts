/**
 * The outbox: submissions the server has not answered yet. Each one is written down (with its Idempotency-Key)
 * before it is sent and removed once the server has answered, so closing the pane never loses a report and a
 * resend after a lost answer is recorded once. Storage is OfficeRuntime.storage where the host has it (it
 * outlives the pane), else localStorage.
 */
import type { SubmissionRequest } from "@sohoa/contract";

export const OUTBOX_KEY = "sohoa.outbox.v1";

export interface QueuedSubmission {
  key: string;
  /** the request body exactly as first sent (JSON): the same bytes go out under the same key */
  body: string;
  unitCode: string;
  /** who sent it: another official signing in on this machine never sends it under their name */
  username: string;
  queuedAt: string;
}

/** The async shape OfficeRuntime.storage has; localStorage is wrapped to fit it. */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export function defaultStore(g: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): KeyValueStore | null {
  const runtime = g.OfficeRuntime as { storage?: KeyValueStore } | undefined;
  if (runtime?.storage) return runtime.storage;
  try {
    const ls = g.localStorage as Storage | undefined;
    if (!ls) return null;
    return {
      getItem: async (k) => ls.getItem(k),
      setItem: async (k, v) => ls.setItem(k, v),
      removeItem: async (k) => ls.removeItem(k),
    };
  } catch {
    return null; // storage disabled by the browser's privacy settings: the queue lives in memory only
  }
}

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { getItem: async (k) => m.get(k) ?? null, setItem: async (k, v) => void m.set(k, v), removeItem: async (k) => void m.delete(k) };
}

function parse(raw: string | null): QueuedSubmission[] {
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? list.filter((q): q is QueuedSubmission => !!q && typeof q.key === "string" && typeof q.body === "string") : [];
  } catch {
    return [];
  }
}

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox(store: KeyValueStore | null, newKey: () => string) {
  const kv = store ?? memoryStore();
  // Writes are chained so that two quick changes never overwrite each other's read-modify-write.
  let chain: Promise<unknown> = Promise.resolve();
  const change = <T,>(fn: (list: QueuedSubmission[]) => { list: QueuedSubmission[]; out: T }): Promise<T> => {
    const next = chain.then(async () => {
      const { list, out } = fn(parse(await kv.getItem(OUTBOX_KEY)));
      if (list.length) await kv.setItem(OUTBOX_KEY, JSON.stringify(list));
      else await kv.removeItem(OUTBOX_KEY);
      return out;
    });
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    list: async (): Promise<QueuedSubmission[]> => {
      await chain;
      return parse(await kv.getItem(OUTBOX_KEY));
    },
    /** Records a body before it is sent; the same body already waiting keeps its key (a retry, not a new report). */
    add: (body: SubmissionRequest, username: string, now: Date): Promise<QueuedSubmission> =>
      change((list) => {
        const text = JSON.stringify(body);
        const same = list.find((q) => q.body === text && q.username === username);
        if (same) return { list, out: same };
        const item: QueuedSubmission = { key: newKey(), body: text, unitCode: body.unitCode, username, queuedAt: now.toISOString() };
        return { list: [...list, item], out: item };
      }),
    remove: (key: string): Promise<void> => change((list) => ({ list: list.filter((q) => q.key !== key), out: undefined })),
  };
}
