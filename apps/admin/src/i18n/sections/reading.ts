import { countLabels } from "@sohoa/core";

/** Translations of "what Sohoa read" on the upload page (the server's reading of a workbook); spread into vi.ts / en.ts. */
const rolesVi = { title: "tiêu đề văn bản", header: "dòng tiêu đề cột", numbering: "dòng số thứ tự cột", data: "dòng số liệu", group: "dòng nhóm (huyện…)", subtotal: "dòng cộng", total: "dòng tổng cộng", section: "dòng mục/giai đoạn", note: "ghi chú", signature: "chữ ký", blank: "dòng trống", ignored: "không phải số liệu" };
const rolesEn = { title: "document title", header: "header rows", numbering: "column-number row", data: "data rows", group: "group rows (districts…)", subtotal: "subtotals", total: "grand totals", section: "sections/phases", note: "notes", signature: "signature", blank: "blank rows", ignored: "not data" };

export const vi = {
  reading: {
    title: "Sohoa đã đọc bảng tính như sau",
    hint: "Kiểm tra lại trước khi gửi: đơn vị, ngày báo cáo và các dòng được tính. Dòng tổng, dòng nhóm, ghi chú và chữ ký không được tính là số liệu.",
    checking: "Đang đọc và kiểm tra trên máy chủ…",
    localOnly: "Không kết nối được máy chủ: đang dùng kiểm tra trên trình duyệt.",
    reportDate: "Ngày báo cáo", noDate: "Chưa tìm thấy ngày báo cáo: hãy chọn ngày ở trên.",
    from: "từ ô {{cell}} ({{source}})",
    sources: { column: "cột ngày báo cáo", label: "nhãn ngày báo cáo", subtitle: "dòng \"Số liệu tính đến\"", title: "tiêu đề", "date-line": "dòng địa danh, ngày tháng", request: "ngày chọn khi gửi" },
    unitSources: { column: "cột đơn vị", title: "tên cơ quan ở đầu văn bản", cell: "ô ghi tên đơn vị", "sheet-name": "tên trang tính", submitter: "đơn vị gửi", layout: "mẫu đã lưu" },
    signedOn: "Ngày ký {{date}} (ô {{cell}})",
    kinds: { table: "bảng số liệu", summary: "bảng tổng hợp (đối chiếu, không cộng thêm)", none: "không có bảng số liệu" },
    unit: "Đơn vị", totals: "Cộng các dòng số liệu: {{digitized}}/{{total}} dữ liệu",
    columns: "Cột đã nhận", column: "Cột", field: "Đọc là", label: "Tiêu đề cột",
    fields: { unitName: "Tên đơn vị", unitCode: "Mã đơn vị", registerKind: "Loại sổ", phase: "Giai đoạn", ...countLabels("vi"), statedPercent: "Tỷ lệ (%)", reportDate: "Ngày báo cáo", note: "Ghi chú", index: "STT", none: "(không đọc cột này)" },
    notData: "Các dòng không phải số liệu (bỏ qua khi đọc):", saveLayout: "Lưu cách đọc này cho đơn vị", savedLayout: "đọc theo cách đã lưu",
    saveHint: "Lần sau, bảng tính có cùng tiêu đề cột sẽ được đọc đúng như vậy, không cần sửa lại.",
    roles: rolesVi,
  },
};

export const en = {
  reading: {
    title: "How Sohoa read the workbook",
    hint: "Check before sending: the unit, the report date and the rows counted. Totals, group rows, notes and signatures are not counted as figures.",
    checking: "Reading and checking on the server…",
    localOnly: "The server could not be reached: checked in the browser instead.",
    reportDate: "Report date", noDate: "No report date found: choose the date above.",
    from: "from cell {{cell}} ({{source}})",
    sources: { column: "report-date column", label: "report-date label", subtitle: "\"figures as of\" line", title: "title", "date-line": "place-and-date line", request: "date chosen when sending" },
    unitSources: { column: "unit column", title: "issuing body at the top", cell: "a cell naming the unit", "sheet-name": "sheet name", submitter: "the sending unit", layout: "saved layout" },
    signedOn: "Signed on {{date}} (cell {{cell}})",
    kinds: { table: "data table", summary: "summary (checked, not added again)", none: "no data table" },
    unit: "Unit", totals: "Data rows add up to {{digitized}}/{{total}} entries",
    columns: "Columns read", column: "Column", field: "Read as", label: "Header",
    fields: { unitName: "Unit name", unitCode: "Unit code", registerKind: "Register kind", phase: "Phase", ...countLabels("en"), statedPercent: "Rate (%)", reportDate: "Report date", note: "Notes", index: "No.", none: "(do not read this column)" },
    notData: "Rows that are not data (skipped when reading):", saveLayout: "Save this reading for the unit", savedLayout: "read with the saved layout",
    saveHint: "Next time, a sheet with the same column headers is read this way with no correction.",
    roles: rolesEn,
  },
};
