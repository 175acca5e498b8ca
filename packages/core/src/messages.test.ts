import { describe, expect, it } from "vitest";
import { messages, t } from "./messages";

describe("shared messages", () => {
  it("every key has Vietnamese (with diacritics where words are) and English", () => {
    for (const [key, m] of Object.entries(messages)) {
      expect(m.vi.length, key).toBeGreaterThan(0);
      expect(m.en.length, key).toBeGreaterThan(0);
      expect(m.en, key).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
    expect(messages["action.submit"].vi).toBe("Gửi báo cáo");
  });
  it("fills placeholders and defaults to Vietnamese", () => {
    expect(t("validation.summary", "vi", { errors: 2, warnings: 1 })).toBe("2 lỗi, 1 cảnh báo");
    expect(t("validation.summary", "en", { errors: 2, warnings: 1 })).toBe("2 error(s), 1 warning(s)");
    expect(t("validation.goTo", undefined, { cell: "F12" })).toBe("Đến ô F12");
    expect(t("severity.error")).toBe("Lỗi");
  });
});
