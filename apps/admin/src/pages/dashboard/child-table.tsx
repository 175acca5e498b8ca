import { useTranslate } from "@refinedev/core";
import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { UnitProgress } from "@sohoa/contract";
import { formatDate, formatDateTime, formatGrowth, formatNumber, formatPercent } from "../../lib/format";
import { BUCKET_COLORS } from "../../lib/dashboard";
import { ForecastTag } from "./forecast-tag";

const byNumber = (f: (u: UnitProgress) => number | null) => (a: UnitProgress, b: UnitProgress) => (f(a) ?? -1) - (f(b) ?? -1);

/** Child units with completion, rank, % of target, growth, forecast and last report; a row click drills down. */
export function ChildTable({ rows, onOpen, testId = "child-table" }: { rows: UnitProgress[]; onOpen: (u: UnitProgress) => void; testId?: string }) {
  const t = useTranslate();
  const columns: ColumnsType<UnitProgress> = [
    {
      title: t("dashboard.columns.name"), dataIndex: "name", key: "name", fixed: "left", width: 170,
      sorter: (a, b) => a.name.localeCompare(b.name, "vi"),
      render: (_: unknown, u) => <Typography.Link onClick={(e) => { e.stopPropagation(); onOpen(u); }} data-testid={`child-${u.code}`}>{u.name}</Typography.Link>,
    },
    {
      title: t("dashboard.columns.completion"), key: "completion", width: 180, defaultSortOrder: "descend",
      sorter: byNumber((u) => u.completion),
      render: (_: unknown, u) => (
        <div>
          {/* a plain bar: 25–250 antd Progress components cost more than the rest of the row */}
          <div style={{ height: 6, background: "#f0f0f0", borderRadius: 3, overflow: "hidden" }} aria-hidden>
            <div style={{ width: `${Math.min(100, (u.completion ?? 0) * 100)}%`, height: "100%", background: u.bucket ? BUCKET_COLORS[u.bucket] : "#8c8c8c" }} />
          </div>
          <Typography.Text style={{ fontSize: 12 }}>{formatNumber(u.counts.entriesDigitized)}/{formatNumber(u.counts.entriesTotal)} ({formatPercent(u.completion)})</Typography.Text>
        </div>
      ),
    },
    { title: t("dashboard.columns.books"), key: "books", width: 80, align: "right", sorter: byNumber((u) => u.booksCompletion), render: (_: unknown, u) => formatPercent(u.booksCompletion) },
    { title: t("dashboard.columns.rank"), key: "rank", width: 80, align: "right", sorter: byNumber((u) => u.rank), render: (_: unknown, u) => (u.rank ? `${u.rank}/${u.siblings}` : "—") },
    { title: t("dashboard.columns.targetPercent"), key: "target", width: 90, align: "right", sorter: byNumber((u) => u.target?.percent ?? null), render: (_: unknown, u) => <span style={{ color: u.target?.percent !== null && u.target?.percent !== undefined && u.target.percent < 1 ? "#cf1322" : undefined }}>{formatPercent(u.target?.percent)}</span> },
    { title: <span title={t("dashboard.columns.growthHelp")} data-testid="growth-help">{t("dashboard.columns.growth")}</span>, key: "growth", width: 90, align: "right", sorter: byNumber((u) => u.growth), render: (_: unknown, u) => formatGrowth(u.growth) },
    { title: t("dashboard.columns.forecast"), key: "forecast", width: 120, render: (_: unknown, u) => <ForecastTag forecast={u.forecast} /> },
    { title: t("dashboard.columns.deadline"), key: "deadline", width: 95, render: (_: unknown, u) => formatDate(u.deadline) },
    {
      title: t("dashboard.columns.lastReport"), key: "lastReport", width: 130, sorter: (a, b) => (a.lastReportAt ?? "").localeCompare(b.lastReportAt ?? ""),
      render: (_: unknown, u) => (u.lastReportAt ? formatDateTime(u.lastReportAt) : <Typography.Text type="danger">{t("dashboard.notReported")}</Typography.Text>),
    },
  ];
  return (
    <Table<UnitProgress>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1035 }}
      showSorterTooltip={false}
      pagination={rows.length > 25 ? { pageSize: 25, showSizeChanger: true, pageSizeOptions: [25, 50, 100, 250], size: "small" } : false}
      onRow={(u) => ({ onClick: () => onOpen(u), style: { cursor: "pointer" } })}
      data-testid={testId}
    />
  );
}
