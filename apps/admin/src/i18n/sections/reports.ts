/** Translations of the reporting pages (reports, schedules, compliance, reminders); spread into vi.ts / en.ts. */
import { TERMS } from "@sohoa/core";
export const vi = {
  // Refine's own notifications name a resource by "<resource>.<resource>" ("Đã tạo lịch báo cáo").
  schedules: { schedules: "lịch báo cáo" },
  reminders: { reminders: "nhắc nhở" },
  reporting: {
    menu: { group: "Báo cáo", reports: "Báo cáo tiến độ", schedules: "Lịch báo cáo", compliance: "Tình hình nộp báo cáo", reminders: "Nhắc nhở" },
    periods: { day: "Ngày", week: "Tuần", month: "Tháng" },
    periodTypes: { DAY: "Ngày", WEEK: "Tuần", MONTH: "Tháng" },
    timezone: "Giờ Việt Nam (Asia/Ho_Chi_Minh, UTC+7)",
    unit: "Đơn vị", date: "Ngày số liệu", period: "Kỳ", schedule: "Lịch báo cáo", scheduleAuto: "Lịch áp dụng cho đơn vị (mặc định)", cutoff: "Hạn báo cáo",
    reports: {
      title: "Báo cáo tiến độ số hóa", previewTab: "Xem báo cáo", generatedTab: "Báo cáo đã tạo theo lịch", pickUnit: "Chọn đơn vị để xem báo cáo.", loading: "Đang lập báo cáo…",
      officialVi: "Báo cáo là văn bản hành chính bằng tiếng Việt: nội dung, số và ngày tháng luôn theo cách ghi của Việt Nam, ở cả giao diện tiếng Anh.",
      downloadXlsx: "Tải Excel", downloadPdf: "Tải PDF", downloadFailed: "Không tải được tệp: {{message}}", periodRange: "Kỳ báo cáo: {{start}} – {{end}}", asOf: "số liệu tính đến ngày {{date}}",
      columns: { no: "STT", name: "Đơn vị", code: "Mã", entriesTotal: "Tổng cần số hóa", entriesDigitized: "Đã số hóa", completion: "Tỷ lệ hoàn thành", change: "Tăng so với kỳ trước", changeHelp: "Số dữ liệu số hóa thêm từ kỳ báo cáo trước đến kỳ này (số dữ liệu, không phải tỷ lệ).", targetPercent: "% kế hoạch kỳ", forecast: "Dự báo" },
      total: "TỔNG CỘNG", lists: { zero: "Đơn vị chưa triển khai (0%)", under10: "Đơn vị đạt dưới 10%", under50: "Đơn vị đạt từ 10% đến dưới 50%", notReported: "Đơn vị không báo cáo đúng hạn" },
      units: "{{count}} đơn vị", missing: "Chưa báo cáo", lateAt: "Báo cáo muộn lúc {{time}}", dayOff: "Kỳ này là ngày nghỉ, không yêu cầu báo cáo.", legend: "Cách tính", complianceLine: "{{onTime}}/{{total}} đơn vị đúng hạn · {{late}} muộn · {{missing}} chưa báo cáo",
      generated: { schedule: "Lịch", unit: "Đơn vị", periodType: "Loại", period: "Kỳ", cutoffAt: "Hạn", generatedAt: "Tạo lúc", progress: "Tiến độ", download: "Tải về", empty: "Chưa có báo cáo nào được tạo theo lịch.",
        emptyNoSchedule: "Chưa có báo cáo vì chưa có lịch báo cáo nào trong phạm vi của bạn. Hãy tạo lịch ở trang \"Lịch báo cáo\"; báo cáo sẽ được tạo tự động sau mỗi hạn. Trong lúc chờ, xem báo cáo ở tab \"Xem báo cáo\".",
        emptyNotYet: "Chưa có báo cáo nào được tạo: báo cáo được tạo tự động ngay sau mỗi hạn của lịch (ví dụ 17:00 hằng ngày), kể từ khi lịch được tạo. Trong lúc chờ, xem báo cáo ở tab \"Xem báo cáo\"." },
    },
    schedules: {
      titles: { list: "Lịch báo cáo", create: "Tạo lịch báo cáo", edit: "Sửa lịch báo cáo" },
      fields: { name: "Tên lịch", campaignId: "Chiến dịch", unitId: "Đơn vị áp dụng (cả cây đơn vị trực thuộc)", level: "Cấp phải báo cáo", cadence: "Chu kỳ", cutoff: "Giờ hạn", weekday: "Ngày trong tuần", monthDay: "Báo cáo trước ngày (trong tháng)", daysOff: "Ngày nghỉ (không yêu cầu báo cáo)", reminderMinutesBefore: "Nhắc trước hạn (phút)", timezone: "Múi giờ", active: "Trạng thái", rule: "Quy định" },
      cadences: { DAILY: "Hằng ngày", WEEKLY: "Hằng tuần", MONTHLY: "Hằng tháng" },
      rule: { DAILY: "Hằng ngày, hạn {{time}}", WEEKLY: "{{weekday}} hằng tuần, trước {{time}}", MONTHLY: "Trước ngày {{day}} hằng tháng ({{time}})" },
      weekdays: { "1": "Thứ Hai", "2": "Thứ Ba", "3": "Thứ Tư", "4": "Thứ Năm", "5": "Thứ Sáu", "6": "Thứ Bảy", "7": "Chủ nhật" },
      offDates: "Các ngày nghỉ cụ thể (lễ, Tết)", none: "Không có", active: "Đang áp dụng", inactive: "Ngừng áp dụng", allCampaigns: "Mọi chiến dịch", allCadences: "Mọi chu kỳ",
      levelHelp: "Cấp huyện: huyện được tính là đã báo cáo khi tất cả xã trực thuộc đã gửi số liệu. Nơi không có cấp này (sau sắp xếp 01/7/2025), xã báo cáo trực tiếp.",
      monthHelp: "Ví dụ 16: kỳ báo cáo từ ngày 16 tháng trước đến ngày 15, hạn trước 0:00 ngày 16.", deleteConfirm: "Ngừng áp dụng lịch này? Các báo cáo đã tạo vẫn được giữ.",
    },
    compliance: {
      title: "Tình hình nộp báo cáo", today: "Hôm nay", thisWeek: "Tuần này", thisMonth: "Tháng này", onTime: TERMS.onTime.vi, late: TERMS.late.vi, missing: TERMS.missing.vi, off: "Nghỉ",
      reference: "Kỳ {{start}} – {{end}} · hạn {{cutoff}}", history: "Diễn biến theo kỳ", status: "Tình trạng", district: "Huyện", submittedAt: "Gửi lúc", members: "Đơn vị cơ sở đã gửi",
      allDistricts: "Tất cả huyện", allStatuses: "Mọi tình trạng", search: "Tìm đơn vị", dashboard: "Xem tiến độ", dayOff: "Kỳ này là ngày nghỉ, không yêu cầu báo cáo.", noHistory: "Chưa có số liệu diễn biến.",
      nationalDefault: "Toàn quốc chưa có lịch báo cáo chung; đang xem đơn vị có lịch báo cáo đang áp dụng. Đơn vị có lịch: {{units}}. Chọn đơn vị khác ở ô bên trên.",
      pickUnit: "Chưa có lịch báo cáo nào đang áp dụng. Hãy chọn tỉnh hoặc đơn vị cần xem, hoặc tạo lịch báo cáo.",
    },
    reminders: {
      title: "Nhắc nhở báo cáo", unreadOnly: "Chỉ chưa đọc", all: "Tất cả", markRead: "Đánh dấu đã đọc", markAllRead: "Đánh dấu tất cả đã đọc", read: "Đã đọc", unread: "Chưa đọc",
      message: "Nội dung", unit: "Đơn vị", cutoffAt: "Hạn", createdAt: "Gửi lúc", badge: "Nhắc nhở chưa đọc: {{count}}", empty: "Không có nhắc nhở nào.", marked: "Đã đánh dấu {{count}} nhắc nhở là đã đọc.",
    },
  },
};

