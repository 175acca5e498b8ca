import { useTranslate, useGetLocale } from "@refinedev/core";
import { Table } from "antd";
import type { KindPhaseRow } from "@sohoa/contract";
import { formatDate, formatNumber, formatPercent } from "../../lib/format";
import { EmptyState } from "../../components/states";

/** Figures per register kind × phase: a commune's own, above it summed over the subtree (no version). */
export function BreakdownTable({ rows }: { rows: KindPhaseRow[] }) {
  const t = useTranslate();
  const en = useGetLocale()() === "en";
  if (rows.length === 0) return <EmptyState />;
  return (
    <Table<KindPhaseRow>
      size="small"
      rowKey={(r) => `${r.registerKind.code}:${r.phase.code}`}
      dataSource={rows}
      pagination={false}
      data-testid="breakdown-table"
      columns={[
        { title: t("dashboard.columns.kind"), key: "kind", render: (_: unknown, r) => (en ? r.registerKind.nameEn : r.registerKind.nameVi) },
        { title: t("dashboard.columns.phase"), key: "phase", render: (_: unknown, r) => (en ? r.phase.nameEn : r.phase.nameVi) },
        { title: t("dashboard.books"), key: "books", align: "right", render: (_: unknown, r) => `${formatNumber(r.counts.booksDigitized)}/${formatNumber(r.counts.booksTotal)}` },
        { title: t("dashboard.entries"), key: "entries", align: "right", render: (_: unknown, r) => `${formatNumber(r.counts.entriesDigitized)}/${formatNumber(r.counts.entriesTotal)}` },
        { title: t("dashboard.columns.completion"), key: "completion", align: "right", render: (_: unknown, r) => formatPercent(r.completion) },
        { title: t("dashboard.checked"), key: "checked", align: "right", render: (_: unknown, r) => formatNumber(r.counts.entriesChecked) },
        { title: t("dashboard.loaded"), key: "loaded", align: "right", render: (_: unknown, r) => formatNumber(r.counts.entriesLoaded) },
        { title: t("dashboard.columns.reportDate"), key: "date", render: (_: unknown, r) => formatDate(r.reportDate) },
        { title: t("dashboard.columns.version"), key: "version", align: "right", render: (_: unknown, r) => r.version ?? "—" },
      ]}
    />
  );
}
