import { describe, expect, it } from "vitest";
import { formatDateInWords, formatGrowth, formatNumber, formatPercent, formatProgress } from "./format";
import { growth, percentOfTarget } from "./metrics";

describe("Vietnamese formatting of Quảng Nam's figures (642.806/1.443.893, 44,5%), and the English one", () => {
  it("writes Quảng Nam's line the Vietnamese way, and in English", () => {
    expect(formatProgress(642_806, 1_443_893)).toBe("642.806/1.443.893 (44,5%)");
    expect(formatProgress(642_806, 1_443_893, "en")).toBe("642,806/1,443,893 (44.5%)");
    expect(formatNumber(2_524_892)).toBe("2.524.892");
  });
  it("writes Khánh Hòa's June percent of target", () => {
    // Department of Justice 598,9%, Vạn Ninh 236,3%, Nha Trang 34,6%, Ninh Hòa 4%
    expect(formatPercent(percentOfTarget(5_989, 1_000)!)).toBe("598,9%");
    expect(formatPercent(percentOfTarget(2_363, 1_000)!)).toBe("236,3%");
    expect(formatPercent(percentOfTarget(346, 1_000)!)).toBe("34,6%");
    expect(formatPercent(percentOfTarget(40, 1_000)!, "vi", 0)).toBe("4%");
    expect(percentOfTarget(10, 0)).toBeNull();
  });
  it("writes growth over the previous period (+373%)", () => {
    expect(formatGrowth(growth(4_730, 1_000)!)).toBe("+373%");
    expect(formatGrowth(growth(500, 1_000)!)).toBe("−50%");
    expect(growth(5, 0)).toBeNull();
  });
  it("writes the date line of an official document", () => {
    expect(formatDateInWords("2025-02-18")).toBe("ngày 18 tháng 02 năm 2025");
    expect(formatDateInWords("2025-02-18", "en")).toBe("18 February 2025");
  });
});
