// `npm test`: installs what is missing, runs every package's suite through turbo, and prints one
// line summing them all: "N passed, N failed, N skipped".
//   --filter <pkg> (repeatable)  run only these packages
//   --label <name>               name of the summary file (reports/summary-<name>.json)
import { readFileSync, existsSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT, ensurePnpm, install, ensureChromium, run } from "./lib.mjs";
import { readdirSync } from "node:fs";

const args = process.argv.slice(2);
const filters = [];
let label = process.env.DATABASE_URL ? "postgresql" : "pglite";
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--filter") filters.push(args[++i]);
  else if (args[i] === "--label") label = args[++i];
}

const pnpm = ensurePnpm();
install(pnpm);
ensureChromium();

const packageDirs = ["packages", "apps"].flatMap((d) => readdirSync(path.join(ROOT, d)).map((p) => path.join(ROOT, d, p)));
for (const dir of packageDirs) rmSync(path.join(dir, "reports/vitest.json"), { force: true });

const turboArgs = ["exec", "turbo", "run", "test", "--concurrency=1", "--continue", "--output-logs=full"];
for (const f of filters) turboArgs.push(`--filter=${f}`);
const status = run(pnpm, turboArgs, { allowFail: true, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" } });

let passed = 0, failed = 0, skipped = 0;
const suites = [];
const failures = [];
for (const dir of packageDirs) {
  const file = path.join(dir, "reports/vitest.json");
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, "utf8"));
  const s = { pkg: path.relative(ROOT, dir), passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
  // A suite file that failed to load counts as a failure even when no test inside it ran.
  const brokenFiles = (r.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).length === 0).length;
  s.failed += brokenFiles;
  // Named again at the end, where a CI log's tail shows them.
  for (const t of r.testResults ?? []) {
    const file = path.relative(ROOT, t.name ?? "");
    if (t.status === "failed" && !(t.assertionResults ?? []).length) failures.push(`${file}: ${(t.message ?? "").split("\n")[0]}`);
    for (const a of t.assertionResults ?? []) if (a.status === "failed") failures.push(`${file} > ${a.fullName}: ${(a.failureMessages?.[0] ?? "").split("\n")[0].slice(0, 300)}`);
  }
  suites.push(s);
  passed += s.passed; failed += s.failed; skipped += s.skipped;
}
// The full run also type-checks every package strictly (unused code included): one check per package.
if (filters.length === 0) {
  for (const dir of packageDirs) {
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    if (!pkg.scripts?.lint) continue;
    console.log(`[sohoa] lint ${pkg.name}`);
    const ok = run(pnpm, ["--dir", dir, "run", "lint"], { allowFail: true }) === 0;
    suites.push({ pkg: `${path.relative(ROOT, dir)} (lint)`, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
    if (!ok) failures.push(`${path.relative(ROOT, dir)}: lint (tsc) failed`);
    if (ok) passed++; else failed++;
  }
}
// …and lints the whole repository once with the shared config (tooling/eslint).
if (filters.length === 0) {
  console.log("[sohoa] eslint .");
  const ok = run(pnpm, ["exec", "eslint", "--max-warnings=0", "."], { allowFail: true }) === 0;
  suites.push({ pkg: "repository (eslint)", passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  if (ok) passed++; else { failed++; failures.push("eslint found problems (run: pnpm exec eslint .)"); }
}
if (status !== 0 && failed === 0) failed = 1; // turbo failed before or outside a test (e.g. a crash): never report green
mkdirSync(path.join(ROOT, "reports"), { recursive: true });
writeFileSync(path.join(ROOT, `reports/summary-${label}.json`), JSON.stringify({ label, passed, failed, skipped, suites, failures }, null, 2));
for (const f of failures) console.log(`[sohoa] ${label} FAILED ${f}`);
for (const s of suites) console.log(`[sohoa] ${label} ${s.pkg}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
