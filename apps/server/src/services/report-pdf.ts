/**
 * The report as a PDF (pdfkit, pure JavaScript), A4 landscape, rendered from the same ReportData as the .xlsx.
 * The standard PDF fonts have no Vietnamese glyphs (ầ, ữ, ơ…), so DejaVu Serif (TrueType, shipped by the
 * `dejavu-fonts-ttf` npm package, works offline) is embedded and subset. The table's header row is repeated
 * on every page.
 */
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { formatDate, formatNumber, formatPercent } from "@sohoa/core";
import type { ReportData, ReportLine } from "./report";

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf"),
  italic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf"),
  boldItalic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif-BoldItalic.ttf"),
};

const COLS: { title: string; width: number; align: "left" | "right" | "center" }[] = [
  { title: "STT", width: 28, align: "center" },
  { title: "Đơn vị", width: 128, align: "left" },
  { title: "Mã", width: 42, align: "center" },
  { title: "Tổng số dữ liệu", width: 66, align: "right" },
  { title: "Đã số hóa", width: 66, align: "right" },
  { title: "Tỷ lệ", width: 44, align: "right" },
  { title: "Đến kỳ trước", width: 66, align: "right" },
  { title: "Tăng so với kỳ trước", width: 58, align: "right" },
  { title: "% kế hoạch kỳ (*)", width: 52, align: "right" },
  { title: "Dự báo", width: 74, align: "left" },
  { title: "Ghi chú", width: 157, align: "left" },
];

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));
const signed = (v: number) => (v > 0 ? `+${formatNumber(v)}` : formatNumber(v));
const localTime = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")} ${formatDate(d.toISOString())}`;
};

