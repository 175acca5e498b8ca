/**
 * Web upload for officials without the add-in: drop an .xlsx, read it here into a Grid, send it to the server as
 * a dry run (nothing stored) and show its answer: the problems on their cells and how the sheet was read (unit,
 * date and their cells, rows tinted by role). Offline, core's validation runs in the browser instead. Cells are
 * fixed in place, then sent to POST /api/submissions (source CONSOLE) with an Idempotency-Key from the content.
 * The sheet being worked on is kept as a draft, so a session expiry loses nothing.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useGetIdentity, useTranslate, useGetLocale, useInvalidate } from "@refinedev/core";
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Result, Row, Space, Spin, Tag, Typography, Upload } from "antd";
import { InboxOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import dayjs from "dayjs";
import { todayInVietnam } from "@sohoa/core";
import type { DryRun, ProgressView, Receipt, User, ValidationIssue, WorkbookReading } from "@sohoa/contract";
import { gridToMatrices, parseA1 } from "../../lib/grid";
import { gridKey, parseTypedValue, readXlsx, setCell, XlsxReadError, type Grid } from "../../lib/xlsx";
import { communeContext, validateInBrowser, type ClientValidationContext } from "../../lib/browser-validation";
import { installCoreValidator } from "../../lib/core-validator";
import { GridPreview, type GridFocus } from "../../components/grid-preview";
import { UnitSelect } from "../../components/unit-select";
import { ApiError, errorText, request } from "../../providers/api-client";
import { clearDraft, draftKey, loadDraft, saveDraft } from "../../providers/drafts";
import { formatDate, formatNumber } from "../../lib/format";
import { ReadingCard, ROLE_COLORS } from "./reading-card";
import { IssuesTable } from "./issues-table";
import { TemplateDownload } from "../../components/template-download";
import { focusOf, frozenFromReading } from "./focus";

interface Draft { fileName: string; unitCode: string; reportDate?: string; grid: Grid }

const KEY = draftKey("upload");
installCoreValidator();

export function UploadPage() {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const invalidate = useInvalidate();
  const { data: user } = useGetIdentity<User>();
  const [draft, setDraft] = useState<Draft | null>(() => loadDraft<Draft>(KEY));
  const [unitCode, setUnitCode] = useState<string | undefined>(draft?.unitCode);
  const [reportDate, setReportDate] = useState<string | undefined>(draft?.reportDate);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [checkedLocally, setCheckedLocally] = useState(false);
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const [correctionReason, setCorrectionReason] = useState("");
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [workbookReading, setWorkbookReading] = useState<WorkbookReading | null>(null);
  const [localOnly, setLocalOnly] = useState(false);
  const [picked, setPicked] = useState<GridFocus | null>(null);
  useEffect(() => setPicked(null), [issues]);

  useEffect(() => {
    if (!unitCode && user) setUnitCode(user.unit.code);
  }, [user, unitCode]);
  useEffect(() => {
    if (draft) saveDraft(KEY, { ...draft, unitCode: unitCode ?? draft.unitCode, reportDate });
  }, [draft, unitCode, reportDate]);

  const contextCache = useRef<{ key: string; ctx: ClientValidationContext | null } | null>(null);
  const runLocal = async (grid: Grid) => {
    if (!unitCode) return;
    let local: ValidationIssue[] | null;
    try {
      // the unit's kinds × phases and latest figures are the context core validates against (fetched once per unit and date)
      const key = `${unitCode}|${reportDate ?? ""}`;
      if (contextCache.current?.key !== key) {
        const { data } = await request<ProgressView>(`/units/${encodeURIComponent(unitCode)}/progress`, { query: { date: reportDate } });
        contextCache.current = { key, ctx: communeContext(data.unit, data.breakdown, todayInVietnam(new Date()), reportDate) };
      }
      local = await validateInBrowser(grid, contextCache.current.ctx);
    } catch {
      // No local check possible (offline, or no context): the server validates on submit and answers with the same issues.
      local = null;
    }
    setCheckedLocally(local !== null);
    if (local) setIssues(local);
  };

  /** The server's dry run (authoritative: the whole unit tree, the latest figures); the browser's check when offline. */
  const runCheck = async (grid: Grid) => {
    if (!unitCode) return;
    try {
      const { data } = await request<DryRun>("/submissions", { method: "POST", body: { unitCode, grid, source: "CONSOLE", dryRun: true, ...(reportDate ? { reportDate } : {}) } });
      setIssues(data.issues ?? []);
      setWorkbookReading(data.reading ?? null);
      setCheckedLocally(true);
      setLocalOnly(false);
      return;
    } catch (e) {
      setWorkbookReading(null);
      // a refusal that names its problems is a check like any other: they go on the cells
      if (e instanceof ApiError && e.issues.length) {
        setIssues(e.issues);
        setCheckedLocally(true);
        return;
      }
      if (!(e instanceof ApiError) || e.statusCode !== 0) {
        setSendError(e);
        return;
      }
    }
    setLocalOnly(true);
    await runLocal(grid);
  };

  const onFile = async (file: File) => {
    setReading(true);
    setReadError(null);
    setReceipt(null);
    setIssues([]);
    setSendError(null);
    try {
      const grid = await readXlsx(await file.arrayBuffer());
      const d = { fileName: file.name, unitCode: unitCode ?? user?.unit.code ?? "", reportDate, grid };
      setDraft(d);
      await runCheck(grid);
    } catch (e) {
      setReadError(t("upload.badFile", { message: e instanceof XlsxReadError ? e.msg[lang] : errorText(e) }));
    } finally {
      setReading(false);
    }
  };

  const onEdit = (sheet: string, row: number, col: number, text: string) => {
    if (!draft) return;
    const grid = setCell(draft.grid, sheet, row, col, parseTypedValue(text));
    setDraft({ ...draft, grid });
    // Until the next check, an edited cell's old problems no longer apply.
    setIssues((prev) => prev.filter((i) => !(i.sheet === undefined || i.sheet === sheet) || [i.cell, ...(i.cells ?? [])].every((c) => { const p = c ? parseA1(c) : null; return !p || p.row !== row || p.col !== col; })));
    void runCheck(grid);
  };

  const submit = async () => {
    if (!draft || !unitCode) return;
    setSending(true);
    setSendError(null);
    try {
      const body = { unitCode, grid: draft.grid, source: "CONSOLE", ...(reportDate ? { reportDate } : {}), ...(acceptWarnings ? { acceptWarnings: true } : {}), ...(correctionReason.trim() ? { correctionReason: correctionReason.trim() } : {}) };
      const key = await gridKey(unitCode, draft.grid, reportDate, acceptWarnings);
      const { data } = await request<Receipt>("/submissions", { method: "POST", body, headers: { "Idempotency-Key": key } });
      setReceipt(data);
      setIssues(data.warnings ?? []);
      clearDraft(KEY);
      await invalidate({ resource: "submissions", invalidates: ["list"] });
    } catch (e) {
      setSendError(e);
      if (e instanceof ApiError && e.issues.length) setIssues(e.issues);
    } finally {
      setSending(false);
    }
  };

  const reset = () => {
    clearDraft(KEY);
    setDraft(null);
    setIssues([]);
    setReceipt(null);
    setSendError(null);
    setAcceptWarnings(false);
    setCorrectionReason("");
    setWorkbookReading(null);
  };

  const sheets = useMemo(() => (draft ? gridToMatrices(draft.grid) : []), [draft]);
  const rowTints = useMemo(() => {
    const m: Record<string, Map<number, string>> = {};
    for (const s of workbookReading?.sheets ?? []) m[s.name] = new Map(s.rows.flatMap((r) => (ROLE_COLORS[r.role] ? [[r.row, ROLE_COLORS[r.role]!] as [number, string]] : [])));
    return m;
  }, [workbookReading]);
  const errors = issues.filter((i) => i.severity === "error");
  // the first problem (an error before a warning) is brought into view; a click in the list picks another
  const firstProblem = useMemo(() => focusOf(errors.find((i) => i.cell) ?? issues.find((i) => i.cell), sheets), [issues, sheets]); // eslint-disable-line react-hooks/exhaustive-deps
  const frozenColumns = useMemo(() => frozenFromReading(workbookReading), [workbookReading]);
  const warnings = issues.filter((i) => i.severity === "warning");
  const canPickUnit = user && user.role !== "COMMUNE";

  if (receipt) {
    return (
      <div data-testid="upload-done">
      <Result
        status="success"
        title={t("upload.submitted", { rows: formatNumber(receipt.accepted.rows), units: formatNumber(receipt.accepted.units) })}
        subTitle={`${t("upload.reportDate")}: ${formatDate(receipt.reportDate)}`}
        extra={[
          <Link key="d" to={`/dashboard/${unitCode}?date=${receipt.reportDate}`}><Button type="primary" data-testid="to-dashboard">{t("menu.dashboard")}</Button></Link>,
          <Link key="s" to={`/submissions/show/${receipt.id}`}><Button>{t("submissions.titles.show")}</Button></Link>,
          <Button key="n" onClick={reset}>{t("upload.another")}</Button>,
        ]}
      />
      </div>
    );
  }

  return (
    <Card title={t("upload.title")} data-testid="upload-page">
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t("upload.unit")} required>
          {canPickUnit ? <UnitSelect valueField="code" value={unitCode} onChange={(v) => setUnitCode(v as string)} style={{ width: 260 }} /> : <Typography.Text strong>{user?.unit.name} ({unitCode})</Typography.Text>}
        </Form.Item>
        <Form.Item label={t("upload.reportDate")}>
          <DatePicker format="DD/MM/YYYY" value={reportDate ? dayjs(reportDate) : null} onChange={(d) => setReportDate(d ? d.format("YYYY-MM-DD") : undefined)} />
        </Form.Item>
      </Form>
      <div style={{ marginBottom: 12 }}><TemplateDownload unitCode={unitCode} level={unitCode === user?.unit.code ? user?.unit.level : undefined} date={reportDate} /></div>

      {!draft && (
        <Spin spinning={reading} tip={t("upload.parsing")}>
          <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} showUploadList={false} beforeUpload={(f) => { void onFile(f); return false; }} data-testid="upload-dropzone">
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t("upload.drop")}</p>
            <p className="ant-upload-hint">{t("upload.hint")}</p>
          </Upload.Dragger>
        </Spin>
      )}
      {readError && <Alert type="error" showIcon message={readError} style={{ marginTop: 12 }} data-testid="read-error" />}

      {draft && (
        <Space direction="vertical" style={{ width: "100%" }} size={12}>
          <Row justify="space-between" align="middle">
            <Col><Typography.Text strong>{draft.fileName}</Typography.Text> <Tag color={errors.length ? "red" : "default"} data-testid="error-count">{t("upload.errors", { count: errors.length })}</Tag> <Tag color={warnings.length ? "gold" : "default"}>{t("upload.warnings", { count: warnings.length })}</Tag></Col>
            <Col><Button onClick={reset}>{t("upload.another")}</Button></Col>
          </Row>
          {issues.length === 0 && checkedLocally && <Alert type="success" showIcon message={t("upload.ok")} />}
          <ReadingCard reading={workbookReading} localOnly={localOnly} unitCode={unitCode} onSaved={() => void runCheck(draft.grid)} />
          {sendError !== null && !(sendError instanceof ApiError && sendError.issues.length) ? <Alert type="error" showIcon message={errorText(sendError)} data-testid="send-error" /> : null}
          {issues.length > 0 && (
            <>
              {sendError instanceof ApiError && sendError.issues.length > 0 && <Alert type={errors.length ? "error" : "warning"} showIcon message={errorText(sendError)} description={t("upload.fixHint")} data-testid="server-issues" />}
              <IssuesTable issues={issues} lang={lang} onPick={(i) => setPicked(focusOf(i, sheets))} />
            </>
          )}
          <Typography.Text type="secondary">{t("upload.fixHint")}</Typography.Text>
          <GridPreview sheets={sheets} issues={issues} lang={lang} onEdit={onEdit} rowTints={rowTints} frozenColumns={frozenColumns} focus={picked ?? firstProblem} />
          <Space wrap>
            {warnings.length > 0 && <Checkbox checked={acceptWarnings} onChange={(e) => setAcceptWarnings(e.target.checked)} id="accept-warnings" data-testid="accept-warnings">{t("upload.acceptWarnings")}</Checkbox>}
            <Input placeholder={t("upload.correctionReason")} value={correctionReason} onChange={(e) => setCorrectionReason(e.target.value)} style={{ width: 320 }} />
            <Button type="primary" onClick={submit} loading={sending} disabled={!unitCode || errors.length > 0} data-testid="submit-sheet">{t("upload.submit")}</Button>
          </Space>
          {errors.length > 0 && <Typography.Text type="danger" data-testid="submit-blocked">{t("uploadFix.blocked", { count: errors.length })}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
