/**
 * "Chậm tiến độ" (lagging), the rule the laggards card states: among sibling territories with figures, the
 * third with the lowest completion, unfinished, and not doing the daily pace their own deadline needs. The
 * pace alone is not enough: in a push like Quảng Nam's 20-day peak nearly every district is short of it, and
 * a list of all of them names nobody; the rank alone would list a unit that is on pace to finish in time.
 * Agencies (the Department of Justice) are not territories: they are neither ranked nor listed.
 */
import type { Message } from "./types";

export interface LagCandidate {
  level: string;
  completion: number | null;
  entriesTotal: number;
  /** From forecastCompletion: the recent daily rate and the rate the unit's own deadline needs (null: no deadline). */
  dailyRate: number | null;
  requiredRate: number | null;
}

export const LAGGARD_RULE: Message = {
  vi: "Chậm tiến độ: thuộc nhóm 1/3 đơn vị có tỷ lệ hoàn thành thấp nhất và tốc độ hiện tại không đủ để xong trước hạn của chính đơn vị.",
  en: "Lagging: in the third of units with the lowest completion, and not fast enough to finish by the unit's own deadline.",
};

/** Short of the daily pace its own deadline needs; without a deadline there is no pace to miss. */
export function isBehindPace(u: Pick<LagCandidate, "dailyRate" | "requiredRate">): boolean {
  if (u.requiredRate === null) return true;
  return (u.dailyRate ?? 0) < u.requiredRate;
}

/** The lagging units among siblings, lowest completion first (ties at the third's edge are all in). */
export function laggingUnits<T>(units: readonly T[], view: (u: T) => LagCandidate): T[] {
  const ranked = units
    .map((u) => ({ u, c: view(u) }))
    .filter(({ c }) => c.level !== "AGENCY" && c.entriesTotal > 0)
    .sort((a, b) => (a.c.completion ?? 0) - (b.c.completion ?? 0));
  if (ranked.length === 0) return [];
  const edge = ranked[Math.ceil(ranked.length / 3) - 1]!.c.completion ?? 0;
  return ranked.filter(({ c }) => (c.completion ?? 0) <= edge && (c.completion ?? 0) < 1 && isBehindPace(c)).map(({ u }) => u);
}
