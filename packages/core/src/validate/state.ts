/**
 * What the reading of one workbook carries from sheet to sheet and what one sheet's columns are, computed once
 * per sheet so that the row loop does no per-row lookups: a cell address is one concatenation.
 */
import { columnLetters } from "../a1";
import type { TableLayout } from "../headers";
import type { KindIndex, PhaseIndex, UnitIndex } from "../reference";
import { COUNT_FIELDS, type CountField, type ProgressRow, type ValidationContext } from "../types";
import type { Collector } from "./rules";
import type { SummaryRow } from "./totals";

export interface WorkbookState {
  readonly ctx: ValidationContext;
  readonly out: Collector;
  readonly units: UnitIndex;
  readonly kinds: KindIndex;
  readonly phases: PhaseIndex;
  readonly submitterIsLeaf: boolean;
  /** the number of sheets with a table: a summary sheet is one beside others */
  readonly tableCount: number;
  /** the reason of a submission sent as a correction ("" when it gives none), null otherwise */
  readonly submissionCorrection: string | null;
  /** every parsed row, in reading order */
  readonly rows: ProgressRow[];
  /** rows of summary sheets: compared with the other sheets' rows, never counted */
  readonly summaryRows: SummaryRow[];
  template: "commune" | "rollup";
  /** unit-name suggestions left, and the edit distances they may still cost (about 2 million per workbook) */
  suggestionsLeft: number;
  suggestionBudget: number;
  /** the first cell a report date was read from */
  dateWhere: { sheet: string; cell: string } | null;
}

export interface SheetColumns {
  readonly name: string;
  readonly cols: TableLayout["columns"];
  readonly countCols: number[];
  readonly countFields: CountField[];
  readonly countLetters: string[];
  readonly hasTotalCol: boolean;
  readonly hasDigitizedCol: boolean;
  readonly hasUnitCols: boolean;
  readonly unitCodeL: string;
  readonly unitNameL: string;
  readonly kindL: string;
  readonly phaseL: string;
  readonly pctL: string;
  readonly dateL: string;
  /** the sheet's report date (its frame's, else the request's), "" when neither states one */
  readonly defaultDate: string;
  /** the cell of the date the frame states */
  readonly sheetDateCell: string | undefined;
}

export function sheetColumns(name: string, cols: TableLayout["columns"], defaultDate: string, sheetDateCell: string | undefined): SheetColumns {
  const countCols: number[] = [];
  const countFields: CountField[] = [];
  const countLetters: string[] = [];
  for (const f of COUNT_FIELDS) {
    const c = cols[f];
    if (c === undefined) continue;
    countCols.push(c);
    countFields.push(f);
    countLetters.push(columnLetters(c));
  }
  const letters = (c: number | undefined) => (c !== undefined ? columnLetters(c) : "");
  return {
    name, cols, countCols, countFields, countLetters,
    hasTotalCol: cols.entriesTotal !== undefined,
    hasDigitizedCol: cols.entriesDigitized !== undefined,
    hasUnitCols: cols.unitCode !== undefined || cols.unitName !== undefined,
    unitCodeL: letters(cols.unitCode),
    unitNameL: letters(cols.unitName),
    kindL: letters(cols.registerKind),
    phaseL: letters(cols.phase),
    pctL: letters(cols.statedPercent),
    dateL: letters(cols.reportDate),
    defaultDate, sheetDateCell,
  };
}
