/** Worked examples of the domain with Quảng Nam's real figures (February 2025): progress lines, growth, targets, roll-ups. */
import { describe, expect, it } from "vitest";
import { formatGrowth, formatPercent, formatProgress } from "./format";
import { bucketOf, completion, distribution, growth, outputBetween, percentOfTarget, rankBy, rollupTree, sumCounts, type TreeNode } from "./metrics";
import { t } from "./messages";
import { ZERO_COUNTS, type ProgressCounts } from "./types";

describe("Quảng Nam, February 2025", () => {
  it("642.806/1.443.893 (44,5%)", () => {
    expect(formatProgress(642_806, 1_443_893)).toBe("642.806/1.443.893 (44,5%)");
    expect(formatProgress(642_806, 1_443_893, "en")).toBe("642,806/1,443,893 (44.5%)");
    expect(bucketOf(completion(642_806, 1_443_893))).toBe("under50");
  });
  it("3 communes at 0%, 24 under 10%, 73 under 50%: the distribution leaders read", () => {
    const ratios = [
      ...[0, 0, 0],
      ...Array.from({ length: 24 }, (_, i) => (i + 1) / 250), // 0,4% … 9,6%
      ...Array.from({ length: 73 }, (_, i) => 0.1 + i / 200), // 10% … 46%
      ...[0.5, 0.75, 0.999, 1, 1],
    ];
    expect(distribution(ratios)).toEqual({ zero: 3, under10: 24, under50: 73, under100: 3, done: 2 });
    expect(t("bucket.under10")).toBe("Dưới 10%");
    expect(t("bucket.under10", "en")).toBe("Under 10%");
  });
  it("the province is the sum of its districts and communes (a tree of any depth), the DOJ included", () => {
    const c = (total: number, done: number): ProgressCounts => ({ ...ZERO_COUNTS, entriesTotal: total, entriesDigitized: done });
    const nodes: TreeNode[] = [
      { id: "49", parentId: null, counts: ZERO_COUNTS },
      { id: "505", parentId: "49", counts: ZERO_COUNTS },
      { id: "20491", parentId: "505", counts: c(5000, 0) },
      { id: "20473", parentId: "505", counts: c(3000, 0) },
      { id: "517", parentId: "49", counts: ZERO_COUNTS },
      { id: "20944", parentId: "517", counts: c(4000, 0) },
      { id: "STP", parentId: "49", counts: c(1_431_893, 642_806) },
    ];
    const roll = rollupTree(nodes);
    expect(formatProgress(roll.get("49")!.entriesDigitized, roll.get("49")!.entriesTotal)).toBe("642.806/1.443.893 (44,5%)");
    expect(roll.get("505")!.entriesTotal).toBe(8000);
  });
});

describe("Khánh Hòa, June 2023: percent of target", () => {
  // achieved vs the month's target, in entries (targets of 1.000 so the ratio reads directly)
  const units = [
    { name: "Sở Tư pháp", achieved: 5_989 }, { name: "Vạn Ninh", achieved: 2_363 }, { name: "Cam Lâm", achieved: 1_601 },
    { name: "Khánh Sơn", achieved: 1_529 }, { name: "Khánh Vĩnh", achieved: 1_285 }, { name: "Cam Ranh", achieved: 1_167 },
    { name: "Nha Trang", achieved: 346 }, { name: "Diên Khánh", achieved: 230 }, { name: "Ninh Hòa", achieved: 40 },
  ];
  it("598,9% · 236,3% · 160,1% · 152,9% · 128,5% · 116,7% · 34,6% · 23% · 4%", () => {
    const shown = units.map((u) => formatPercent(percentOfTarget(u.achieved, 1_000)!, "vi", Number.isInteger(u.achieved / 10) ? 0 : 1));
    expect(shown).toEqual(["598,9%", "236,3%", "160,1%", "152,9%", "128,5%", "116,7%", "34,6%", "23%", "4%"]);
    expect(formatPercent(percentOfTarget(5_989, 1_000)!, "en")).toBe("598.9%");
    expect(percentOfTarget(5, 0)).toBeNull();
  });
  it("ranks them, best first, and lists the three that missed", () => {
    const rank = rankBy(units, (u) => percentOfTarget(u.achieved, 1_000));
    expect(units.map((u) => rank.get(u))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(units.filter((u) => percentOfTarget(u.achieved, 1_000)! < 1).map((u) => u.name)).toEqual(["Nha Trang", "Diên Khánh", "Ninh Hòa"]);
  });
  it("June output +373% over May; the province only 29,6% done", () => {
    expect(formatGrowth(growth(4_730, 1_000)!)).toBe("+373%");
    expect(formatGrowth(growth(4_730, 1_000)!, "en")).toBe("+373%");
    expect(formatPercent(completion(296, 1000)!)).toBe("29,6%");
  });
});

describe("national, mid-2024", () => {
  it("2.524.892 books; digitized is not loaded", () => {
    const nation = sumCounts([{ ...ZERO_COUNTS, booksDigitized: 2_524_892, entriesDigitized: 60_000_000, entriesLoaded: 50_000_000, entriesTotal: 100_000_000 }]);
    expect(formatProgress(nation.entriesLoaded, nation.entriesTotal)).toBe("50.000.000/100.000.000 (50,0%)");
    expect(formatProgress(nation.entriesDigitized, nation.entriesTotal)).toBe("60.000.000/100.000.000 (60,0%)");
  });
});

describe("period output from cumulative figures", () => {
  it("Khánh Hòa: June's output over May's is +373%, and June against its target", () => {
    const series = [{ date: "2023-04-30", value: 10_000 }, { date: "2023-05-31", value: 11_000 }, { date: "2023-06-15", value: 13_000 }, { date: "2023-06-30", value: 15_730 }];
    const may = outputBetween(series, "2023-04-30", "2023-05-31");
    const june = outputBetween(series, "2023-05-31", "2023-06-30");
    expect([may, june]).toEqual([1_000, 4_730]);
    expect(formatGrowth(growth(june, may)!)).toBe("+373%");
    expect(formatPercent(percentOfTarget(june, 790)!)).toBe("598,7%");
    expect(outputBetween(series, "2023-01-01", "2023-04-01")).toBe(0);
  });
});
