import { describe, expect, it } from "vitest";
import { classifyHeader, findTable } from "./headers";
import type { CellValue } from "./types";

describe("column headers as officials write them", () => {
  it.each([
    ["Tổng số dữ liệu cần số hóa", "", "entriesTotal"],
    ["So du lieu da so hoa", "", "entriesDigitized"],
    ["Số dữ liệu đã kiểm tra, phê duyệt", "", "entriesChecked"],
    ["Đã chuyển vào CSDL hộ tịch điện tử", "", "entriesLoaded"],
    ["Tỷ lệ (%)", "", "statedPercent"],
    ["TS", "Sổ", "booksTotal"],
    ["Đã số hóa", "Sổ", "booksDigitized"],
    ["TS", "Dữ liệu", "entriesTotal"],
    ["SL đã số hóa", "Dữ liệu", "entriesDigitized"],
    ["Tổng số sổ", "", "booksTotal"],
    ["Số sổ đã số hóa", "", "booksDigitized"],
    ["Số lượng sổ", "", "booksTotal"],
    ["Mã ĐVHC", "", "unitCode"],
    ["Tên đơn vị", "", "unitName"],
    ["Xã, phường", "", "unitName"],
    ["Loại sổ", "", "registerKind"],
    ["GĐ", "", "phase"],
    ["Ngày báo cáo", "", "reportDate"],
    ["Ghi chú", "", "note"],
    ["Lý do điều chỉnh", "", "correction"],
    ["Entries digitized", "", "entriesDigitized"],
    ["Books total", "", "booksTotal"],
    ["Entries loaded into the database", "", "entriesLoaded"],
    ["Người phụ trách", "", null],
    ["Tỷ lệ sổ đã số hóa (%)", "", null],
    ["Tỷ lệ dữ liệu đã số hóa (%)", "", "statedPercent"],
  ])("%s (under %s) → %s", (own, group, field) => {
    expect(classifyHeader(own, group)).toBe(field);
  });

  it("finds a header row below a title block, with two merged header rows and a numbering row", () => {
    const rows: CellValue[][] = [
      ["UỶ BAN NHÂN DÂN HUYỆN ĐÔNG GIANG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["PHÒNG TƯ PHÁP", null, null, "Độc lập - Tự do - Hạnh phúc"],
      [],
      ["BÁO CÁO KẾT QUẢ SỐ HÓA SỔ HỘ TỊCH"],
      ["Số liệu tính đến ngày 18/02/2025"],
      ["STT", "Đơn vị", "Sổ hộ tịch", null, "Dữ liệu hộ tịch", null, null, null, "Tỷ lệ", "Người phụ trách"],
      [null, null, "TS", "Đã số hóa", "TS", "SL đã số hóa", "Đã kiểm tra", "Đã đưa vào CSDL", null, null],
      ["1", "2", "3", "4", "5", "6", "7", "8", "9=6/5", "10"],
      [1, "Xã Za Hung", 10, 2, 1000, 100, 80, 50, "10%", "Anh A"],
    ];
    const t = findTable({ name: "S", rows, merges: ["A6:A7", "B6:B7", "C6:D6", "E6:H6", "I6:I7", "J6:J7"] });
    expect(t).not.toBeNull();
    expect(t!.headerRow).toBe(6);
    expect(t!.firstDataRow).toBe(8); // the numbering row is skipped
    expect(t!.columns).toMatchObject({ index: 0, unitName: 1, booksTotal: 2, booksDigitized: 3, entriesTotal: 4, entriesDigitized: 5, entriesChecked: 6, entriesLoaded: 7, statedPercent: 8 });
  });

  it("ignores a sheet that is not a progress table", () => {
    expect(findTable({ name: "Hướng dẫn", rows: [["Hướng dẫn nhập liệu"], ["1. Nhập số liệu vào trang Tiến độ"]] })).toBeNull();
    expect(findTable({ name: "Empty", rows: [] })).toBeNull();
  });
});
