/**
 * Parse and validate a 100,000-row roll-up grid (issue 3); prints rows per second and the ratio to
 * JSON.parse of the same grid serialized as JSON, measured in the same run.
 */
import { performance } from "node:perf_hooks";
import { validateGrid, type CellValue, type UnitRef } from "../src/index";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const province: UnitRef = { id: "p", code: "P", name: "Bench", fullName: "Tỉnh Bench", level: "PROVINCE", parentId: null };
const units: UnitRef[] = [province];
for (let i = 0; i < ROWS; i++) units.push({ id: `u${i}`, code: String(100000 + i), name: `Đơn vị ${i}`, fullName: `Xã Đơn vị ${i}`, level: "COMMUNE", parentId: "p" });
const rows: CellValue[][] = [["BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH"], ["Ngày báo cáo:", "18/02/2025"], [], ["STT", "Mã đơn vị", "Tên đơn vị", "Tổng số sổ", "Số sổ đã số hóa", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa", "Số dữ liệu đã kiểm tra", "Số dữ liệu đã đưa vào CSDL", "Tỷ lệ (%)", "Ghi chú"]];
let sumT = 0, sumD = 0;
for (let i = 0; i < ROWS; i++) {
  const total = 1000 + (i % 977) * 7, done = Math.floor(total * ((i % 100) / 100));
  sumT += total; sumD += done;
  rows.push([i + 1, String(100000 + i), i % 2 ? `Xã Đơn vị ${i}` : `Đơn vị ${i}`, Math.ceil(total / 120), Math.floor(done / 120), i % 3 ? total : total.toLocaleString("de-DE"), done, Math.floor(done * 0.9), Math.floor(done * 0.8), `${((done / total) * 100).toFixed(1).replace(".", ",")}%`, null]);
}
rows.push([null, null, "Tổng cộng", null, null, sumT, sumD, null, null, null, null]);
const grid = { sheets: [{ name: "Tổng hợp", rows }] };
const ctx = { today: "2025-02-20", submitter: province, units, registerKinds: [], phases: [] };
const json = JSON.stringify(grid);

function median(f: () => void, reps = 5) {
  f();
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[Math.floor(reps / 2)]!;
}

let issues = 0;
const validateMs = median(() => {
  const r = validateGrid(grid, ctx);
  issues = r.issues.length;
  if (r.rows.length !== ROWS) throw new Error(`expected ${ROWS} rows, got ${r.rows.length}: ${JSON.stringify(r.issues.slice(0, 3))}`);
});
const jsonMs = median(() => JSON.parse(json));
console.log(`parse + validate ${ROWS.toLocaleString("vi-VN")} roll-up rows: ${validateMs.toFixed(0)} ms = ${Math.round(ROWS / (validateMs / 1000)).toLocaleString("vi-VN")} rows/s (${issues} issues)`);
console.log(`JSON.parse of the same grid (${(json.length / 1e6).toFixed(1)} MB): ${jsonMs.toFixed(0)} ms → validate costs ${(validateMs / jsonMs).toFixed(2)}× JSON.parse`);
