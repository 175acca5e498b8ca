// Shared helpers for the root scripts. They need only Node and npm: pnpm is installed on demand.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PNPM_VERSION = "12.21.0";

function works(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "ignore", shell: process.platform === "win32" });
  return r.status === 0;
}

/**
 * Returns the pnpm command to use, installing pnpm locally under .tools/ if none is on the PATH. The local one's
 * directory is put first on this process's PATH, so every child (turbo, package scripts, spawned tools) finds it too.
 */
export function ensurePnpm() {
  if (works("pnpm", ["--version"])) return "pnpm";
  const bin = path.join(ROOT, ".tools/node_modules/.bin");
  const local = path.join(bin, "pnpm");
  if (!existsSync(local)) {
    console.log(`[sohoa] installing pnpm ${PNPM_VERSION} into .tools/ …`);
    mkdirSync(path.join(ROOT, ".tools"), { recursive: true });
    const r = spawnSync("npm", ["install", "--no-save", "--prefix", path.join(ROOT, ".tools"), `pnpm@${PNPM_VERSION}`], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("could not install pnpm with npm");
  }
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ""}`;
  return local;
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT, ...opts });
  if (r.error) console.error(`[sohoa] could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0 && !opts.allowFail) {
    console.error(`[sohoa] failed: ${cmd} ${args.join(" ")}`);
    process.exit(r.status ?? 1);
  }
  return r.status ?? 1;
}

export function install(pnpm) {
  run(pnpm, ["install", "--frozen-lockfile", "--reporter=append-only"]);
  run(pnpm, ["--filter", "@sohoa/db", "generate"]);
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Browser tests drive Debian's Chromium; install it when we are root on Debian and it is missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("[sohoa] installing Debian chromium for the browser tests …");
    run("apt-get", ["update", "-qq"], { allowFail: true });
    run("apt-get", ["install", "-y", "-qq", "chromium"], { allowFail: true, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  if (!existsSync(CHROMIUM)) console.warn(`[sohoa] no Chromium at ${CHROMIUM}: browser tests will be skipped (set CHROMIUM_PATH or install chromium)`);
  return existsSync(CHROMIUM);
}

export { spawn };
