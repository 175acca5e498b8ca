/**
 * A spreadsheet-like preview of a grid with problem cells highlighted (red: error, amber: warning) and the
 * messages on hover. With `onEdit`, cells are editable in place (the web upload page's "fix" step). `focus`
 * scrolls the preview to a cell (the first problem, or the one picked in the list) and outlines it; the row
 * numbers and the columns up to the unit's name stay frozen on the left, so a problem far right still shows
 * whose row it is. Rendered as a plain table: antd's Table is far heavier for hundreds of cells.
 */
import { useEffect, useRef, useState } from "react";
import { Tooltip, Tabs, Input } from "antd";
import type { ValidationIssue } from "@sohoa/contract";
import { columnLetters } from "@sohoa/core";
import { issueMarks, markAt, type CellValue, type Matrix } from "../lib/grid";

const cellStyle: React.CSSProperties = { border: "1px solid #e8e8e8", padding: "2px 6px", whiteSpace: "nowrap", maxWidth: 260, overflow: "hidden", textOverflow: "ellipsis", fontSize: 12, height: 22 };
const COLORS = { error: "#ffccc7", warning: "#fff1b8" };
const ROW_HEAD = 44;
const FROZEN_WIDTH = [48, 90, 200, 120];
export interface GridFocus { sheet: string; row: number; col: number }

/** Widths and left offsets of the frozen columns (row numbers first). */
function frozenLayout(count: number) {
  const widths = Array.from({ length: count }, (_, c) => FROZEN_WIDTH[c] ?? 120);
  const lefts = widths.map((_, c) => ROW_HEAD + widths.slice(0, c).reduce((a, b) => a + b, 0));
  return { widths, lefts, total: ROW_HEAD + widths.reduce((a, b) => a + b, 0) };
}

