/**
 * Validate-and-mark of a 5,000-row roll-up through the in-memory Excel double: syncs used and time, against
 * a baseline measured in the same run (core's validateGrid alone on the same grid). Medians of several runs.
 *   pnpm --filter @sohoa/excel-addin bench
 */
import { validateGrid, type Sheet } from "@sohoa/core";
import { clearMarks, validateAndMark } from "../src/excel/marks";
import { insertTemplate } from "../src/excel/template";
import { ExcelDouble } from "../src/testing/excel-double";
import { filledRows, rollupFixture } from "../src/testing/fixtures";

const ROWS = Number(process.env.ROWS ?? 5000);
const RUNS = Number(process.env.RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { template, ctx } = rollupFixture(ROWS);
const host = new ExcelDouble({ apiVersion: "1.1" });
host.install();
const { sheetName } = await insertTemplate(template, { validationTitle: "", validationMessage: "" });
host.model.setValues(sheetName, "A1", filledRows(template));
host.model.setFill(sheetName, "A1", "#FFFF00");

let grid: Sheet | null = null;
const validate = (sheet: Sheet) => {
  grid = sheet;
  return validateGrid({ sheets: [sheet] }, ctx).issues;
};
// warm-up
await validateAndMark(validate);
await clearMarks();

const base: number[] = [];
const full: number[] = [];
const again: number[] = [];
const clear: number[] = [];
const syncs = { first: 0, again: 0, clear: 0 };
let stats = { issues: 0, cells: 0, rectangles: 0 };
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  validateGrid({ sheets: [grid!] }, ctx);
  base.push(performance.now() - t);

  host.resetCounters();
  t = performance.now();
  const r = await validateAndMark(validate);
  full.push(performance.now() - t);
  syncs.first = host.syncs;
  stats = { issues: r.issues.length, cells: r.cells, rectangles: r.rectangles };

  host.resetCounters();
  t = performance.now();
  await validateAndMark(validate);
  again.push(performance.now() - t);
  syncs.again = host.syncs;

  host.resetCounters();
  t = performance.now();
  await clearMarks();
  clear.push(performance.now() - t);
  syncs.clear = host.syncs;
}
const b = median(base);
const f = median(full);
const a = median(again);
const c = median(clear);
console.log(`validate-and-mark, ${ROWS} data rows × 12 columns, ${stats.issues} issues, ${stats.cells} cells marked in ${stats.rectangles} rectangles (median of ${RUNS})`);
console.log(`  baseline: core validateGrid alone        ${b.toFixed(1)} ms`);
console.log(`  validate-and-mark (clean sheet)           ${f.toFixed(1)} ms  ${syncs.first} syncs  ×${(f / b).toFixed(2)} baseline`);
console.log(`  validate-and-mark again (replaces marks)  ${a.toFixed(1)} ms  ${syncs.again} syncs  ×${(a / b).toFixed(2)} baseline`);
console.log(`  clear marks                               ${c.toFixed(1)} ms  ${syncs.clear} syncs  ×${(c / b).toFixed(2)} baseline`);
if (Math.max(syncs.first, syncs.again, syncs.clear) > 5) {
  console.error("more than 5 syncs");
  process.exitCode = 1;
}
