/**
 * The per-sheet reading loop: each row of a table is given its role (blank, column numbers, notes and
 * signatures under the table, section, total or subtotal, group, data) and a data row its unit, register kind
 * and phase; its figures are read by row-rules.ts. Totals are compared as their rows end (totals.ts).
 * Written for 100,000-row roll-ups: no per-row closures, one object per row (the row itself).
 */
import { isNumberingRow, type TableLayout } from "../headers";
import { cellRef, frameDates, isHeadingIndex, isSummaryName, trailerStart, unitHints } from "../reading/frame";
import { SheetRecorder } from "../reading/recorder";
import type { SheetReading } from "../reading/types";
import { compactKey, normalizeName } from "../text";
import type { ProgressRow, Sheet, UnitRef } from "../types";
import { sheetFrameDate } from "./report-date";
import { str } from "./rules";
import { readDataRow } from "./row-rules";
import { sheetColumns, type WorkbookState } from "./state";
import { compareRows, compareTotals } from "./totals";

const TOTAL_ROW = /^(tong cong|tong so|tong|cong|total|grand total|subtotal|sub total|toan tinh|toan huyen|toan thanh pho|toan thi xa|ca tinh|ca huyen|sum)( .*)?$/;
const GRAND_TOTAL = /^(tong cong|toan tinh|toan thanh pho|ca tinh|grand total|total|tong so|tong)( .*)?$/;
/** A section's label: "Giai đoạn 1 (2006–2018)", "GĐ2", "II. Giai đoạn 2" (tested on the raw text: cheap on 100,000 unit names). */
const SECTION_LABEL = /^\s*(?:[IVX]{1,4}\s*[.)-]?\s+)?(?:giai|gđ|gd|phase)/i;

interface PendingGroup { r: number; unit: UnitRef; from: number }
/** A section row with figures ("I | Giai đoạn 1 | 1.200 | …"): its subtotal is checked when the next section starts. */
interface PendingSection { r: number; from: number; label: string }

