import { describe, expect, it } from "vitest";
import { vi as viDict } from "./vi";
import { en } from "./en";
import { createI18n, createI18nProvider } from "../providers/i18n-provider";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("translations", () => {
  it("Vietnamese and English have the same keys, none empty except documented blanks", () => {
    expect(keys(en).sort()).toEqual(keys(viDict).sort());
    const blanks = keys(viDict).filter((k) => !k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], viDict));
    expect(blanks).toEqual(["pages.error.info"]);
  });
  it("defaults to Vietnamese, switches to English, interpolates", async () => {
    const i18n = createI18n("vi");
    const p = createI18nProvider(i18n);
    expect(p.translate("units.fields.name")).toBe("Tên");
    expect(p.translate("dashboard.reason", { required: "1.250", rate: "310" })).toBe("cần 1.250 dữ liệu/ngày, hiện đạt 310");
    await p.changeLocale("en");
    expect(p.getLocale()).toBe("en");
    expect(p.translate("units.fields.name")).toBe("Name");
    expect(p.translate("missing.key", {}, "Fallback")).toBe("Fallback");
  });
});
