import type { Context } from "hono";
import { isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppEnv } from "../context";

/** "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) is 10.0.0.1. */
const plain = (a: string) => (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4 ? a.slice(7) : a);

function socketAddress(c: Context): string | null {
  try {
    const a = getConnInfo(c).remote.address;
    return a ? plain(a) : null;
  } catch {
    return null; // app.request() without an env has no socket
  }
}

/**
 * Client address: the socket's, unless it is a configured proxy (config.trustedProxies); then X-Forwarded-For is
 * read from the right (each proxy appends the address it saw) up to the first hop that is not a trusted proxy.
 * Anyone else's X-Forwarded-For is ignored: it would let a client pick the address it is throttled and audited by.
 */
export function clientIp(c: Context<AppEnv>): string | null {
  const socket = socketAddress(c);
  const trusted = c.var.deps.config.trustedProxies;
  if (!socket || !trusted.includes(socket)) return socket;
  const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((h) => plain(h.trim()));
  let address = socket;
  for (let i = hops.length - 1; i >= 0 && trusted.includes(address); i--) {
    if (!isIP(hops[i]!)) break;
    address = hops[i]!;
  }
  return address;
}

export function userAgent(c: Context): string | null {
  return c.req.header("user-agent")?.slice(0, 300) ?? null;
}
