/** Writes the OpenAPI document the server serves at /api/openapi.json to a file (no database is opened). */
import { writeFileSync } from "node:fs";
import type { Database } from "@sohoa/db";
import { createApp } from "../src/app";

export async function openApiJson(): Promise<string> {
  // The document route never touches the database, so an empty stand-in is enough.
  const app = createApp({ db: {} as Database });
  const res = await app.request("/api/openapi.json");
  if (res.status !== 200) throw new Error(`/api/openapi.json answered ${res.status}`);
  return JSON.stringify(await res.json(), null, 2);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error("usage: tsx scripts/openapi.ts <file.json>");
  writeFileSync(out, await openApiJson());
}
