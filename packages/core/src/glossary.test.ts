import { describe, expect, it } from "vitest";
import { FORECAST_LABELS } from "./forecast";
import { TERMS } from "./glossary";
import { messages } from "./messages";

describe("one word for being late", () => {
  it("the forecast label (console, pane, report) and the pane's messages use the glossary's words", () => {
    expect(FORECAST_LABELS.will_miss).toEqual(TERMS.willMiss);
    expect(messages["forecast.will_miss"]).toEqual(TERMS.willMiss);
    const all = JSON.stringify([FORECAST_LABELS, messages]);
    for (const other of ["Trễ hạn", "Sẽ trễ hạn"]) expect(all).not.toContain(other);
  });
  it("a late report and a missed deadline are different words", () => {
    expect(TERMS.late.vi).not.toBe(TERMS.willMiss.vi);
    expect(TERMS.reportedLate.vi.toLowerCase()).toContain(TERMS.late.vi.toLowerCase());
  });
});
