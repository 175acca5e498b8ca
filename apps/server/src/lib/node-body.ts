/**
 * A JSON request body read straight from Node's request (served by @hono/node-server), within a byte limit. Hono
 * would otherwise build a web Request and a web stream around Node's request to read it, which cost the server
 * about a tenth of its work per sheet received. Elsewhere (app.request() in tests, other runtimes) this returns
 * false and the caller falls back to Hono's own reading (bodyLimit).
 */
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { strictUtf8 } from "./text-guard";

type Cached = { bodyCache: { text?: Promise<string> } };

/**
 * Reads the body of a POST into Hono's body cache (so c.req.json() and the validators parse it from there);
 * `tooLarge` is thrown, before or while reading, when it exceeds `max` bytes. False when not on Node's server.
 */
export async function readNodeBody(c: Context, max: number, tooLarge: () => never): Promise<boolean> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || c.req.method !== "POST" || incoming.readableEnded || incoming.readableFlowing !== null) return false;
  const declared = Number(incoming.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) tooLarge();
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        incoming.off("data", onData);
        incoming.resume(); // the rest is drained and dropped; the answer is already decided
        reject(new Error("too large"));
        return;
      }
      chunks.push(chunk);
    };
    incoming.on("data", onData);
    incoming.once("end", () => {
      try {
        resolve(strictUtf8(Buffer.concat(chunks, size)));
      } catch (err) {
        reject(err as Error);
      }
    });
    incoming.once("error", reject);
  }).catch((err: Error) => {
    if (err.message === "too large") tooLarge();
    throw err;
  });
  // strictUtf8 has dropped a byte-order mark
  (c.req as unknown as Cached).bodyCache.text = Promise.resolve(text);
  return true;
}
