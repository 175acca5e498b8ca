import { useTranslate } from "@refinedev/core";
import { BUCKETS, BUCKET_COLORS } from "../../lib/dashboard";
import type { Bucket } from "@sohoa/contract";
import { formatNumber } from "../../lib/format";

/** Vertical bars: how many units are at 0%, under 10%, under 50%, 50–99% and done. */
export function BucketChart({ buckets, onSelect, selected }: { buckets: Record<Bucket, number>; onSelect?: (b: Bucket | null) => void; selected?: Bucket | null }) {
  const t = useTranslate();
  const max = Math.max(1, ...BUCKETS.map((b) => buckets[b] ?? 0));
  const W = 360, H = 170, top = 18, bottom = 34, gap = 14;
  const bw = (W - gap * (BUCKETS.length + 1)) / BUCKETS.length;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t("dashboard.distribution")} data-testid="bucket-chart" style={{ maxHeight: 200 }}>
      <line x1={0} x2={W} y1={H - bottom} y2={H - bottom} stroke="#d9d9d9" />
      {BUCKETS.map((b, i) => {
        const v = buckets[b] ?? 0;
        const h = ((H - top - bottom) * v) / max;
        const x = gap + i * (bw + gap);
        const y = H - bottom - h;
        const dim = selected && selected !== b;
        return (
          <g key={b} data-testid={`bucket-${b}`} style={{ cursor: onSelect ? "pointer" : undefined }} onClick={() => onSelect?.(selected === b ? null : b)} opacity={dim ? 0.35 : 1}>
            <title>{`${t(`dashboard.buckets.${b}`)}: ${formatNumber(v)}`}</title>
            <rect x={x} y={y} width={bw} height={Math.max(h, v > 0 ? 2 : 0)} fill={BUCKET_COLORS[b]} rx={2} />
            <text x={x + bw / 2} y={y - 4} textAnchor="middle" fontSize={12} fontWeight={600}>{formatNumber(v)}</text>
            <text x={x + bw / 2} y={H - bottom + 16} textAnchor="middle" fontSize={11} fill="#595959">{t(`dashboard.buckets.${b}`)}</text>
          </g>
        );
      })}
    </svg>
  );
}
