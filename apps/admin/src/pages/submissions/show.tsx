/** One submission: its issues, the grid with problem cells highlighted, the original file, its versions and what changed. */
import { useState } from "react";
import { useOne, useTranslate, useGetLocale } from "@refinedev/core";
import { Show } from "@refinedev/antd";
import { Alert, Button, Card, Descriptions, List, Table, Tag, Timeline, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useParams, Link } from "react-router";
import type { ValidationIssue, UnitSummary, ProgressCounts } from "../../lib/api-types";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";
import { gridToMatrices } from "../../lib/grid";
import { GridPreview } from "../../components/grid-preview";
import { ErrorState, EmptyState } from "../../components/states";
import { errorText, request } from "../../providers/api-client";
import { readSession } from "../../providers/session";
import { STATUS_COLOR } from "./list";

interface Version { id: string; version?: number; submittedAt: string; status?: string; source?: string; checksum?: string; submittedBy?: { username: string } | null }
interface Change { unitCode?: string; unit?: UnitSummary; registerKind?: string | { code: string; nameVi: string; nameEn: string }; phase?: string | { code: string; nameVi: string; nameEn: string }; field?: string; before?: number | Partial<ProgressCounts> | null; after?: number | Partial<ProgressCounts> | null }
interface Submission {
  id: string; unit?: UnitSummary; reportDate: string; status: string; source: string; submittedAt: string; checksum?: string;
  submittedBy?: { username: string; displayName?: string } | null; correctionReason?: string | null; hasFile?: boolean; fileName?: string | null;
  issues?: ValidationIssue[]; grid?: unknown; versions?: Version[]; changes?: Change[]; accepted?: { rows: number; units: number };
}

export function SubmissionShow() {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const { id } = useParams();
  const { result: s, query } = useOne<Submission>({ resource: "submissions", id: id ?? "" , queryOptions: { enabled: Boolean(id) } });
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
      a.download = name ? decodeURIComponent(name) : s?.fileName ?? `submission-${id}.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setDownloadError(e);
    }
  };

  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const issues = s?.issues ?? [];
  const sheets = gridToMatrices(s?.grid);
  const name = (x: Change["registerKind"]) => (typeof x === "object" && x ? (lang === "en" ? x.nameEn : x.nameVi) : x ?? "");
  const count = (v: Change["before"]) => (typeof v === "number" ? formatNumber(v) : v && typeof v === "object" ? formatNumber(v.entriesDigitized ?? null) : "—");

  return (
    <Show title={t("submissions.titles.show")} isLoading={query.isLoading} headerButtons={<Button icon={<DownloadOutlined />} onClick={download} disabled={s?.hasFile === false}>{t("submissions.download")}</Button>}>
      {downloadError ? <Alert type="error" showIcon message={errorText(downloadError)} style={{ marginBottom: 12 }} /> : null}
      {s && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2, lg: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("submissions.fields.unitId")}>{s.unit ? <Link to={`/dashboard/${s.unit.code}`}>{s.unit.name} ({s.unit.code})</Link> : "—"}</Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.reportDate")}>{formatDate(s.reportDate)}</Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.status")}><Tag color={STATUS_COLOR[s.status] ?? "default"}>{t(`submissions.status.${s.status}`, s.status)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.source")}>{t(`submissions.source.${s.source}`, s.source)}</Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.submittedAt")}>{formatDateTime(s.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("submissions.fields.submittedBy")}>{s.submittedBy?.displayName ?? s.submittedBy?.username ?? "—"}</Descriptions.Item>
            {s.correctionReason && <Descriptions.Item label={t("submissions.fields.correctionReason")}>{s.correctionReason}</Descriptions.Item>}
            {s.checksum && <Descriptions.Item label={t("submissions.fields.checksum")}><Typography.Text code>{s.checksum.slice(0, 16)}</Typography.Text></Descriptions.Item>}
          </Descriptions>
          <Card size="small" title={`${t("submissions.fields.issues")} (${issues.length})`} style={{ marginBottom: 12 }}>
            {issues.length === 0 ? <EmptyState text={t("submissions.noIssues")} /> : (
              <Table<ValidationIssue> size="small" rowKey={(i, n) => `${i.code}:${i.cell ?? ""}:${n}`} dataSource={issues} pagination={{ pageSize: 10 }} columns={[
                { title: t("upload.severity"), dataIndex: "severity", width: 100, render: (v: string) => <Tag color={v === "error" ? "red" : "gold"}>{t(`upload.${v}`)}</Tag> },
                { title: t("upload.sheet"), dataIndex: "sheet", width: 120 },
                { title: t("upload.cell"), dataIndex: "cell", width: 80 },
                { title: t("upload.message"), key: "m", render: (_: unknown, i) => i.message[lang] },
              ]} />
            )}
          </Card>
          <Card size="small" title={t("submissions.preview")} style={{ marginBottom: 12 }}>
            {sheets.length ? <GridPreview sheets={sheets} issues={issues} lang={lang} /> : <EmptyState />}
          </Card>
          <Card size="small" title={t("submissions.versions")} style={{ marginBottom: 12 }}>
            {(s.versions ?? []).length === 0 ? <EmptyState text={t("submissions.noVersions")} /> : (
              <Timeline items={(s.versions ?? []).map((v) => ({
                color: v.id === s.id ? "red" : "gray",
                children: <span>{v.id === s.id ? <b>v{v.version ?? "?"}</b> : <Link to={`/submissions/show/${v.id}`}>v{v.version ?? "?"}</Link>} · {formatDateTime(v.submittedAt)} · {v.submittedBy?.username ?? ""} {v.status && <Tag color={STATUS_COLOR[v.status] ?? "default"}>{t(`submissions.status.${v.status}`, v.status)}</Tag>}</span>,
              }))} />
            )}
          </Card>
          {s.changes && (
            <Card size="small" title={t("submissions.changes")}>
              <List size="small" dataSource={s.changes} renderItem={(c) => (
                <List.Item>{c.unit?.name ?? c.unitCode} · {name(c.registerKind)} · {name(c.phase)} {c.field ? `· ${c.field}` : ""}: {count(c.before)} → <b>{count(c.after)}</b></List.Item>
              )} />
            </Card>
          )}
        </>
      )}
    </Show>
  );
}
