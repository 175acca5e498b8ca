/**
 * The corpus of the issue "Read the sheets officials actually send": workbooks laid out the way Quảng Nam's
 * offices send them (titles and date lines above the table, column numbers, sections, totals, signatures
 * under it), written with exceljs over the real units of the registry the repository ships, with made-up
 * figures. Each case says what it imitates, who submits it for which unit, and what Sohoa must make of it; the
 * expectation is computed from the same figures the cells are written from (never typed by hand), so it stays
 * right when the figures change.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { AGENCY, FIELDS, KINDS, counts, communeCounts, district, kindCounts, rng, sum, type Counts, type KindRef, type PhaseCode, type RegDistrict, type RegUnit, type Rng, ward } from "./units";
import { type AssertedRole, type Cell, SheetWriter, col, countCell, f, fErr, sumOf } from "./sheet-writer";

// ── The contract ─────────────────────────────────────────────────────────────────────────────

export type DateSource = "column" | "label" | "subtitle" | "title" | "date-line" | "request";

export interface AcceptedExpect {
  status: "accepted";
  reportDate: string;
  /** unit/kind rows counted (data rows of the table sheets; a summary sheet adds none) */
  dataRows: number;
  entriesTotal: number;
  entriesDigitized: number;
  /** per sheet, counts of the row roles that are not open to argument (see ASSERTED_ROLES) */
  tally?: Record<string, Partial<Record<AssertedRole, number>>>;
  /** "Sheet!A6": where the report date was read */
  dateCell?: string;
  dateSource?: DateSource;
  /** per sheet: "table" (counted), "summary" (checked, not counted), "none" */
  sheetKinds?: Record<string, "table" | "summary" | "none">;
  /** warning codes that are expected (none other may appear) */
  warnings?: string[];
}

export interface ExpectedIssue { code: string; cell: string | null; sheet?: string }
export interface RefusedExpect {
  status: "refused";
  /** the exact set of error issues */
  issues: ExpectedIssue[];
}

export type DemoUser = "quangnam" | "donggiang" | "zahung";

export interface CorpusCase {
  id: string;
  /** what it imitates */
  title: string;
  /** the patterns of the issue it covers (numbers of the issue's list) */
  patterns: number[];
  build(): Promise<Buffer>;
  submitAs: DemoUser;
  unitCode: "49" | "505" | "20491";
  /** the report date the request gives (the sheet has none) */
  reportDate?: string;
  expect: AcceptedExpect | RefusedExpect;
}

// ── Shared pieces of the documents ──────────────────────────────────────────────────────────

const AS_OF = "2025-02-25";
const AS_OF_DATE = new Date(Date.UTC(2025, 1, 25));
const MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];
const PCT = "0.0%";

const upper = (s: string) => s.toLocaleUpperCase("vi");
const strip = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
const roman = (n: number) => ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1]!;
const pctText = (c: Counts) => (c.entriesTotal === 0 ? "" : ((c.entriesDigitized / c.entriesTotal) * 100).toFixed(1).replace(".", ","));

interface Frame {
  /** issuing agency, top left (upper case) */
  agency: string[];
  motto?: boolean;
  number?: string;
  /** place-and-date line, top right (the signing date) */
  placeDate?: string;
  title: string[];
  subtitle?: string;
  kinhGui?: string;
}

/** The document frame above the table; returns the row of the subtitle (or of the last title line). */
function frame(s: SheetWriter, fr: Frame, width: number): { titleRow: number; subtitleRow: number | null } {
  const left = [...fr.agency];
  const right = fr.motto ? [...MOTTO] : [];
  if (fr.number) {
    while (left.length < 2 && fr.motto) left.push("");
    left.push(fr.number);
  }
  if (fr.placeDate) {
    while (right.length < left.length - 1) right.push("");
    right.push(fr.placeDate);
  }
  const split = Math.min(4, Math.max(2, Math.floor(width / 2) - 1));
  const lines = Math.max(left.length, right.length);
  for (let i = 0; i < lines; i++) {
    const vals: (Cell | undefined)[] = [];
    vals[0] = left[i] || undefined;
    vals[split + 1] = right[i] || undefined;
    const r = s.row("title", vals, { bold: i < 2, italic: right[i] === fr.placeDate && !!fr.placeDate, align: "center" });
    if (left[i]) s.merge(`A${r}:${col(split)}${r}`);
    if (right[i]) s.merge(`${col(split + 2)}${r}:${col(width)}${r}`);
  }
  s.blank();
  let titleRow = 0;
  for (const t of fr.title) {
    titleRow = s.row("title", [t], { bold: true, size: 14, align: "center" });
    s.merge(`A${titleRow}:${col(width)}${titleRow}`);
  }
  let subtitleRow: number | null = null;
  if (fr.subtitle) {
    subtitleRow = s.row("title", [fr.subtitle], { italic: true, align: "center" });
    s.merge(`A${subtitleRow}:${col(width)}${subtitleRow}`);
  }
  if (fr.kinhGui) {
    const r = s.row("title", [fr.kinhGui], { align: "center" });
    s.merge(`A${r}:${col(width)}${r}`);
  }
  s.blank();
  return { titleRow, subtitleRow };
}

function notes(s: SheetWriter, lines: string[], width: number): void {
  for (const l of lines) {
    const r = s.row("note", [l], { italic: /:$/.test(l), bold: /:$/.test(l) });
    s.merge(`A${r}:${col(width)}${r}`);
  }
}

/** The signature block: the preparer on the left, the signer on the right; "(Đã ký)" where they sign. */
function signature(s: SheetWriter, leftLines: string[], rightLines: string[], width: number): void {
  const split = Math.min(4, Math.max(2, Math.floor(width / 2) - 1));
  for (let i = 0; i < Math.max(leftLines.length, rightLines.length); i++) {
    const vals: (Cell | undefined)[] = [];
    vals[0] = leftLines[i] || undefined;
    vals[split + 1] = rightLines[i] || undefined;
    const r = s.row("signature", vals, { bold: i !== 2, italic: i === 2, align: "center" });
    if (leftLines[i]) s.merge(`A${r}:${col(split)}${r}`);
    if (rightLines[i]) s.merge(`${col(split + 2)}${r}:${col(width)}${r}`);
  }
}

// ── The unit table (province and district reports) ─────────────────────────────────────────

/** Columns of the unit table: A STT, B unit, C–H the six counts, I rate, J note. */
const U = { stt: 1, label: 2, first: 3, pct: 9, note: 10 } as const;
const fieldCol = (i: number) => col(U.first + i);
const E = fieldCol(2); // entriesTotal
const F = fieldCol(3); // entriesDigitized

