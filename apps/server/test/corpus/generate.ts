/**
 * Writes every workbook of the corpus to a folder, so that a person can open them in Excel or LibreOffice:
 *   npx tsx test/corpus/generate.ts [outDir]      (default: test/corpus/out/, ignored by git)
 * Beside each .xlsx, <id>.grid.json is what the Excel add-in would send for it (office-grid.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { officeGrid } from "./office-grid";
import { CORPUS } from "./workbooks";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, "out"));
mkdirSync(out, { recursive: true });
for (const c of CORPUS) {
  const xlsx = await c.build();
  writeFileSync(path.join(out, `${c.id}.xlsx`), xlsx);
  writeFileSync(path.join(out, `${c.id}.grid.json`), JSON.stringify(await officeGrid(xlsx)));
  const e = c.expect;
  const what = e.status === "accepted" ? `accepted ${e.reportDate}, ${e.dataRows} rows, ${e.entriesDigitized}/${e.entriesTotal}` : `refused ${e.issues.map((i) => `${i.code}@${i.cell ?? "-"}`).join(" ")}`;
  console.log(`${c.id.padEnd(30)} ${String(xlsx.length).padStart(7)} B  as ${c.submitAs} for ${c.unitCode}: ${what}`);
}
console.log(`${CORPUS.length} workbooks in ${out}`);
