/** The unit search's results: the date searched, and for a closed unit when it closed and where it went. */
import { useTranslate } from "@refinedev/core";
import { Table, Tag, Typography } from "antd";
import type { UnitSummary } from "@sohoa/contract";
import { matchesQuery } from "../../lib/text";
import { formatDate } from "../../lib/format";

export type FoundUnit = UnitSummary & { successors?: { code: string; fullName: string; effectiveDate: string }[] };

export function UnitSearchResults({ results, q, asOf, latest, onPick }: { results: FoundUnit[]; q: string; asOf: string | null; latest: boolean; onPick: (u: FoundUnit) => void }) {
  const t = useTranslate();
  return (
    <Table<FoundUnit>
      size="small" rowKey="id" dataSource={results} pagination={{ pageSize: 20 }} data-testid="unit-results"
      title={() => (
        <span>
          {t("units.matches", { count: results.length })}
          {asOf && <Typography.Text type="secondary" data-testid="unit-search-as-of"> · {t(latest ? "unitSearch.asOfLatest" : "unitSearch.asOf", { date: formatDate(asOf) })}</Typography.Text>}
        </span>
      )}
      onRow={(u) => ({ onClick: () => onPick(u), style: { cursor: "pointer" } })}
      columns={[
        { title: t("units.fields.code"), dataIndex: "code", width: 90 },
        {
          title: t("units.fields.name"), dataIndex: "fullName",
          render: (v: string, u) => (
            <>
              {matchesQuery(v || u.name, q) ? <b>{v || u.name}</b> : v || u.name}
              {u.validTo && (
                <div data-testid="unit-successor-hint">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("unitSearch.closedSince", { date: formatDate(u.validTo) })}
                    {u.successors?.length ? ` → ${u.successors.map((s) => s.fullName).join(", ")}` : ""}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        { title: t("units.fields.level"), dataIndex: "level", render: (v: string) => t(`levels.${v}`) },
        { title: t("units.fields.active"), dataIndex: "validTo", render: (v: string | null) => (v && asOf && v <= asOf ? <Tag>{t("unitSearch.former")}</Tag> : <Tag color="green">{t("app.yes")}</Tag>) },
      ]}
    />
  );
}
