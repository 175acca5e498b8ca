import { describe, expect, it } from "vitest";
import { foldVietnamese, matchesQuery } from "./text";

describe("diacritics-insensitive search", () => {
  it("folds accents, đ and spacing", () => {
    expect(foldVietnamese("  Huyện  Đông Giang ")).toBe("huyen dong giang");
    expect(foldVietnamese("Xã Zà Hung")).toBe("xa za hung");
  });
  it("matches every word anywhere", () => {
    expect(matchesQuery("Xã Za Hung", "za hung")).toBe(true);
    expect(matchesQuery("Xã Zà Hung", "hung zà")).toBe(true);
    expect(matchesQuery("Huyện Đông Giang", "dong giang")).toBe(true);
    expect(matchesQuery("Xã Trà Mai", "tra my")).toBe(false);
    expect(matchesQuery("anything", "  ")).toBe(true);
  });
});
