import { describe, expect, it } from "vitest";
import { atRiskUnits, breadcrumbs, FORECAST_COLOR, forecastReason, forecastStatus, laggards } from "./dashboard";
import type { Forecast, UnitProgress, UnitSummary } from "@sohoa/contract";

const unit = (code: string, level: UnitSummary["level"] = "COMMUNE"): UnitSummary => ({ id: code, code, name: `U${code}`, fullName: `U${code}`, nameEn: null, level, parentId: null, validFrom: "2025-07-01", validTo: null });
const fc = (status: Forecast["status"], requiredRate: number | null, dailyRate: number | null, reason = { vi: "", en: "" }): Forecast => ({ status, requiredRate, dailyRate, projectedFinish: null, remaining: 0, daysLeft: null, reason });
const progress = (code: string, done: number, total: number, forecast: Forecast = fc("no_data", null, null)): UnitProgress => ({
  ...unit(code), counts: { booksTotal: 0, booksDigitized: 0, entriesTotal: total, entriesDigitized: done, entriesChecked: 0, entriesLoaded: 0 },
  completion: total ? done / total : null, booksCompletion: null, bucket: "zero", rank: null, siblings: 0, target: null, growth: null, weekOutput: 0, forecast, deadline: null, lastReportAt: null, hasChildren: false, reported: true,
});

describe("forecast", () => {
  it("takes the server's status as it is, and colours every one of them", () => {
    expect(forecastStatus(fc("at_risk", 1, 0))).toBe("at_risk");
    expect(forecastStatus(null)).toBe("unknown");
    expect(["done", "on_track", "at_risk", "will_miss", "no_data", "unknown"].map((s) => FORECAST_COLOR[s as keyof typeof FORECAST_COLOR])).toEqual(["blue", "green", "orange", "red", "default", "default"]);
  });
  it("gives the server's reason, else builds it from the rates", () => {
    const tpl = (r: string, a: string) => `cần ${r} dữ liệu/ngày, hiện đạt ${a}`;
    expect(forecastReason(fc("at_risk", 1249.2, 310.4), "vi", tpl)).toBe("cần 1.250 dữ liệu/ngày, hiện đạt 310");
    expect(forecastReason(fc("at_risk", 10, 1, { vi: "lý do", en: "reason" }), "en", tpl)).toBe("reason");
    expect(forecastReason(fc("on_track", null, 3), "vi", tpl)).toBeNull();
  });
});

describe("laggards and at-risk", () => {
  const kids = [
    progress("a", 0, 1000),
    progress("b", 50, 1000),
    progress("c", 900, 1000, fc("at_risk", 100, 90)),
    progress("d", 100, 1000, fc("will_miss", 1250, 310)),
    progress("e", 10, 0),
    progress("f", 1000, 1000),
  ];
  it("lists the bottom third that is short of its deadline's pace, lowest first, by core's rule", () => {
    // the third of the five with figures: a and b (no forecast here, so no deadline to keep pace with)
    expect(laggards(kids).map((u) => u.code)).toEqual(["a", "b"]);
    const onPace = progress("b", 50, 1000, fc("on_track", 10, 20));
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
