/**
 * "How Sohoa read the workbook": per sheet its unit and report date with the cells they came from, how many rows
 * of each role (data, groups, totals, notes…), what the data rows add up to, and the header mapping — so an
 * official sees at a glance that 233 communes and 17 subtotals were read, not 251 communes.
 */
import { useState } from "react";
import { useTranslate } from "@refinedev/core";
import { Alert, Button, Card, Collapse, Descriptions, Select, Space, Table, Tag, Typography } from "antd";
import { errorText, request } from "../../providers/api-client";
import type { RowRole, SheetReading, WorkbookReading } from "@sohoa/contract";
import { COUNT_FIELDS } from "@sohoa/core";
import { formatDate, formatNumber } from "../../lib/format";

/** Row tints in the preview, by role (data rows stay white: they are what counts). */
export const ROLE_COLORS: Partial<Record<RowRole, string>> = {
  title: "#f5f5f5", header: "#e6f4ff", numbering: "#f0f0f0", group: "#f6ffed", subtotal: "#d9f7be", total: "#b7eb8f", section: "#fff7e6", note: "#fafafa", signature: "#fafafa", ignored: "#fafafa",
};
const TAG_COLORS: Partial<Record<RowRole, string>> = { data: "blue", group: "green", subtotal: "green", total: "green", section: "orange", numbering: "default", note: "default", signature: "default", ignored: "default" };
const SHOWN: RowRole[] = ["data", "group", "subtotal", "total", "section", "numbering", "note", "signature", "ignored"];

/** Fields a column can be read as, in the order a person looks for them. */
const FIELDS = ["unitName", "unitCode", "registerKind", "phase", ...COUNT_FIELDS, "statedPercent", "reportDate", "note", "index"] as const;

/**
 * Correcting how the sheet was read: a column as another field (or not read), rows that are not data. Saved for
 * the unit under the header's signature, so the next sheet laid out the same way is read right by itself.
 */
function Correct({ s, unitCode, date, onSaved }: { s: SheetReading; unitCode: string; date: string | undefined; onSaved: () => void }) {
  const t = useTranslate();
  const [columns, setColumns] = useState<Record<string, string | null>>({});
  const [notData, setNotData] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!s.header || !s.signature) return null;
  const byColumn = new Map(s.header.columns.map((c) => [c.column, c]));
  const labels = [...new Set(s.rows.filter((r) => r.role === "data" && r.label).map((r) => r.label!))];
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await request(`/units/${encodeURIComponent(unitCode)}/sheet-layouts/${s.signature}`, { method: "PUT", body: { columns, notData }, query: { date } });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const letters = [...byColumn.keys()];
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid={`correct-${s.name}`}>
      <Table size="small" pagination={false} rowKey="column" dataSource={letters.map((column) => byColumn.get(column)!)}
        columns={[
          { title: t("reading.column"), dataIndex: "column", width: 70 },
          { title: t("reading.label"), dataIndex: "label" },
          { title: t("reading.field"), key: "f", width: 260, render: (_: unknown, c: { column: string; field: string }) => (
            <Select size="small" style={{ width: 240 }} showSearch optionFilterProp="label" data-testid={`field-${c.column}`} value={c.column in columns ? (columns[c.column] ?? "-") : (c.field || "-")}
              onChange={(v: string) => setColumns({ ...columns, [c.column]: v === "-" ? null : v })}
              options={[...FIELDS.map((f) => ({ value: f, label: t(`reading.fields.${f}`) })), { value: "-", label: t("reading.fields.none") }]} />
          ) },
        ]} />
      {labels.length > 0 && (
        <div>
          <Typography.Text>{t("reading.notData")}</Typography.Text>
          <Select mode="multiple" size="small" style={{ width: "100%" }} value={notData} onChange={setNotData} data-testid="not-data" options={labels.slice(0, 500).map((l) => ({ value: l, label: l }))} />
        </div>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      <Button size="small" type="primary" ghost loading={saving} disabled={!Object.keys(columns).length && !notData.length} onClick={() => void save()} data-testid="save-layout">{t("reading.saveLayout")}</Button>
      <Typography.Text type="secondary">{t("reading.saveHint")}</Typography.Text>
    </Space>
  );
}

