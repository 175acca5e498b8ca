/** One submission: its issues, the grid with problem cells highlighted, the original file, its versions and what changed. */
import { useState } from "react";
import { useOne, useTranslate, useGetLocale } from "@refinedev/core";
import { Show } from "@refinedev/antd";
import { Alert, Button, Card, Descriptions, Table, Tag, Timeline, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useParams, Link } from "react-router";
import type { NamedCode, UnitSummary, ValidationIssue } from "@sohoa/contract";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";
import { gridToMatrices } from "../../lib/grid";
import { diffFigures, type Figure } from "../../lib/versions";
import { GridPreview } from "../../components/grid-preview";
import { ErrorState, EmptyState } from "../../components/states";
import { errorText, request } from "../../providers/api-client";
import { readSession } from "../../providers/session";
import { STATUS_COLOR, type SubmissionRow } from "./list";

interface Submission extends SubmissionRow {
  unitDetail?: UnitSummary; checksum?: string; issues?: ValidationIssue[]; grid?: unknown; figures?: Figure[]; versions?: SubmissionRow[];
}

export function SubmissionShow() {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const { id } = useParams();
  const { result: s, query } = useOne<Submission>({ resource: "submissions", id: id ?? "", queryOptions: { enabled: Boolean(id) } });
  const versions = s?.versions ?? [];
  const index = versions.findIndex((v) => v.id === s?.id);
  // the previous accepted version of the same unit and date, to say what this one changed
  const previousId = index > 0 ? [...versions.slice(0, index)].reverse().find((v) => v.status === "ACCEPTED")?.id : undefined;
  const { result: previous } = useOne<Submission>({ resource: "submissions", id: previousId ?? "", queryOptions: { enabled: Boolean(previousId) } });
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const download = async () => {
    setDownloadError(null);
    try {
      // fetch with the Bearer token (a plain link would carry no credentials), then hand the blob to the browser
      const res = await fetch(`/api/submissions/${id}/file`, { headers: { authorization: `Bearer ${readSession()?.token ?? ""}` } });
      if (!res.ok) {
        await request(`/submissions/${id}/file`); // turns the error body into an ApiError (and handles 401)
        return;
      }
      const blob = await res.blob();
      const name = /filename\*?=(?:UTF-8'')?"?([^";]+)/i.exec(res.headers.get("content-disposition") ?? "")?.[1];
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name ? decodeURIComponent(name) : `submission-${id}.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setDownloadError(e);
    }
  };

  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const issues = s?.issues ?? [];
  const sheets = gridToMatrices(s?.grid);
  const name = (x: NamedCode) => (lang === "en" ? x.nameEn : x.nameVi);
  // a first version has nothing to compare with: show only the figures it set above zero
  const changes = s?.figures ? diffFigures(previous?.figures ?? [], s.figures).filter((c) => previousId || c.after !== 0) : [];
  const unit = s?.unitDetail ?? s?.unit;

  return (
    <Show title={t("submissions.titles.show")} isLoading={query.isLoading} headerButtons={<Button icon={<DownloadOutlined />} onClick={download} disabled={s?.hasFile === false} title={s?.hasFile === false ? t("submissions.noFile") : undefined}>{t("submissions.download")}</Button>}>
      {downloadError ? <Alert type="error" showIcon message={errorText(downloadError)} style={{ marginBottom: 12 }} /> : null}
      {s && (
        <div data-testid="submission">
          <Descriptions size="small" bordered column={{ xs: 1, md: 2, lg: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("submissions.fields.unitId")}>{unit ? <Link to={`/dashboard/${unit.code}`}>{unit.fullName} ({unit.code})</Link> : "—"}</Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.reportDate")}>{formatDate(s.reportDate)}</Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.status")}><Tag color={STATUS_COLOR[s.status] ?? "default"}>{t(`submissions.status.${s.status}`, s.status)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.source")}>{t(`submissions.source.${s.source}`, s.source)}</Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.submittedAt")}>{formatDateTime(s.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.submittedBy")}>{s.submittedBy ?? "—"}</Descriptions.Item>
            {s.correctionReason && <Descriptions.Item label={t("submissions.fields.correctionReason")}>{s.correctionReason}</Descriptions.Item>}
            {s.checksum && <Descriptions.Item label={t("submissions.fields.checksum")}><Typography.Text code>{s.checksum.slice(0, 16)}</Typography.Text></Descriptions.Item>}
          </Descriptions>
          <Card size="small" title={`${t("submissions.fields.issues")} (${issues.length})`} style={{ marginBottom: 12 }}>
            {issues.length === 0 ? <EmptyState text={t("submissions.noIssues")} /> : (
              <Table<ValidationIssue> size="small" rowKey={(i) => `${i.code}:${i.sheet ?? ""}:${i.cell ?? ""}:${i.message.vi}`} dataSource={issues} pagination={{ pageSize: 10 }} columns={[
                { title: t("upload.severity"), dataIndex: "severity", width: 100, render: (v: string) => <Tag color={v === "error" ? "red" : "gold"}>{t(`upload.${v}`)}</Tag> },
                { title: t("upload.sheet"), dataIndex: "sheet", width: 140 },
                { title: t("upload.cell"), dataIndex: "cell", width: 70 },
                { title: t("upload.message"), key: "m", render: (_: unknown, i) => i.message[lang] },
              ]} />
            )}
          </Card>
          <Card size="small" title={t("submissions.preview")} style={{ marginBottom: 12 }}>
            {sheets.length ? <GridPreview sheets={sheets} issues={issues} lang={lang} /> : <EmptyState />}
          </Card>
          <Card size="small" title={t("submissions.versions")} style={{ marginBottom: 12 }}>
            {versions.length <= 1 ? <EmptyState text={t("submissions.noVersions")} /> : (
              <Timeline items={versions.map((v, i) => ({
                color: v.id === s.id ? "red" : "gray",
                children: <span>{v.id === s.id ? <b>v{i + 1}</b> : <Link to={`/submissions/show/${v.id}`}>v{i + 1}</Link>} · {formatDateTime(v.submittedAt)} · {v.submittedBy ?? ""} <Tag color={STATUS_COLOR[v.status] ?? "default"}>{t(`submissions.status.${v.status}`, v.status)}</Tag></span>,
              }))} />
            )}
          </Card>
          {s.figures && s.figures.length > 0 && (
            <Card size="small" title={t("submissions.changes")}>
              {changes.length === 0 ? <EmptyState /> : (
                <Table size="small" pagination={false} rowKey={(c) => `${c.registerKind.code}:${c.phase.code}:${c.field}`} dataSource={changes} data-testid="changes" columns={[
                  { title: t("dashboard.columns.kind"), key: "k", render: (_: unknown, c) => name(c.registerKind) },
                  { title: t("dashboard.columns.phase"), key: "p", render: (_: unknown, c) => name(c.phase) },
                  { title: "", key: "f", render: (_: unknown, c) => t(`submissions.figureFields.${c.field}`) },
                  { title: t("submissions.before"), key: "b", align: "right", render: (_: unknown, c) => formatNumber(c.before) },
                  { title: t("submissions.after"), key: "a", align: "right", render: (_: unknown, c) => <b>{formatNumber(c.after)}</b> },
                ]} />
              )}
            </Card>
          )}
        </div>
      )}
    </Show>
  );
}
