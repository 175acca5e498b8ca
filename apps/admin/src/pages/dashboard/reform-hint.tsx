/**
 * When a unit's code names nothing on the chosen date (old Quảng Nam after 01/07/2025), say where it went:
 * the unit it named last, the date it closed, and links to the units that took over its communes, on the same
 * date (marked when they lie outside the person's scope), plus a way back to the last day it existed.
 */
import { useTranslate } from "@refinedev/core";
import { Alert, Button, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { UnitSummary } from "@sohoa/contract";
import { formatDate, formatNumber } from "../../lib/format";
import { useApiGet } from "./use-api";

interface Whereabouts { unit: UnitSummary; current: boolean; successors: { unit: UnitSummary; communes: number; inScope: boolean }[] }

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function ReformHint({ code, date, onDate }: { code: string; date: string; onDate: (d: string) => void }) {
  const t = useTranslate();
  const q = useApiGet<Whereabouts>(`/units/${encodeURIComponent(code)}/successor-units`, { date });
  const w = q.data;
  if (!w || w.current || !w.unit.validTo) return null;
  const last = dayBefore(w.unit.validTo);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="reform-hint"
      message={t("unitsReorg.hint.closed", { name: w.unit.fullName, date: formatDate(w.unit.validTo) })}
      description={
        <Space direction="vertical" size={6}>
          {w.successors.length > 0 && (
            <span>
              {t("unitsReorg.hint.now")}{" "}
              <Space size={[4, 4]} wrap>
                {w.successors.slice(0, 12).map((s) => (
                  <Tag key={s.unit.id} color={s.inScope ? "blue" : undefined}>
                    {s.inScope ? <Link to={`/dashboard/${s.unit.code}?date=${date}`} data-testid={`hint-successor-${s.unit.code}`}>{s.unit.fullName}</Link> : s.unit.fullName}
                    {w.unit.level !== "COMMUNE" ? ` · ${t("unitsReorg.hint.communes", { count: formatNumber(s.communes) })}` : ""}
                  </Tag>
                ))}
              </Space>
            </span>
          )}
          {w.successors.some((s) => !s.inScope) && <Typography.Text type="secondary">{t("unitsReorg.hint.outOfScope")}</Typography.Text>}
          <Button size="small" onClick={() => onDate(last)} data-testid="hint-last-day">{t("unitsReorg.hint.lastDay", { date: formatDate(last) })}</Button>
        </Space>
      }
    />
  );
}
