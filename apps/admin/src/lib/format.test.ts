import { describe, expect, it } from "vitest";
import { formatCompletionLine, formatDate, formatDateTime, formatGrowth, formatNumber, formatPercent, formatProgress, setFormatLocale } from "./format";

describe("Vietnamese formats", () => {
  it("formats the Quảng Nam headline the Vietnamese way", () => {
    expect(formatProgress(642_806, 1_443_893)).toBe("642.806/1.443.893 (44,5%)");
    expect(formatCompletionLine(642_806, 1_443_893)).toBe("642.806/1.443.893 — 44,5%");
  });
  it("numbers, percents and growth", () => {
    expect(formatNumber(1_100_000)).toBe("1.100.000");
    expect(formatNumber(null)).toBe("—");
    expect(formatPercent(5.989)).toBe("598,9%");
    expect(formatPercent(0)).toBe("0,0%");
    expect(formatGrowth(3.73)).toBe("+373%");
    expect(formatGrowth(-0.12)).toBe("−12%");
    expect(formatGrowth(null)).toBe("—");
    expect(formatProgress(0, 0)).toBe("0/0 (—)");
  });
  it("numbers follow the chosen language, dates stay dd/mm/yyyy", () => {
    setFormatLocale("en");
    try {
      expect(formatCompletionLine(642_806, 1_443_893)).toBe("642,806/1,443,893 — 44.5%");
      expect(formatNumber(1_100_000)).toBe("1,100,000");
      expect(formatGrowth(-0.12)).toBe("−12%");
      expect(formatDate("2025-03-07")).toBe("07/03/2025");
    } finally {
      setFormatLocale("vi");
    }
    expect(formatNumber(1_100_000)).toBe("1.100.000");
  });
  it("dates are dd/mm/yyyy and instants are shown in Asia/Ho_Chi_Minh", () => {
    expect(formatDate("2025-03-07")).toBe("07/03/2025");
    expect(formatDateTime("2025-02-18T10:00:00Z")).toBe("18/02/2025 17:00");
    // 23:30 UTC is already the next day in Vietnam (UTC+7)
  });
});
