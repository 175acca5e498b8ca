import { describe, expect, it } from "vitest";
import { atRiskUnits, breadcrumbs, forecastReason, laggards, normalizeForecastStatus } from "./dashboard";
import type { UnitProgress, UnitSummary } from "./api-types";

const unit = (code: string, level: UnitSummary["level"] = "COMMUNE"): UnitSummary => ({ id: code, code, name: `U${code}`, fullName: `U${code}`, level, parentId: null, validFrom: null, validTo: null });
const progress = (code: string, done: number, total: number, forecast: UnitProgress["forecast"] = null): UnitProgress => ({
  ...unit(code), counts: { booksTotal: 0, booksDigitized: 0, entriesTotal: total, entriesDigitized: done, entriesChecked: 0, entriesLoaded: 0 },
  completion: total ? done / total : null, booksCompletion: null, bucket: null, rank: null, siblings: 0, target: null, growth: null, forecast, deadline: null, lastReportAt: null, hasChildren: false, reported: true,
});

describe("forecast", () => {
  it("normalises core's status names", () => {
    expect(normalizeForecastStatus({ status: "atRisk" })).toBe("AT_RISK");
    expect(normalizeForecastStatus({ status: "will_miss" })).toBe("WILL_MISS");
    expect(normalizeForecastStatus({ status: "ON_TRACK" })).toBe("ON_TRACK");
    expect(normalizeForecastStatus(null)).toBe("UNKNOWN");
    // exactly core's statuses
    expect(["done", "on_track", "at_risk", "will_miss", "no_data"].map((status) => normalizeForecastStatus({ status }))).toEqual(["DONE", "ON_TRACK", "AT_RISK", "WILL_MISS", "NO_DATA"]);
  });
  it("builds the reason from the rates when core gives no message", () => {
    const tpl = (r: string, a: string) => `cần ${r} dữ liệu/ngày, hiện đạt ${a}`;
    expect(forecastReason({ status: "at_risk", requiredRate: 1249.2, dailyRate: 310.4 }, "vi", tpl)).toBe("cần 1.250 dữ liệu/ngày, hiện đạt 310");
    expect(forecastReason({ status: "AT_RISK", reason: { vi: "lý do", en: "reason" } }, "en", tpl)).toBe("reason");
    expect(forecastReason({ status: "ON_TRACK" }, "vi", tpl)).toBeNull();
  });
});

describe("laggards and at-risk", () => {
  const kids = [
    progress("a", 0, 1000),
    progress("b", 50, 1000),
    progress("c", 900, 1000, { status: "at_risk", requiredRate: 100, dailyRate: 90 }),
    progress("d", 100, 1000, { status: "will_miss", requiredRate: 1250, dailyRate: 310 }),
    progress("e", 10, 0),
    progress("f", 1000, 1000),
  ];
  it("lists the bottom third that is short of its deadline's pace, lowest first, by core's rule", () => {
    // the third of the five with figures: a and b (no forecast here, so no deadline to keep pace with)
    expect(laggards(kids).map((u) => u.code)).toEqual(["a", "b"]);
    const onPace = progress("b", 50, 1000, { status: "on_track", requiredRate: 10, dailyRate: 20 });
    expect(laggards(kids.map((k) => (k.code === "b" ? onPace : k))).map((u) => u.code)).toEqual(["a"]);
  });
  it("puts units that will miss before those at risk", () => {
    expect(atRiskUnits(kids).map((u) => u.code)).toEqual(["d", "c"]);
  });
});

describe("breadcrumbs", () => {
  const chain = [unit("VN", "NATION"), unit("49", "PROVINCE"), unit("505", "DISTRICT")];
  it("links only inside the person's scope", () => {
    const c = breadcrumbs(chain, unit("20491"), { code: "505", level: "DISTRICT" });
    expect(c.map((x) => [x.code, x.link])).toEqual([["VN", false], ["49", false], ["505", true], ["20491", false]]);
    const admin = breadcrumbs(chain, unit("20491"), { code: "VN", level: "NATION" });
    expect(admin.filter((x) => x.link).map((x) => x.code)).toEqual(["VN", "49", "505"]);
  });
});
