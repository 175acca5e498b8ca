import { describe, expect, it } from "vitest";
import { a1, columnLetters } from "./a1";
import { addDays, daysBetween, todayInVietnam } from "./dates";

describe("calendar dates and A1 addresses, the one copy the apps use", () => {
  it("adds days across months and years", () => {
    expect(addDays("2025-02-27", 2)).toBe("2025-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2025-02-18", "2025-03-01")).toBe(11);
    expect(daysBetween("2025-03-01", "2025-02-18")).toBe(-11);
  });
  it("today in Vietnam is UTC+7: 23:30 UTC is already the next day", () => {
    expect(todayInVietnam(new Date("2025-02-18T23:30:00Z"))).toBe("2025-02-19");
    expect(todayInVietnam(new Date("2025-02-18T16:59:59Z"))).toBe("2025-02-18");
    expect(todayInVietnam(new Date("2025-02-18T17:00:00Z"))).toBe("2025-02-19");
  });
  it("column letters and addresses", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(a1(11, 5)).toBe("F12");
  });
});
