/** Prints a corpus workbook's add-in grid (rows as JSON), for working on the reader: npx tsx test/corpus/dump-grid.ts <id> [sheet index] */
import { officeGrid } from "./office-grid";
import { CORPUS } from "./workbooks";
const [id, sheetIndex] = process.argv.slice(2);
const c = CORPUS.find((x) => x.id === id);
if (!c) throw new Error(`no corpus case ${id}`);
const grid = await officeGrid(await c.build());
for (const [i, s] of grid.sheets.entries()) {
  if (sheetIndex !== undefined && Number(sheetIndex) !== i) continue;
  console.log(`== ${s.name}`);
  s.rows.forEach((r, k) => console.log(String(k + 1).padStart(3), JSON.stringify(r)));
}
