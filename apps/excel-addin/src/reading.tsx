/**
 * What the server read of the workbook, one line per sheet: its unit, its report date and the cell it came from,
 * and how many rows of each kind were counted or only checked — shown with the receipt or the refusal, so the
 * official sees that 36 communes and 4 subtotals were read, not 40 communes.
 */
import { Caption1, Text } from "@fluentui/react-components";
import { formatDate, formatNumber, type Locale, type RowRole, type WorkbookReading } from "@sohoa/core";
import { stack } from "./layout";

const ROLE: Partial<Record<RowRole, { vi: string; en: string }>> = {
  data: { vi: "dòng số liệu", en: "data rows" },
  group: { vi: "dòng nhóm", en: "group rows" },
  subtotal: { vi: "dòng cộng", en: "subtotals" },
  total: { vi: "dòng tổng cộng", en: "grand totals" },
  section: { vi: "dòng giai đoạn/mục", en: "sections" },
  note: { vi: "ghi chú", en: "notes" },
  signature: { vi: "chữ ký", en: "signature lines" },
};
const KIND = { table: { vi: "", en: "" }, summary: { vi: " (bảng tổng hợp: đối chiếu, không cộng thêm)", en: " (summary: checked, not added again)" }, none: { vi: " (không có bảng số liệu)", en: " (no data table)" } };

export function ReadingSummary({ reading, locale }: { reading: WorkbookReading; locale: Locale }) {
  const date = reading.reportDate;
  return (
    <section aria-label="reading" data-testid="reading" style={stack(2)}>
      <Text weight="semibold">{locale === "vi" ? "Sohoa đã đọc" : "Sohoa read"}</Text>
      {date && (
        <Caption1 data-testid="reading-date">
          {locale === "vi" ? "Ngày báo cáo" : "Report date"} {formatDate(date.date, locale)}{date.cell ? ` (${date.sheet ? `${date.sheet}!` : ""}${date.cell})` : ""}
        </Caption1>
      )}
      {reading.sheets.map((s) => (
        <Caption1 key={s.name} data-testid="reading-sheet" style={{ overflowWrap: "anywhere" }}>
          <b>{s.name}</b>{KIND[s.kind][locale]}{s.unit ? ` · ${s.unit.fullName}` : ""}:{" "}
          {(Object.keys(ROLE) as RowRole[]).filter((r) => s.tally[r] > 0).map((r) => `${formatNumber(s.tally[r], locale)} ${ROLE[r]![locale]}`).join(" · ") || "—"}
        </Caption1>
      ))}
    </section>
  );
}