export const en: typeof vi = {
  schedules: { schedules: "reporting schedule" },
  reminders: { reminders: "reminder" },
  reporting: {
    menu: { group: "Reports", reports: "Progress reports", schedules: "Reporting schedules", compliance: "Reporting compliance", reminders: "Reminders" },
    periods: { day: "Day", week: "Week", month: "Month" },
    periodTypes: { DAY: "Day", WEEK: "Week", MONTH: "Month" },
    timezone: "Vietnam time (Asia/Ho_Chi_Minh, UTC+7)",
    unit: "Unit", date: "Figures as of", period: "Period", schedule: "Reporting schedule", scheduleAuto: "The unit's schedule (default)", cutoff: "Deadline",
    reports: {
      title: "Digitization progress report", previewTab: "View a report", generatedTab: "Reports generated by schedules", pickUnit: "Choose a unit to see its report.", loading: "Preparing the report…",
      officialVi: "The report is an official document in Vietnamese: its text, numbers and dates stay in Vietnamese form, also when the console is in English.",
      downloadXlsx: "Download Excel", downloadPdf: "Download PDF", downloadFailed: "Could not download the file: {{message}}", periodRange: "Reporting period: {{start}} – {{end}}", asOf: "figures as of {{date}}",
      columns: { no: "No.", name: "Unit", code: "Code", entriesTotal: "Entries to digitize", entriesDigitized: "Digitized", completion: "Completion", change: "Change since last report", changeHelp: "Entries digitized since the previous report (a count of entries, not a rate).", targetPercent: "% of the period's target", forecast: "Forecast" },
      total: "TOTAL", lists: { zero: "Units not started (0%)", under10: "Units under 10%", under50: "Units from 10% to under 50%", notReported: "Units that did not report on time" },
      units: "{{count}} units", missing: "Not reported", lateAt: "Reported late at {{time}}", dayOff: "This period is a day off; no report is required.", legend: "How it is computed", complianceLine: "{{onTime}}/{{total}} units on time · {{late}} late · {{missing}} not reported",
      generated: { schedule: "Schedule", unit: "Unit", periodType: "Type", period: "Period", cutoffAt: "Deadline", generatedAt: "Generated at", progress: "Progress", download: "Download", empty: "No report has been generated by a schedule yet.",
        emptyNoSchedule: "No reports because there is no reporting schedule in your scope. Create one on the \"Reporting schedules\" page; a report is then generated after each deadline. Meanwhile, see a report in the \"View a report\" tab.",
        emptyNotYet: "No report generated yet: one is generated right after each deadline of a schedule (e.g. 17:00 every day) from when the schedule was created. Meanwhile, see a report in the \"View a report\" tab." },
    },
    schedules: {
      titles: { list: "Reporting schedules", create: "Create a reporting schedule", edit: "Edit a reporting schedule" },
      fields: { name: "Name", campaignId: "Campaign", unitId: "Unit (with its whole subtree)", level: "Level that reports", cadence: "Cadence", cutoff: "Deadline time", weekday: "Weekday", monthDay: "Report before day (of the month)", daysOff: "Days off (no report required)", reminderMinutesBefore: "Remind before the deadline (minutes)", timezone: "Time zone", active: "Status", rule: "Rule" },
      cadences: { DAILY: "Daily", WEEKLY: "Weekly", MONTHLY: "Monthly" },
      rule: { DAILY: "Every day, by {{time}}", WEEKLY: "Every {{weekday}}, before {{time}}", MONTHLY: "Before the {{day}}th of each month ({{time}})" },
      weekdays: { "1": "Monday", "2": "Tuesday", "3": "Wednesday", "4": "Thursday", "5": "Friday", "6": "Saturday", "7": "Sunday" },
      offDates: "Specific days off (holidays, Tết)", none: "None", active: "Active", inactive: "Inactive", allCampaigns: "All campaigns", allCadences: "All cadences",
      levelHelp: "District level: a district has reported once all its communes have sent their figures. Where that level does not exist (after the 1 July 2025 reorganization), communes report directly.",
      monthHelp: "E.g. 16: the period runs from the 16th of the previous month to the 15th, due before 0:00 on the 16th.", deleteConfirm: "Deactivate this schedule? Reports already generated are kept.",
    },
    compliance: {
      title: "Reporting compliance", today: "Today", thisWeek: "This week", thisMonth: "This month", onTime: TERMS.onTime.en, late: TERMS.late.en, missing: TERMS.missing.en, off: "Day off",
      reference: "Period {{start}} – {{end}} · deadline {{cutoff}}", history: "History by period", status: "Status", district: "District", submittedAt: "Sent at", members: "Reporting units that sent",
      allDistricts: "All districts", allStatuses: "All statuses", search: "Find a unit", dashboard: "View progress", dayOff: "This period is a day off; no report is required.", noHistory: "No history yet.",
      nationalDefault: "The whole country has no reporting schedule of its own; showing a unit with a schedule in force. Units with a schedule: {{units}}. Pick another unit above.",
      pickUnit: "No reporting schedule is in force. Pick the province or unit to look at, or create a reporting schedule.",
    },
    reminders: {
      title: "Reporting reminders", unreadOnly: "Unread only", all: "All", markRead: "Mark as read", markAllRead: "Mark all as read", read: "Read", unread: "Unread",
      message: "Message", unit: "Unit", cutoffAt: "Deadline", createdAt: "Sent at", badge: "Unread reminders: {{count}}", empty: "No reminders.", marked: "{{count}} reminders marked as read.",
    },
  },
};
