/**
 * Fills the official commune sheet (core's template, as the add-in inserts it) with figures, the way an
 * official types them in: tests and benchmarks use it to produce realistic submissions.
 */
import { buildCommuneTemplate, normalizeName, type CellValue, type Grid, type ProgressCounts, type RegisterKindRef, type PhaseRef, type UnitRef } from "@sohoa/core";

const FIELD_HEADERS: [keyof ProgressCounts, RegExp][] = [
  ["booksDigitized", /so so da so hoa/],
  ["booksTotal", /tong so so/],
  ["entriesDigitized", /(so )?du lieu da so hoa/],
  ["entriesChecked", /da kiem tra/],
  ["entriesLoaded", /(dua vao|csdl)/],
  ["entriesTotal", /tong so du lieu/],
];

export interface SheetLayout { headerRow: number; columns: Partial<Record<keyof ProgressCounts | "kind" | "phase" | "percent", number>> }

export function findLayout(rows: CellValue[][]): SheetLayout {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const texts = (rows[r] ?? []).map((v) => (typeof v === "string" ? normalizeName(v) : ""));
    const columns: SheetLayout["columns"] = {};
    texts.forEach((t, c) => {
      if (!t) return;
      if (/loai so/.test(t)) columns.kind = c;
      else if (/giai doan/.test(t)) columns.phase = c;
      else if (/ty le/.test(t)) columns.percent = c;
      else for (const [field, re] of FIELD_HEADERS) if (re.test(t) && columns[field] === undefined) { columns[field] = c; break; }
    });
    if (columns.kind !== undefined && columns.entriesDigitized !== undefined && columns.entriesTotal !== undefined) return { headerRow: r, columns };
  }
  throw new Error("no header row with Loại sổ / Tổng số dữ liệu / Số dữ liệu đã số hóa in the template");
}

export function communeGrid(opts: {
  unit: UnitRef; registerKinds: RegisterKindRef[]; phases: PhaseRef[]; reportDate: string;
  counts: (kind: string, phase: string) => ProgressCounts;
}): Grid {
  const sheet = buildCommuneTemplate({ unit: opts.unit, registerKinds: opts.registerKinds, phases: opts.phases, reportDate: opts.reportDate });
  const rows = sheet.rows.map((r) => [...r]);
  const { headerRow, columns } = findLayout(rows);
  const kindByName = new Map(opts.registerKinds.flatMap((k) => [[normalizeName(k.nameVi), k.code], [normalizeName(k.code), k.code]]));
  const phaseByName = new Map(opts.phases.flatMap((p) => [[normalizeName(p.nameVi), p.code], [normalizeName(p.code), p.code], [normalizeName(p.nameEn), p.code]]));
  let lastKind: string | undefined;
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const kText = row[columns.kind!];
    const kind = typeof kText === "string" && kText ? kindByName.get(normalizeName(kText)) : lastKind;
    if (typeof kText === "string" && kText) lastKind = kind;
    const pText = columns.phase !== undefined ? row[columns.phase] : null;
    const phase = typeof pText === "string" ? phaseByName.get(normalizeName(pText)) ?? [...phaseByName.entries()].find(([n]) => normalizeName(pText).includes(n))?.[1] : undefined;
    if (!kind || !phase) continue;
    const c = opts.counts(kind, phase);
    for (const [field] of FIELD_HEADERS) {
      const col = columns[field];
      if (col !== undefined) {
        while (row.length <= col) row.push(null);
        row[col] = c[field];
      }
    }
    if (columns.percent !== undefined) row[columns.percent] = null;
  }
  return { sheets: [{ ...sheet, rows }] };
}