function SheetBlock({ s, unitCode, date, onSaved }: { s: SheetReading; unitCode: string | undefined; date: string | undefined; onSaved: () => void }) {
  const t = useTranslate();
  return (
    <Card size="small" type="inner" title={<Space><Typography.Text strong>{s.name}</Typography.Text><Tag color={s.kind === "summary" ? "purple" : s.kind === "none" ? "default" : "blue"}>{t(`reading.kinds.${s.kind}`)}</Tag>{s.layout === "saved" && <Tag color="cyan" data-testid="saved-layout">{t("reading.savedLayout")}</Tag>}</Space>} data-testid={`reading-${s.name}`}>
      <Descriptions size="small" column={1} items={[
        ...(s.unit ? [{ key: "u", label: t("reading.unit"), children: <span data-testid="reading-unit">{s.unit.fullName} ({s.unit.code}){s.unit.cell ? ` — ${t("reading.from", { cell: s.unit.cell, source: t(`reading.unitSources.${s.unit.source}`) })}` : ""}</span> }] : []),
        ...(s.reportDate ? [{ key: "d", label: t("reading.reportDate"), children: `${formatDate(s.reportDate.date)} — ${t("reading.from", { cell: s.reportDate.cell ?? "?", source: t(`reading.sources.${s.reportDate.source}`) })}${s.signedOn ? ` · ${t("reading.signedOn", { date: formatDate(s.signedOn.date), cell: s.signedOn.cell })}` : ""}` }] : []),
        ...(s.totals ? [{ key: "t", label: "Σ", children: t("reading.totals", { digitized: formatNumber(s.totals.entriesDigitized), total: formatNumber(s.totals.entriesTotal) }) }] : []),
      ]} />
      <Space wrap size={[4, 4]} data-testid="reading-tally">
        {SHOWN.filter((r) => s.tally[r] > 0).map((r) => <Tag key={r} color={TAG_COLORS[r]} data-role={r}>{formatNumber(s.tally[r])} {t(`reading.roles.${r}`)}</Tag>)}
      </Space>
      {s.header && (
        <Collapse size="small" ghost items={[{ key: "c", label: t("reading.columns"), children: unitCode ? <Correct s={s} unitCode={unitCode} date={date} onSaved={onSaved} /> : (
          <Table size="small" pagination={false} rowKey="column" dataSource={s.header.columns}
            columns={[{ title: t("reading.column"), dataIndex: "column", width: 70 }, { title: t("reading.field"), dataIndex: "field", width: 160 }, { title: t("reading.label"), dataIndex: "label" }]} />
        ) }]} />
      )}
    </Card>
  );
}

export function ReadingCard({ reading, localOnly, unitCode, onSaved }: { reading: WorkbookReading | null; localOnly: boolean; unitCode?: string | undefined; onSaved: () => void }) {
  const t = useTranslate();
  if (!reading) return localOnly ? <Alert type="info" showIcon message={t("reading.localOnly")} /> : null;
  return (
    <Card size="small" title={t("reading.title")} data-testid="reading">
      <Typography.Paragraph type="secondary">{t("reading.hint")}</Typography.Paragraph>
      {reading.reportDate
        ? <Typography.Paragraph data-testid="reading-date"><strong>{t("reading.reportDate")}: {formatDate(reading.reportDate.date)}</strong> {reading.reportDate.cell ? t("reading.from", { cell: `${reading.reportDate.sheet ?? ""}!${reading.reportDate.cell}`, source: t(`reading.sources.${reading.reportDate.source}`) }) : `(${t(`reading.sources.${reading.reportDate.source}`)})`}</Typography.Paragraph>
        : <Alert type="warning" showIcon message={t("reading.noDate")} data-testid="reading-date" />}
      <Space direction="vertical" style={{ width: "100%" }}>{reading.sheets.map((s) => <SheetBlock key={`${s.name}:${s.signature ?? ""}:${s.layout ?? ""}`} s={s} unitCode={unitCode} date={reading.reportDate?.date} onSaved={onSaved} />)}</Space>
    </Card>
  );
}
