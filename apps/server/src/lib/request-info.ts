import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/** Client address: first X-Forwarded-For hop when behind a proxy, else the socket address. */
export function clientIp(c: Context): string | null {
  const fwd = c.req.header("x-forwarded-for");
  if (fwd) return fwd.split(",")[0]!.trim().slice(0, 64);
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

export function userAgent(c: Context): string | null {
  return c.req.header("user-agent")?.slice(0, 300) ?? null;
}