/** Reads one sheet's table into w.rows (a summary sheet's rows into w.summaryRows), its reading into `readings`. */
export function readSheet(w: WorkbookState, sheet: Sheet, layout: TableLayout, readings: SheetReading[]): void {
  const { ctx, out, units, kinds, phases, submitterIsLeaf, rows } = w;
  const cols = layout.columns;
  const name = sheet.name;
  if ((cols.unitCode !== undefined || cols.unitName !== undefined) && cols.registerKind === undefined) w.template = "rollup";
  const frame = frameDates(sheet, layout.headerRow, layout.headerFirstRow);
  const fd = sheetFrameDate(out, name, frame);
  const sheetDate = fd?.date ?? null;
  const sheetDateCell = fd?.cell;
  const defaultDate = sheetDate ?? ctx.reportDate ?? "";
  const summary = w.tableCount > 1 && isSummaryName(name);
  const rec = new SheetRecorder(sheet, layout, summary ? "summary" : "table");
  readings.push(rec.reading);
  if (frame.reportDate) rec.reading.reportDate = { date: frame.reportDate.date, cell: fd!.cell, source: frame.reportDate.source, text: frame.reportDate.text };
  if (frame.signedOn && frame.signedOn !== frame.reportDate) rec.reading.signedOn = { date: frame.signedOn.date, cell: cellRef(frame.signedOn.r, frame.signedOn.c) };

  const s = sheetColumns(name, cols, defaultDate, sheetDateCell);
  const { countCols, hasUnitCols, unitCodeL, unitNameL } = s;
  const pendingGroups: PendingGroup[] = [];

  // A sheet without unit columns is one unit's: the submitter's, or (a district's workbook with a sheet per
  // commune) the unit its title block, a cell or its name says.
  let sheetUnit: UnitRef = ctx.submitter;
  if (!hasUnitCols && !submitterIsLeaf) {
    for (const h of unitHints(sheet, layout.headerFirstRow)) {
      const m = units.match(null, h.text, null, defaultDate || null);
      if (m.kind === "found" && !units.children.has(m.unit.id)) {
        sheetUnit = m.unit;
        rec.reading.unit = { code: m.unit.code, fullName: m.unit.fullName, cell: h.r === null || h.c === null ? null : cellRef(h.r, h.c), source: h.source };
        break;
      }
    }
  }
  if (!hasUnitCols && !rec.reading.unit) rec.reading.unit = { code: sheetUnit.code, fullName: sheetUnit.fullName, cell: null, source: "submitter" };

  let lastKind: string | null = null;
  let lastPhase: string | number | null = null;
  let groupStart = rows.length; // first row of the current subtotal group
  const sheetStart = rows.length;
  let groupUnit: UnitRef | null = null;
  let sectionPhase: string | null = null; // set by a section row ("I | Giai đoạn 1 (2006–2018)")
  let section: PendingSection | null = null;
  const deferredTotals: { r: number; label: string }[] = []; // a "Tổng cộng" above the rows it sums
  let trailer: "note" | "signature" | null = null; // under the table: everything is notes and signatures
  const closeSection = () => {
    if (section && rows.length > section.from) compareTotals(out, sheet, section.r, cols, rows, section.from, { vi: `Dòng "${section.label}"`, en: `Section "${section.label}"` });
    section = null;
  };
  for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!Array.isArray(row) || row.length === 0) {
      rec.role(r, "blank");
      continue;
    }
    const rowNum = r + 1;
    if (trailer) {
      // once the signature block starts, what follows (titles, "(Đã ký)", names) is part of it
      const t = trailerStart(row);
      if (t === "signature") trailer = t;
      rec.role(r, row.some((v) => v !== null && v !== "") ? (t ?? trailer) : "blank");
      continue;
    }
    // The column-number row "(1) (2) … (8)=(7)/(5)" right under the header.
    if (rows.length === sheetStart && r < layout.firstDataRow + 3 && isNumberingRow(row)) {
      rec.role(r, "numbering");
      continue;
    }

    const codeText = cols.unitCode === undefined ? "" : str(row[cols.unitCode]);
    const nameText = cols.unitName === undefined ? "" : str(row[cols.unitName]);
    const kindText = cols.registerKind === undefined ? "" : str(row[cols.registerKind]);
    let anyCount = false, anyFigure = false;
    for (let k = 0; k < countCols.length; k++) {
      const v = row[countCols[k]!];
      if (v === null || v === undefined || v === "") continue;
      anyCount = true;
      if (typeof v === "number" || (typeof v === "string" && /\d/.test(v))) { anyFigure = true; break; }
    }
    if (!anyFigure) {
      // Notes, recipients and signatures under the table end it.
      const t = trailerStart(row);
      if (t) {
        trailer = t;
        rec.role(r, t);
        continue;
      }
      if (!anyCount && !codeText && !nameText && !kindText) {
        rec.role(r, row.some((v) => v !== null && v !== "") ? "ignored" : "blank"); // a spacer, or a stray cell
        continue;
      }
    }

    // Total and subtotal rows are checked against the rows they sum, never taken as units.
    const indexText = cols.index !== undefined ? str(row[cols.index]) : "";
    const rawLabel = nameText || kindText || indexText || str(row[0]);

    // A section row names the phase of the rows below it.
    if (SECTION_LABEL.test(rawLabel) || (isHeadingIndex(indexText) && SECTION_LABEL.test(`${indexText} ${rawLabel}`))) {
      const p = phases.match(rawLabel.replace(/^\s*[IVX]{1,4}\s*[.)-]?\s+/, ""));
      if (p) {
        closeSection();
        sectionPhase = p;
        lastKind = null;
        groupStart = rows.length;
        if (anyCount) section = { r, from: rows.length, label: rawLabel };
        rec.role(r, "section", { label: rawLabel, phase: p });
        continue;
      }
    }
    // Only labels that can start a total word (Tổng, Cộng, Toàn, Cả, Grand, Sub, Sum) are normalized.
    const label = /^[\s.*]*[tcgsTCGS]/.test(rawLabel) ? normalizeName(rawLabel) : "";
    if (label && TOTAL_ROW.test(label) && !(codeText && units.byCodeOf(codeText, defaultDate))) {
      const isGrand = GRAND_TOTAL.test(label);
      const grand = isGrand || groupStart === sheetStart;
      if (isGrand && rows.length === sheetStart) deferredTotals.push({ r, label: rawLabel }); // "Tổng cộng" first, its rows below
      else {
        if (isGrand) closeSection();
        compareTotals(out, sheet, r, cols, rows, grand ? sheetStart : groupStart, grand ? { vi: "Dòng tổng cộng", en: "Grand total" } : { vi: `Dòng "${rawLabel}"`, en: `Subtotal "${rawLabel}"` });
      }
      rec.role(r, isGrand ? "total" : "subtotal", { label: rawLabel, ...(rows.length > (grand ? sheetStart : groupStart) ? { sums: [rows[grand ? sheetStart : groupStart]!.row, rows[rows.length - 1]!.row] as [number, number] } : {}) });
      groupStart = rows.length;
      continue;
    }

    // The unit of the row.
    let unit: UnitRef;
    let unitCell: string | undefined;
    if (codeText || nameText) {
      const m = units.match(codeText || null, nameText || null, groupUnit?.id, defaultDate || null);
      const c = codeText && cols.unitCode !== undefined ? cols.unitCode : (cols.unitName ?? cols.unitCode ?? 0);
      if (m.kind === "unknown" && !anyCount) {
        // A heading with no figures ("I | CÁC XÃ, THỊ TRẤN"): not a unit, nothing to count.
        rec.role(r, isHeadingIndex(indexText) ? "section" : "ignored", { label: rawLabel });
        continue;
      }
      if (m.kind === "unknown" && isHeadingIndex(indexText) && codeText === "") {
        // A heading row with figures that names no unit ("A | CẤP XÃ | …"): the subtotal of the rows down to the next heading.
        closeSection();
        groupStart = rows.length;
        section = { r, from: rows.length, label: rawLabel };
        rec.role(r, "section", { label: rawLabel });
        continue;
      }
      if (m.kind === "ambiguous") {
        rec.role(r, "data", { label: rawLabel });
        out.add("UNIT_AMBIGUOUS", name, r, c, {
          vi: `"${nameText || codeText}" khớp với nhiều đơn vị: ${m.candidates.map((u) => `${u.fullName} (mã ${u.code})`).join(", ")}. Hãy ghi mã đơn vị vào cột "Mã đơn vị".`,
          en: `"${nameText || codeText}" matches several units: ${m.candidates.map((u) => `${u.fullName} (code ${u.code})`).join(", ")}. Write the unit code in the "Unit code" column.`,
        });
        continue;
      }
      if (m.kind === "unknown") {
        // Suggestions cost one edit distance per unit in scope: bounded per workbook (about 2 million).
        const sugg = nameText && w.suggestionsLeft-- > 0 && w.suggestionBudget >= units.units.length ? units.suggest(nameText) : [];
        w.suggestionBudget -= units.units.length;
        const hint = sugg.length ? { vi: ` Có phải: ${sugg.map((u) => `${u.fullName} (mã ${u.code})`).join(", ")}?`, en: ` Did you mean: ${sugg.map((u) => `${u.fullName} (code ${u.code})`).join(", ")}?` } : { vi: "", en: "" };
        rec.role(r, "data", { label: rawLabel });
        out.add("UNIT_UNKNOWN", name, r, c, {
          vi: `Không tìm thấy đơn vị "${nameText || codeText}" trong phạm vi của ${ctx.submitter.fullName}.${hint.vi} Hãy sửa tên hoặc ghi đúng mã đơn vị.`,
          en: `No unit "${nameText || codeText}" within ${ctx.submitter.fullName}.${hint.en} Correct the name or write the right unit code.`,
        });
        continue;
      }
      unit = m.unit;
      // Code and name disagree: the code wins (official), but a copied code is a common slip.
      if (m.by === "code" && nameText && nameText !== unit.fullName && nameText !== unit.name && !sameUnitName(nameText, unit)) {
        out.add("UNIT_NAME_MISMATCH", name, r, cols.unitName ?? c, {
          vi: `Mã ${unit.code} là ${unit.fullName}, nhưng tên ghi là "${nameText}". Số liệu được ghi cho ${unit.fullName} theo mã; hãy kiểm tra lại mã hoặc tên.`,
          en: `Code ${unit.code} is ${unit.fullName}, but the name says "${nameText}". The figures go to ${unit.fullName} by its code; check the code or the name.`,
        }, [unitCodeL + rowNum, unitNameL + rowNum]);
      }
      unitCell = (codeText && cols.unitCode !== undefined ? unitCodeL : unitNameL || unitCodeL) + rowNum;
      // A row naming a parent of the units listed after it opens a group (its figures are a subtotal).
      if (cols.registerKind === undefined && unit.id !== ctx.submitter.id && units.children.has(unit.id)) {
        groupUnit = unit;
        groupStart = rows.length;
        if (anyCount) pendingGroups.push({ r, unit, from: rows.length });
        rec.role(r, "group", { label: rawLabel, unitCode: unit.code });
        continue;
      }
    } else if (submitterIsLeaf || !hasUnitCols) {
      unit = sheetUnit;
    } else {
      rec.role(r, "data", { label: rawLabel });
      out.add("UNIT_MISSING", name, r, cols.unitName ?? cols.unitCode ?? 0, {
        vi: `Dòng ${rowNum} không ghi đơn vị. Hãy ghi "Mã đơn vị" hoặc "Tên đơn vị" ở mỗi dòng của bảng tổng hợp của ${ctx.submitter.fullName}.`,
        en: `Row ${rowNum} names no unit. Write a "Unit code" or "Unit name" on every row of the roll-up sheet of ${ctx.submitter.fullName}.`,
      });
      continue;
    }

    // Register kind and phase (a blank kind cell continues the kind above, as in merged cells).
    let kind = "*";
    if (cols.registerKind !== undefined) {
      const text = kindText || lastKind || "";
      const k = text ? kinds.match(text) : null;
      if (kindText) lastKind = kindText;
      if (!k) {
        if (!anyCount) {
          rec.role(r, kindText ? "ignored" : "blank", kindText ? { label: kindText } : undefined);
          continue;
        }
        rec.role(r, "data", { label: rawLabel });
        out.add("KIND_UNKNOWN", name, r, cols.registerKind, {
          vi: `Loại sổ "${text}" không có trong danh mục (${(ctx.registerKinds ?? []).map((x) => x.nameVi).join(", ") || "chưa có danh mục"}). Hãy chọn một loại sổ trong danh mục.`,
          en: `Register kind "${text}" is not in the list (${(ctx.registerKinds ?? []).map((x) => x.nameEn).join(", ") || "no list yet"}). Pick a kind from the list.`,
        });
        continue;
      }
      kind = k;
    }
    let phase = sectionPhase ?? "*";
    if (cols.phase !== undefined && !(sectionPhase && (row[cols.phase] === null || row[cols.phase] === ""))) {
      let phaseVal = row[cols.phase];
      // a blank phase under a merged cell ("GĐ1" written once over its kinds) continues the phase above
      if ((phaseVal === null || phaseVal === undefined || phaseVal === "") && lastPhase !== null) phaseVal = lastPhase;
      else if (phaseVal !== null && phaseVal !== undefined && phaseVal !== "" && typeof phaseVal !== "boolean") lastPhase = phaseVal;
      const p = phaseVal === null || phaseVal === undefined || phaseVal === "" || typeof phaseVal === "boolean" ? null : phases.match(phaseVal);
      if (!p) {
        rec.role(r, "data", { label: rawLabel });
        out.add("PHASE_UNKNOWN", name, r, cols.phase, {
          vi: `Giai đoạn "${str(phaseVal)}" không hợp lệ. Hãy ghi một trong: ${(ctx.phases ?? []).map((p) => `"${p.nameVi}"`).join(", ") || "\"Giai đoạn 1\" (sổ từ năm 2006), \"Giai đoạn 2\" (sổ từ năm 2005 trở về trước)"}.`,
          en: `Phase "${str(phaseVal)}" is not valid. Write one of: ${(ctx.phases ?? []).map((p) => `"${p.nameEn}"`).join(", ") || "\"Phase 1\" (books of 2006 onward), \"Phase 2\" (2005 and earlier)"}.`,
        });
        continue;
      }
      phase = p;
    }

    // A unit or kind listed with no figures at all has not reported: skipped (said so in roll-ups).
    if (!anyCount) {
      rec.role(r, "ignored", { label: rawLabel, unitCode: unit.code });
      if (cols.registerKind === undefined && unit !== ctx.submitter) {
        out.add("ROW_EMPTY", name, r, cols.entriesDigitized ?? countCols[0] ?? 0, {
          vi: `${unit.fullName} chưa có số liệu: dòng ${rowNum} được bỏ qua. Nếu đơn vị chưa bắt đầu, hãy nhập 0.`,
          en: `${unit.fullName} has no figures: row ${rowNum} is skipped. If the unit has not started, enter 0.`,
        });
      }
      continue;
    }


    const pr = readDataRow(w, s, row, r, unit, unitCell, kind, phase);
    rows.push(pr);
    rec.data(r, rawLabel, unit.code, kind, phase);
    if (!summary) rec.count(pr.counts);
  }
  closeSection();
  for (const t of deferredTotals) {
    compareTotals(out, sheet, t.r, cols, rows, sheetStart, { vi: "Dòng tổng cộng", en: "Grand total" });
    const listed = rec.reading.rows.find((x) => x.row === t.r + 1);
    if (listed && rows.length > sheetStart) listed.sums = [rows[sheetStart]!.row, rows[rows.length - 1]!.row];
  }
  for (const g of pendingGroups) {
    const members: ProgressRow[] = [];
    for (let i = g.from; i < rows.length; i++) if (rows[i]!.unit.parentId === g.unit.id) members.push(rows[i]!);
    if (members.length) compareRows(out, sheet, g.r, cols, members, { vi: `Dòng cộng của ${g.unit.fullName}`, en: `Subtotal of ${g.unit.fullName}` });
  }
  if (summary) for (const row of rows.splice(sheetStart)) w.summaryRows.push({ row, sheet, r: row.row - 1, cols, rec });
}

function sameUnitName(written: string, u: UnitRef): boolean {
  const k = compactKey(written);
  return k === compactKey(u.name) || k === compactKey(u.fullName);
}

