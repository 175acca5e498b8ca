/**
 * The 2025 reorganization for one new province (GET /api/reorganization/{code}): each new commune, what it was
 * formed from (with the share of a divided commune), and the figures carried into it on 01/07/2025, with a bar
 * chart of the carried entries. Route: /reorganization or /reorganization/:code.
 */
import { useMemo, useState } from "react";
import { useGetIdentity, useTranslate } from "@refinedev/core";
import { Card, Col, Input, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { Link, useNavigate, useParams } from "react-router";
import type { ProgressCounts, UnitSummary, User } from "@sohoa/contract";
import { useApiGet } from "../dashboard/use-api";
import { formatCompletionLine, formatDate, formatNumber, formatPercent, ratio } from "../../lib/format";
import { matchesQuery } from "../../lib/text";
import { compactNumber } from "../../lib/chart";
import { UnitCodeSelect } from "../../components/unit-code-select";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";

type Counts = ProgressCounts;
interface Source { unit: UnitSummary; share: number; isPrimary: boolean; divided: boolean; figures: Counts }
interface Commune { unit: UnitSummary; carried: Counts; formedFrom: Source[] }
interface Formation { province: UnitSummary; effectiveDate: string; carried: Counts; communes: Commune[] }

const EFFECTIVE = "2025-07-01";

export function ReorganizationPage() {
  const t = useTranslate();
  const { data: user } = useGetIdentity<User>();
  const params = useParams();
  const navigate = useNavigate();
  // A person scoped to a new province sees it at once; others choose one.
  const own = user && user.unit.level === "PROVINCE" && !user.unit.validTo && (user.unit.validFrom ?? "") >= EFFECTIVE ? user.unit.code : undefined;
  const code = params.code ?? own;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="reorganization-page">
      <Card size="small">
        <Space wrap>
          <Typography.Text strong>{t("unitsReorg.reorg.province")}</Typography.Text>
          <UnitCodeSelect value={code} date={EFFECTIVE} onChange={(c) => c && navigate(`/reorganization/${c}`)} style={{ width: 320 }} placeholder={t("unitsReorg.reorg.pick")} data-testid="reorg-province" />
          <Typography.Text type="secondary">{t("unitsReorg.reorg.effective", { date: formatDate(EFFECTIVE) })}</Typography.Text>
        </Space>
      </Card>
      {code ? <Formation code={code} /> : <Card><EmptyState text={t("unitsReorg.reorg.pickHint")} /></Card>}
    </Space>
  );
}

