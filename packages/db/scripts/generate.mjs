// Runs `prisma generate` without downloading native engines: the generated client uses the
// WASM query compiler and a driver adapter, so any executable satisfies the CLI's engine check.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const schema = path.join(root, "prisma/schema.prisma");
const marker = path.join(root, "src/generated/prisma/client.ts");
if (existsSync(marker) && statSync(marker).mtimeMs > statSync(schema).mtimeMs && !process.argv.includes("--force")) {
  process.exit(0);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/true",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
// The package's own prisma, by path: no package manager needs to be on the PATH.
const prisma = path.join(root, "node_modules/.bin", process.platform === "win32" ? "prisma.cmd" : "prisma");
const r = spawnSync(prisma, ["generate", "--no-hints"], { cwd: root, env, stdio: "inherit", shell: process.platform === "win32" });
if (r.error) console.error(`[sohoa] could not run ${prisma}: ${r.error.message}`);
process.exit(r.status ?? 1);