interface HeaderLabels { stt: string; unit: string; books: string; entries: string; fields: string[]; pct: string; note: string }
const HEADER_VI: HeaderLabels = {
  stt: "STT", unit: "Đơn vị", books: "Sổ hộ tịch (quyển)", entries: "Dữ liệu hộ tịch (trường hợp)",
  fields: ["Tổng số", "Đã số hóa", "Tổng số", "Đã số hóa", "Đã kiểm tra", "Đã đưa vào CSDL"], pct: "Tỷ lệ (%)", note: "Ghi chú",
};

/** Two header rows with merged groups, then (optionally) the row of column numbers. */
function unitHeader(s: SheetWriter, h: HeaderLabels, opts: { pct: boolean; note: boolean; numbering: boolean }): number {
  const width = opts.pct ? (opts.note ? 10 : 9) : opts.note ? 9 : 8;
  const pctCol = opts.pct ? U.pct : null;
  const noteCol = opts.note ? (opts.pct ? U.note : U.pct) : null;
  const top: (Cell | undefined)[] = [h.stt, h.unit, h.books, undefined, h.entries];
  if (pctCol) top[pctCol - 1] = h.pct;
  if (noteCol) top[noteCol - 1] = h.note;
  const r1 = s.row("header", top, { bold: true, align: "center" });
  const r2 = s.row("header", [undefined, undefined, ...h.fields], { bold: true, align: "center" });
  s.merge(`A${r1}:A${r2}`);
  s.merge(`B${r1}:B${r2}`);
  s.merge(`C${r1}:D${r1}`);
  s.merge(`E${r1}:H${r1}`);
  if (pctCol) s.merge(`${col(pctCol)}${r1}:${col(pctCol)}${r2}`);
  if (noteCol) s.merge(`${col(noteCol)}${r1}:${col(noteCol)}${r2}`);
  if (opts.numbering) {
    const nums: Cell[] = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"];
    if (pctCol) nums.push("(9)=(6)/(5)");
    if (noteCol) nums.push(`(${nums.length + 1})`);
    s.row("numbering", nums, { italic: true, align: "center" });
  }
  s.border(r1, 1, s.r, width);
  return width;
}

type PctMode = "formula" | "fraction" | "text" | "textPct" | "none";
type CountMode = "number" | "dash" | "dots";

/** The rate cell of row r for counts c, as the office wrote it. */
function pctCell(r: number, c: Counts, mode: PctMode): Cell | undefined {
  const frac = c.entriesTotal === 0 ? 0 : c.entriesDigitized / c.entriesTotal;
  switch (mode) {
    case "formula":
      return c.entriesTotal === 0 ? fErr(`${F}${r}/${E}${r}`, "#DIV/0!") : f(`${F}${r}/${E}${r}`, frac);
    case "fraction":
      return frac;
    case "text":
      return pctText(c);
    case "textPct":
      return `${pctText(c)}%`;
    case "none":
      return undefined;
  }
}

interface RowOpts { pct: PctMode; count?: CountMode; note?: string; noteCol?: number; bold?: boolean }

function dataRow(s: SheetWriter, stt: Cell | undefined, label: string, c: Counts, o: RowOpts, role: "data" | "group" = "data"): number {
  const r = s.r + 1;
  const vals: (Cell | undefined)[] = [stt, label, ...FIELDS.map((k) => countCell(c[k], o.count ?? "number"))];
  vals[U.pct - 1] = pctCell(r, c, o.pct);
  if (o.note) vals[(o.noteCol ?? U.note) - 1] = o.note;
  return s.row(role, vals, { bold: o.bold, numFmt: { [U.pct]: PCT } });
}

/** A subtotal/total/group row: each count the formula over `rows`, with the sum of `c` as its result. */
function sumRow(s: SheetWriter, role: "group" | "subtotal" | "total", stt: Cell | undefined, label: string, rows: number[], c: Counts, pct: PctMode, at?: number): number {
  const r = at ?? s.r + 1;
  const vals: (Cell | undefined)[] = [stt, label || undefined, ...FIELDS.map((k, i) => f(sumOf(fieldCol(i), rows), c[k]))];
  vals[U.pct - 1] = pct === "none" ? undefined : pctCell(r, c, pct === "formula" ? "formula" : pct);
  const style = { bold: true, numFmt: { [U.pct]: PCT } };
  if (at !== undefined) {
    s.set(at, vals, style);
    return at;
  }
  return s.row(role, vals, style);
}

// ── Made-up figures over the real units ────────────────────────────────────────────────────

const NOT_STARTED = new Set(["20491", "20473"]); // Za Hung, Sông Kôn (Đông Giang): 0% in February 2025

interface UnitFigures { unit: RegUnit; counts: Counts }
interface DistrictFigures { district: RegDistrict; communes: UnitFigures[] }

function districtFigures(r: Rng, code: string): DistrictFigures {
  const d = district(code);
  return { district: d, communes: d.wards.map((w) => ({ unit: w, counts: communeCounts(r, NOT_STARTED.has(w.code)) })) };
}

function provinceFigures(seed: number): { agency: Counts; districts: DistrictFigures[] } {
  const r = rng(seed);
  return { agency: counts(r, 9_840, 1), districts: ["505", "504", "514"].map((c) => districtFigures(r, c)) };
}

const SIGN_PROVINCE: [string[], string[]] = [
  ["NGƯỜI LẬP BIỂU", "", "(Đã ký)", "Lê Thị Thu"],
  ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Trần Văn Bình"],
];
const SIGN_DISTRICT: [string[], string[]] = [
  ["NGƯỜI LẬP BIỂU", "", "(Đã ký)", "Bríu Thị Hoa"],
  ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "(Đã ký)", "A Lăng Văn Tâm"],
];
const SIGN_COMMUNE: [string[], string[]] = [
  ["NGƯỜI LẬP BIỂU", "", "(Đã ký)", "Cơ Lâu Thị Nga"],
  ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Bhling Văn Mai"],
];

interface Built {
  wb: ExcelJS.Workbook;
  /** the table sheets (counted), with what each was written as */
  tables: { s: SheetWriter; rows: Counts[] }[];
  summaries: SheetWriter[];
  dateCell?: string;
  /** written through the streaming writer (inline strings), see resave() */
  resave?: boolean;
}

function workbook(creator: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = new Date(Date.UTC(2025, 1, 25, 10, 0));
  wb.modified = new Date(Date.UTC(2025, 1, 26, 1, 30));
  return wb;
}

// ── (1) (2) (12) (13a) The province's 17:00 report ─────────────────────────────────────────

interface ProvinceOpts {
  totalFirst?: boolean;
  resaved?: boolean;
  /** planted errors: digitized > total on one commune; a district row with yesterday's figures */
  plant?: { overCommune: string; staleDistrict: string };
}

interface ProvincePlanted { over: { row: number }; stale: { row: number; fields: number[] } }

