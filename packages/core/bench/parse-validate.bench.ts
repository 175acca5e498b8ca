/**
 * Parse and validate a 100,000-row roll-up grid (issue 3); prints rows per second and the ratio to
 * JSON.parse of the same grid serialized as JSON, measured in the same run. The two are measured in
 * alternation (JSON.parse, validate, JSON.parse, …) so that a busy machine slows both alike; the figures
 * are medians over the rounds, and the ratio is the median of the per-round ratios.
 */
import { performance } from "node:perf_hooks";
import { validateGrid, type CellValue, type Grid, type UnitRef, type ValidationContext } from "../src/index";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

const province: UnitRef = { id: "p", code: "P", name: "Bench", fullName: "Tỉnh Bench", level: "PROVINCE", parentId: null };
const units: UnitRef[] = [province];
for (let i = 0; i < ROWS; i++) units.push({ id: `u${i}`, code: String(100000 + i), name: `Đơn vị ${i}`, fullName: `Xã Đơn vị ${i}`, level: "COMMUNE", parentId: "p" });

// The roll-up sheet as officials fill it: a title, the report date, a header, one row per unit with a mix of
// typed numbers and numbers stored as Vietnamese text ("1.234"), a stated percentage as text, a grand total.
const rows: CellValue[][] = [
  ["BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH"],
  ["Ngày báo cáo:", "18/02/2025"],
  [],
  ["STT", "Mã đơn vị", "Tên đơn vị", "Tổng số sổ", "Số sổ đã số hóa", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa", "Số dữ liệu đã kiểm tra", "Số dữ liệu đã đưa vào CSDL", "Tỷ lệ (%)", "Ghi chú"],
];
let sumT = 0, sumD = 0;
for (let i = 0; i < ROWS; i++) {
  const total = 1000 + (i % 977) * 7, done = Math.floor(total * ((i % 100) / 100));
  sumT += total; sumD += done;
  rows.push([i + 1, String(100000 + i), i % 2 ? `Xã Đơn vị ${i}` : `Đơn vị ${i}`, Math.ceil(total / 120), Math.floor(done / 120), i % 3 ? total : total.toLocaleString("de-DE"), done, Math.floor(done * 0.9), Math.floor(done * 0.8), `${((done / total) * 100).toFixed(1).replace(".", ",")}%`, null]);
}
rows.push([null, null, "Tổng cộng", null, null, sumT, sumD, null, null, null, null]);
const grid: Grid = { sheets: [{ name: "Tổng hợp", rows }] };
const ctx: ValidationContext = { today: "2025-02-20", submitter: province, units, registerKinds: [], phases: [] };
const json = JSON.stringify(grid);

function once(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let issues = 0;
const validate = () => {
  const r = validateGrid(grid, ctx);
  issues = r.issues.length;
  if (r.rows.length !== ROWS) throw new Error(`expected ${ROWS} rows, got ${r.rows.length}: ${JSON.stringify(r.issues.slice(0, 3))}`);
};
const parse = () => void JSON.parse(json);

// warm-up
parse(); validate(); parse(); validate();
const v: number[] = [], j: number[] = [], ratio: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const a = once(parse);
  const b = once(validate);
  j.push(a); v.push(b); ratio.push(b / a);
}
const vMs = median(v), jMs = median(j);
const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
console.log(`parse + validate ${fmt(ROWS)} roll-up rows: median ${vMs.toFixed(0)} ms (best ${Math.min(...v).toFixed(0)} ms) = ${fmt(ROWS / (vMs / 1000))} rows/s, ${issues} issues`);
console.log(`JSON.parse of the same grid (${(json.length / 1e6).toFixed(1)} MB): median ${jMs.toFixed(0)} ms (best ${Math.min(...j).toFixed(0)} ms)`);
console.log(`ratio validate / JSON.parse: median ${median(ratio).toFixed(2)}× over ${ROUNDS} alternating rounds (goal: < 1000 ms and ≤ 5×)`);
