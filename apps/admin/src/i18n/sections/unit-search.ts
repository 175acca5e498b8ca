/** The unit search's date and former-unit hints (issue 20); spread into vi.ts / en.ts. */
export const vi = {
  unitSearch: {
    asOfLatest: "Tìm theo ngày {{date}}, ngày gần nhất có số liệu. Chọn ngày để tìm theo ngày khác.",
    asOf: "Tìm theo ngày {{date}}.",
    closedSince: "ngừng hoạt động từ {{date}}",
    former: "Đơn vị cũ",
  },
};
export const en = {
  unitSearch: {
    asOfLatest: "Searching on {{date}}, the latest date with figures. Pick a date to search another day.",
    asOf: "Searching on {{date}}.",
    closedSince: "closed since {{date}}",
    former: "Former unit",
  },
};
