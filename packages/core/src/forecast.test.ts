import { describe, expect, it } from "vitest";
import { forecastCompletion } from "./forecast";

const series = (start: string, values: number[]) =>
  values.map((value, i) => ({ date: new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), value }));

describe("forecast", () => {
  it("says what a lagging unit needs: cần 1.250 dữ liệu/ngày, hiện đạt 310", () => {
    // 310 entries/day over the last 14 days; 20 days left for 25.000 entries → 1.250/day needed
    const s = series("2025-02-04", Array.from({ length: 15 }, (_, i) => 10_000 + i * 310));
    const f = forecastCompletion({ series: s, total: 14_340 + 25_000, today: "2025-02-18", deadline: "2025-03-10" });
    expect(f.status).toBe("will_miss");
    expect(f.dailyRate).toBeCloseTo(310, 5);
    expect(f.requiredRate).toBe(1_250);
    expect(f.reason.vi).toBe("cần 1.250 dữ liệu/ngày, hiện đạt 310");
    expect(f.reason.en).toBe("needs 1,250 entries/day, does 310");
  });

  it("is on track when the rate is enough, at risk when close, done when done, no data without figures", () => {
    const s = series("2025-02-04", Array.from({ length: 15 }, (_, i) => i * 1000));
    expect(forecastCompletion({ series: s, total: 30_000, today: "2025-02-18", deadline: "2025-03-10" }).status).toBe("on_track");
    expect(forecastCompletion({ series: s, total: 14_000 + 20 * 1300, today: "2025-02-18", deadline: "2025-03-10" }).status).toBe("at_risk");
    expect(forecastCompletion({ series: s, total: 14_000, today: "2025-02-18", deadline: "2025-03-10" }).status).toBe("done");
    expect(forecastCompletion({ series: [], total: 100, today: "2025-02-18" }).status).toBe("no_data");
  });

  it("is robust to missing days: a cumulative series with gaps gives the same rate", () => {
    const full = series("2025-02-04", Array.from({ length: 15 }, (_, i) => i * 100));
    const gappy = full.filter((_, i) => i % 3 === 0 || i === 14);
    const a = forecastCompletion({ series: full, total: 10_000, today: "2025-02-18", deadline: "2025-04-01" });
    const b = forecastCompletion({ series: gappy, total: 10_000, today: "2025-02-18", deadline: "2025-04-01" });
    expect(b.dailyRate).toBeCloseTo(a.dailyRate!, 6);
    expect(b.projectedFinish).toBe(a.projectedFinish);
  });

  it("past the deadline with work left: will miss", () => {
    const s = series("2025-03-01", [0, 10, 20]);
    expect(forecastCompletion({ series: s, total: 100, today: "2025-03-03", deadline: "2025-03-02" }).status).toBe("will_miss");
  });
});
