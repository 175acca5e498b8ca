import fc from "fast-check";
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

describe("forecast options", () => {
  it("the window decides which history counts: a recent speed-up shows with a short window", () => {
    // 100/day for 20 days, then 1.000/day for the last 5
    const values = [...Array.from({ length: 21 }, (_, i) => i * 100), ...Array.from({ length: 5 }, (_, i) => 2000 + (i + 1) * 1000)];
    const s = series("2025-01-01", values);
    const today = s[s.length - 1]!.date;
    expect(forecastCompletion({ series: s, total: 50_000, today, windowDays: 5 }).dailyRate).toBeCloseTo(1000, 6);
    expect(forecastCompletion({ series: s, total: 50_000, today, windowDays: 25 }).dailyRate).toBeCloseTo(7000 / 25, 6);
  });

  it("working days only: weekends neither lower the rate nor count as days left", () => {
    // Mon 2025-02-03 … Mon 2025-02-17: 100 entries each working day, nothing on weekends
    const s: { date: string; value: number }[] = [];
    let v = 0;
    for (let d = 0; d <= 14; d++) {
      const date = new Date(Date.UTC(2025, 1, 3 + d));
      const wd = date.getUTCDay();
      if (d > 0 && wd !== 0 && wd !== 6) v += 100;
      s.push({ date: date.toISOString().slice(0, 10), value: v });
    }
    const f = forecastCompletion({ series: s, total: v + 1000, today: "2025-02-17", deadline: "2025-03-03", windowDays: 14, workingDaysOnly: true });
    expect(f.dailyRate).toBeCloseTo(100, 6);
    expect(f.requiredRate).toBe(100); // 10 working days to 03/03
    expect(f.status).toBe("on_track");
    expect(f.projectedFinish).toBe("2025-03-03");
    const cal = forecastCompletion({ series: s, total: v + 1000, today: "2025-02-17", deadline: "2025-03-03", windowDays: 14 });
    expect(cal.dailyRate).toBeCloseTo(1000 / 14, 6);
  });

  it("gives reasons in both languages for every status", () => {
    const s = series("2025-02-04", Array.from({ length: 15 }, (_, i) => i * 1000));
    const done = forecastCompletion({ series: s, total: 14_000, today: "2025-02-18" });
    expect(done.reason).toEqual({ vi: "đã hoàn thành", en: "done" });
    const onTrack = forecastCompletion({ series: s, total: 30_000, today: "2025-02-18", deadline: "2025-03-10" });
    expect(onTrack.reason.vi).toBe("dự kiến xong ngày 06/03/2025, trước hạn 10/03/2025");
    expect(onTrack.reason.en).toBe("expected to finish on 06/03/2025, before the deadline 10/03/2025");
    const noData = forecastCompletion({ series: [], total: 100, today: "2025-02-18" });
    expect(noData.reason.vi).toBe("chưa có số liệu");
  });
});

describe("forecast on any history (property)", () => {
  it("never throws; rates are finite or null; the status follows the numbers", () => {
    const day = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ date: fc.oneof(day, fc.constantFrom("bad", "2025-13-45")), value: fc.oneof(fc.nat(100_000), fc.constant(Number.NaN)) }), { maxLength: 30 }),
        fc.nat(200_000), day, fc.option(day, { nil: null }), fc.integer({ min: 0, max: 60 }), fc.boolean(),
        (pts, total, today, deadline, windowDays, workingDaysOnly) => {
          const f = forecastCompletion({ series: pts, total, today, deadline, windowDays, workingDaysOnly });
          expect(["done", "on_track", "at_risk", "will_miss", "no_data"]).toContain(f.status);
          for (const x of [f.dailyRate, f.requiredRate]) if (x !== null) expect(Number.isFinite(x) && x >= 0).toBe(true);
          expect(f.remaining).toBeGreaterThanOrEqual(0);
          expect(f.reason.vi.length).toBeGreaterThan(0);
          expect(f.reason.en.length).toBeGreaterThan(0);
          if (f.status === "on_track" && f.requiredRate !== null && f.dailyRate !== null && f.remaining > 0) expect(f.dailyRate).toBeGreaterThanOrEqual(f.requiredRate);
          if (f.projectedFinish) expect(f.projectedFinish >= today).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("forecast at a crawl", () => {
  it("gives no finish date a century or more away (the property run's counterexample), and answers at once", () => {
    const f = forecastCompletion({ series: [{ date: "2025-01-01", value: 3 }, { date: "2025-02-10", value: 4 }], total: 48_388, today: "2025-04-09", deadline: null, windowDays: 59, workingDaysOnly: true });
    expect(f.projectedFinish).toBeNull();
    expect(f.reason.vi).toBe("tiến độ quá chậm để dự báo ngày xong");
  });
});
