/** Where the upload preview looks: the cell of a problem, and how many columns stay frozen (up to the unit's name). */
import type { ValidationIssue, WorkbookReading } from "@sohoa/contract";
import { parseA1, type Matrix } from "../../lib/grid";
import type { GridFocus } from "../../components/grid-preview";

export function focusOf(issue: ValidationIssue | undefined, sheets: Matrix[]): GridFocus | null {
  if (!issue?.cell) return null;
  const p = parseA1(issue.cell);
  const sheet = issue.sheet ?? sheets[0]?.name;
  return p && sheet ? { sheet, row: p.row, col: p.col } : null;
}

const letters = (col: string) => [...col.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Per sheet, the columns to freeze: through the unit's name (else its code, else the register kind). */
export function frozenFromReading(reading: WorkbookReading | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of reading?.sheets ?? []) {
    const cols = s.header?.columns ?? [];
    const key = ["unitName", "unitCode", "registerKind"].map((f) => cols.find((c) => c.field === f)).find(Boolean);
    if (key) out[s.name] = Math.min(letters(key.column), 4);
  }
  return out;
}
