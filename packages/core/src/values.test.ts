import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatNumber, formatPercent, formatDate } from "./format";
import { excelSerialToIso, isoToExcelSerial, parseDateCell, parseNumberCell, parsePercentCell } from "./values";

describe("numbers as officials write them", () => {
  it.each([
    ["1.443.893", 1_443_893], ["1 443 893", 1_443_893], ["1\u00a0443\u00a0893", 1_443_893], ["1,443,893", 1_443_893],
    ["642806", 642_806], [642_806, 642_806], ["44,5", 44.5], ["44.5", 44.5], ["1.443,5", 1443.5], ["-", 0], ["  12 ", 12],
  ])("%s → %s", (input, expected) => {
    expect(parseNumberCell(input)).toEqual({ kind: "number", value: expected });
  });
  it("tells blank from zero", () => {
    expect(parseNumberCell(null)).toEqual({ kind: "blank" });
    expect(parseNumberCell("  ")).toEqual({ kind: "blank" });
    expect(parseNumberCell(0)).toEqual({ kind: "number", value: 0 });
  });
  it("refuses text and flags 1,443 as ambiguous", () => {
    expect(parseNumberCell("chưa có")).toEqual({ kind: "invalid", reason: "not_number" });
    expect(parseNumberCell("1,443")).toEqual({ kind: "invalid", reason: "ambiguous" });
    expect(parseNumberCell(true)).toMatchObject({ kind: "invalid" });
  });
  it("round-trips every whole number through the Vietnamese and English formats", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (x) => {
        expect(parseNumberCell(formatNumber(x, "vi"))).toEqual({ kind: "number", value: x });
        if (x >= 1_000_000 || x < 1000) expect(parseNumberCell(formatNumber(x, "en"))).toEqual({ kind: "number", value: x });
      }),
    );
  });
});

describe("percentages", () => {
  it("reads 44,5% · 44.5 · 0.445", () => {
    expect(parsePercentCell("44,5%")).toEqual({ kind: "percent", value: 44.5, maybeRatio: false });
    expect(parsePercentCell(44.5)).toEqual({ kind: "percent", value: 44.5, maybeRatio: false });
    expect(parsePercentCell(0.445)).toEqual({ kind: "percent", value: 0.445, maybeRatio: true });
  });
  it("round-trips through the formatter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (permille) => {
        const ratio = permille / 1000;
        const p = parsePercentCell(formatPercent(ratio, "vi"));
        expect(p.kind).toBe("percent");
        if (p.kind === "percent") expect(p.value).toBeCloseTo(ratio * 100, 6);
      }),
    );
  });
});

describe("dates", () => {
  it.each([
    ["18/02/2025", "2025-02-18"], ["8/2/2025", "2025-02-08"], ["2025-02-18", "2025-02-18"], [45706, "2025-02-18"],
    ["18-02-2025", "2025-02-18"], ["ngày 18 tháng 02 năm 2025", "2025-02-18"], ["Quảng Nam, ngày 18 tháng 2 năm 2025", "2025-02-18"],
  ])("%s → %s", (input, iso) => {
    expect(parseDateCell(input)).toBe(iso);
  });
  it("refuses impossible dates", () => {
    expect(parseDateCell("31/02/2025")).toBeNull();
    expect(parseDateCell("hôm qua")).toBeNull();
    expect(parseDateCell(12)).toBeNull();
  });
  it("round-trips dd/mm/yyyy and Excel serials", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDateCell(formatDate(iso))).toBe(iso);
        expect(excelSerialToIso(isoToExcelSerial(iso))).toBe(iso);
      }),
    );
  });
});

describe("more round-trips through the formatters (property)", () => {
  it("percentages in English, and with 2 digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (x) => {
        const ratio = x / 10_000;
        for (const [locale, digits] of [["en", 1], ["vi", 2], ["en", 2]] as const) {
          const p = parsePercentCell(formatPercent(ratio, locale, digits));
          expect(p.kind).toBe("percent");
          // within the display rounding (Intl rounds the decimal text, half away from zero)
          if (p.kind === "percent") expect(Math.abs(p.value - ratio * 100)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);
        }
      }),
    );
  });
  it("decimals written the Vietnamese way (1.443,5) read back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (x) => {
        const v = x / 10;
        expect(parseNumberCell(formatNumber(v, "vi", 1))).toEqual({ kind: "number", value: v });
      }),
    );
  });
  it("numbers with spaces as thousands separators and negative numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), (x) => {
        const spaced = formatNumber(Math.abs(x), "vi").replace(/\./g, " ");
        expect(parseNumberCell(`${x < 0 ? "-" : ""}${spaced}`)).toEqual({ kind: "number", value: x === 0 ? 0 : x });
      }),
    );
  });
  it("Excel serials as numbers and as text, ISO dates with a time", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1960-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const serial = isoToExcelSerial(iso);
        if (serial >= 20_000 && serial <= 80_000) {
          expect(parseDateCell(serial)).toBe(iso);
          expect(parseDateCell(String(serial))).toBe(iso);
        }
        expect(parseDateCell(`${iso}T10:00:00`)).toBe(iso);
      }),
    );
  });
});
