/** Shared by the resources' tests: the demo database, an app on a pinned clock, signed-in clients. */
import { unitByCodeOn, isInSubtree, type Database } from "@sohoa/db";
import { createApp } from "../../app";
import { fromSocket, openTestDatabase, signIn } from "../../testing";

/** 18/02/2025 10:00 in Vietnam: the demo's last day, when the pre-2025-07 tree is valid. */
export const NOW = new Date("2025-02-18T03:00:00Z");
export const DAY = "2025-02-18";
export const USERS = ["admin", "quangnam", "lanhdao", "donggiang", "zahung"] as const;
export type DemoUser = (typeof USERS)[number];

export interface Client {
  token: string;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  del(path: string, headers?: Record<string, string>): Promise<Response>;
}

/** Requests come from this reverse proxy, which the app trusts: their X-Forwarded-For names the client. */
const PROXY = "127.0.0.1";

export type TestApp = ReturnType<typeof createApp>;

export function client(app: TestApp, token: string): Client {
  const h = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
  const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    Promise.resolve(app.request(path, { method, headers: h({ ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers }), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }, fromSocket(PROXY)));
  return {
    token,
    get: (path) => send("GET", path),
    post: (path, body, headers) => send("POST", path, body, headers),
    patch: (path, body, headers) => send("PATCH", path, body, headers),
    del: (path, headers) => send("DELETE", path, undefined, headers),
  };
}

export async function setup(): Promise<{ db: Database; app: TestApp; as: Record<DemoUser, Client> }> {
  const db = await openTestDatabase({ demo: true });
  const app = createApp({ db, clock: () => NOW, config: { trustedProxies: [PROXY] } });
  const as = {} as Record<DemoUser, Client>;
  for (const u of USERS) as[u] = client(app, await signIn(app, u));
  return { db, app, as };
}

/** The unit with this code valid on a date (codes are reused across reorganizations). */
export async function unitId(db: Database, code: string, date = DAY): Promise<string> {
  const d = new Date(`${date}T00:00:00Z`);
  const u = await unitByCodeOn(db, code, d);
  return u.id;
}

export async function isDescendant(db: Database, ancestorId: string, descendantId: string): Promise<boolean> {
  return isInSubtree(db, ancestorId, descendantId);
}

export async function body<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export function expectMessage(b: { error?: { message?: { vi?: string; en?: string } } }) {
  if (!b.error?.message?.vi || !b.error.message.en) throw new Error(`no {vi,en} message in ${JSON.stringify(b)}`);
}
