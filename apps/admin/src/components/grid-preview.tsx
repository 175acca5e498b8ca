/**
 * A spreadsheet-like preview of a grid with problem cells highlighted (red: error, amber: warning) and the
 * messages on hover. With `onEdit`, cells are editable in place (the web upload page's "fix" step).
 * Rendered as a plain table: antd's Table is far heavier for hundreds of cells.
 */
import { useState } from "react";
import { Tooltip, Tabs, Input } from "antd";
import { columnLetters } from "@sohoa/core";
import type { ValidationIssue } from "../lib/api-types";
import { issueMarks, markAt, type CellValue, type Matrix } from "../lib/grid";

const cellStyle: React.CSSProperties = { border: "1px solid #e8e8e8", padding: "2px 6px", whiteSpace: "nowrap", maxWidth: 260, overflow: "hidden", textOverflow: "ellipsis", fontSize: 12, height: 22 };
const COLORS = { error: "#ffccc7", warning: "#fff1b8" };

/** rowTints: per 1-based row, the background of what the row was read as (header, total, note…). */
function SheetTable({ sheet, issues, lang, onEdit, maxRows, tints }: { sheet: Matrix; issues: ValidationIssue[]; lang: "vi" | "en"; onEdit?: (row: number, col: number, value: string) => void; maxRows: number; tints?: Map<number, string> | undefined }) {
  const marks = issueMarks(issues, lang);
  const [editing, setEditing] = useState<string | null>(null);
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  const rows = sheet.rows.slice(0, maxRows);
  return (
    <div style={{ overflow: "auto", maxHeight: 480, border: "1px solid #f0f0f0" }}>
      <table style={{ borderCollapse: "collapse", fontVariantNumeric: "tabular-nums" }} data-testid={`grid-${sheet.name}`}>
        <thead>
          <tr>
            <th style={{ ...cellStyle, background: "#fafafa", position: "sticky", top: 0 }} />
            {Array.from({ length: width }, (_, c) => <th key={c} style={{ ...cellStyle, background: "#fafafa", position: "sticky", top: 0, zIndex: 1 }}>{columnLetters(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri} style={tints?.has(ri + 1) ? { background: tints.get(ri + 1) } : undefined}>
              <th style={{ ...cellStyle, background: "#fafafa", position: "sticky", left: 0 }}>{ri + 1}</th>
              {Array.from({ length: width }, (_, ci) => {
                const v: CellValue = r[ci] ?? null;
                const mark = markAt(marks, sheet.name, ri, ci);
                const key = `${ri}:${ci}`;
                const a1 = `${columnLetters(ci)}${ri + 1}`;
                const text = v === null ? "" : typeof v === "number" ? new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 }).format(v) : String(v);
                const content = editing === key && onEdit ? (
                  <Input size="small" autoFocus defaultValue={v === null ? "" : String(v)} style={{ minWidth: 90 }}
                    onBlur={(e) => { setEditing(null); onEdit(ri, ci, e.target.value); }}
                    onPressEnter={(e) => { setEditing(null); onEdit(ri, ci, (e.target as HTMLInputElement).value); }} />
                ) : text;
                const td = (
                  <td key={ci} data-cell={a1} data-severity={mark?.severity} style={{ ...cellStyle, background: mark ? COLORS[mark.severity] : undefined, cursor: onEdit ? "cell" : undefined, textAlign: typeof v === "number" ? "right" : "left" }}
                    onClick={onEdit ? () => setEditing(key) : undefined}>
                    {content}
                  </td>
                );
                return mark ? <Tooltip key={ci} title={mark.messages.join(" · ")}>{td}</Tooltip> : td;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GridPreview({ sheets, issues, lang, onEdit, maxRows = 500, rowTints }: { sheets: Matrix[]; issues: ValidationIssue[]; lang: "vi" | "en"; onEdit?: (sheet: string, row: number, col: number, value: string) => void; maxRows?: number; rowTints?: Record<string, Map<number, string>> }) {
  if (sheets.length === 1 && sheets[0]) return <SheetTable sheet={sheets[0]} issues={issues} lang={lang} maxRows={maxRows} tints={rowTints?.[sheets[0].name]} onEdit={onEdit ? (r, c, v) => onEdit(sheets[0]!.name, r, c, v) : undefined} />;
  return (
    <Tabs
      size="small"
      items={sheets.map((s) => ({
        key: s.name,
        label: s.name,
        children: <SheetTable sheet={s} issues={issues} lang={lang} maxRows={maxRows} tints={rowTints?.[s.name]} onEdit={onEdit ? (r, c, v) => onEdit(s.name, r, c, v) : undefined} />,
      }))}
    />
  );
}
