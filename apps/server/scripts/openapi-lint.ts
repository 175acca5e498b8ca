/**
 * Redocly's recommended rules on the OpenAPI document the server serves: the document is written to a temp
 * file and linted there; any error or warning fails (`pnpm run lint:openapi`, and src/openapi-lint.test.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { openApiJson } from "./openapi";

export interface LintResult { errors: number; warnings: number; problems: string[] }

export async function lintOpenApi(): Promise<LintResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "sohoa-openapi-"));
  try {
    const file = path.join(dir, "openapi.json");
    writeFileSync(file, await openApiJson());
    const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
    // No telemetry and no update check: the lint must not reach the network.
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };
    const run = spawnSync(process.execPath, [cli, "lint", "--extends", "recommended", "--format", "json", file], { cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const start = run.stdout.indexOf("{");
    if (start < 0) throw new Error(`redocly lint printed no report (exit ${run.status}): ${run.stderr || run.stdout}`);
    const report = JSON.parse(run.stdout.slice(start)) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string; location?: { pointer?: string }[] }[] };
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location?.[0]?.pointer ?? ""}: ${p.message}`);
    return { errors: report.totals.errors, warnings: report.totals.warnings, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await lintOpenApi();
  for (const p of r.problems) console.log(p);
  console.log(`redocly lint --extends recommended: ${r.errors} errors, ${r.warnings} warnings`);
  process.exit(r.errors + r.warnings > 0 ? 1 : 0);
}
