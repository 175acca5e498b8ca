/**
 * Shared UI strings in Vietnamese (default) and English, so the add-in, the console and the server say the
 * same thing. `t("bucket.under10", "en")`; `{name}` placeholders are filled from `params`.
 */
import { COUNT_FIELD_TABLE, type CountField } from "./count-fields";
import type { Locale, Message } from "./types";
import { TERMS } from "./glossary";

/** "field.entriesDigitized" etc., from the count-field table */
const fieldMessages = () => Object.fromEntries(COUNT_FIELD_TABLE.map((f) => [`field.${f.key}`, f.label])) as Record<`field.${CountField}`, Message>;

export const messages = {
  "app.name": { vi: "Sohoa – Theo dõi số hóa sổ hộ tịch", en: "Sohoa – civil-status register digitization tracker" },
  "severity.error": { vi: "Lỗi", en: "Error" },
  "severity.warning": { vi: "Cảnh báo", en: "Warning" },
  ...fieldMessages(),
  "field.unit": { vi: "Đơn vị", en: "Unit" },
  "field.unitCode": { vi: "Mã đơn vị", en: "Unit code" },
  "field.unitName": { vi: "Tên đơn vị", en: "Unit name" },
  "field.registerKind": { vi: "Loại sổ", en: "Register kind" },
  "field.phase": { vi: "Giai đoạn", en: "Phase" },
  "field.statedPercent": { vi: "Tỷ lệ (%)", en: "Rate (%)" },
  "field.reportDate": { vi: "Ngày báo cáo", en: "Report date" },
  "field.note": { vi: "Ghi chú", en: "Notes" },
  "field.correction": { vi: "Lý do điều chỉnh", en: "Correction reason" },
  "metric.completion": { vi: "Tỷ lệ hoàn thành", en: "Completion" },
  "metric.percentOfTarget": { vi: "Tỷ lệ so với chỉ tiêu", en: "Percent of target" },
  "metric.growth": { vi: "Tăng so với kỳ trước", en: "Growth over the previous period" },
  "metric.rank": { vi: "Xếp hạng", en: "Rank" },
  "metric.dailyRate": { vi: "Tốc độ (dữ liệu/ngày)", en: "Rate (entries/day)" },
  "metric.requiredRate": { vi: "Tốc độ cần đạt (dữ liệu/ngày)", en: "Required rate (entries/day)" },
  "metric.projectedFinish": { vi: "Dự kiến hoàn thành", en: "Projected finish" },
  "metric.deadline": { vi: "Hạn hoàn thành", en: "Deadline" },
  "bucket.zero": { vi: "0%", en: "0%" },
  "bucket.under10": { vi: "Dưới 10%", en: "Under 10%" },
  "bucket.under50": { vi: "Dưới 50%", en: "Under 50%" },
  "bucket.under100": { vi: "Từ 50% đến dưới 100%", en: "50% to under 100%" },
  "bucket.done": { vi: "Hoàn thành", en: "Done" },
  "forecast.done": { vi: "Đã hoàn thành", en: "Done" },
  "forecast.on_track": { vi: "Đúng tiến độ", en: "On track" },
  "forecast.at_risk": { vi: "Có nguy cơ chậm", en: "At risk" },
  "forecast.will_miss": TERMS.willMiss,
  "forecast.no_data": { vi: "Chưa có số liệu", en: "No data" },
  "level.NATION": { vi: "Toàn quốc", en: "Nation" },
  "level.PROVINCE": { vi: "Tỉnh/Thành phố", en: "Province" },
  "level.DISTRICT": { vi: "Quận/Huyện", en: "District" },
  "level.COMMUNE": { vi: "Xã/Phường", en: "Commune" },
  "level.AGENCY": { vi: "Cơ quan", en: "Agency" },
  "template.commune": { vi: "Mẫu báo cáo của xã", en: "Commune sheet" },
  "template.rollup": { vi: "Mẫu tổng hợp", en: "Roll-up sheet" },
  "action.insertTemplate": { vi: "Chèn mẫu", en: "Insert template" },
  "action.validate": { vi: "Kiểm tra", en: "Validate" },
  "action.submit": { vi: "Gửi báo cáo", en: "Submit" },
  "action.acceptWarnings": { vi: "Vẫn gửi (đã xem cảnh báo)", en: "Submit anyway (warnings read)" },
  "validation.ok": { vi: "Bảng tính hợp lệ: {rows} dòng số liệu.", en: "The sheet is valid: {rows} data rows." },
  "validation.summary": { vi: "{errors} lỗi, {warnings} cảnh báo", en: "{errors} error(s), {warnings} warning(s)" },
  "validation.goTo": { vi: "Đến ô {cell}", en: "Go to cell {cell}" },
  "report.late": { vi: "Nộp muộn", en: "Late" },
  "report.onTime": { vi: "Đúng hạn", en: "On time" },
  "report.missing": { vi: "Chưa nộp", en: "Not submitted" },
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof messages;

/** The string for `key` in `locale`, with `{name}` placeholders replaced; the key itself if unknown. */
export function t(key: MessageKey, locale: Locale = "vi", params?: Record<string, string | number>): string {
  const m: Message | undefined = (messages as Record<string, Message>)[key];
  const s = m ? m[locale] : key;
  return params ? s.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all)) : s;
}
