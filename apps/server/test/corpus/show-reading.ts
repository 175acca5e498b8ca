/**
 * What the server read of some corpus workbooks, row by row (for working on the reader):
 *   npx tsx test/corpus/show-reading.ts province-daily monthly-january      (ROWS=1: non-data rows, ROWS=all: every row)
 * Sends each workbook's add-in grid as a dry run to a fresh test server (demo without progress).
 */
import { signIn, startTestServer } from "../../src/testing";
import { officeGrid } from "./office-grid";
import { CORPUS } from "./workbooks";
const ids = process.argv.slice(2);
const server = await startTestServer({ progress: false });
for (const id of ids) {
  const c = CORPUS.find((x) => x.id === id)!;
  const token = await signIn(server.app, c.submitAs);
  const grid = await officeGrid(await c.build());
  const res = await fetch(`${server.url}/api/submissions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ unitCode: c.unitCode, grid, source: "ADDIN", dryRun: true, ...(c.reportDate ? { reportDate: c.reportDate } : {}) }) });
  const body = await res.json() as any;
  console.log("=====", id, res.status, JSON.stringify(body.error ?? {}).slice(0, 300));
  for (const s of body.reading?.sheets ?? []) {
    console.log("--", s.name, s.kind, JSON.stringify(s.unit), JSON.stringify(s.totals));
    if (process.env.ROWS) for (const r of s.rows) if (!["data"].includes(r.role) || process.env.ROWS === "all") console.log("  ", r.row, r.role, r.label ?? "", r.unitCode ?? "", r.sums ?? "");
  }
  for (const i of body.issues ?? []) console.log("  issue", i.code, i.sheet, i.cell, i.message?.en?.slice(0, 160));
}
await server.close();
