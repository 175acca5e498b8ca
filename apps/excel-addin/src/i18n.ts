/** Task-pane strings, Vietnamese by default; shared wording comes from core's messages (t). */
import { t as coreT, type Locale, type MessageKey } from "@sohoa/core";

const strings = {
  "signIn.title": { vi: "Đăng nhập Sohoa", en: "Sign in to Sohoa" },
  "signIn.username": { vi: "Tên đăng nhập", en: "Username" },
  "signIn.password": { vi: "Mật khẩu", en: "Password" },
  "signIn.submit": { vi: "Đăng nhập", en: "Sign in" },
  "signIn.orToken": { vi: "Hoặc dán mã truy cập (API token)", en: "Or paste an API token" },
  "signIn.token": { vi: "Mã truy cập", en: "API token" },
  "signIn.useToken": { vi: "Dùng mã truy cập", en: "Use the token" },
  "signIn.tokenNote": { vi: "Mã truy cập chỉ được giữ trong bộ nhớ: đóng ngăn tác vụ là phải dán lại.", en: "The token is kept in memory only: closing the task pane forgets it." },
  "signIn.expired": { vi: "Phiên làm việc đã hết hạn hoặc bị thu hồi. Hãy đăng nhập lại.", en: "The session expired or was revoked. Sign in again." },
  "signOut": { vi: "Đăng xuất", en: "Sign out" },
  "language": { vi: "English", en: "Tiếng Việt" },
  "unit.label": { vi: "Đơn vị báo cáo", en: "Reporting unit" },
  "unit.up": { vi: "↑ Lên cấp trên", en: "↑ Up one level" },
  "unit.choose": { vi: "Chọn đơn vị trực thuộc…", en: "Choose a unit below…" },
  "progress.title": { vi: "Tiến độ", en: "Progress" },
  "progress.asOf": { vi: "Số liệu đến ngày {date}", en: "Figures as of {date}" },
  "progress.noDeadline": { vi: "chưa đặt", en: "not set" },
  "progress.target": { vi: "Chỉ tiêu kỳ này", en: "This period's target" },
  "progress.loading": { vi: "Đang tải tiến độ…", en: "Loading progress…" },
  "excel.notInExcel": { vi: "Ngăn tác vụ đang chạy ngoài Excel: các thao tác với bảng tính không dùng được.", en: "The task pane runs outside Excel: sheet actions are unavailable." },
  "template.inserted": { vi: "Đã chèn mẫu vào trang tính \"{sheet}\".", en: "The template was inserted as sheet \"{sheet}\"." },
  "template.noValidation": { vi: " (Phiên bản Excel này không hỗ trợ ràng buộc dữ liệu; Sohoa sẽ kiểm tra khi bấm Kiểm tra.)", en: " (This Excel has no data validation; Sohoa checks the figures when you press Validate.)" },
  "template.dvTitle": { vi: "Số liệu không hợp lệ", en: "Invalid figure" },
  "template.dvMessage": { vi: "Nhập số nguyên không âm (0, 1, 2, …).", en: "Enter a whole number, 0 or more." },
  "validate.clear": { vi: "Xóa đánh dấu", en: "Clear marks" },
  "validate.none": { vi: "Không có lỗi hay cảnh báo.", en: "No errors or warnings." },
  "validate.marked": { vi: "Đã đánh dấu {cells} ô.", en: "{cells} cells marked." },
  "validate.sheetLevel": { vi: "(cả trang tính)", en: "(whole sheet)" },
  "submit.correction": { vi: "Đây là báo cáo điều chỉnh số liệu đã gửi", en: "This corrects figures already sent" },
  "submit.reason": { vi: "Lý do điều chỉnh", en: "Reason for the correction" },
  "submit.reasonMissing": { vi: "Hãy ghi lý do điều chỉnh (ít nhất 3 ký tự).", en: "Write the reason for the correction (3 characters or more)." },
  "submit.sending": { vi: "Đang gửi…", en: "Sending…" },
  "submit.retry": { vi: "Thử gửi lại", en: "Retry" },
  "submit.networkKept": { vi: "Báo cáo được giữ trong mục \"Chưa gửi\" và tự gửi lại khi có mạng hoặc khi mở lại ngăn tác vụ; bấm \"Thử gửi lại\" để gửi ngay. Báo cáo sẽ không bị ghi hai lần.", en: "The report is kept under \"Not sent\" and goes out by itself when the network is back or the pane reopens; press Retry to send it now. It will not be recorded twice." },
  "outbox.title": { vi: "Chưa gửi ({n})", en: "Not sent ({n})" },
  "outbox.note": { vi: "Được lưu trên máy này, kể cả khi đóng ngăn tác vụ.", en: "Kept on this computer, even when the pane is closed." },
  "outbox.item": { vi: "Đơn vị {unit} · lúc {at}", en: "Unit {unit} · at {at}" },
  "outbox.discard": { vi: "Bỏ", en: "Discard" },
  "outbox.discardConfirm": { vi: "Bỏ báo cáo chưa gửi này? Số liệu trong bảng tính không bị xóa.", en: "Discard this unsent report? The figures in the workbook stay." },
  "outbox.sentLater": { vi: "Đã gửi báo cáo đang chờ (lúc {at}).", en: "The waiting report (from {at}) was sent." },
  "submit.warnings": { vi: "Máy chủ có cảnh báo. Hãy xem lại; nếu số liệu đúng, xác nhận để gửi.", en: "The server has warnings. Review them; if the figures are right, confirm to submit." },
  "submit.errors": { vi: "Máy chủ không ghi nhận báo cáo: hãy sửa các lỗi dưới đây rồi gửi lại.", en: "The server did not record the report: fix the errors below and submit again." },
  "receipt.title": { vi: "Đã ghi nhận báo cáo", en: "Report recorded" },
  "receipt.body": { vi: "Mã biên nhận {id} · ngày báo cáo {date} · {rows} dòng, {units} đơn vị · lúc {at}", en: "Receipt {id} · report date {date} · {rows} rows, {units} units · at {at}" },
  "receipt.replayed": { vi: "(báo cáo này đã được ghi nhận trước đó; không ghi lại lần nữa)", en: "(already recorded earlier; not recorded twice)" },
  "error.generic": { vi: "Đã xảy ra lỗi: {message}", en: "Something went wrong: {message}" },
} as const;

export type Key = keyof typeof strings | MessageKey;

export function translate(key: Key, locale: Locale, params?: Record<string, string | number>): string {
  const own = (strings as Record<string, { vi: string; en: string }>)[key];
  if (!own) return coreT(key as MessageKey, locale, params);
  const s = own[locale];
  return params ? s.replace(/\{(\w+)\}/g, (all, n: string) => (n in params ? String(params[n]) : all)) : s;
}