export async function writeReportPdf(data: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: { top: 30, bottom: 30, left: 30, right: 30 },
    info: { Title: `${data.title} ${data.subtitle}`, Author: data.header.agency, Creator: "Sohoa", CreationDate: new Date(data.generatedAt) },
    bufferPages: true,
  });
  doc.registerFont("R", FONT_FILES.regular);
  doc.registerFont("B", FONT_FILES.bold);
  doc.registerFont("I", FONT_FILES.italic);
  doc.registerFont("BI", FONT_FILES.boldItalic);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 14;

  // Header block: agency on the left, national title on the right.
  const top = doc.y;
  doc.font("B").fontSize(11).text(data.header.agency, left, top, { width: 300, align: "center" });
  doc.font("R").fontSize(10).text(data.header.number, left, doc.y + 2, { width: 300, align: "center" });
  doc.font("B").fontSize(11).text(data.header.nation, left + width - 380, top, { width: 380, align: "center" });
  doc.font("B").fontSize(11).text(data.header.motto, left + width - 380, doc.y + 1, { width: 380, align: "center", underline: true });
  doc.font("I").fontSize(10).text(data.header.dateLine, left + width - 380, doc.y + 6, { width: 380, align: "center" });
  doc.moveDown(1.2);
  doc.font("B").fontSize(14).text(data.title, left, doc.y, { width, align: "center" });
  doc.font("B").fontSize(11).text(data.subtitle, { width, align: "center" });
  doc.font("I").fontSize(10).text(data.periodLine, { width, align: "center" });
  doc.moveDown(0.5);
  doc.font("R").fontSize(10).text(data.recipient, { width, align: "center" });
  doc.moveDown(0.5);
  doc.font("R").fontSize(10).text(data.summary, left, doc.y, { width, align: "justify" });
  doc.moveDown(0.6);

  // Table
  const FS = 8;
  const pad = 2.5;
  const cellText = (l: ReportLine): string[] => [
    l.no ?? "",
    l.kind === "total" ? `TỔNG CỘNG (${l.unit.fullName})` : l.unit.fullName,
    l.unit.code,
    formatNumber(l.entriesTotal),
    formatNumber(l.entriesDigitized),
    pct(l.completion),
    formatNumber(l.previousDigitized),
    signed(l.change),
    pct(l.targetPercent),
    l.forecast.label,
    l.forecast.reason,
  ];
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(FS);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t || " ", { width: COLS[i]!.width - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    let x = left;
    const y = doc.y;
    if (fill) doc.rect(left, y, width, h).fill(fill).fillColor("black");
    cells.forEach((t, i) => {
      const col = COLS[i]!;
      doc.rect(x, y, col.width, h).lineWidth(0.5).stroke("#555555");
      doc.fillColor("black").font(font).fontSize(FS).text(t, x + pad, y + pad, { width: col.width - 2 * pad, align: col.align, lineBreak: true });
      x += col.width;
    });
    doc.x = left;
    doc.y = y + h;
  };
  const header = () => drawRow(COLS.map((c) => c.title), "B", "#DDEBF7");
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) {
      doc.addPage();
      header();
    }
  };
  if (doc.y + 60 > bottom()) doc.addPage();
  header();
  const line = (l: ReportLine) => {
    const cells = cellText(l);
    const font = l.kind === "row" ? "R" : "B";
    ensure(rowHeight(cells, font));
    drawRow(cells, font, l.kind === "subtotal" ? "#F2F2F2" : l.kind === "total" ? "#FFF2CC" : undefined);
  };
  for (const g of data.groups) {
    if (g.subtotal) line(g.subtotal);
    for (const r of g.rows) line(r);
  }
  line(data.total);

  // Lists
  const para = (text: string, font = "R", size = 9) => {
    doc.font(font).fontSize(size);
    const h = doc.heightOfString(text, { width });
    if (doc.y + h > bottom()) doc.addPage();
    doc.text(text, left, doc.y, { width });
  };
  doc.moveDown(0.8);
  const list = (title: string, items: ReportData["lists"]["zero"]) => {
    para(`${title}: ${items.length} đơn vị`, "B", 10);
    if (items.length) para(items.map((it, i) => `${i + 1}. ${it.fullName}${it.district ? ` (${it.district})` : ""}: ${pct(it.completion)}`).join("; ") + ".");
    doc.moveDown(0.4);
  };
  list("I. Đơn vị chưa triển khai số hóa (0%)", data.lists.zero);
  list("II. Đơn vị đạt dưới 10%", data.lists.under10);
  list("III. Đơn vị đạt từ 10% đến dưới 50%", data.lists.under50);
  const c = data.compliance;
  if (c.dayOff) para("IV. Kỳ này là ngày nghỉ, không yêu cầu báo cáo.", "B", 10);
  else {
    para(`IV. Đơn vị không báo cáo đúng hạn (hạn ${localTime(c.cutoffAt)}): ${c.missing} chưa báo cáo, ${c.late} báo cáo muộn / ${c.reportingUnits} đơn vị`, "B", 10);
    const missing = c.notReported.filter((x) => x.status === "missing");
    const late = c.notReported.filter((x) => x.status === "late");
    if (missing.length) para(`Chưa báo cáo: ${missing.map((x) => `${x.fullName}${x.district ? ` (${x.district})` : ""}`).join("; ")}.`);
    if (late.length) para(`Báo cáo muộn: ${late.map((x) => `${x.fullName} (${localTime(x.submittedAt!)})`).join("; ")}.`);
  }
  // The notes and the closing block ("Nơi nhận", signature) stay together: the signature never sits alone on a page.
  const legendText = (data.legend ?? []).map((text) => `${text.startsWith("Tỷ lệ đạt") ? "(*)" : "-"} ${text}`);
  const closingH = 80;
  let tailH = closingH;
  if (legendText.length) {
    tailH += doc.font("B").fontSize(9).heightOfString("Ghi chú:", { width }) + 20;
    doc.font("I").fontSize(8);
    for (const text of legendText) tailH += doc.heightOfString(text, { width });
  }
  if (doc.y + tailH > bottom() && tailH < bottom() - doc.page.margins.top) doc.addPage();
  if (legendText.length) {
    doc.moveDown(0.6);
    para("Ghi chú:", "B", 9);
    for (const text of legendText) para(text, "I", 8);
  }
  doc.moveDown(1);
  if (doc.y + closingH > bottom()) doc.addPage();
  const sy = doc.y;
  doc.font("BI").fontSize(10).text("Nơi nhận:", left, sy, { width: 300 });
  doc.font("R").fontSize(9).text(`- ${data.recipient.replace(/^Kính gửi:\s*/, "")};\n- Lưu: VT.`, { width: 300 });
  doc.font("B").fontSize(11).text("THỦ TRƯỞNG ĐƠN VỊ", left + width - 300, sy, { width: 300, align: "center" });
  doc.font("I").fontSize(9).text("(Ký, ghi rõ họ tên, đóng dấu)", { width: 300, align: "center" });

  // Page numbers
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font("R").fontSize(8).text(`Trang ${i + 1}/${range.count}`, left, doc.page.height - doc.page.margins.bottom - 10, { width, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}
