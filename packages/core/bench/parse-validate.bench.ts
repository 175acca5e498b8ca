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

// A district's workbook as officials send it: a "Tổng hợp" summary (checked against the others, not counted) and
// 13 commune sheets (title block, as-of line, kinds × phases under section rows, subtotals, notes, signatures).
// Measured in alternation with JSON.parse of itself, like the roll-up.
const district: UnitRef = { id: "d", code: "505", name: "Đông Giang", fullName: "Huyện Đông Giang", level: "DISTRICT", parentId: null };
const communes: UnitRef[] = Array.from({ length: 13 }, (_, i) => ({ id: `c${i}`, code: String(20400 + i), name: `Xã Số ${i + 1}`, fullName: `Xã Số ${i + 1}`, level: "COMMUNE", parentId: "d" }));
const kindNames = ["Khai sinh", "Khai tử", "Kết hôn", "Nhận cha, mẹ, con", "Thay đổi, cải chính, bổ sung hộ tịch", "Giám hộ", "Khác"];
const kinds = kindNames.map((nameVi, i) => ({ code: `K${i}`, nameVi, nameEn: nameVi, sortOrder: i }));
const phases = [{ code: "P1", nameVi: "Giai đoạn 1 (từ năm 2006)", nameEn: "Phase 1" }, { code: "P2", nameVi: "Giai đoạn 2 (từ năm 2005 trở về trước)", nameEn: "Phase 2" }];
const summaryRows: CellValue[][] = [["PHÒNG TƯ PHÁP HUYỆN ĐÔNG GIANG"], ["(Số liệu tính đến 17 giờ 00 ngày 25/02/2025)"], ["STT", "Tên xã", "Tổng số dữ liệu", "Đã số hóa"]];
const sheets = communes.map((c, ci) => {
  const r: CellValue[][] = [[`UBND XÃ SỐ ${ci + 1}`, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["BÁO CÁO TIẾN ĐỘ SỐ HÓA"], ["(Số liệu tính đến ngày 25/02/2025)"], ["STT", "Loại sổ", "Tổng số dữ liệu", "Đã số hóa"], ["(1)", "(2)", "(3)", "(4)"]];
  let t = 0, d = 0;
  for (const [pi, label] of ["I", "II"].entries()) {
    r.push([label, pi ? "Giai đoạn 2 (2005 trở về trước)" : "Giai đoạn 1 (2006 - 2018)", null, null]);
    let pt = 0, pd = 0;
    kindNames.forEach((k, ki) => { const tot = 100 + ci * 10 + ki * 3, done = Math.floor(tot / 3); pt += tot; pd += done; r.push([ki + 1, k, tot, done]); });
    r.push([null, `Cộng giai đoạn ${pi + 1}`, pt, pd]);
    t += pt; d += pd;
  }
  r.push([null, "Tổng cộng (I + II)", t, d], [], ["Ghi chú:"], ["- Số liệu đã được đối chiếu."], [null, "NGƯỜI LẬP BIỂU", null, "TM. UBND XÃ"], [null, "Nguyễn Văn A", null, "Trần Văn B"]);
  summaryRows.push([ci + 1, c.name, t, d]);
  return { name: c.name, rows: r };
});
const workbook: Grid = { sheets: [{ name: "Tổng hợp", rows: summaryRows }, ...sheets] };
const districtCtx: ValidationContext = { today: "2025-03-01", submitter: district, units: [district, ...communes], registerKinds: kinds, phases };
const workbookJson = JSON.stringify(workbook);
const validateWorkbook = () => {
  const r = validateGrid(workbook, districtCtx);
  if (r.issues.length || r.rows.length !== 13 * 14) throw new Error(`district workbook: ${r.rows.length} rows, ${JSON.stringify(r.issues.slice(0, 3))}`);
};
const parseWorkbook = () => void JSON.parse(workbookJson);
for (let i = 0; i < 50; i++) { parseWorkbook(); validateWorkbook(); }
const wv: number[] = [], wr: number[] = [];
for (let i = 0; i < ROUNDS * 10; i++) {
  const a = once(parseWorkbook);
  const b = once(validateWorkbook);
  wv.push(b); wr.push(b / a);
}
console.log(`parse + validate a 14-sheet district workbook (summary + 13 commune sheets, ${13 * 14} rows counted): median ${median(wv).toFixed(2)} ms; ratio to JSON.parse of it: median ${median(wr).toFixed(1)}×`);