function provinceReport(o: ProvinceOpts): Built & { planted?: ProvincePlanted } {
  const fig = provinceFigures(20250225);
  const wb = workbook("Sở Tư pháp tỉnh Quảng Nam");
  const s = new SheetWriter(wb, "Báo cáo ngày");
  if (o.resaved) s.font = "Arial";
  const pct: PctMode = o.plant ? "none" : "formula";
  const width = o.plant ? 9 : 10;
  const { subtitleRow } = frame(s, {
    agency: ["UBND TỈNH QUẢNG NAM", "SỞ TƯ PHÁP"], motto: true, number: "Số: 45/BC-STP", placeDate: "Quảng Nam, ngày 26 tháng 02 năm 2025",
    title: ["BÁO CÁO", "TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH TRÊN ĐỊA BÀN TỈNH QUẢNG NAM"], subtitle: "(Số liệu tính đến 17 giờ 00 ngày 25/02/2025)",
    kinhGui: "Kính gửi: Ủy ban nhân dân tỉnh Quảng Nam",
  }, width);
  unitHeader(s, HEADER_VI, { pct: !o.plant, note: true, numbering: true });
  const noteCol = o.plant ? U.pct : U.note;
  const rows: Counts[] = [];
  const dataRows: number[] = [];
  const groupRows: number[] = [];
  let planted: ProvincePlanted | undefined;

  const totalAt = o.totalFirst ? s.row("total", []) : undefined;
  if (totalAt) s.merge(`A${totalAt}:B${totalAt}`);
  // I. The Department of Justice: its own books, counted in the province total.
  dataRows.push(dataRow(s, "I", AGENCY.label, fig.agency, { pct, noteCol, note: "Đã hoàn thành" }));
  rows.push(fig.agency);
  fig.districts.forEach((d, di) => {
    const groupAt = s.row("group", []);
    groupRows.push(groupAt);
    const members: number[] = [];
    const memberCounts: Counts[] = [];
    d.communes.forEach((c, ci) => {
      let cc = c.counts;
      if (o.plant?.overCommune === c.unit.code) cc = { ...cc, entriesDigitized: cc.entriesTotal + 25 };
      const r = dataRow(s, ci + 1, c.unit.fullName, cc, { pct, noteCol, note: NOT_STARTED.has(c.unit.code) ? "Chưa triển khai" : undefined });
      if (o.plant?.overCommune === c.unit.code) planted = { ...(planted ?? { stale: { row: 0, fields: [] } }), over: { row: r } };
      members.push(r);
      memberCounts.push(cc);
      dataRows.push(r);
      rows.push(cc);
    });
    const sub = sum(memberCounts);
    if (o.plant?.staleDistrict === d.district.code) {
      // Yesterday's figures typed over the formula: digitized and checked lower than the communes add up to.
      const stale = { ...sub, entriesDigitized: sub.entriesDigitized - 137, entriesChecked: sub.entriesChecked - 120 };
      s.set(groupAt, [roman(di + 2), upper(d.district.fullName), ...FIELDS.map((k) => stale[k])], { bold: true });
      planted = { ...(planted ?? { over: { row: 0 } }), stale: { row: groupAt, fields: FIELDS.map((k, i) => (stale[k] !== sub[k] ? i : -1)).filter((i) => i >= 0) } };
    } else {
      sumRow(s, "group", roman(di + 2), upper(d.district.fullName), members, sub, pct, groupAt);
    }
  });
  const all = sum(rows);
  // The total: of the agency and the district rows (a formula), or, in the planted workbook, of the unit rows.
  const totalRows = o.plant ? dataRows : [dataRows[0]!, ...groupRows];
  if (totalAt) sumRow(s, "total", "Tổng cộng", "", totalRows, all, pct, totalAt);
  else {
    const r = sumRow(s, "total", "Tổng cộng", "", totalRows, all, pct);
    s.merge(`A${r}:B${r}`);
  }
  s.border(s.r - rows.length - groupRows.length, 1, s.r, width);
  s.blank();
  notes(s, [
    "Ghi chú:",
    "- Xã Za Hung, xã Sông Kôn (huyện Đông Giang) chưa triển khai do chưa bố trí được nhân lực và máy móc.",
    "- Số liệu của Sở Tư pháp là số liệu sổ hộ tịch lưu tại Sở.",
    "Nơi nhận:",
    "- UBND tỉnh (b/c);",
    "- Bộ Tư pháp (b/c);",
    "- Lưu: VT, HCTP.",
  ], width);
  s.blank();
  signature(s, ...SIGN_PROVINCE, width);

  if (o.resaved) {
    s.widths([5, 34, 9, 9, 12, 12, 12, 14, 8, 18]);
    s.ws.getRow(subtitleRow! + 3).height = 42;
    s.ws.views = [{ state: "frozen", ySplit: subtitleRow! + 5 }];
    s.ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true };
  } else {
    s.widths([6, 28, 10, 10, 11, 11, 11, 13, 9, 16]);
  }
  return { wb, tables: [{ s, rows }], summaries: [], dateCell: `${s.name}!A${subtitleRow}`, planted, resave: o.resaved };
}

// ── (3) (13b) A district's sheet ───────────────────────────────────────────────────────────

function districtFrame(title: string[], subtitle?: string): Frame {
  return {
    agency: ["UBND HUYỆN ĐÔNG GIANG", "PHÒNG TƯ PHÁP"], motto: true, number: "Số: 12/BC-PTP", placeDate: "Đông Giang, ngày 26 tháng 02 năm 2025",
    title, subtitle, kinhGui: "Kính gửi: Sở Tư pháp tỉnh Quảng Nam",
  };
}

function districtReport(o: { typo?: { code: string; as: string } } = {}): Built & { typoCell?: string } {
  const r = rng(505);
  const d = districtFigures(r, "505");
  const wb = workbook("Phòng Tư pháp huyện Đông Giang");
  const s = new SheetWriter(wb, "Sheet1");
  const { subtitleRow } = frame(s, districtFrame(["BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH TRÊN ĐỊA BÀN HUYỆN ĐÔNG GIANG"], "(Số liệu tính đến 17 giờ 00 ngày 25/02/2025)"), 10);
  unitHeader(s, { ...HEADER_VI, unit: "Xã, thị trấn" }, { pct: true, note: true, numbering: true });
  const rows: Counts[] = [];
  const members: number[] = [];
  let typoCell: string | undefined;
  d.communes.forEach((c, i) => {
    const label = o.typo?.code === c.unit.code ? o.typo.as : c.unit.fullName;
    const row = dataRow(s, i + 1, label, c.counts, { pct: "formula", note: NOT_STARTED.has(c.unit.code) ? "Chưa triển khai" : undefined });
    if (o.typo?.code === c.unit.code) typoCell = `B${row}`;
    else rows.push(c.counts); // a row whose unit is not found is not counted
    members.push(row);
  });
  if (!o.typo) {
    // (A total over a row whose unit is unknown is left out of the typo workbook: one mistake, one issue.)
    const t = sumRow(s, "subtotal", "Cộng toàn huyện", "", members, sum(rows), "formula");
    s.merge(`A${t}:B${t}`);
  }
  s.blank();
  notes(s, ["Ghi chú:", "- Xã Za Hung, xã Sông Kôn chưa triển khai do công chức Tư pháp - Hộ tịch nghỉ ốm, chưa có người thay."], 10);
  s.blank();
  signature(s, ...SIGN_DISTRICT, 10);
  s.widths([6, 26, 10, 10, 11, 11, 11, 13, 9, 18]);
  return { wb, tables: [{ s, rows }], summaries: [], dateCell: `${s.name}!A${subtitleRow}`, typoCell };
}

