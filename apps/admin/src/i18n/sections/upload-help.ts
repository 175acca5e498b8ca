/** The upload page's template downloads and why sending is blocked (issue 20); spread into vi.ts / en.ts. */
export const vi = {
  uploadHelp: {
    noTemplate: "Chưa có mẫu? Tải mẫu đã điền sẵn các dòng và số liệu gần nhất:",
    commune: "Mẫu cấp xã (.xlsx)",
    rollup: "Mẫu tổng hợp (.xlsx)",
    templateFailed: "Không tải được mẫu: {{message}}",
  },
  uploadFix: {
    blocked: "Chưa gửi được: còn {{count}} lỗi. Sửa các ô tô đỏ (bấm vào một lỗi để đến ô đó), rồi gửi.",
  },
};
export const en = {
  uploadHelp: {
    noTemplate: "No template? Download one pre-filled with the rows and the latest figures:",
    commune: "Commune template (.xlsx)",
    rollup: "Roll-up template (.xlsx)",
    templateFailed: "The template could not be downloaded: {{message}}",
  },
  uploadFix: {
    blocked: "Cannot send yet: {{count}} errors remain. Fix the red cells (click an error to go to its cell), then send.",
  },
};
