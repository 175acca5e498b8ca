// `pnpm bench`: runs every package's benchmark; the server's against PostgreSQL (started here if needed).
import { spawnSync } from "node:child_process";
import { ROOT, ensurePnpm, install } from "./lib.mjs";

const pnpm = ensurePnpm();
install(pnpm);
const env = { ...process.env };
if (!env.DATABASE_URL) {
  const r = spawnSync("bash", ["scripts/pg-up.sh", "sohoa_bench", "socket"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const url = r.stdout.trim().split("\n").at(-1);
  if (r.status === 0 && url?.startsWith("postgresql://")) env.DATABASE_URL = url;
  else console.warn("[bench] PostgreSQL could not be started: server benchmarks run on PGlite");
}
let failed = 0;
for (const pkg of ["@sohoa/core", "@sohoa/server", "@sohoa/excel-addin", "@sohoa/admin"]) {
  console.log(`\n═══ ${pkg} ═══`);
  const r = spawnSync(pnpm, ["--filter", pkg, "--if-present", "run", "bench"], { cwd: ROOT, stdio: "inherit", env });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
