/**
 * Monthly targets from an .xlsx: download the template (units below a unit × the campaign's months, current
 * targets filled in), fill it in Excel, upload it. The server checks every cell (dry run); errors are shown on
 * their cells here, where they can also be fixed in place and checked again; nothing is stored until the
 * person confirms a sheet without errors.
 */
import { useState } from "react";
import { safeCellValue } from "@sohoa/core";
import { useGetIdentity, useTranslate, useGetLocale, useInvalidate, useOne } from "@refinedev/core";
import { useSelect } from "@refinedev/antd";
import { Alert, Button, Card, Col, DatePicker, Form, Result, Row, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import type { Dayjs } from "dayjs";
import type { User, ValidationIssue } from "@sohoa/contract";
import { gridToMatrices } from "../../lib/grid";
import { parseTypedValue, readXlsx, setCell, XlsxReadError, type Grid } from "../../lib/xlsx";
import { GridPreview } from "../../components/grid-preview";
import { UnitCodeSelect } from "../../components/unit-code-select";
import { ApiError, buildUrl, errorText, request } from "../../providers/api-client";
import { readSession } from "../../providers/session";
import { formatNumber } from "../../lib/format";

interface PreviewRow { unit: { id: string; code: string; fullName: string }; month: string; entriesTarget: number; before: number | null; cell: string }
interface Answer { dryRun: boolean; created: number; updated: number; unchanged: number; rows: PreviewRow[] }

const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/** The grid (possibly fixed in place) back into an .xlsx for the server. */
async function gridToXlsx(grid: Grid): Promise<Blob> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) {
    const ws = wb.addWorksheet(s.name);
    // Escaped like every sheet Sohoa writes (the server takes the apostrophe off a code again).
    for (const r of s.rows) ws.addRow(r.map((v) => (v === null ? null : safeCellValue(v))));
  }
  return new Blob([await wb.xlsx.writeBuffer()], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

export function TargetImport() {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const invalidate = useInvalidate();
  const { data: user } = useGetIdentity<User>();
  const { selectProps: campaigns } = useSelect<{ id: string; name: string }>({ resource: "campaigns", optionLabel: "name", optionValue: "id", pagination: { pageSize: 50 } });
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const [unit, setUnit] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>("COMMUNE");
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [edited, setEdited] = useState(false);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [done, setDone] = useState<Answer | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [original, setOriginal] = useState<File | null>(null);
  // Units are chosen on the map of the sheet's first month (a campaign may predate the 2025 reorganization).
  const campaign = useOne<{ id: string; startDate: string }>({ resource: "campaigns", id: campaignId ?? "", queryOptions: { enabled: Boolean(campaignId) } });
  const mapDate = range?.[0]?.format("YYYY-MM-01") ?? (campaign.result?.startDate ? `${campaign.result.startDate.slice(0, 7)}-01` : undefined);

  const downloadTemplate = async () => {
    if (!campaignId) return;
    setBusy("template");
    setError(null);
    try {
      const url = buildUrl("/targets/template.xlsx", { campaignId, unit: unit ?? user?.unit.code, level, from: range?.[0]?.format("YYYY-MM"), to: range?.[1]?.format("YYYY-MM") });
      const res = await fetch(url, { headers: { authorization: `Bearer ${readSession()?.token ?? ""}` } });
      if (!res.ok) {
        const b = (await res.json().catch(() => null)) as { error?: { message?: { vi: string; en: string } } } | null;
        throw new Error(b?.error?.message?.[lang] ?? `HTTP ${res.status}`);
      }
      const blob = await res.blob();
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "chi-tieu.xlsx";
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const check = async (file: Blob, name: string, dryRun: boolean) => {
    if (!campaignId) { setError(t("unitsReorg.targets.pickCampaign")); return; }
    setBusy(dryRun ? "check" : "import");
    setError(null);
    try {
      const form = new FormData();
      form.set("file", file, name);
      form.set("campaignId", campaignId);
      form.set("dryRun", String(dryRun));
      const { data } = await request<Answer>("/targets/import", { method: "POST", body: form });
      setIssues([]);
      if (dryRun) setAnswer(data);
      else { setDone(data); void invalidate({ resource: "targets", invalidates: ["list"] }); }
    } catch (e) {
      setAnswer(null);
      if (e instanceof ApiError && e.issues.length) setIssues(e.issues);
      else setIssues([]);
      setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (f: File) => {
    setFileName(f.name);
    setOriginal(f);
    setEdited(false);
    setAnswer(null);
    setDone(null);
    setIssues([]);
    try {
      setGrid(await readXlsx(await f.arrayBuffer()));
    } catch (e) {
      setGrid(null);
      setError(e instanceof XlsxReadError ? e.msg[lang] : errorText(e, lang));
      return;
    }
    await check(f, f.name, true);
  };

  // What is sent: the file as chosen, or the grid once a cell was fixed here.
  const current = async (): Promise<Blob> => (edited && grid ? gridToXlsx(grid) : original!);

  if (done) {
    return (
      <Card data-testid="targets-import-done">
        <Result status="success" title={t("unitsReorg.targets.done", { created: formatNumber(done.created), updated: formatNumber(done.updated) })} subTitle={t("unitsReorg.targets.unchanged", { count: formatNumber(done.unchanged) })}
          extra={[<Link key="l" to="/targets"><Button type="primary">{t("unitsReorg.targets.toList")}</Button></Link>, <Button key="again" onClick={() => { setDone(null); setGrid(null); setFileName(null); setAnswer(null); }}>{t("unitsReorg.targets.again")}</Button>]} />
      </Card>
    );
  }

  const errors = issues.filter((i) => i.severity === "error");
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="targets-import-page">
      <Card size="small" title={t("unitsReorg.targets.title")}>
        <Typography.Paragraph type="secondary">{t("unitsReorg.targets.intro")}</Typography.Paragraph>
        <Form layout="vertical">
          <Row gutter={12}>
            <Col xs={24} md={12}><Form.Item label={t("targets.fields.campaignId")} required><Select {...(campaigns as object)} value={campaignId} onChange={(v: string) => setCampaignId(v)} data-testid="targets-campaign" /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label={t("unitsReorg.targets.root")} extra={t("unitsReorg.targets.rootHint")}><UnitCodeSelect value={unit} onChange={setUnit} date={mapDate} allowClear data-testid="targets-unit" /></Form.Item></Col>
            <Col xs={24} md={12}>
              <Form.Item label={t("unitsReorg.targets.level")}>
                <Select value={level ?? "ALL"} onChange={(v) => setLevel(v === "ALL" ? undefined : v)} options={[{ value: "COMMUNE", label: t("levels.COMMUNE") }, { value: "DISTRICT", label: t("levels.DISTRICT") }, { value: "ALL", label: t("unitsReorg.targets.allLevels") }]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}><Form.Item label={t("unitsReorg.targets.months")} extra={t("unitsReorg.targets.monthsHint")}><DatePicker.RangePicker picker="month" format="MM/YYYY" value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} /></Form.Item></Col>
          </Row>
          <Button icon={<DownloadOutlined />} disabled={!campaignId} loading={busy === "template"} onClick={() => void downloadTemplate()} data-testid="targets-template">{t("unitsReorg.targets.template")}</Button>
        </Form>
      </Card>

      <Card size="small" title={t("unitsReorg.targets.upload")}>
        <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} showUploadList={false} disabled={!campaignId} beforeUpload={(f) => { void onFile(f); return false; }} data-testid="targets-dropzone">
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{fileName ?? t("unitsReorg.targets.drop")}</p>
          <p className="ant-upload-hint">{campaignId ? t("unitsReorg.targets.dropHint") : t("unitsReorg.targets.pickCampaign")}</p>
        </Upload.Dragger>
      </Card>

      {error && <Alert type="error" showIcon message={error} data-testid="targets-error" />}

      {errors.length > 0 && (
        <Card size="small" title={<span data-testid="targets-error-count">{t("unitsReorg.targets.errors", { count: errors.length })}</span>}
          extra={<Button type="primary" loading={busy === "check"} disabled={!edited} onClick={() => void current().then((b) => check(b, fileName ?? "chi-tieu.xlsx", true))} data-testid="targets-recheck">{t("unitsReorg.targets.recheck")}</Button>}>
          <Table<ValidationIssue> size="small" rowKey={(i) => `${i.cell}-${i.code}-${errors.indexOf(i)}`} dataSource={errors} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="targets-issues"
            columns={[
              { title: t("unitsReorg.targets.cell"), dataIndex: "cell", width: 80, render: (c: string) => <Tag color="red">{c}</Tag> },
              { title: t("unitsReorg.targets.message"), key: "m", render: (_, i) => i.message[lang] },
            ]} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t("unitsReorg.targets.fixHint")}</Typography.Paragraph>
        </Card>
      )}

      {grid && (errors.length > 0 || answer) && (
        <Card size="small" title={fileName}>
          <GridPreview sheets={gridToMatrices(grid)} issues={issues} lang={lang} maxRows={400}
            onEdit={(sheet, row, col, value) => { setGrid((g) => (g ? setCell(g, sheet, row, col, parseTypedValue(value)) : g)); setEdited(true); }} />
        </Card>
      )}

      {answer && errors.length === 0 && (
        <Card size="small" title={t("unitsReorg.targets.previewTitle")} data-testid="targets-preview">
          <Typography.Paragraph data-testid="targets-preview-counts">{t("unitsReorg.targets.previewLine", { created: formatNumber(answer.created), updated: formatNumber(answer.updated), unchanged: formatNumber(answer.unchanged) })}</Typography.Paragraph>
          <Table<PreviewRow> size="small" rowKey={(r) => `${r.unit.id}-${r.month}`} dataSource={answer.rows.filter((r) => r.before !== r.entriesTarget)} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t("targets.fields.unitId"), key: "u", render: (_, r) => `${r.unit.fullName} (${r.unit.code})` },
              { title: t("unitsReorg.targets.month"), dataIndex: "month", width: 100, render: monthLabel },
              { title: t("unitsReorg.targets.before"), dataIndex: "before", align: "right", width: 140, render: (v: number | null) => (v === null ? "—" : formatNumber(v)) },
              { title: t("unitsReorg.targets.after"), dataIndex: "entriesTarget", align: "right", width: 140, render: (v: number) => <b>{formatNumber(v)}</b> },
            ]} />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={busy === "import"} disabled={answer.created + answer.updated === 0} onClick={() => void current().then((b) => check(b, fileName ?? "chi-tieu.xlsx", false))} data-testid="targets-confirm">{t("unitsReorg.targets.confirm")}</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
