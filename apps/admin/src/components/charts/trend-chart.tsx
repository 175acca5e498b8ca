import { useTranslate, useGetLocale } from "@refinedev/core";
import type { TrendPoint } from "@sohoa/contract";
import { compactNumber, dayNumber, linearScale, niceTicks, pathOf } from "../../lib/chart";
import { formatDate, formatNumber } from "../../lib/format";

/** Cumulative digitized entries against the target line, the total to reach and the deadline. */
export function TrendChart({ points: all, deadline, asOf }: { points: TrendPoint[]; deadline: string | null; asOf?: string }) {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const W = 640, H = 230, left = 56, right = 16, top = 14, bottom = 40;
  // From the first report on: the days before it are no figures, not zeros (drawn as 0 they made a cliff).
  const from = all.findIndex((p) => p.entriesTotal > 0 || p.entriesDigitized > 0);
  const points = from > 0 ? all.slice(from) : all;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const d0 = dayNumber(first.date);
  const d1 = Math.max(dayNumber(last.date), deadline ? dayNumber(deadline) : 0, d0 + 1);
  const total = Math.max(...points.map((p) => p.entriesTotal));
  const maxY = Math.max(total, ...points.map((p) => Math.max(p.entriesDigitized, p.target ?? 0)), 1);
  const ticks = niceTicks(maxY, 4);
  const yMax = ticks[ticks.length - 1] ?? maxY;
  const x = linearScale([d0, d1], [left, W - right]);
  const y = linearScale([0, yMax], [H - bottom, top]);
  const done = pathOf(points.map((p) => [x(dayNumber(p.date)), y(p.entriesDigitized)]));
  const targetPts = points.filter((p) => p.target !== null).map((p) => [x(dayNumber(p.date)), y(p.target ?? 0)] as [number, number]);
  const xTicks = Array.from({ length: 5 }, (_, i) => Math.round(d0 + ((d1 - d0) * i) / 4));
  const dateOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t("dashboard.trend")} data-testid="trend-chart" style={{ maxHeight: 260 }}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke="#f0f0f0" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize={10} fill="#8c8c8c">{compactNumber(v, lang)}</text>
          </g>
        ))}
        {xTicks.map((n) => (
          <text key={n} x={x(n)} y={H - bottom + 16} textAnchor="middle" fontSize={10} fill="#8c8c8c">{formatDate(dateOf(n)).slice(0, 5)}</text>
        ))}
        <line x1={left} x2={W - right} y1={y(total)} y2={y(total)} stroke="#595959" strokeDasharray="2 3" />
        <text x={W - right} y={y(total) - 4} textAnchor="end" fontSize={10} fill="#595959">{t("dashboard.total")}: {formatNumber(total)}</text>
        {targetPts.length > 1 && <path d={pathOf(targetPts)} fill="none" stroke="#1677ff" strokeWidth={1.5} strokeDasharray="6 4" />}
        <path d={done} fill="none" stroke="#b71c1c" strokeWidth={2.2} />
        {deadline && (
          <g>
            <line x1={x(dayNumber(deadline))} x2={x(dayNumber(deadline))} y1={top} y2={H - bottom} stroke="#cf1322" strokeDasharray="4 3" />
            <text x={x(dayNumber(deadline)) - 4} y={H - bottom - 6} textAnchor="end" fontSize={10} fill="#cf1322">{t("dashboard.deadline")} {formatDate(deadline)}</text>
          </g>
        )}
        {asOf && dayNumber(asOf) >= d0 && dayNumber(asOf) <= d1 && <line x1={x(dayNumber(asOf))} x2={x(dayNumber(asOf))} y1={top} y2={H - bottom} stroke="#bfbfbf" />}
        <circle cx={x(dayNumber(last.date))} cy={y(last.entriesDigitized)} r={3.5} fill="#b71c1c">
          <title>{`${formatDate(last.date)}: ${formatNumber(last.entriesDigitized)}`}</title>
        </circle>
      </svg>
      <div style={{ display: "flex", gap: 16, fontSize: 12, color: "#595959", flexWrap: "wrap" }}>
        <span><svg width={18} height={8}><line x1={0} x2={18} y1={4} y2={4} stroke="#b71c1c" strokeWidth={2.2} /></svg> {t("dashboard.cumulative")}</span>
        <span><svg width={18} height={8}><line x1={0} x2={18} y1={4} y2={4} stroke="#1677ff" strokeDasharray="6 4" strokeWidth={1.5} /></svg> {t("dashboard.targetLine")}</span>
        {deadline && <span><svg width={18} height={8}><line x1={9} x2={9} y1={0} y2={8} stroke="#cf1322" /></svg> {t("dashboard.deadline")}</span>}
      </div>
    </div>
  );
}
