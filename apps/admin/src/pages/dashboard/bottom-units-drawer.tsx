import { useTranslate } from "@refinedev/core";
import { useNavigate } from "react-router";
import { Drawer, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { BottomUnit, BottomUnitsView, Bucket } from "@sohoa/contract";
import { BUCKET_COLORS } from "../../lib/dashboard";
import { formatDate, formatNumber, formatPercent } from "../../lib/format";
import { ErrorState } from "../../components/states";
import { useApiGet } from "./use-api";

/** The communes of one band (0%, under 10%…) with their district, figures and last report date; a row opens its dashboard. */
export function BottomUnitsDrawer({ code, date, band, onClose }: { code: string; date: string; band: Bucket | null; onClose: () => void }) {
  const t = useTranslate();
  const navigate = useNavigate();
  const list = useApiGet<BottomUnitsView>(`/units/${encodeURIComponent(code)}/bottom-units`, { date, list: band ?? undefined }, band !== null);
  const rows = list.data?.units ?? [];
  const columns: ColumnsType<BottomUnit> = [
    { title: t("dashboard.columns.name"), key: "name", render: (_: unknown, u) => <Typography.Link data-testid={`band-unit-${u.code}`}>{u.fullName}</Typography.Link>, sorter: (a, b) => a.name.localeCompare(b.name, "vi") },
    { title: t("dashboard.parent"), key: "parent", render: (_: unknown, u) => u.parent?.fullName ?? "—", sorter: (a, b) => (a.parent?.code ?? "").localeCompare(b.parent?.code ?? "") },
    {
      title: t("dashboard.columns.completion"), key: "completion", align: "right", defaultSortOrder: "ascend", sorter: (a, b) => (a.completion ?? 0) - (b.completion ?? 0),
      render: (_: unknown, u) => <span>{formatNumber(u.counts.entriesDigitized)}/{formatNumber(u.counts.entriesTotal)} (<b style={{ color: BUCKET_COLORS[u.bucket] }}>{formatPercent(u.completion)}</b>)</span>,
    },
    {
      title: t("dashboard.columns.lastReport"), key: "lastReport", width: 130, sorter: (a, b) => (a.lastReportDate ?? "").localeCompare(b.lastReportDate ?? ""),
      render: (_: unknown, u) => (u.lastReportDate ? formatDate(u.lastReportDate) : <Typography.Text type="danger">{t("dashboard.notReported")}</Typography.Text>),
    },
  ];
  return (
    <Drawer
      open={band !== null}
      onClose={onClose}
      width={760}
      title={band ? t("dashboard.bandList", { band: t(`dashboard.buckets.${band}`), count: list.data ? formatNumber(rows.length) : "…" }) : null}
      data-testid="band-drawer"
    >
      {list.error ? <ErrorState error={list.error} onRetry={list.refetch} /> : (
        <Table<BottomUnit>
          rowKey="code"
          size="small"
          loading={list.isLoading}
          columns={columns}
          dataSource={rows}
          showSorterTooltip={false}
          pagination={rows.length > 50 ? { pageSize: 50, size: "small" } : false}
          onRow={(u) => ({ onClick: () => navigate({ pathname: `/dashboard/${u.code}`, search: `?date=${date}` }), style: { cursor: "pointer" } })}
          data-testid="band-table"
        />
      )}
    </Drawer>
  );
}
