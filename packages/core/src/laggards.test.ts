import { describe, expect, it } from "vitest";
import { isBehindPace, LAGGARD_RULE, laggingUnits, type LagCandidate } from "./laggards";

type U = LagCandidate & { name: string };
const u = (name: string, completion: number, pace: [number | null, number | null] = [100, 1000], level = "DISTRICT", entriesTotal = 1000): U => ({ name, level, completion, entriesTotal, dailyRate: pace[0], requiredRate: pace[1] });
const names = (list: U[]) => laggingUnits(list, (x) => x).map((x) => x.name);

// Quảng Nam's districts on 18/02/2025 in the demo (completion, rate, required rate): all but one short of pace.
const quangNam: U[] = [
  u("Bắc Trà My", 0.106, [106, 4036]), u("Đông Giang", 0.12, [140, 4554]), u("Điện Bàn", 0.163, [329, 6570]),
  u("Tam Kỳ", 0.197, [307, 6083]), u("Nam Trà My", 0.229, [258, 3389]), u("Hội An", 0.233, [383, 6127]),
  u("Tiên Phước", 0.559, [485, 2271]), u("Duy Xuyên", 0.573, [524, 2043]), u("Nam Giang", 0.575, [525, 2541]),
  u("Núi Thành", 0.625, [631, 2177]), u("Phước Sơn", 0.627, [396, 1250]), u("Hiệp Đức", 0.632, [437, 1393]),
  u("Đại Lộc", 0.661, [735, 2323]), u("Quế Sơn", 0.674, [875, 2700]), u("Tây Giang", 0.706, [407, 915]),
  u("Thăng Bình", 0.752, [881, 1727]), u("Phú Ninh", 0.814, [381, 530]),
  u("Tư pháp tỉnh Quảng Nam", 1, [null, 0], "AGENCY"),
];

describe("lagging units (chậm tiến độ)", () => {
  it("names the six districts the province itself calls slow, Hội An and Nam Trà My included, and not the agency", () => {
    expect(names(quangNam)).toEqual(["Bắc Trà My", "Đông Giang", "Điện Bàn", "Tam Kỳ", "Nam Trà My", "Hội An"]);
  });

  it("leaves out a unit of the bottom third that keeps the pace its own deadline needs", () => {
    const list = quangNam.map((x) => (x.name === "Hội An" ? { ...x, dailyRate: 7000 } : x));
    expect(names(list)).not.toContain("Hội An");
    expect(names(list)).toHaveLength(5);
  });

  it("ranks territories only: an agency neither takes a place in the third nor is listed", () => {
    const withSlowAgency = [...quangNam.filter((x) => x.level !== "AGENCY"), u("Sở Tư pháp", 0.01, [0, 500], "AGENCY")];
    expect(names(withSlowAgency)).toEqual(names(quangNam));
  });

  it("takes everyone tied at the edge of the third, never a finished unit or one without figures", () => {
    expect(names([u("a", 0.2), u("b", 0.2), u("c", 0.2), u("d", 0.5), u("e", 0.9), u("f", 0.95)])).toEqual(["a", "b", "c"]);
    expect(names([u("done", 1, [0, 0]), u("x", 1, [0, 0]), u("y", 1, [0, 0])])).toEqual([]);
    expect(names([u("empty", 0, [0, 100], "COMMUNE", 0), u("a", 0.3), u("b", 0.6)])).toEqual(["a"]);
    expect(names([])).toEqual([]);
  });

  it("without a deadline there is no pace to keep: the bottom third alone", () => {
    expect(isBehindPace({ dailyRate: 5000, requiredRate: null })).toBe(true);
    expect(isBehindPace({ dailyRate: 100, requiredRate: 100 })).toBe(false);
    expect(isBehindPace({ dailyRate: null, requiredRate: 1 })).toBe(true);
    expect(names([u("a", 0.1, [9999, null]), u("b", 0.5, [0, null]), u("c", 0.7, [0, null])])).toEqual(["a"]);
  });

  it("says the rule in Vietnamese and English", () => {
    expect(LAGGARD_RULE.vi).toMatch(/^Chậm tiến độ: .*1\/3.*hạn/);
    expect(LAGGARD_RULE.en).toMatch(/^Lagging: .*third.*deadline/);
  });
});
