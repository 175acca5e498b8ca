import { describe, expect, it } from "vitest";
import { findTable } from "./headers";
import { buildCommuneTemplate, buildRollupTemplate, HEADERS, TEMPLATE_VERSION } from "./template";
import { validateGrid } from "./validate";
import type { PhaseRef, RegisterKindRef, UnitRef } from "./types";

const kinds: RegisterKindRef[] = [
  { code: "DEATH", nameVi: "Khai tử", nameEn: "Death", sortOrder: 2 },
  { code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: 1 },
];
const phases: PhaseRef[] = [{ code: "P1", nameVi: "Giai đoạn 1 (từ năm 2006)", nameEn: "Phase 1 (2006 onward)" }, { code: "P2", nameVi: "Giai đoạn 2 (từ năm 2005 trở về trước)", nameEn: "Phase 2 (2005 and earlier)" }];
const commune: UnitRef = { id: "c1", code: "20491", name: "Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d1" };
const district: UnitRef = { id: "d1", code: "505", name: "Đông Giang", fullName: "Huyện Đông Giang", level: "DISTRICT", parentId: null };

describe("the commune template", () => {
  const s = buildCommuneTemplate({ unit: commune, registerKinds: kinds, phases, reportDate: "2025-02-18", previous: new Map([["20491|BIRTH|P2", { booksTotal: 12, booksDigitized: 3, entriesTotal: 2000, entriesDigitized: 890, entriesChecked: 500, entriesLoaded: 400 }]]) });
  it("has Vietnamese column headers and the report date in its header block", () => {
    expect(s.rows[4]).toEqual(["STT", "Loại sổ", "Giai đoạn", "Tổng số sổ", "Số sổ đã số hóa", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa", "Số dữ liệu đã kiểm tra", "Số dữ liệu đã đưa vào CSDL", "Tỷ lệ (%)", "Ghi chú", "Lý do điều chỉnh"]);
    expect(s.rows[2]).toEqual(["Ngày báo cáo:", "18/02/2025"]);
    expect(s.layout).toMatchObject({ version: TEMPLATE_VERSION, dateCell: "B3", firstDataRow: 5, percentColumn: 9 });
  });
  it("has one row per kind × phase in the kinds' order, pre-filled from the last accepted figures", () => {
    expect(s.rows.slice(5).map((r) => `${r[1]} / ${r[2]}`)).toEqual(["Khai sinh / Giai đoạn 1 (từ năm 2006)", "Khai sinh / Giai đoạn 2 (từ năm 2005 trở về trước)", "Khai tử / Giai đoạn 1 (từ năm 2006)", "Khai tử / Giai đoạn 2 (từ năm 2005 trở về trước)"]);
    expect(s.rows[6]!.slice(3, 10)).toEqual([12, 3, 2000, 890, 500, 400, 44.5]);
    expect(s.formulas["J7"]).toBe('=IF(F7>0,ROUND(G7/F7*100,1),"")');
  });
  it("reads back as the same figures, in both languages", () => {
    for (const locale of ["vi", "en"] as const) {
      const t = buildCommuneTemplate({ unit: commune, registerKinds: kinds, phases, reportDate: "2025-02-18", locale, previous: new Map([["20491|DEATH|P1", { booksTotal: 1, booksDigitized: 1, entriesTotal: 10, entriesDigitized: 10, entriesChecked: 10, entriesLoaded: 10 }]]) });
      const r = validateGrid({ sheets: [t] }, { today: "2025-02-20", submitter: commune, units: [commune], registerKinds: kinds, phases });
      expect(r.issues).toEqual([]);
      expect(r.reportDate).toBe("2025-02-18");
      expect(r.rows.map((x) => [x.registerKind, x.phase, x.counts.entriesDigitized])).toEqual([["DEATH", "P1", 10]]);
    }
    expect(HEADERS.en.entriesTotal).toBe("Entries to digitize");
  });
});

describe("the roll-up template", () => {
  it("lists the children with codes, a grand total, and reads back", () => {
    const kids: UnitRef[] = [commune, { ...commune, id: "c2", code: "20473", name: "Sông Kôn", fullName: "Xã Sông Kôn" }];
    const s = buildRollupTemplate({ parent: district, children: kids, reportDate: "2025-02-18", previous: new Map([["20491|*|*", { booksTotal: 1, booksDigitized: 0, entriesTotal: 100, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 }], ["20473|*|*", { booksTotal: 2, booksDigitized: 1, entriesTotal: 300, entriesDigitized: 30, entriesChecked: 0, entriesLoaded: 0 }]]) });
    expect(s.rows[4]!.slice(0, 3)).toEqual(["STT", "Mã đơn vị", "Tên đơn vị"]);
    expect(s.rows[7]!.slice(2, 10)).toEqual(["Tổng cộng", 3, 1, 400, 30, 0, 0, 7.5]);
    expect(s.formulas["F8"]).toBe("=SUM(F6:F7)");
    expect(findTable(s)?.columns).toMatchObject({ unitCode: 1, unitName: 2, entriesTotal: 5 });
    const r = validateGrid({ sheets: [s] }, { today: "2025-02-20", submitter: district, units: [district, ...kids], registerKinds: kinds, phases });
    expect(r.issues).toEqual([]);
    expect(r.template).toBe("rollup");
    expect(r.rows.map((x) => x.unit.code)).toEqual(["20491", "20473"]);
  });
});

describe("the per-book commune sheet", () => {
  const books = [
    { kind: "BIRTH", phase: "P1", label: "KS-2006-Q1" }, { kind: "BIRTH", phase: "P1", label: "KS-2006-Q2" },
    { kind: "BIRTH", phase: "P2", label: "KS-1998-Q1" }, { kind: "DEATH", phase: "P1", label: "KT-2010-Q1" },
  ];
  const ctx = { today: "2025-02-20", submitter: commune, units: [commune], registerKinds: kinds, phases };
  const filled = () => {
    const s = buildCommuneTemplate({ unit: commune, registerKinds: kinds, phases, reportDate: "2025-02-18", books });
    const figures: Record<string, number[]> = { "KS-2006-Q1": [1, 1, 400, 400, 400, 300], "KS-2006-Q2": [1, 0, 350, 100, 50, 0], "KS-1998-Q1": [1, 0, 500, 0, 0, 0], "KT-2010-Q1": [1, 1, 120, 120, 120, 120] };
    for (const r of s.rows.slice(5)) figures[r[3] as string]!.forEach((v, k) => (r[4 + k] = v));
    return s;
  };
  it("has a 'Quyển sổ' column and the columns after it shift, formulas too", () => {
    const s = filled();
    expect(s.rows[4]!.slice(0, 6)).toEqual(["STT", "Loại sổ", "Giai đoạn", "Quyển sổ", "Tổng số sổ", "Số sổ đã số hóa"]);
    expect(s.layout).toMatchObject({ percentColumn: 10, inputColumns: [4, 5, 6, 7, 8, 9], columns: 13 });
    expect(s.formulas["K6"]).toBe('=IF(G6>0,ROUND(H6/G6*100,1),"")');
  });
  it("sums the books of a kind and phase into one row", () => {
    const r = validateGrid({ sheets: [filled()] }, ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.registerKind, x.phase, x.counts.booksTotal, x.counts.entriesTotal, x.counts.entriesDigitized, x.sourceRows ?? [x.row], x.book])).toEqual([
      ["BIRTH", "P1", 2, 750, 500, [6, 7], null],
      ["BIRTH", "P2", 1, 500, 0, [8], "KS-1998-Q1"],
      ["DEATH", "P1", 1, 120, 120, [9], "KT-2010-Q1"],
    ]);
  });
  it("the same book twice is a duplicate; the decrease rule sees the summed figures", () => {
    const s = filled();
    s.rows[6]![3] = "KS-2006-Q1";
    expect(validateGrid({ sheets: [s] }, ctx).issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["DUPLICATE_ROW@B7"]);
    const prev = new Map([["20491|BIRTH|P1", { booksTotal: 2, booksDigitized: 1, entriesTotal: 750, entriesDigitized: 450, entriesChecked: 0, entriesLoaded: 0 }]]);
    expect(validateGrid({ sheets: [filled()] }, { ...ctx, previous: prev }).issues).toEqual([]); // 500 ≥ 450 in sum, though each book is lower
  });
});
