/**
 * Admin: import a unit registry (the JSON of shared/data/administrative-units) as the tree from an effective
 * date, or successor links. Always a preview first (dryRun: what would open, close, change), then the import.
 */
import { useState } from "react";
import { useTranslate, useGetLocale, useInvalidate } from "@refinedev/core";
import { Alert, Button, Card, DatePicker, Popconfirm, Progress, Space, Table, Tabs, Typography, Upload } from "antd";
import { InboxOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { DATE_FORMAT } from "../../components/form-items";
import { errorText, request } from "../../providers/api-client";
import { formatDate, formatNumber } from "../../lib/format";

interface Counts { added: number; changed: number; closed: number; unchanged: number }
interface RegistryAnswer { dryRun: boolean; filename: string; units: number; report: Counts & { effective: string; byLevel: Record<string, Counts> } }
interface SuccessorAnswer { dryRun: boolean; filename: string; linked: number; unchanged: number; predecessors: number; notFound: number; notFoundSample: { old: string; new?: string; reason: string }[]; carried: { successors: number; predecessors: number } | null }

export function UnitImport() {
  const t = useTranslate();
  return (
    <Card title={t("unitsReorg.import.title")} data-testid="unit-import-page">
      <Tabs
        items={[
          { key: "registry", label: t("unitsReorg.import.registryTab"), children: <ImportPane kind="registry" /> },
          { key: "successors", label: t("unitsReorg.import.successorsTab"), children: <ImportPane kind="successors" /> },
        ]}
      />
    </Card>
  );
}

function ImportPane({ kind }: { kind: "registry" | "successors" }) {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const invalidate = useInvalidate();
  const [file, setFile] = useState<File | null>(null);
  const [date, setDate] = useState<Dayjs | null>(kind === "successors" ? dayjs("2025-07-01") : null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<RegistryAnswer | SuccessorAnswer | null>(null);
  const [done, setDone] = useState<RegistryAnswer | SuccessorAnswer | null>(null);
  const path = kind === "registry" ? "/units/import" : "/units/successors/import";

  const send = async (dryRun: boolean) => {
    if (!file || !date) return;
    setBusy(dryRun ? "preview" : "import");
    setError(null);
    try {
      const form = new FormData();
      form.set("file", file);
      form.set("effectiveDate", date.format("YYYY-MM-DD"));
      form.set("dryRun", String(dryRun));
      const { data } = await request<RegistryAnswer | SuccessorAnswer>(path, { method: "POST", body: form });
      if (dryRun) { setPreview(data); setDone(null); } else { setDone(data); setPreview(null); void invalidate({ resource: "units", invalidates: ["all"] }); }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const reset = () => { setPreview(null); setDone(null); setError(null); };
  const shown = done ?? preview;

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid={`import-${kind}`}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t(`unitsReorg.import.${kind}Intro`)}</Typography.Paragraph>
      <Space wrap align="start">
        <div style={{ width: 420 }}>
          <Upload.Dragger accept=".json,application/json" multiple={false} showUploadList={false} beforeUpload={(f) => { setFile(f); reset(); return false; }}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{file ? file.name : t("unitsReorg.import.drop")}</p>
            <p className="ant-upload-hint">{file ? `${formatNumber(Math.round(file.size / 1024))} KB` : t("unitsReorg.import.hint")}</p>
          </Upload.Dragger>
        </div>
        <Space direction="vertical">
          <Typography.Text>{t("unitsReorg.import.effective")}</Typography.Text>
          <DatePicker format={DATE_FORMAT} value={date} onChange={(d) => { setDate(d); reset(); }} data-testid={`import-${kind}-date`} />
          <Button type="primary" disabled={!file || !date} loading={busy === "preview"} onClick={() => void send(true)} data-testid={`import-${kind}-preview`}>{t("unitsReorg.import.preview")}</Button>
        </Space>
      </Space>
      {busy && <Progress percent={99} status="active" showInfo={false} data-testid="import-progress" />}
      {error ? <Alert type="error" showIcon message={errorText(error, lang)} data-testid="import-error" /> : null}
      {shown && (
        <Card size="small" title={done ? t("unitsReorg.import.doneTitle", { file: shown.filename }) : t("unitsReorg.import.previewTitle", { file: shown.filename, date: formatDate(date?.format("YYYY-MM-DD")) })} data-testid={`import-${kind}-${done ? "done" : "preview"}`}>
          {"report" in shown ? <RegistryCounts a={shown} /> : <SuccessorCounts a={shown} />}
          {!done && (
            <Space style={{ marginTop: 12 }}>
              {"report" in shown && shown.report.closed > 0 ? (
                <Popconfirm title={t("unitsReorg.import.confirmClose", { count: shown.report.closed })} onConfirm={() => void send(false)} okText={t("unitsReorg.import.import")}>
                  <Button type="primary" danger loading={busy === "import"} data-testid={`import-${kind}-confirm`}>{t("unitsReorg.import.import")}</Button>
                </Popconfirm>
              ) : (
                <Button type="primary" loading={busy === "import"} onClick={() => void send(false)} data-testid={`import-${kind}-confirm`}>{t("unitsReorg.import.import")}</Button>
              )}
              <Button onClick={reset}>{t("buttons.cancel")}</Button>
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}

function RegistryCounts({ a }: { a: RegistryAnswer }) {
  const t = useTranslate();
  const rows = [...Object.entries(a.report.byLevel).map(([level, c]) => ({ key: level, label: t(`levels.${level}`), ...c })), { key: "total", label: t("unitsReorg.import.total"), ...a.report }];
  const n = (v: number) => formatNumber(v);
  return (
    <Table size="small" pagination={false} dataSource={rows} rowKey="key" data-testid="registry-counts"
      columns={[
        { title: t("units.fields.level"), dataIndex: "label", render: (v: string, r) => (r.key === "total" ? <b>{v}</b> : v) },
        { title: t("unitsReorg.import.added"), dataIndex: "added", align: "right", render: n },
        { title: t("unitsReorg.import.closed"), dataIndex: "closed", align: "right", render: (v: number) => (v > 0 ? <Typography.Text type="danger">{n(v)}</Typography.Text> : n(v)) },
        { title: t("unitsReorg.import.changed"), dataIndex: "changed", align: "right", render: n },
        { title: t("unitsReorg.import.unchanged"), dataIndex: "unchanged", align: "right", render: n },
      ]}
    />
  );
}

function SuccessorCounts({ a }: { a: SuccessorAnswer }) {
  const t = useTranslate();
  return (
    <Space direction="vertical">
      <Typography.Text data-testid="successor-counts">{t("unitsReorg.import.successorLine", { predecessors: formatNumber(a.predecessors), linked: formatNumber(a.linked), unchanged: formatNumber(a.unchanged), notFound: formatNumber(a.notFound) })}</Typography.Text>
      {a.carried && <Typography.Text>{t("unitsReorg.import.carried", { successors: formatNumber(a.carried.successors), predecessors: formatNumber(a.carried.predecessors) })}</Typography.Text>}
      {a.notFoundSample.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.notFoundSample.slice(0, 10).map((x) => `${x.old}${x.new ? ` → ${x.new}` : ""}`).join(", ")}{a.notFound > 10 ? "…" : ""}</Typography.Text>
      )}
    </Space>
  );
}
