import { describe, expect, it } from "vitest";
import { dayNumber, linearScale, niceTicks, pathOf } from "./chart";

describe("chart helpers", () => {
  it("scales linearly and survives an empty domain", () => {
    const s = linearScale([0, 100], [10, 210]);
    expect(s(50)).toBe(110);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
  it("nice ticks cover the maximum", () => {
    expect(niceTicks(1_443_893, 4)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
    expect(niceTicks(0)).toEqual([0]);
    const t = niceTicks(7);
    expect(t[t.length - 1]).toBeGreaterThanOrEqual(7);
  });
  it("paths and dates", () => {
    expect(pathOf([[0, 1], [2.25, 3]])).toBe("M0.0,1.0L2.3,3.0");
    expect(dayNumber("2025-03-12") - dayNumber("2025-02-18")).toBe(22);
  });
});
