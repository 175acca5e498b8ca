/** Vietnamese (default). Keys mirror en.ts exactly; a test checks both have the same keys. */
import { vi as reportsVi } from "./sections/reports";
import { vi as unitsReorgVi } from "./sections/units-reorg";
import { vi as readingVi } from "./sections/reading";
import { vi as unitSearchVi } from "./sections/unit-search";
import { vi as uploadHelpVi } from "./sections/upload-help";
import { vi as listsVi } from "./sections/lists";
import { TERMS, countLabels } from "@sohoa/core";
export const vi = {
  ...reportsVi,
  ...unitsReorgVi,
  ...readingVi,
  ...unitSearchVi,
  ...uploadHelpVi,
  ...listsVi,
  app: { title: "Sohoa", subtitle: "Số hóa sổ hộ tịch", language: "Ngôn ngữ", retry: "Thử lại", loading: "Đang tải…", empty: "Không có dữ liệu", error: "Đã xảy ra lỗi", signedInAs: "Đăng nhập với tên", logout: "Đăng xuất", sessionExpired: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại; nội dung bạn đang nhập đã được giữ lại.", draftRestored: "Đã khôi phục nội dung đang nhập dở.", yes: "Có", no: "Không", all: "Tất cả", search: "Tìm kiếm", notFound: "Không tìm thấy trang này.", backHome: "Về trang chủ", forbidden: "Bạn không có quyền xem trang này.", unitNotFound: "Mã {{code}}: không có đơn vị này trong phạm vi của bạn vào ngày đã chọn" },
  roles: { ADMIN: "Quản trị hệ thống", PROVINCE: "Cấp tỉnh", DISTRICT: "Cấp huyện", COMMUNE: "Cấp xã", VIEWER: "Chỉ xem" },
  levels: { NATION: "Toàn quốc", PROVINCE: "Tỉnh/Thành phố", DISTRICT: "Quận/Huyện", COMMUNE: "Xã/Phường", AGENCY: "Cơ quan" },
  pages: {
    login: {
      title: "Đăng nhập", signin: "Đăng nhập", subtitle: "Theo dõi tiến độ số hóa sổ hộ tịch",
      fields: { username: "Tên đăng nhập", password: "Mật khẩu", email: "Tên đăng nhập" },
      errors: { requiredUsername: "Nhập tên đăng nhập", requiredPassword: "Nhập mật khẩu", requiredEmail: "Nhập tên đăng nhập", validEmail: "Tên đăng nhập không hợp lệ" },
      buttons: { rememberMe: "Ghi nhớ", forgotPassword: "Quên mật khẩu?", noAccount: "Chưa có tài khoản?", haveAccount: "Đã có tài khoản?" },
      divider: "hoặc", signup: "Đăng ký", register: "Đăng ký",
    },
    error: { "404": "Không tìm thấy trang này.", backHome: "Về trang chủ", info: "" },
  },
  buttons: { create: "Tạo mới", save: "Lưu", logout: "Đăng xuất", delete: "Xóa", edit: "Sửa", cancel: "Hủy", confirm: "Bạn chắc chắn?", filter: "Lọc", clear: "Xóa lọc", refresh: "Làm mới", show: "Xem", undo: "Hoàn tác", import: "Nhập", clone: "Sao chép", notAccessTitle: "Bạn không có quyền", list: "Danh sách", export: "Xuất" },
  actions: { list: "Danh sách", create: "Tạo mới", edit: "Sửa", show: "Chi tiết", clone: "Sao chép" },
  notifications: {
    success: "Thành công", error: "Lỗi (mã: {{statusCode}})", undoable: "Còn {{seconds}} giây để hoàn tác",
    createSuccess: "Đã tạo {{resource}}", createError: "Không tạo được {{resource}} (mã: {{statusCode}})",
    deleteSuccess: "Đã xóa {{resource}}", deleteError: "Không xóa được {{resource}} (mã: {{statusCode}})",
    editSuccess: "Đã lưu {{resource}}", editError: "Không lưu được {{resource}} (mã: {{statusCode}})",
    importProgress: "Đang nhập: {{processed}}/{{total}}",
  },
  loading: "Đang tải",
  autoSave: { success: "đã lưu", error: "lỗi tự lưu", loading: "đang lưu…", idle: "chờ thay đổi" },
  warnWhenUnsavedChanges: "Bạn có chắc muốn rời trang? Thay đổi chưa lưu sẽ mất.",
  documentTitle: { default: "Sohoa", suffix: " | Sohoa" },
  table: { actions: "Thao tác" },
  menu: { dashboard: "Tổng quan", units: "Đơn vị", campaigns: "Chiến dịch", deadlines: "Thời hạn", targets: "Chỉ tiêu", users: "Người dùng", tokens: "Mã truy cập", submissions: "Báo cáo đã nộp", upload: "Nộp báo cáo", management: "Quản lý" },
  dashboard: {
    title: "Tổng quan tiến độ", date: "Ngày số liệu", latest: "Ngày báo cáo mới nhất", entries: "Dữ liệu (trường hợp)", books: "Sổ", checked: "Đã kiểm tra", loaded: "Đã đưa vào CSDL",
    distribution: "Phân bố đơn vị theo mức hoàn thành", trend: "Diễn biến lũy kế", cumulative: "Lũy kế đã số hóa", targetLine: "Chỉ tiêu", deadline: "Hạn hoàn thành", projected: "Dự kiến hoàn thành", outsideScope: "Không xem được đơn vị mã {{code}}: đơn vị này không thuộc phạm vi của bạn ({{unit}}) hoặc không có vào ngày đã chọn.", goOwnUnit: "Về đơn vị của tôi", projectedNone: "chưa ước tính được (chưa có nhịp số hóa)", total: "Tổng cần số hóa",
    children: "Đơn vị trực thuộc", laggards: "Đơn vị chậm tiến độ", atRisk: "Có nguy cơ không kịp hạn", compliance: "Tình hình báo cáo", breakdown: "Theo loại sổ và giai đoạn",
    noChildren: "Đơn vị này không có đơn vị trực thuộc.", noTrend: "Chưa có số liệu diễn biến.", noLaggards: "Không có đơn vị chậm tiến độ.", noAtRisk: "Không có đơn vị có nguy cơ.", drill: "Bấm vào một đơn vị để xem chi tiết",
    levelSwitch: { bottom: "Xã, phường, thị trấn", children: "Đơn vị trực thuộc" },
    bottomNote: "{{total}} xã, phường, thị trấn (cấp cuối) · bấm vào một cột để xem danh sách",
    agenciesApart: "Không tính cơ quan: {{names}}",
    bandList: "{{band}} — {{count}} xã, phường, thị trấn",
    parent: "Trực thuộc",
    agencies: "Cơ quan trực thuộc", agenciesNote: "Cơ quan tự số hóa sổ của mình; không xếp hạng cùng các đơn vị hành chính",
    buckets: { zero: "0%", under10: "Dưới 10%", under50: "Dưới 50%", under100: "50–99%", done: "Hoàn thành" },
    columns: { name: "Đơn vị", completion: "Hoàn thành", entries: "Dữ liệu", books: "Sổ", rank: "Xếp hạng", targetPercent: "% chỉ tiêu", growth: "Nhịp so tuần trước", growthHelp: "Số dữ liệu số hóa trong 7 ngày qua so với 7 ngày trước đó: −7% là làm chậm hơn tuần trước, số liệu không giảm.", forecast: "Dự báo", deadline: "Hạn", lastReport: "Báo cáo gần nhất", kind: "Loại sổ", phase: "Giai đoạn", reason: "Lý do", reportDate: "Ngày báo cáo", version: "Phiên bản" },
    forecast: { on_track: "Đúng tiến độ", at_risk: "Có nguy cơ", will_miss: TERMS.willMiss.vi, done: "Đã xong", no_data: "Chưa đủ số liệu", unknown: "Không rõ" },
    reason: "cần {{required}} dữ liệu/ngày, hiện đạt {{rate}}",
    finishBy: "dự kiến xong {{date}}",
    periods: { day: "Hôm nay", week: "Tuần này", month: "Tháng này" },
    onTime: TERMS.onTime.vi, late: TERMS.late.vi, missing: TERMS.missing.vi, cutoff: "Hạn chót", submittedAt: "Nộp lúc",
    notReported: "chưa báo cáo", of: "trên",
  },
  units: {
    units: "Đơn vị", titles: { list: "Đơn vị hành chính", create: "Thêm đơn vị", edit: "Sửa đơn vị", show: "Đơn vị" },
    fields: { code: "Mã", name: "Tên", fullName: "Tên đầy đủ", level: "Cấp", parentId: "Đơn vị cha", validFrom: "Hiệu lực từ", validTo: "Hiệu lực đến", active: "Đang hoạt động" },
    searchPlaceholder: "Tìm theo tên hoặc mã (không cần dấu)", deactivate: "Ngừng hoạt động", deactivateConfirm: "Ngừng hoạt động đơn vị này? Lịch sử được giữ nguyên.", inactive: "Ngừng hoạt động", matches: "{{count}} kết quả",
  },
  campaigns: {
    campaigns: "Chiến dịch", titles: { list: "Chiến dịch", create: "Tạo chiến dịch", edit: "Sửa chiến dịch", show: "Chiến dịch" },
    fields: { name: "Tên chiến dịch", legalRef: "Căn cứ (văn bản)", startDate: "Bắt đầu", endDate: "Kết thúc", unitId: "Đơn vị chủ trì", phases: "Giai đoạn", description: "Ghi chú" },
  },
  deadlines: {
    deadlines: "Thời hạn", titles: { list: "Thời hạn hoàn thành", create: "Thêm thời hạn", edit: "Sửa thời hạn" },
    fields: { campaignId: "Chiến dịch", unitId: "Đơn vị", dueDate: "Hạn hoàn thành", note: "Ghi chú" },
    bulk: "Đặt hạn cho cả đơn vị", bulkHelp: "Đặt cùng một hạn cho tất cả đơn vị trực thuộc (ví dụ mọi xã của một huyện).", parentUnit: "Đơn vị cấp trên", bulkDone: "Đã đặt hạn cho {{count}} đơn vị",
  },
  targets: {
    targets: "Chỉ tiêu", titles: { list: "Chỉ tiêu theo tháng", create: "Thêm chỉ tiêu", edit: "Sửa chỉ tiêu" },
    fields: { unitId: "Đơn vị", campaignId: "Chiến dịch", periodStart: "Từ ngày", periodEnd: "Đến ngày", entriesTarget: "Chỉ tiêu (dữ liệu)", month: "Tháng" },
  },
  users: {
    users: "Người dùng", titles: { list: "Người dùng", create: "Thêm người dùng", edit: "Sửa người dùng" },
    fields: { username: "Tên đăng nhập", displayName: "Họ tên", role: "Vai trò", unitId: "Đơn vị", locale: "Ngôn ngữ", password: "Mật khẩu", active: "Hoạt động", lastLoginAt: "Đăng nhập gần nhất" },
    resetPassword: "Đặt lại mật khẩu", resetConfirm: "Đặt lại mật khẩu cho {{name}}?", newPassword: "Mật khẩu mới (chỉ hiện một lần)", copy: "Sao chép",
  },
  tokens: {
    tokens: "Mã truy cập", titles: { list: "Mã truy cập cho Excel add-in", create: "Cấp mã truy cập" },
    fields: { name: "Tên gợi nhớ", userId: "Người dùng", createdAt: "Ngày cấp", lastUsedAt: "Dùng gần nhất", expiresAt: "Hết hạn", revokedAt: "Đã thu hồi", prefix: "Mã" },
    issue: "Cấp mã", revoke: "Thu hồi", revokeConfirm: "Thu hồi mã này? Add-in dùng mã sẽ không gửi được nữa.", shownOnce: "Mã chỉ hiển thị một lần. Hãy sao chép ngay.", active: "Đang dùng", revoked: "Đã thu hồi",
    scope: "Phạm vi", scopes: { SUBMIT: "Chỉ gửi số liệu (Excel add-in)", READ: "Chỉ đọc", ADMIN: "Toàn quyền của tài khoản" },
    scopeHelp: "Mã chỉ làm được những việc trong phạm vi này. Chọn \"Toàn quyền\" chỉ khi thật cần: ai có mã sẽ làm được mọi việc bạn làm được.",
    expiresHelp: "Để trống: hết hạn sau 90 ngày. Tối đa một năm.", expiresOn: "Mã hết hạn lúc {{at}}.", expired: "Đã hết hạn",
  },
  submissions: {
    submissions: "Báo cáo đã nộp", titles: { list: "Hộp thư báo cáo", show: "Báo cáo" },
    fields: { unitId: "Đơn vị", reportDate: "Ngày báo cáo", status: "Trạng thái", source: "Nguồn", submittedAt: "Nộp lúc", submittedBy: "Người nộp", checksum: "Mã kiểm", version: "Phiên bản", issues: "Vấn đề", rows: "Số dòng", correctionReason: "Lý do điều chỉnh" },
    status: { ACCEPTED: "Đã nhận", REJECTED: "Bị từ chối", PENDING: "Đang xử lý", SUPERSEDED: "Đã thay thế" },
    source: { ADDIN: "Excel add-in", UPLOAD: "Tải tệp", CONSOLE: "Trang web", API: "API", DEMO: "Dữ liệu mẫu", CARRIED: "Chuyển tiếp" },
    download: "Tải tệp gốc", preview: "Xem trước bảng", versions: "Lịch sử phiên bản", changes: "Thay đổi so với phiên bản trước", noIssues: "Không có vấn đề.", noFile: "Không có tệp gốc (nộp trực tiếp).", noVersions: "Chưa có phiên bản khác.",
    before: "Trước", after: "Sau", figureFields: countLabels("vi", "short"),
  },
  upload: {
    title: "Nộp báo cáo từ tệp Excel", drop: "Kéo thả tệp .xlsx vào đây hoặc bấm để chọn", hint: "Tệp được kiểm tra ngay trên máy bạn trước khi gửi.", parsing: "Đang đọc tệp…",
    unit: "Đơn vị báo cáo", reportDate: "Ngày báo cáo", errors: "{{count}} lỗi", warnings: "{{count}} cảnh báo", ok: "Bảng hợp lệ, có thể gửi.", submit: "Gửi báo cáo",
    acceptWarnings: "Tôi đã kiểm tra các cảnh báo, vẫn gửi", correctionReason: "Lý do điều chỉnh (nếu số liệu giảm)", submitted: "Đã gửi: {{rows}} dòng, {{units}} đơn vị.",
    fixHint: "Sửa trực tiếp trong bảng (bấm vào ô), bảng sẽ được kiểm tra lại.", sheet: "Trang tính", badFile: "Không đọc được tệp: {{message}}", cell: "Ô", message: "Nội dung", severity: "Mức", error: "Lỗi", warning: "Cảnh báo", another: "Chọn tệp khác", template: "Tải mẫu báo cáo",
  },
};
