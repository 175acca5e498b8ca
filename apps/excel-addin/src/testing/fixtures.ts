/** A large roll-up sheet for tests and the bench: a province with `n` communes, and problems sprinkled in. */
import { buildRollupTemplate, type UnitRef, type ValidationContext } from "@sohoa/core";

export const REPORT_DATE = "2025-02-18";

export function rollupFixture(n: number): { parent: UnitRef; units: UnitRef[]; template: ReturnType<typeof buildRollupTemplate>; ctx: ValidationContext } {
  const parent: UnitRef = { id: "p", code: "49", name: "Quảng Nam", fullName: "Tỉnh Quảng Nam", level: "PROVINCE", parentId: null };
  const children: UnitRef[] = [];
  for (let i = 0; i < n; i++) {
    const code = String(30000 + i);
    children.push({ id: `u${i}`, code, name: `Xã Số ${i}`, fullName: `Xã Số ${i}`, level: "COMMUNE", parentId: "p" });
  }
  const template = buildRollupTemplate({ parent, children, reportDate: REPORT_DATE });
  const ctx: ValidationContext = { today: "2025-02-20", submitter: parent, units: [parent, ...children], registerKinds: [], phases: [], reportDate: REPORT_DATE };
  return { parent, units: children, template, ctx };
}

/**
 * The template's rows with figures: every row valid, except every `every`-th row where digitized > total
 * (an error on G) and every (every+1)-th where checked > digitized (an error on H). Formula cells (the rate,
 * the total) are returned separately so the caller writes them as formulas.
 */
export function filledRows(template: ReturnType<typeof buildRollupTemplate>, every = 3): (string | number | boolean | null)[][] {
  const { layout } = template;
  return template.rows.map((row, r) => {
    const out = row.map((v, c) => template.formulas[`${String.fromCharCode(65 + c)}${r + 1}`] ?? v);
    if (r < layout.firstDataRow || r > layout.lastDataRow) return out;
    const i = r - layout.firstDataRow;
    const total = 1000 + (i % 97);
    let digitized = 400 + (i % 50);
    let checked = 300;
    if (i % every === 0) digitized = total + 5;
    if (i % (every + 1) === 1) checked = digitized + 1;
    out[3] = 10; out[4] = 5; out[5] = total; out[6] = digitized; out[7] = checked; out[8] = 100;
    return out;
  });
}
