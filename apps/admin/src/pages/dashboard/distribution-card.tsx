import { useState } from "react";
import { useTranslate } from "@refinedev/core";
import { Card, Segmented, Space, Typography } from "antd";
import type { BottomUnitsView, Bucket, ProgressView } from "@sohoa/contract";
import { formatNumber, formatPercent } from "../../lib/format";
import { BucketChart } from "../../components/charts/bucket-chart";
import { ErrorState, LoadingState } from "../../components/states";
import { BottomUnitsDrawer } from "./bottom-units-drawer";
import { useApiGet } from "./use-api";

type Level = "bottom" | "children";

/**
 * Distribution by completion. Above the districts the bands count the communes at the bottom of the subtree
 * (what leaders ask: which communes are at 0%, under 10%…), a bar opening their list; the switch goes back to
 * the direct children, whose bars filter the child table.
 */
export function DistributionCard({ data, selected, onSelect }: { data: ProgressView; selected: Bucket | null; onSelect: (b: Bucket | null) => void }) {
  const t = useTranslate();
  const deep = data.children.some((c) => c.hasChildren);
  const [level, setLevel] = useState<Level>("bottom");
  const showBottom = deep && level === "bottom";
  const bottom = useApiGet<BottomUnitsView>(`/units/${encodeURIComponent(data.unit.code)}/bottom-units`, { date: data.date }, showBottom);
  const [band, setBand] = useState<Bucket | null>(null);
  const switchTo = (l: Level) => {
    setLevel(l);
    onSelect(null);
  };
  return (
    <Card
      size="small"
      title={t("dashboard.distribution")}
      style={{ height: "100%" }}
      data-testid="distribution"
    >
      {deep && (
        <Segmented<Level> size="small" block value={level} onChange={switchTo} data-testid="distribution-level" style={{ marginBottom: 8 }}
          options={[{ value: "bottom", label: t("dashboard.levelSwitch.bottom") }, { value: "children", label: t("dashboard.levelSwitch.children") }]} />
      )}
      {!showBottom ? (
        <BucketChart buckets={data.buckets} selected={selected} onSelect={onSelect} />
      ) : bottom.isLoading ? <LoadingState rows={4} /> : bottom.error || !bottom.data ? <ErrorState error={bottom.error} onRetry={bottom.refetch} /> : (
        <Space direction="vertical" size={4} style={{ width: "100%" }}>
          <BucketChart buckets={bottom.data.buckets} selected={band} onSelect={setBand} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="bottom-note">{t("dashboard.bottomNote", { total: formatNumber(bottom.data.total) })}</Typography.Text>
          {bottom.data.agencies.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="agencies-apart">
              {t("dashboard.agenciesApart", { names: bottom.data.agencies.map((a) => `${a.name} (${formatPercent(a.completion)})`).join(", ") })}
            </Typography.Text>
          )}
        </Space>
      )}
      {showBottom && <BottomUnitsDrawer code={data.unit.code} date={data.date} band={band} onClose={() => setBand(null)} />}
    </Card>
  );
}
