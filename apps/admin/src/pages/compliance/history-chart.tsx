import { useTranslate } from "@refinedev/core";
import type { ComplianceHistory } from "@sohoa/contract";
import { formatDate, formatNumber } from "../../lib/format";

export const STATUS_COLORS = { onTime: "#389e0d", late: "#fa8c16", missing: "#cf1322" } as const;
const KEYS = ["onTime", "late", "missing"] as const;

/** Stacked bars per period (on time / late / missing), a day off drawn as an empty grey bar. Hand-written SVG. */
export function ComplianceHistoryChart({ history }: { history: ComplianceHistory }) {
  const t = useTranslate();
  const ps = history.periods;
  const max = Math.max(1, ...ps.map((p) => p.onTime + p.late + p.missing));
  const W = 960, H = 200, left = 36, right = 8, top = 10, bottom = 34;
  const slot = (W - left - right) / Math.max(1, ps.length);
  const bw = Math.max(3, Math.min(28, slot * 0.7));
  const y = (v: number) => ((H - top - bottom) * v) / max;
  const every = Math.ceil(ps.length / 12);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t("reporting.compliance.history")} data-testid="compliance-chart" style={{ maxHeight: 220 }}>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={W - right} y1={H - bottom - y(max * f)} y2={H - bottom - y(max * f)} stroke="#f0f0f0" />
          <text x={left - 4} y={H - bottom - y(max * f) + 4} textAnchor="end" fontSize={10} fill="#8c8c8c">{formatNumber(Math.round(max * f))}</text>
        </g>
      ))}
      {ps.map((p, i) => {
        const x = left + i * slot + (slot - bw) / 2;
        let base = H - bottom;
        const label = p.start === p.end ? formatDate(p.start) : `${formatDate(p.start)} – ${formatDate(p.end)}`;
        return (
          <g key={p.start} data-period={p.start}>
            <title>{`${label}: ${KEYS.map((k) => `${t(`reporting.compliance.${k}`)} ${formatNumber(p[k])}`).join(", ")}${p.dayOff ? ` (${t("reporting.compliance.off")})` : ""}`}</title>
            {p.dayOff && p.onTime + p.late === 0 ? (
              <rect x={x} y={top} width={bw} height={H - top - bottom} fill="#fafafa" stroke="#d9d9d9" strokeDasharray="2 2" />
            ) : (
              KEYS.map((k) => {
                const h = y(p[k]);
                base -= h;
                return h > 0 ? <rect key={k} x={x} y={base} width={bw} height={h} fill={STATUS_COLORS[k]} /> : null;
              })
            )}
            {i % every === 0 && (
              <text x={x + bw / 2} y={H - bottom + 14} textAnchor="middle" fontSize={10} fill="#595959">{formatDate(p.start).slice(0, 5)}</text>
            )}
          </g>
        );
      })}
      {KEYS.map((k, i) => (
        <g key={k} transform={`translate(${left + i * 130}, ${H - 8})`}>
          <rect width={10} height={10} y={-9} fill={STATUS_COLORS[k]} />
          <text x={14} fontSize={11}>{t(`reporting.compliance.${k}`)}</text>
        </g>
      ))}
    </svg>
  );
}