/** rowTints: per 1-based row, the background of what the row was read as (header, total, note…). */
function SheetTable({ sheet, issues, lang, onEdit, maxRows, tints, frozen = 0, focus }: { sheet: Matrix; issues: ValidationIssue[]; lang: "vi" | "en"; onEdit?: (row: number, col: number, value: string) => void; maxRows: number; tints?: Map<number, string> | undefined; frozen?: number; focus?: { row: number; col: number } | null }) {
  const marks = issueMarks(issues, lang);
  const [editing, setEditing] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  const rows = sheet.rows.slice(0, maxRows);
  const fz = frozenLayout(Math.min(frozen, width));
  const focusKey = focus ? `${focus.row}:${focus.col}` : null;

  useEffect(() => {
    if (!focus || !box.current) return;
    const td = box.current.querySelector<HTMLElement>(`td[data-cell="${columnLetters(focus.col)}${focus.row + 1}"]`);
    if (!td) return;
    // scroll the preview only (not the page): the cell just right of the frozen columns, a few rows down
    const c = box.current;
    if (focus.col >= fz.widths.length) c.scrollLeft = Math.max(0, td.offsetLeft - fz.total - 24);
    c.scrollTop = Math.max(0, td.offsetTop - 3 * td.offsetHeight);
  }, [focus, sheet.name, fz.total, fz.widths.length]);

  const sticky = (ci: number, bg: string): React.CSSProperties | undefined =>
    ci < fz.widths.length ? { position: "sticky", left: fz.lefts[ci], zIndex: 1, background: bg, width: fz.widths[ci], minWidth: fz.widths[ci], maxWidth: fz.widths[ci], boxShadow: ci === fz.widths.length - 1 ? "2px 0 0 #d9d9d9" : undefined } : undefined;

  return (
    <div ref={box} style={{ overflow: "auto", maxHeight: 480, border: "1px solid #f0f0f0", position: "relative" }} data-testid={`grid-box-${sheet.name}`}>
      <table style={{ borderCollapse: "separate", borderSpacing: 0, fontVariantNumeric: "tabular-nums" }} data-testid={`grid-${sheet.name}`}>
        <thead>
          <tr>
            <th style={{ ...cellStyle, background: "#fafafa", position: "sticky", top: 0, left: 0, zIndex: 3, width: ROW_HEAD, minWidth: ROW_HEAD }} />
            {Array.from({ length: width }, (_, c) => <th key={c} style={{ ...cellStyle, background: "#fafafa", position: "sticky", top: 0, zIndex: c < fz.widths.length ? 3 : 2, ...(c < fz.widths.length ? { left: fz.lefts[c], width: fz.widths[c], minWidth: fz.widths[c], maxWidth: fz.widths[c] } : {}) }}>{columnLetters(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => {
            const tint = tints?.get(ri + 1);
            return (
              <tr key={ri} style={tint ? { background: tint } : undefined}>
                <th style={{ ...cellStyle, background: "#fafafa", position: "sticky", left: 0, zIndex: 2, width: ROW_HEAD, minWidth: ROW_HEAD }}>{ri + 1}</th>
                {Array.from({ length: width }, (_, ci) => {
                  const v: CellValue = r[ci] ?? null;
                  const mark = markAt(marks, sheet.name, ri, ci);
                  const key = `${ri}:${ci}`;
                  const a1 = `${columnLetters(ci)}${ri + 1}`;
                  const focused = key === focusKey;
                  const text = v === null ? "" : typeof v === "number" ? new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 }).format(v) : String(v);
                  const content = editing === key && onEdit ? (
                    <Input size="small" autoFocus defaultValue={v === null ? "" : String(v)} style={{ minWidth: 90 }}
                      onBlur={(e) => { setEditing(null); onEdit(ri, ci, e.target.value); }}
                      onPressEnter={(e) => { setEditing(null); onEdit(ri, ci, (e.target as HTMLInputElement).value); }} />
                  ) : text;
                  const bg = mark ? COLORS[mark.severity] : tint ?? "#fff";
                  const td = (
                    <td key={ci} data-cell={a1} data-severity={mark?.severity} data-focused={focused || undefined}
                      style={{ ...cellStyle, background: mark ? COLORS[mark.severity] : undefined, cursor: onEdit ? "cell" : undefined, textAlign: typeof v === "number" ? "right" : "left", ...sticky(ci, bg), ...(focused ? { outline: "2px solid #cf1322", outlineOffset: -2 } : {}) }}
                      onClick={onEdit ? () => setEditing(key) : undefined}>
                      {content}
                    </td>
                  );
                  return mark ? <Tooltip key={ci} title={mark.messages.join(" · ")}>{td}</Tooltip> : td;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function GridPreview({ sheets, issues, lang, onEdit, maxRows = 500, rowTints, frozenColumns, focus }: { sheets: Matrix[]; issues: ValidationIssue[]; lang: "vi" | "en"; onEdit?: (sheet: string, row: number, col: number, value: string) => void; maxRows?: number; rowTints?: Record<string, Map<number, string>>; frozenColumns?: Record<string, number>; focus?: GridFocus | null }) {
  const [active, setActive] = useState<string | undefined>(sheets[0]?.name);
  // the tab of the focused problem comes to the front
  useEffect(() => {
    if (focus && sheets.some((s) => s.name === focus.sheet)) setActive(focus.sheet);
  }, [focus, sheets]);
  const table = (s: Matrix) => (
    <SheetTable sheet={s} issues={issues} lang={lang} maxRows={maxRows} tints={rowTints?.[s.name]} frozen={frozenColumns?.[s.name] ?? 0} focus={focus && focus.sheet === s.name ? focus : null} onEdit={onEdit ? (r, c, v) => onEdit(s.name, r, c, v) : undefined} />
  );
  if (sheets.length === 1 && sheets[0]) return table(sheets[0]);
  return <Tabs size="small" activeKey={active} onChange={setActive} items={sheets.map((s) => ({ key: s.name, label: s.name, children: table(s) }))} />;
}
