/**
 * One unit with its history: what it was formed from (predecessors) and what took it over (successors), with
 * dates and shares (GET /api/units/{code}/history, the code read on the unit's own dates). For a unit divided
 * among several successors, an admin chooses how its figures are carried: all to one successor, or split by
 * shares summing to 100% (PUT /api/units/{id}/successors, with a reason, audited).
 */
import { useMemo, useState } from "react";
import { useCan, useTranslate, useGetLocale } from "@refinedev/core";
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import type { UnitSummary } from "@sohoa/contract";
import { useApiGet } from "../dashboard/use-api";
import { errorText, request } from "../../providers/api-client";
import { formatDate } from "../../lib/format";
import { ErrorState, LoadingState } from "../../components/states";
import { TemplateDownload } from "../../components/template-download";

export interface SuccessionLink { id: string; effectiveDate: string; kind: string; isPrimary: boolean; share: number | null; reason: string | null; unit: UnitSummary }
interface History { unit: UnitSummary; predecessors: SuccessionLink[]; successors: SuccessionLink[] }

const pct = (n: number) => `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(n)}%`;

export function UnitShow() {
  const t = useTranslate();
  const { id } = useParams();
  const unit = useApiGet<UnitSummary & { typeName?: string; active?: boolean }>(`/units/${encodeURIComponent(id ?? "")}`, {}, Boolean(id));
  const u = unit.data;
  const history = useApiGet<History>(`/units/${encodeURIComponent(u?.code ?? "")}/history`, { date: u?.validFrom ?? undefined }, Boolean(u));
  const { data: canAdmin } = useCan({ resource: "units", action: "edit" });

  if (unit.isLoading) return <Card><LoadingState rows={6} /></Card>;
  if (unit.error || !u) return <ErrorState error={unit.error} onRetry={unit.refetch} />;
  const h = history.data;
  const dashboardDate = u.validTo ? dayBefore(u.validTo) : undefined;

  const columns = (side: "pred" | "succ") => [
    { title: t("units.fields.name"), key: "name", render: (_: unknown, l: SuccessionLink) => <Link to={`/units/show/${l.unit.id}`}>{l.unit.fullName}</Link> },
    { title: t("units.fields.code"), key: "code", width: 90, render: (_: unknown, l: SuccessionLink) => l.unit.code },
    { title: t("unitsReorg.history.effective"), dataIndex: "effectiveDate", width: 120, render: formatDate },
    { title: t("unitsReorg.history.kind"), dataIndex: "kind", width: 120, render: (k: string) => t(`unitsReorg.kinds.${k}`, k) },
    {
      title: t("unitsReorg.history.share"), key: "share", width: 150,
      render: (_: unknown, l: SuccessionLink) => (
        <Space size={4}>
          {l.share !== null ? pct(l.share) : side === "succ" ? (l.isPrimary ? "100%" : "0%") : "—"}
          {l.isPrimary && <Tag color="blue">{t("unitsReorg.history.primary")}</Tag>}
        </Space>
      ),
    },
    { title: t("unitsReorg.history.reason"), dataIndex: "reason", render: (r: string | null) => r ?? "—" },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="unit-show">
      <Card
        title={<span data-testid="unit-show-name">{u.fullName}</span>}
        extra={<Space wrap><TemplateDownload unitCode={u.code} level={u.level} date={dashboardDate} label={false} /><Link to={`/dashboard/${u.code}${dashboardDate ? `?date=${dashboardDate}` : ""}`}>{t("unitsReorg.history.progress")}</Link></Space>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t("units.fields.code")}>{u.code}</Descriptions.Item>
          <Descriptions.Item label={t("units.fields.level")}>{t(`levels.${u.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t("units.fields.active")}>{u.validTo ? <Tag>{t("units.inactive")}</Tag> : <Tag color="green">{t("app.yes")}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={t("units.fields.validFrom")}>{formatDate(u.validFrom)}</Descriptions.Item>
          <Descriptions.Item label={t("units.fields.validTo")}>{formatDate(u.validTo)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {history.isLoading ? <Card><LoadingState rows={4} /></Card> : history.error || !h ? <ErrorState error={history.error} onRetry={history.refetch} /> : (
        <>
          <Card size="small" title={`${t("unitsReorg.history.predecessors")} (${h.predecessors.length})`}>
            <Table<SuccessionLink> size="small" rowKey="id" dataSource={h.predecessors} columns={columns("pred")} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t("unitsReorg.history.noPredecessors") }} data-testid="predecessors" />
          </Card>
          <Card size="small" title={`${t("unitsReorg.history.successors")} (${h.successors.length})`}>
            <Table<SuccessionLink> size="small" rowKey="id" dataSource={h.successors} columns={columns("succ")} pagination={false} locale={{ emptyText: t("unitsReorg.history.noSuccessors") }} data-testid="successors" />
          </Card>
          {canAdmin?.can && h.successors.length > 1 && <Allocation unitId={u.id} links={h.successors} onSaved={history.refetch} />}
        </>
      )}
    </Space>
  );
}

function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Admin: all to one successor, or shares summing to 100%, with a reason. */
function Allocation({ unitId, links, onSaved }: { unitId: string; links: SuccessionLink[]; onSaved: () => void }) {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const sharedNow = links.some((l) => l.share !== null);
  const [mode, setMode] = useState<"primary" | "shares">(sharedNow ? "shares" : "primary");
  const [primary, setPrimary] = useState(links.find((l) => l.isPrimary)?.unit.id ?? links[0]!.unit.id);
  const [shares, setShares] = useState<Record<string, number>>(() => Object.fromEntries(links.map((l) => [l.unit.id, l.share ?? (l.isPrimary ? 100 : 0)])));
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const total = useMemo(() => Math.round(Object.values(shares).reduce((a, b) => a + (b || 0), 0) * 100) / 100, [shares]);
  const sharesOk = Math.abs(total - 100) < 0.005;

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await request(`/units/${unitId}/successors`, {
        method: "PUT",
        body: mode === "primary" ? { mode, primarySuccessorId: primary, reason } : { mode, reason, shares: links.map((l) => ({ successorId: l.unit.id, percent: shares[l.unit.id] ?? 0 })) },
      });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t("unitsReorg.allocation.title")} data-testid="allocation">
      <Typography.Paragraph type="secondary">{t("unitsReorg.allocation.intro")}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
            <Radio value="primary" data-testid="allocation-mode-primary">{t("unitsReorg.allocation.primary")}</Radio>
            <Radio value="shares" data-testid="allocation-mode-shares">{t("unitsReorg.allocation.shares")}</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === "primary" ? (
          <Form.Item label={t("unitsReorg.allocation.successor")}>
            <Select value={primary} onChange={setPrimary} options={links.map((l) => ({ value: l.unit.id, label: `${l.unit.fullName} (${l.unit.code})` }))} style={{ maxWidth: 400 }} />
          </Form.Item>
        ) : (
          <Form.Item label={t("unitsReorg.allocation.sharesLabel")} validateStatus={sharesOk ? undefined : "error"} help={sharesOk ? undefined : t("unitsReorg.allocation.sum", { total: pct(total) })}>
            <Space direction="vertical">
              {links.map((l) => (
                <Space key={l.unit.id}>
                  <span style={{ display: "inline-block", width: 240 }}>{l.unit.fullName}</span>
                  <InputNumber<number> min={0} max={100} step={5} value={shares[l.unit.id]} addonAfter="%" onChange={(v) => setShares((s) => ({ ...s, [l.unit.id]: v ?? 0 }))} data-testid={`share-${l.unit.code}`} />
                </Space>
              ))}
              <Typography.Text strong data-testid="share-total">{t("unitsReorg.allocation.total")}: {pct(total)}</Typography.Text>
            </Space>
          </Form.Item>
        )}
        <Form.Item label={t("unitsReorg.history.reason")} required>
          <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("unitsReorg.allocation.reasonPlaceholder")} data-testid="allocation-reason" />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={errorText(error, lang)} style={{ marginBottom: 12 }} data-testid="allocation-error" /> : null}
        {saved ? <Alert type="success" showIcon message={t("unitsReorg.allocation.saved")} style={{ marginBottom: 12 }} data-testid="allocation-saved" /> : null}
        <Button type="primary" loading={busy} disabled={reason.trim().length < 5 || (mode === "shares" && !sharesOk)} onClick={save} data-testid="allocation-save">{t("unitsReorg.allocation.save")}</Button>
      </Form>
    </Card>
  );
}
