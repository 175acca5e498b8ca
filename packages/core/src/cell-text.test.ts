import { describe, expect, it } from "vitest";
import { safeCellText, safeCellValue, unescapeCellText } from "./cell-text";

describe("cell text escaping", () => {
  it("escapes what a spreadsheet would read as a formula, and only that", () => {
    for (const s of ["=1+1", "+84", "-5", "@SUM(A1)", "\t=x", '=HYPERLINK("http://x","y")']) expect(safeCellText(s)).toBe(`'${s}`);
    expect(safeCellText("Xã A Rooi")).toBe("Xã A Rooi");
    expect(safeCellValue(-5)).toBe(-5);
    expect(safeCellValue(null)).toBeNull();
  });
  it("takes the escape off again, leaving a plain apostrophe alone", () => {
    for (const s of ["=1+1", "-12", "20491", "'quoted"]) expect(unescapeCellText(safeCellText(s))).toBe(s);
    expect(unescapeCellText("'20491")).toBe("'20491");
  });
});
