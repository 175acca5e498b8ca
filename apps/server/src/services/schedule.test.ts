import { describe, expect, it } from "vitest";
import { isoWeekday, periodOf } from "./schedule";

describe("reporting periods and cut-offs (Asia/Ho_Chi_Minh)", () => {
  it("daily at 17:00 local is 10:00 UTC", () => {
    expect(periodOf({ cadence: "DAILY", cutoffMinutes: 1020 }, "2025-02-18")).toEqual({ start: "2025-02-18", end: "2025-02-18", cutoffAt: "2025-02-18T10:00:00.000Z", dayOff: false });
  });
  it("weekly before Friday 18:00: the week of Monday 17/02/2025 closes on Friday 21/02 at 11:00 UTC", () => {
    expect(isoWeekday("2025-02-21")).toBe(5);
    expect(periodOf({ cadence: "WEEKLY", cutoffMinutes: 1080, weekday: 5 }, "2025-02-18")).toEqual({ start: "2025-02-17", end: "2025-02-23", cutoffAt: "2025-02-21T11:00:00.000Z", dayOff: false });
  });
  it("monthly before the 16th: 18/02 belongs to the report due on 16/03; 10/02 to the one due on 16/02", () => {
    expect(periodOf({ cadence: "MONTHLY", cutoffMinutes: 0, monthDay: 16 }, "2025-02-18")).toMatchObject({ start: "2025-02-16", end: "2025-03-15", cutoffAt: "2025-03-15T17:00:00.000Z" });
    expect(periodOf({ cadence: "MONTHLY", cutoffMinutes: 0, monthDay: 16 }, "2025-02-10")).toMatchObject({ start: "2025-01-16", end: "2025-02-15" });
    expect(periodOf({ cadence: "MONTHLY", cutoffMinutes: 0, monthDay: 16 }, "2025-12-20")).toMatchObject({ start: "2025-12-16", end: "2026-01-15" });
  });
  it("knows days off (weekdays and dates)", () => {
    expect(periodOf({ cadence: "DAILY", cutoffMinutes: 1020, daysOff: [6, 7] }, "2025-02-22").dayOff).toBe(true);
    expect(periodOf({ cadence: "DAILY", cutoffMinutes: 1020, daysOff: ["2025-04-30"] }, "2025-04-30").dayOff).toBe(true);
    expect(periodOf({ cadence: "DAILY", cutoffMinutes: 1020, daysOff: [6, 7] }, "2025-02-18").dayOff).toBe(false);
  });
});