// ── (4) (5) (6) (7) (14) A commune's sheet, by register kind × phase ───────────────────────

interface CommuneSheet { s: SheetWriter; rows: Counts[]; total: Counts; totalRow: number; fieldCols: string[]; dateCell?: string }

const PHASE_TITLES: Record<PhaseCode, { section: string; merged: string; flat: string; sub: string }> = {
  P1: { section: "Giai đoạn 1 (2006 - 2018)", merged: "GĐ1 (2006 - 2018)", flat: "Giai đoạn 1", sub: "Cộng giai đoạn 1" },
  P2: { section: "Giai đoạn 2 (2005 trở về trước)", merged: "GĐ2 (2005 trở về trước)", flat: "Giai đoạn 2", sub: "Cộng giai đoạn 2" },
};
/** Register kinds in the order an office lists them, with the label it types (index into KindRef.labels). */
type KindList = { kind: KindRef; label: string }[];
const byCode = (code: string) => KINDS.find((k) => k.code === code)!;
const ORDER_P1: KindList = KINDS.map((k) => ({ kind: k, label: k.labels[0]! }));
const ORDER_P2: KindList = ["MARRIAGE", "BIRTH", "DEATH", "CHANGE_CORRECTION", "PARENT_CHILD", "OTHER", "GUARDIANSHIP"].map((c) => ({ kind: byCode(c), label: byCode(c).labels[0]! }));
const ORDER_ALT: KindList = ["BIRTH", "MARRIAGE", "DEATH", "PARENT_CHILD", "CHANGE_CORRECTION", "GUARDIANSHIP", "OTHER"].map((c) => ({ kind: byCode(c), label: byCode(c).labels[1]! }));

const communeTitle = (u: RegUnit) => `UBND ${upper(u.fullName)}`;

/** (4) Section rows "I | Giai đoạn 1 (2006 - 2018)" set the phase; "Cộng giai đoạn …"; "Tổng cộng (I + II)". */
function communeSections(wb: ExcelJS.Workbook, sheetName: string, u: RegUnit, data: Record<PhaseCode, Map<string, Counts>>, orders: [KindList, KindList], withFrame = true): CommuneSheet {
  const s = new SheetWriter(wb, sheetName);
  let dateCell: string | undefined;
  if (withFrame) {
    const { subtitleRow } = frame(s, {
      agency: [communeTitle(u)], motto: true, number: "Số: 08/BC-UBND", placeDate: `${u.name}, ngày 26 tháng 02 năm 2025`,
      title: ["BÁO CÁO KẾT QUẢ SỐ HÓA SỔ HỘ TỊCH"], subtitle: "(Số liệu tính đến ngày 25/02/2025)",
    }, 10);
    dateCell = `${sheetName}!A${subtitleRow}`;
  }
  unitHeader(s, { ...HEADER_VI, unit: "Loại sổ hộ tịch" }, { pct: true, note: true, numbering: true });
  const rows: Counts[] = [];
  const subRows: number[] = [];
  const subs: Counts[] = [];
  (["P1", "P2"] as const).forEach((phase, pi) => {
    const sec = s.row("section", [roman(pi + 1), PHASE_TITLES[phase].section], { bold: true });
    s.merge(`B${sec}:J${sec}`);
    const members: number[] = [];
    const list: Counts[] = [];
    orders[pi]!.forEach(({ kind, label }, i) => {
      const c = data[phase].get(kind.code)!;
      members.push(dataRow(s, i + 1, label, c, { pct: "formula" }));
      list.push(c);
    });
    rows.push(...list);
    const sub = sum(list);
    subs.push(sub);
    subRows.push(sumRow(s, "subtotal", undefined, PHASE_TITLES[phase].sub, members, sub, "formula"));
  });
  const total = sum(subs);
  const t = s.r + 1;
  s.row("total", [undefined, "Tổng cộng (I + II)", ...FIELDS.map((k, i) => f(`${fieldCol(i)}${subRows[0]}+${fieldCol(i)}${subRows[1]}`, total[k])), pctCell(t, total, "formula")], { bold: true, numFmt: { [U.pct]: PCT } });
  s.border(t - rows.length - 5, 1, t, 10);
  s.widths([6, 34, 10, 10, 11, 11, 11, 13, 9, 14]);
  return { s, rows, total, totalRow: t, fieldCols: FIELDS.map((_, i) => fieldCol(i)), dateCell };
}