function Formation({ code }: { code: string }) {
  const t = useTranslate();
  const q = useApiGet<Formation>(`/reorganization/${encodeURIComponent(code)}`, { effective: EFFECTIVE });
  const [filter, setFilter] = useState("");
  const rows = useMemo(() => (q.data?.communes ?? []).filter((c) => !filter || matchesQuery(c.unit.fullName, filter) || c.formedFrom.some((s) => matchesQuery(s.unit.fullName, filter))), [q.data, filter]);
  if (q.isLoading) return <Card><LoadingState rows={8} /></Card>;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={q.refetch} />;
  const d = q.data;
  const predecessors = new Set(d.communes.flatMap((c) => c.formedFrom.map((s) => s.unit.id))).size;
  const divided = new Set(d.communes.flatMap((c) => c.formedFrom.filter((s) => s.divided).map((s) => s.unit.id))).size;

  return (
    <>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}><Card size="small"><Statistic title={t("unitsReorg.reorg.newCommunes")} value={formatNumber(d.communes.length)} /><Typography.Text type="secondary">{d.province.fullName}</Typography.Text></Card></Col>
        <Col xs={24} md={8}><Card size="small"><Statistic title={t("unitsReorg.reorg.oldCommunes")} value={formatNumber(predecessors)} /><Typography.Text type="secondary">{t("unitsReorg.reorg.divided", { count: divided })}</Typography.Text></Card></Col>
        <Col xs={24} md={8}><Card size="small"><Statistic title={t("unitsReorg.reorg.carried")} value={formatPercent(ratio(d.carried.entriesDigitized, d.carried.entriesTotal))} /><Typography.Text strong data-testid="reorg-carried">{formatCompletionLine(d.carried.entriesDigitized, d.carried.entriesTotal)}</Typography.Text></Card></Col>
      </Row>
      <Card size="small" title={t("unitsReorg.reorg.chart")}>
        <CarriedBars communes={d.communes} />
      </Card>
      <Card size="small" title={`${t("unitsReorg.reorg.table")} (${formatNumber(rows.length)})`} extra={<Input.Search allowClear placeholder={t("unitsReorg.reorg.filter")} onChange={(e) => setFilter(e.target.value)} style={{ width: 280 }} data-testid="reorg-filter" />}>
        <Table<Commune>
          size="small" rowKey={(c) => c.unit.id} dataSource={rows} pagination={{ pageSize: 25, showSizeChanger: false }} data-testid="reorg-table"
          columns={[
            { title: t("unitsReorg.reorg.newCommune"), key: "unit", width: 220, render: (_, c) => <Link to={`/units/show/${c.unit.id}`}>{c.unit.fullName}</Link>, sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, "vi") },
            { title: t("units.fields.code"), key: "code", width: 80, render: (_, c) => c.unit.code },
            {
              title: t("unitsReorg.reorg.formedFrom"), key: "from",
              render: (_, c) => (
                <Space size={[4, 4]} wrap>
                  {c.formedFrom.map((s) => (
                    <Tag key={s.unit.id} color={s.divided ? "orange" : undefined} title={formatCompletionLine(s.figures.entriesDigitized, s.figures.entriesTotal)}>
                      <Link to={`/units/show/${s.unit.id}`}>{s.unit.fullName}</Link> ({s.unit.code}){s.divided ? ` · ${formatNumber(s.share)}%` : ""}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t("unitsReorg.reorg.carriedEntries"), key: "carried", width: 230, align: "right", sorter: (a, b) => a.carried.entriesTotal - b.carried.entriesTotal, render: (_, c) => formatCompletionLine(c.carried.entriesDigitized, c.carried.entriesTotal) },
          ]}
        />
      </Card>
    </>
  );
}

/** Horizontal bars: entries carried into each new commune (digitized dark, still to do light), largest first. */
function CarriedBars({ communes }: { communes: Commune[] }) {
  const t = useTranslate();
  const top = [...communes].sort((a, b) => b.carried.entriesTotal - a.carried.entriesTotal).slice(0, 20);
  if (top.length === 0) return <EmptyState />;
  const max = Math.max(1, ...top.map((c) => c.carried.entriesTotal));
  const W = 900, label = 190, barH = 16, gap = 6, right = 150;
  const H = top.length * (barH + gap) + 24;
  const x = (v: number) => (v / max) * (W - label - right);
  return (
    <div style={{ overflowX: "auto" }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W, minWidth: 600 }} role="img" aria-label={t("unitsReorg.reorg.chart")} data-testid="reorg-chart">
        {top.map((c, i) => {
          const y = i * (barH + gap);
          return (
            <g key={c.unit.id} data-code={c.unit.code}>
              <text x={label - 6} y={y + barH - 4} textAnchor="end" fontSize={11}>{c.unit.name}</text>
              <rect x={label} y={y} width={x(c.carried.entriesTotal)} height={barH} fill="#f3c8c8" />
              <rect x={label} y={y} width={x(c.carried.entriesDigitized)} height={barH} fill="#b71c1c" />
              <text x={label + x(c.carried.entriesTotal) + 6} y={y + barH - 4} fontSize={11} fill="#555">
                {compactNumber(c.carried.entriesDigitized)}/{compactNumber(c.carried.entriesTotal)} ({formatPercent(ratio(c.carried.entriesDigitized, c.carried.entriesTotal))})
              </text>
            </g>
          );
        })}
        <g transform={`translate(${label}, ${H - 10})`} fontSize={11}>
          <rect width={10} height={10} y={-9} fill="#b71c1c" /><text x={14}>{t("unitsReorg.reorg.legendDone")}</text>
          <rect x={130} width={10} height={10} y={-9} fill="#f3c8c8" /><text x={144}>{t("unitsReorg.reorg.legendLeft")}</text>
        </g>
      </svg>
    </div>
  );
}
