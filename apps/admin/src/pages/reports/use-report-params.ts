/** Unit, period, date and schedule of the reporting pages, kept in the URL (shareable, survives reloads). */
import { useSearchParams } from "react-router";
import { useGetIdentity } from "@refinedev/core";
import type { PeriodParam, ReportingSchedule, User } from "@sohoa/contract";

export const CADENCE_OF: Record<PeriodParam, ReportingSchedule["cadence"]> = { day: "DAILY", week: "WEEKLY", month: "MONTHLY" };

export function useReportParams() {
  const { data: user } = useGetIdentity<User>();
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
  };
  return {
    unit: params.get("unit") ?? user?.unit.code ?? "",
    /** the unit was chosen (in the URL), not the user's own by default */
    unitChosen: params.has("unit"),
    userLevel: user?.unit.level,
    period: (params.get("period") as PeriodParam | null) ?? "day",
    date: params.get("date") ?? undefined,
    schedule: params.get("schedule") ?? undefined,
    set,
  };
}