/** (5) The phase in a vertically merged first column: "GĐ1 (2006 - 2018)" in the first row of its block only. */
function communeMergedPhase(wb: ExcelJS.Workbook, sheetName: string, u: RegUnit, data: Record<PhaseCode, Map<string, Counts>>, orders: [KindList, KindList]): CommuneSheet {
  const s = new SheetWriter(wb, sheetName);
  const a1 = s.row("title", [communeTitle(u)], { bold: true });
  s.merge(`A${a1}:C${a1}`);
  const t1 = s.row("title", [`TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH ${upper(u.fullName)}`], { bold: true, size: 14, align: "center" });
  s.merge(`A${t1}:I${t1}`);
  const d = s.row("title", ["Ngày báo cáo:", undefined, AS_OF_DATE], { italic: true, numFmt: { 3: "dd/mm/yyyy" } });
  s.merge(`A${d}:B${d}`);
  s.blank();
  const h = s.row("header", ["Giai đoạn", "Loại sổ", "Tổng số sổ", "Số sổ đã số hóa", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa", "Số dữ liệu đã kiểm tra", "Số dữ liệu đã đưa vào CSDL", "Tỷ lệ (%)"], { bold: true, align: "center" });
  const rows: Counts[] = [];
  const members: number[] = [];
  (["P1", "P2"] as const).forEach((phase, pi) => {
    const first = s.r + 1;
    orders[pi]!.forEach(({ kind, label }, i) => {
      const c = data[phase].get(kind.code)!;
      const r = s.r + 1;
      // columns shift by one: A phase, B kind, C–H counts, I rate (=F/E)
      const frac = c.entriesTotal === 0 ? null : c.entriesDigitized / c.entriesTotal;
      s.row("data", [i === 0 ? PHASE_TITLES[phase].merged : undefined, label, ...FIELDS.map((k) => c[k]), frac === null ? fErr(`F${r}/E${r}`, "#DIV/0!") : f(`F${r}/E${r}`, frac)], { numFmt: { 9: PCT } });
      members.push(r);
      rows.push(c);
    });
    s.merge(`A${first}:A${s.r}`);
    s.ws.getCell(`A${first}`).alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  const total = sum(rows);
  const t = s.r + 1;
  s.row("total", ["Tổng cộng", undefined, ...FIELDS.map((k, i) => f(sumOf(col(3 + i), members), total[k])), f(`F${t}/E${t}`, total.entriesDigitized / total.entriesTotal)], { bold: true, numFmt: { 9: PCT } });
  s.merge(`A${t}:B${t}`);
  s.border(h, 1, t, 9);
  s.widths([14, 30, 10, 10, 12, 12, 12, 14, 9]);
  return { s, rows, total, totalRow: t, fieldCols: FIELDS.map((_, i) => col(3 + i)), dateCell: `${sheetName}!C${d}` };
}

/** A flat list: kind and phase columns side by side ("Giai đoạn 1"), "Ngày báo cáo: 25/02/2025" as text. */
function communeFlat(wb: ExcelJS.Workbook, sheetName: string, u: RegUnit, data: Record<PhaseCode, Map<string, Counts>>, kinds: KindList, o: { date?: boolean; frame?: boolean } = {}): CommuneSheet {
  const s = new SheetWriter(wb, sheetName);
  let dateCell: string | undefined;
  if (o.frame) {
    // A frame with the place-and-date line left to fill in by hand: no date anywhere.
    frame(s, { agency: [communeTitle(u)], motto: true, number: "Số:      /BC-UBND", placeDate: `${u.name}, ngày      tháng      năm 2025`, title: ["BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH"] }, 10);
  } else {
    s.row("title", [communeTitle(u)], { bold: true });
    s.blank();
    const t = s.row("title", ["BÁO CÁO SỐ LIỆU SỐ HÓA SỔ HỘ TỊCH"], { bold: true, size: 14 });
    s.merge(`A${t}:J${t}`);
  }
  if (o.date !== false) {
    const d = s.row("title", ["Ngày báo cáo: 25/02/2025"], { italic: true });
    dateCell = `${sheetName}!A${d}`;
  }
  s.blank();
  const h = s.row("header", ["STT", "Loại sổ", "Giai đoạn", "Tổng số sổ", "Sổ đã số hóa", "Tổng số dữ liệu", "Dữ liệu đã số hóa", "Dữ liệu đã kiểm tra", "Dữ liệu đã đưa vào CSDL", "Ghi chú"], { bold: true, align: "center" });
  const rows: Counts[] = [];
  const members: number[] = [];
  let n = 0;
  for (const { kind, label } of kinds) {
    for (const phase of ["P1", "P2"] as const) {
      const c = data[phase].get(kind.code)!;
      members.push(s.row("data", [++n, label, PHASE_TITLES[phase].flat, ...FIELDS.map((k) => c[k])]));
      rows.push(c);
    }
  }
  const total = sum(rows);
  const t = s.row("subtotal", [undefined, "Cộng", undefined, ...FIELDS.map((k, i) => f(sumOf(col(4 + i), members), total[k]))], { bold: true });
  s.border(h, 1, t, 10);
  s.widths([6, 30, 12, 10, 10, 12, 12, 12, 14, 14]);
  return { s, rows, total, totalRow: t, fieldCols: FIELDS.map((_, i) => col(4 + i)), dateCell };
}

function zaHungFigures(seed: number) {
  return kindCounts(rng(seed), KINDS, true);
}

// ── (6) (7) A district workbook with one sheet per commune ─────────────────────────────────

function districtPerCommune(withSummary: boolean): Built {
  const d = district("505");
  const wb = workbook("Phòng Tư pháp huyện Đông Giang");
  const r = rng(50505);
  const summary = withSummary ? new SheetWriter(wb, "Tổng hợp") : null;
  const sheets: CommuneSheet[] = d.wards.map((w, i) => {
    const data = kindCounts(r, KINDS, !NOT_STARTED.has(w.code));
    if (i % 3 === 0) return communeSections(wb, w.name, w, data, i % 2 ? [ORDER_ALT, ORDER_P2] : [ORDER_P1, ORDER_ALT]);
    if (i % 3 === 1) return communeMergedPhase(wb, w.name, w, data, [ORDER_P2, ORDER_P1]);
    return communeFlat(wb, w.name, w, data, ORDER_ALT.filter((k) => k.kind.code !== "GUARDIANSHIP"));
  });
  if (summary) {
    // The summary first: its cells point at the other sheets' total rows.
    frame(summary, districtFrame(["TỔNG HỢP TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH CÁC XÃ, THỊ TRẤN"], "(Số liệu tính đến 17 giờ 00 ngày 25/02/2025)"), 10);
    unitHeader(summary, { ...HEADER_VI, unit: "Xã, thị trấn" }, { pct: true, note: false, numbering: true });
    const members: number[] = [];
    sheets.forEach((cs, i) => {
      const row = summary.r + 1;
      const ref = (k: number) => `'${cs.s.name}'!${cs.fieldCols[k]}${cs.totalRow}`;
      const tot = cs.total;
      members.push(summary.row("data", [i + 1, d.wards[i]!.fullName, ...FIELDS.map((key, k) => f(ref(k), tot[key])), pctCell(row, tot, "formula")], { numFmt: { [U.pct]: PCT } }));
    });
    const t = sumRow(summary, "subtotal", "Cộng toàn huyện", "", members, sum(sheets.map((x) => x.total)), "formula");
    summary.merge(`A${t}:B${t}`);
    summary.blank();
    signature(summary, ...SIGN_DISTRICT, 9);
    summary.widths([6, 26, 10, 10, 11, 11, 11, 13, 9]);
  }
  return { wb, tables: sheets.map((x) => ({ s: x.s, rows: x.rows })), summaries: summary ? [summary] : [] };
}

// ── (8) A monthly table, Khánh Hòa style ──────────────────────────────────────────────────

function monthly(): Built {
  const d = district("505");
  const r = rng(202501);
  const wb = workbook("Phòng Tư pháp huyện Đông Giang");
  const s = new SheetWriter(wb, "T01-2025");
  const { titleRow } = frame(s, {
    agency: ["UBND HUYỆN ĐÔNG GIANG", "PHÒNG TƯ PHÁP"], motto: true, placeDate: "Đông Giang, ngày 10 tháng 02 năm 2025",
    title: ["BẢNG TỔNG HỢP KẾT QUẢ SỐ HÓA SỔ HỘ TỊCH THÁNG 01 NĂM 2025"],
    subtitle: "(Kèm theo Báo cáo số 25/BC-PTP ngày 10/02/2025 của Phòng Tư pháp huyện Đông Giang)",
  }, 10);
  const h1 = s.row("header", ["STT", "Đơn vị", "Chỉ tiêu tháng 01/2025 (trường hợp)", "Kết quả số hóa trong tháng (trường hợp)", undefined, "Tỷ lệ so với chỉ tiêu (%)", "Tăng, giảm so với tháng trước (%)", "Lũy kế số hóa đến 31/01/2025", "Tổng số dữ liệu cần số hóa", "Tỷ lệ hoàn thành (%)"], { bold: true, align: "center" });
  const h2 = s.row("header", [undefined, undefined, undefined, "Tháng 12/2024", "Tháng 01/2025"], { bold: true, align: "center" });
  for (const c of ["A", "B", "C", "F", "G", "H", "I", "J"]) s.merge(`${c}${h1}:${c}${h2}`);
  s.merge(`D${h1}:E${h1}`);
  s.row("numbering", ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(3)", "(7)=((5)-(4))/(4)", "(8)", "(9)", "(10)=(8)/(9)"], { italic: true, align: "center" });
  const rows: Counts[] = [];
  const members: number[] = [];
  const month = { target: 0, last: 0, cur: 0 };
  d.wards.forEach((w, i) => {
    const total = r.int(2_000, 12_000);
    const zero = NOT_STARTED.has(w.code);
    const cum = zero ? 0 : Math.round(total * r.between(0.1, 0.7));
    const cur = zero ? 0 : Math.round(cum * r.between(0.15, 0.35));
    const last = zero ? 0 : Math.round(cur * r.between(0.3, 0.9));
    const target = Math.round((total - (cum - cur)) * 0.35);
    const row = s.r + 1;
    members.push(s.row("data", [
      i + 1, w.fullName, target, last, cur,
      f(`E${row}/C${row}`, cur / target),
      last === 0 ? "-" : f(`(E${row}-D${row})/D${row}`, (cur - last) / last),
      cum, total, f(`H${row}/I${row}`, cum / total),
    ], { numFmt: { 6: PCT, 7: PCT, 10: PCT } }));
    month.target += target; month.last += last; month.cur += cur;
    rows.push({ booksTotal: 0, booksDigitized: 0, entriesTotal: total, entriesDigitized: cum, entriesChecked: 0, entriesLoaded: 0 });
  });
  const all = sum(rows);
  const t = s.r + 1;
  s.row("total", ["Tổng cộng", undefined, f(sumOf("C", members), month.target), f(sumOf("D", members), month.last), f(sumOf("E", members), month.cur),
    f(`E${t}/C${t}`, month.cur / month.target), f(`(E${t}-D${t})/D${t}`, (month.cur - month.last) / month.last),
    f(sumOf("H", members), all.entriesDigitized), f(sumOf("I", members), all.entriesTotal), f(`H${t}/I${t}`, all.entriesDigitized / all.entriesTotal)], { bold: true, numFmt: { 6: PCT, 7: PCT, 10: PCT } });
  s.merge(`A${t}:B${t}`);
  s.border(h1, 1, t, 10);
  s.blank();
  notes(s, ["Ghi chú:", "- Chỉ tiêu tháng giao theo Kế hoạch số 15/KH-UBND của UBND huyện.", "- Xã Za Hung, xã Sông Kôn chưa có kết quả."], 10);
  s.blank();
  signature(s, ...SIGN_DISTRICT, 10);
  s.widths([6, 24, 12, 11, 11, 11, 12, 12, 12, 11]);
  return { wb, tables: [{ s, rows }], summaries: [], dateCell: `${s.name}!A${titleRow}` };
}

// ── (9) Headers without diacritics, abbreviations ──────────────────────────────────────────

function noDiacritics(): Built {
  const r = rng(504);
  const d = districtFigures(r, "504");
  const wb = workbook("So Tu phap");
  const s = new SheetWriter(wb, "TH");
  s.font = "Arial";
  const t = s.row("title", ["BAO CAO TIEN DO SO HOA SO HO TICH"], { bold: true });
  s.merge(`A${t}:I${t}`);
  const dr = s.row("title", ["Ngay bao cao: 25/02/2025"]);
  s.blank();
  unitHeader(s, {
    stt: "TT", unit: "Ten don vi", books: "So ho tich", entries: "Du lieu ho tich",
    fields: ["TS", "Đã SH", "Tong so du lieu can so hoa", "Da so hoa", "Đã KT", "CSDL"], pct: "Ty le (%)", note: "",
  }, { pct: true, note: false, numbering: false });
  const g = s.row("group", []);
  const members = d.communes.map((c, i) => dataRow(s, i + 1, `Xa ${strip(c.unit.name)}`, c.counts, { pct: "fraction" }));
  const all = sum(d.communes.map((c) => c.counts));
  sumRow(s, "group", "I", strip(upper(d.district.fullName)), members, all, "fraction", g);
  const tr = sumRow(s, "total", "Tong cong", "", members, all, "fraction");
  s.merge(`A${tr}:B${tr}`);
  s.widths([5, 22, 8, 8, 14, 10, 10, 10, 8]);
  return { wb, tables: [{ s, rows: d.communes.map((c) => c.counts) }], summaries: [], dateCell: `${s.name}!A${dr}` };
}

// ── (10) Values as typed ───────────────────────────────────────────────────────────────────

/** How each unit's name is typed in (10): old tone marks, no prefix, abbreviations, no diacritics, decomposed. */
const TYPED_NAMES: Record<string, string> = {
  "20335": "P. Tân Thạnh",
  "20344": "Phường Hoà Hương", // registry: Hòa Hương (old tone placement typed)
  "20347": "An Xuân",
  "20350": "Phường An Sơn".normalize("NFD"),
  "20353": "Trường Xuân",
  "20356": "P. An Phú",
  "20362": "Tam Thăng",
  "20375": "Phường Hòa Thuận", // registry: Hoà Thuận (the other way round)
  "20467": "TT. P Rao",
  "20470": "Tà Lu",
  "20473": "Xã Sông Kôn".normalize("NFD"),
  "20479": "A Ting",
  "20491": "Xa Za Hung",
  "20494": "Mà Cooi",
};

function valuesAsTyped(): Built {
  const r = rng(1010);
  const tamKy = districtFigures(r, "502");
  const dongGiang = districtFigures(r, "505");
  // A new ward's line with nothing to digitize yet: 0 everywhere and #DIV/0! left in its rate cell.
  const zeroTotal = "20389";
  for (const c of tamKy.communes) if (c.unit.code === zeroTotal) c.counts = { ...c.counts, booksTotal: 0, booksDigitized: 0, entriesTotal: 0, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 };
  const wb = workbook("STP");
  const s = new SheetWriter(wb, "Tien do");
  const { subtitleRow } = frame(s, { agency: ["SỞ TƯ PHÁP TỈNH QUẢNG NAM"], title: ["TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH"], subtitle: "Tính đến ngày 25/02/2025" }, 10);
  unitHeader(s, HEADER_VI, { pct: true, note: true, numbering: false });
  const rows: Counts[] = [];
  const pctModes: PctMode[] = ["text", "fraction", "textPct", "formula"];
  const countModes: CountMode[] = ["dots", "number", "dash", "dots", "number"];
  let k = 0;
  [tamKy, dongGiang].forEach((d, di) => {
    // Group rows typed by hand (text with dots), not formulas.
    const sub = sum(d.communes.map((c) => c.counts));
    s.row("group", [roman(di + 1), upper(d.district.fullName), ...FIELDS.map((key) => countCell(sub[key], "dots")), pctText(sub)], { bold: true });
    d.communes.forEach((c, i) => {
      const label = TYPED_NAMES[c.unit.code] ?? c.unit.fullName;
      const zero = c.counts.entriesTotal === 0;
      // "-" where a unit has nothing yet (Za Hung, Sông Kôn: nothing digitized, checked or loaded)
      const count = zero ? "number" : c.counts.entriesDigitized === 0 ? "dash" : countModes[k % 5]!;
      dataRow(s, i + 1, label, c.counts, { pct: zero ? "formula" : pctModes[k % 4]!, count, note: zero ? "Phường mới, chưa có sổ" : undefined });
      k++;
      rows.push(c.counts);
    });
  });
  const all = sum(rows);
  const t = s.row("total", ["Tổng cộng", undefined, ...FIELDS.map((key) => countCell(all[key], "dots")), `${pctText(all)}%`], { bold: true });
  s.merge(`A${t}:B${t}`);
  s.widths([6, 28, 10, 10, 11, 11, 11, 13, 9, 20]);
  return { wb, tables: [{ s, rows }], summaries: [], dateCell: `${s.name}!A${subtitleRow}` };
}

// ── (11) Blank spacer rows, a title block only ────────────────────────────────────────────

function spacers(): Built {
  const d = districtFigures(rng(1111), "505");
  const wb = workbook("PTP Đông Giang");
  const s = new SheetWriter(wb, "Tiến độ");
  const t = s.row("title", ["BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH HUYỆN ĐÔNG GIANG"], { bold: true, size: 14 });
  s.merge(`A${t}:I${t}`);
  const dr = s.row("title", ["Ngày báo cáo:", AS_OF_DATE], { italic: true, numFmt: { 2: "dd/mm/yyyy" } });
  s.blank(2);
  s.row("header", ["STT", "Tên xã, thị trấn", "Tổng số sổ", "Số sổ đã số hóa", "Tổng số dữ liệu", "Số dữ liệu đã số hóa", "Số dữ liệu đã kiểm tra", "Số dữ liệu đã đưa vào CSDL", "Tỷ lệ (%)"], { bold: true });
  s.blank();
  const members: number[] = [];
  d.communes.forEach((c, i) => {
    if (i > 0 && i % 4 === 0) s.blank();
    members.push(dataRow(s, i + 1, c.unit.name, c.counts, { pct: "fraction" }));
  });
  s.blank();
  const all = sum(d.communes.map((c) => c.counts));
  sumRow(s, "subtotal", undefined, "Cộng", members, all, "formula");
  s.widths([5, 20, 10, 10, 12, 12, 12, 14, 9]);
  return { wb, tables: [{ s, rows: d.communes.map((c) => c.counts) }], summaries: [], dateCell: `${s.name}!B${dr}` };
}

// ── (15) A flat export ───────────────────────────────────────────────────────────────────

function flatExport(): Built {
  const r = rng(1515);
  const ds = ["506", "508"].map((c) => districtFigures(r, c));
  const wb = workbook("export");
  const s = new SheetWriter(wb, "export");
  s.font = "Calibri";
  s.row("header", ["Mã đơn vị", "Tên đơn vị", "Ngày báo cáo", "Tổng số sổ", "Số sổ đã số hóa", "Tổng số dữ liệu", "Số dữ liệu đã số hóa", "Số dữ liệu đã kiểm tra", "Số dữ liệu đã đưa vào CSDL"], { bold: true });
  const rows: Counts[] = [];
  for (const d of ds)
    for (const c of d.communes) {
      s.row("data", [c.unit.code, c.unit.fullName, AS_OF_DATE, ...FIELDS.map((k) => c.counts[k])], { numFmt: { 3: "dd/mm/yyyy" } });
      rows.push(c.counts);
    }
  s.widths([10, 26, 12, 10, 10, 12, 12, 12, 14]);
  return { wb, tables: [{ s, rows }], summaries: [] };
}

// ── The cases ────────────────────────────────────────────────────────────────────────────

async function toBuffer(b: Built): Promise<Buffer> {
  if (b.resave) return resave(b.wb);
  return Buffer.from(await b.wb.xlsx.writeBuffer());
}

/**
 * (12) The same content through exceljs's other writer (the streaming one), the way a re-save in another
 * program changes a file's internals and not its content: strings inline in the cells (no sharedStrings.xml),
 * styles renumbered, rows written one by one with their heights, merges listed after the rows.
 */
async function resave(src: ExcelJS.Workbook): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => stream.on("end", () => resolve()));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  wb.creator = "LibreOffice";
  wb.created = src.created;
  for (const ws of src.worksheets) {
    const out = wb.addWorksheet(ws.name, { views: ws.views, pageSetup: ws.pageSetup });
    out.columns = ws.columns.map((c) => ({ width: c.width }));
    for (const m of (ws.model as { merges?: string[] }).merges ?? []) out.mergeCells(m);
    for (let r = 1; r <= ws.rowCount; r++) {
      const from = ws.getRow(r);
      const to = out.getRow(r);
      if (from.height) to.height = from.height;
      from.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const t = to.getCell(c);
        t.value = cell.type === ExcelJS.ValueType.Formula ? ({ formula: cell.formula, result: cell.result } as ExcelJS.CellValue) : cell.value;
        t.style = cell.style;
      });
      to.commit();
    }
    out.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

function accepted(b: Built, extra: Partial<AcceptedExpect> = {}): AcceptedExpect {
  const all = sum(b.tables.flatMap((t) => t.rows));
  const tally: AcceptedExpect["tally"] = {};
  for (const t of b.tables) tally[t.s.name] = t.s.tally();
  const sheetKinds: Record<string, "table" | "summary"> = {};
  for (const t of b.tables) sheetKinds[t.s.name] = "table";
  for (const s of b.summaries) sheetKinds[s.name] = "summary";
  return {
    status: "accepted", reportDate: AS_OF, dataRows: b.tables.reduce((n, t) => n + t.s.count("data"), 0),
    entriesTotal: all.entriesTotal, entriesDigitized: all.entriesDigitized, tally,
    ...(b.dateCell ? { dateCell: b.dateCell } : {}), sheetKinds, ...extra,
  };
}

function make(id: string, title: string, patterns: number[], submitAs: DemoUser, unitCode: CorpusCase["unitCode"], builder: () => Built, expect: (b: Built) => CorpusCase["expect"], reportDate?: string): CorpusCase {
  const built = builder();
  return { id, title, patterns, submitAs, unitCode, reportDate, build: () => toBuffer(builder()), expect: expect(built) };
}

const zaHung = ward("20491");

export const CORPUS: CorpusCase[] = [
  make("province-daily", "Sở Tư pháp Quảng Nam, daily 17:00 report: full document frame, two-row merged header, column numbers, districts (Roman numerals, subtotal formulas) over their communes, Sở Tư pháp row, Tổng cộng formula, notes, Nơi nhận, signature; signed 26/02, figures as of 25/02",
    [1], "quangnam", "49", () => provinceReport({}), (b) => accepted(b, { dateSource: "subtitle" })),
  make("province-total-first", "The same report with the Tổng cộng row first, right under the column numbers",
    [2], "quangnam", "49", () => provinceReport({ totalFirst: true }), (b) => accepted(b, { dateSource: "subtitle" })),
  make("district-donggiang", "Phòng Tư pháp huyện Đông Giang: its 11 communes, Cộng toàn huyện, notes and signature",
    [3], "donggiang", "505", () => districtReport(), (b) => accepted(b, { dateSource: "subtitle" })),
  make("commune-zahung-sections", "UBND xã Za Hung: kinds × phase, section rows I/II set the phase, Cộng giai đoạn 1/2, Tổng cộng (I + II), kinds in another order in phase 2",
    [4], "zahung", "20491", () => {
      const wb = workbook("UBND xã Za Hung");
      const cs = communeSections(wb, "Za Hung", zaHung, zaHungFigures(491), [ORDER_P1, ORDER_P2]);
      signature(cs.s, ...SIGN_COMMUNE, 10);
      return { wb, tables: [{ s: cs.s, rows: cs.rows }], summaries: [], dateCell: cs.dateCell };
    }, (b) => accepted(b, { dateSource: "subtitle" })),
  make("commune-zahung-merged-phase", "A commune sheet with the phase in a vertically merged first column (GĐ1/GĐ2 only in the first row of its block), the report date a real Excel date",
    [5], "zahung", "20491", () => {
      const wb = workbook("Za Hung");
      const cs = communeMergedPhase(wb, "Sheet1", zaHung, zaHungFigures(4912), [ORDER_P1, ORDER_ALT]);
      return { wb, tables: [{ s: cs.s, rows: cs.rows }], summaries: [], dateCell: cs.dateCell };
    }, (b) => accepted(b, { dateSource: "label" })),
  make("district-sheets-summary", "Đông Giang's workbook: a \"Tổng hợp\" sheet first (formulas pointing at the other sheets), then one sheet per commune, each laid out a bit differently",
    [6], "donggiang", "505", () => districtPerCommune(true), (b) => accepted(b)),
  make("district-sheets-no-summary", "The same workbook without its summary sheet: same figures",
    [7], "donggiang", "505", () => districtPerCommune(false), (b) => accepted(b)),
  make("monthly-january", "A monthly table (Khánh Hòa style) for January 2025 sent on 10/02: target, last and this month's output, % of target, growth, cumulative, completion; the subtitle's 10/02/2025 is not the as-of",
    [8], "donggiang", "505", () => monthly(), (b) => ({ ...accepted(b), reportDate: "2025-01-31", dateSource: "title" })),
  make("headers-no-diacritics", "Headers and names typed without diacritics, abbreviated headers (TS, Đã SH, Đã KT, CSDL), rates as fractions under a % format",
    [9], "quangnam", "49", () => noDiacritics(), (b) => accepted(b, { dateSource: "label" })),
  make("values-as-typed", "Values as typed: \"-\" for none, \"3.417\" text numbers, \"72,4\" and \"44,5%\" text rates, fractions under %, #DIV/0! in a 0-total row, names without prefix, P./TT. abbreviations, no diacritics, old and new tone marks, decomposed Unicode; group rows typed by hand",
    [10], "quangnam", "49", () => valuesAsTyped(), (b) => accepted(b)),
  make("spacers-title-only", "A title block only (no agency, no motto), the date a real Excel date beside its label, blank spacer rows in the table",
    [11], "donggiang", "505", () => spacers(), (b) => accepted(b, { dateSource: "label" })),
  make("province-daily-resaved", "The province report re-saved: written by another writer (inline strings, no sharedStrings.xml, other style table), other fonts, widths, row heights, frozen panes, page setup",
    [12], "quangnam", "49", () => provinceReport({ resaved: true }), (b) => accepted(b, { dateSource: "subtitle" })),
  make("planted-province-errors", "The province report with two planted errors: Xã Tiên Lãnh digitized > total; HUYỆN TÂY GIANG's row typed with yesterday's figures",
    [13], "quangnam", "49", () => provinceReport({ plant: { overCommune: "20869", staleDistrict: "504" } }), (b) => {
      const p = (b as ReturnType<typeof provinceReport>).planted!;
      return {
        status: "refused",
        issues: [
          { code: "DIGITIZED_GT_TOTAL", cell: `${F}${p.over.row}` },
          ...p.stale.fields.map((i) => ({ code: "TOTAL_MISMATCH", cell: `${fieldCol(i)}${p.stale.row}` })),
        ],
      };
    }),
  make("planted-typo", "Đông Giang's sheet with a commune name mistyped (\"Xã Za Hunng\")",
    [13], "donggiang", "505", () => districtReport({ typo: { code: "20491", as: "Xã Za Hunng" } }), (b) => ({
      status: "refused", issues: [{ code: "UNIT_UNKNOWN", cell: (b as ReturnType<typeof districtReport>).typoCell! }],
    })),
  make("no-date", "A commune sheet with no date anywhere (the place-and-date line left blank to fill in by hand)",
    [14], "zahung", "20491", () => noDate(), () => ({ status: "refused", issues: [{ code: "DATE_MISSING", cell: null }] })),
  make("no-date-request-date", "The same sheet, the request giving reportDate 2025-02-25",
    [14], "zahung", "20491", () => noDate(), (b) => accepted(b, { dateSource: "request" }), AS_OF),
  make("flat-export", "A flat export: one header row, unit code + name + report date (real Excel dates) + counts, communes of Đại Lộc and Duy Xuyên",
    [15], "quangnam", "49", () => flatExport(), (b) => accepted(b, { dateSource: "column" })),
];

function noDate(): Built {
  const wb = workbook("Za Hung");
  const cs = communeFlat(wb, "Sheet1", zaHung, zaHungFigures(14), ORDER_P1, { date: false, frame: true });
  return { wb, tables: [{ s: cs.s, rows: cs.rows }], summaries: [] };
}

/** Every workbook the corpus writes, by id (for generate.ts and debugging). */
export const CASE_IDS = CORPUS.map((c) => c.id);
