import { describe, expect, it } from "vitest";
import { cutoffsBetween, isDayOff, isoWeekday, lastCutoff, localDate, localInstant, nextCutoff, periodOf, previousPeriod, type ScheduleRule } from "./schedule";

const DAILY: ScheduleRule = { cadence: "DAILY", cutoffMinutes: 1020 };
const WEEKLY: ScheduleRule = { cadence: "WEEKLY", cutoffMinutes: 1080, weekday: 5 };
const MONTHLY: ScheduleRule = { cadence: "MONTHLY", cutoffMinutes: 0, monthDay: 16 };
const at = (s: string) => new Date(s);

describe("reporting periods and cut-offs (Asia/Ho_Chi_Minh)", () => {
  it("daily at 17:00 local is 10:00 UTC", () => {
    expect(periodOf(DAILY, "2025-02-18")).toEqual({ start: "2025-02-18", end: "2025-02-18", cutoffAt: "2025-02-18T10:00:00.000Z", dayOff: false });
  });

  it("weekly before Friday 18:00: the week of Monday 17/02/2025 closes on Friday 21/02 at 11:00 UTC", () => {
    expect(isoWeekday("2025-02-21")).toBe(5);
    expect(isoWeekday("2025-02-23")).toBe(7);
    expect(isoWeekday("2025-02-17")).toBe(1);
    expect(periodOf(WEEKLY, "2025-02-18")).toEqual({ start: "2025-02-17", end: "2025-02-23", cutoffAt: "2025-02-21T11:00:00.000Z", dayOff: false });
    // Sunday belongs to the week that started on Monday; Monday starts a new one
    expect(periodOf(WEEKLY, "2025-02-23").start).toBe("2025-02-17");
    expect(periodOf(WEEKLY, "2025-02-24")).toMatchObject({ start: "2025-02-24", end: "2025-03-02", cutoffAt: "2025-02-28T11:00:00.000Z" });
    // a week across a year boundary
    expect(periodOf(WEEKLY, "2025-01-01")).toMatchObject({ start: "2024-12-30", end: "2025-01-05", cutoffAt: "2025-01-03T11:00:00.000Z" });
  });

  it("monthly before the 16th: the report due on 16/03 covers 16/02–15/03; its cut-off is 16/03 00:00 local = 15/03 17:00 UTC", () => {
    expect(periodOf(MONTHLY, "2025-02-18")).toEqual({ start: "2025-02-16", end: "2025-03-15", cutoffAt: "2025-03-15T17:00:00.000Z", dayOff: false });
    expect(periodOf(MONTHLY, "2025-02-10")).toMatchObject({ start: "2025-01-16", end: "2025-02-15", cutoffAt: "2025-02-15T17:00:00.000Z" });
    expect(periodOf(MONTHLY, "2025-02-15").end).toBe("2025-02-15");
    expect(periodOf(MONTHLY, "2025-02-16").start).toBe("2025-02-16");
    expect(periodOf(MONTHLY, "2025-12-20")).toMatchObject({ start: "2025-12-16", end: "2026-01-15" });
    expect(periodOf(MONTHLY, "2025-01-03")).toMatchObject({ start: "2024-12-16", end: "2025-01-15" });
    // "before the 31st" is clamped to the month's end (February has none)
    expect(periodOf({ cadence: "MONTHLY", cutoffMinutes: 0, monthDay: 31 }, "2025-02-10")).toMatchObject({ start: "2025-01-31", end: "2025-02-27", cutoffAt: "2025-02-27T17:00:00.000Z" });
  });

  it("knows days off (ISO weekdays and dates)", () => {
    expect(periodOf({ ...DAILY, daysOff: [6, 7] }, "2025-02-22").dayOff).toBe(true);
    expect(periodOf({ ...DAILY, daysOff: [6, 7] }, "2025-02-23").dayOff).toBe(true);
    expect(periodOf({ ...DAILY, daysOff: ["2025-04-30"] }, "2025-04-30").dayOff).toBe(true);
    expect(periodOf({ ...DAILY, daysOff: [6, 7] }, "2025-02-18").dayOff).toBe(false);
    expect(isDayOff({ daysOff: "not a list" }, "2025-02-22")).toBe(false);
    // a week is off only when all of its days are
    expect(periodOf({ ...WEEKLY, daysOff: [6, 7] }, "2025-02-18").dayOff).toBe(false);
    expect(periodOf({ ...WEEKLY, daysOff: [1, 2, 3, 4, 5, 6, 7] }, "2025-02-18").dayOff).toBe(true);
  });

  it("converts at the UTC date boundary: 23:30 UTC is already the next day in Vietnam", () => {
    expect(localDate(at("2025-02-18T16:59:59Z"))).toBe("2025-02-18");
    expect(localDate(at("2025-02-18T17:00:00Z"))).toBe("2025-02-19");
    expect(localInstant("2025-02-19", 0).toISOString()).toBe("2025-02-18T17:00:00.000Z");
    // a daily cut-off at 06:00 local lies on the previous UTC day
    expect(periodOf({ cadence: "DAILY", cutoffMinutes: 360 }, "2025-03-01").cutoffAt).toBe("2025-02-28T23:00:00.000Z");
  });

  it("lists the cut-offs in an interval, excluding its start and including its end, skipping days off", () => {
    const list = cutoffsBetween({ ...DAILY, daysOff: [7, "2025-02-20"] }, at("2025-02-17T10:00:00Z"), at("2025-02-24T10:00:00Z"));
    expect(list.map((p) => p.start)).toEqual(["2025-02-18", "2025-02-19", "2025-02-21", "2025-02-22", "2025-02-24"]);
    expect(cutoffsBetween(DAILY, at("2025-02-18T09:59:59Z"), at("2025-02-18T10:00:00Z")).map((p) => p.cutoffAt)).toEqual(["2025-02-18T10:00:00.000Z"]);
    expect(cutoffsBetween(DAILY, at("2025-02-18T10:00:00Z"), at("2025-02-18T12:00:00Z"))).toEqual([]);
    expect(cutoffsBetween(WEEKLY, at("2025-02-01T00:00:00Z"), at("2025-03-01T00:00:00Z")).map((p) => p.cutoffAt)).toEqual([
      "2025-02-07T11:00:00.000Z", "2025-02-14T11:00:00.000Z", "2025-02-21T11:00:00.000Z", "2025-02-28T11:00:00.000Z",
    ]);
    expect(cutoffsBetween(MONTHLY, at("2025-01-01T00:00:00Z"), at("2025-04-01T00:00:00Z")).map((p) => `${p.start}..${p.end}`)).toEqual([
      "2024-12-16..2025-01-15", "2025-01-16..2025-02-15", "2025-02-16..2025-03-15",
    ]);
    expect(() => cutoffsBetween(DAILY, at("2020-01-01T00:00:00Z"), at("2025-01-01T00:00:00Z"))).toThrow(RangeError);
  });

  it("finds the next cut-off after an instant and the last one before it", () => {
    expect(nextCutoff(DAILY, at("2025-02-18T09:00:00Z"))?.cutoffAt).toBe("2025-02-18T10:00:00.000Z");
    expect(nextCutoff(DAILY, at("2025-02-18T10:00:00Z"))?.cutoffAt).toBe("2025-02-19T10:00:00.000Z");
    // Friday 21/02 after 18:00 local: the weekend is off, next is Monday
    expect(nextCutoff({ ...DAILY, daysOff: [6, 7] }, at("2025-02-21T11:00:00Z"))?.start).toBe("2025-02-24");
    expect(nextCutoff(WEEKLY, at("2025-02-21T10:59:00Z"))?.cutoffAt).toBe("2025-02-21T11:00:00.000Z");
    expect(nextCutoff(WEEKLY, at("2025-02-21T11:00:00Z"))?.cutoffAt).toBe("2025-02-28T11:00:00.000Z");
    expect(nextCutoff(MONTHLY, at("2025-02-18T00:00:00Z"))?.cutoffAt).toBe("2025-03-15T17:00:00.000Z");
    expect(nextCutoff({ ...DAILY, daysOff: [1, 2, 3, 4, 5, 6, 7] }, at("2025-02-18T00:00:00Z"))).toBeNull();
    expect(lastCutoff(DAILY, at("2025-02-18T09:59:00Z"))?.start).toBe("2025-02-17");
    expect(lastCutoff(DAILY, at("2025-02-18T10:00:00Z"))?.start).toBe("2025-02-18");
    expect(lastCutoff(MONTHLY, at("2025-02-18T00:00:00Z"))?.end).toBe("2025-02-15");
  });

  it("gives the previous period", () => {
    expect(previousPeriod(DAILY, periodOf(DAILY, "2025-03-01")).start).toBe("2025-02-28");
    expect(previousPeriod(WEEKLY, periodOf(WEEKLY, "2025-02-18"))).toMatchObject({ start: "2025-02-10", end: "2025-02-16" });
    expect(previousPeriod(MONTHLY, periodOf(MONTHLY, "2025-02-18"))).toMatchObject({ start: "2025-01-16", end: "2025-02-15" });
  });
});
