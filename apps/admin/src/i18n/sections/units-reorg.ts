/** Translations of unit management (merge, registry import, unit history), target import, the 2025 reorganization view; spread into vi.ts / en.ts. */
export const vi = {
  unitsReorg: {
    menu: { merge: "Sáp nhập đơn vị", import: "Nhập danh mục đơn vị", group: "Sắp xếp đơn vị 2025", reorg: "Hình thành xã mới", targetsImport: "Nhập chỉ tiêu từ Excel" },
    reasonMin: "Lý do cần ít nhất 5 ký tự.",
    campaign: { code: "Mã chiến dịch", codeRule: "1–50 chữ cái, chữ số, dấu chấm, - hoặc _" },
    merge: {
      title: "Sáp nhập đơn vị", intro: "Chọn các đơn vị cùng một đơn vị cấp trên sẽ sáp nhập, ngày hiệu lực và đơn vị mới. Từ ngày hiệu lực các đơn vị cũ ngừng hoạt động, số liệu của chúng được chuyển sang đơn vị mới; lịch sử được giữ nguyên.",
      effectiveDate: "Ngày hiệu lực", parent: "Đơn vị cấp trên", parentHint: "Các đơn vị bị sáp nhập và đơn vị mới cùng thuộc đơn vị này.", sources: "Các đơn vị sáp nhập (ít nhất 2)", sourcesPlaceholder: "Chọn các đơn vị…",
      atLeastTwo: "Cần chọn ít nhất hai đơn vị.", code: "Mã đơn vị mới", codeRule: "1–20 chữ cái, chữ số, - hoặc _", name: "Tên đơn vị mới", nameHint: "Không cần ghi loại (Xã/Phường): hệ thống tự thêm theo cấp.",
      reason: "Căn cứ / lý do", reasonPlaceholder: "Nghị quyết số …/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã", submit: "Sáp nhập",
      done: "Đã sáp nhập thành {{name}}", doneSub: "{{count}} đơn vị ngừng hoạt động từ ngày {{date}}; số liệu đã được chuyển sang đơn vị mới.", closed: "Các đơn vị đã sáp nhập", history: "Xem lịch sử đơn vị mới", again: "Sáp nhập đơn vị khác",
    },
    history: {
      predecessors: "Hình thành từ (đơn vị trước)", successors: "Đơn vị kế thừa", effective: "Ngày hiệu lực", kind: "Hình thức", share: "Tỷ lệ chuyển số liệu", primary: "Kế thừa chính", reason: "Lý do",
      progress: "Xem tiến độ", noPredecessors: "Không hình thành từ đơn vị nào khác.", noSuccessors: "Chưa có đơn vị kế thừa.",
    },
    kinds: { MERGE: "Sáp nhập", SPLIT: "Chia tách", RENAME: "Đổi tên", TRANSFER: "Điều chuyển" },
    allocation: {
      title: "Phân bổ số liệu của đơn vị bị chia tách", intro: "Mặc định toàn bộ số liệu chuyển sang đơn vị kế thừa chính. Quản trị viên có thể chọn đơn vị kế thừa khác, hoặc chia theo tỷ lệ (tổng 100%). Số liệu được tính lại ngay và thay đổi được ghi nhật ký.",
      primary: "Toàn bộ cho một đơn vị", shares: "Chia theo tỷ lệ", successor: "Đơn vị nhận số liệu", sharesLabel: "Tỷ lệ cho từng đơn vị kế thừa", total: "Tổng", sum: "Tổng tỷ lệ phải bằng 100% (hiện là {{total}}).",
      reasonPlaceholder: "Ví dụ: theo đề án sắp xếp, phần lớn dân cư thôn … chuyển về xã …", save: "Lưu phân bổ", saved: "Đã lưu và tính lại số liệu chuyển sang.",
    },
    import: {
      title: "Nhập danh mục đơn vị", registryTab: "Danh mục đơn vị hành chính", successorsTab: "Đơn vị kế thừa",
      registryIntro: "Tệp JSON theo định dạng danh mục đơn vị hành chính (tỉnh → huyện → xã, hoặc tỉnh → xã). Danh mục là toàn bộ cây đơn vị từ ngày hiệu lực: đơn vị không còn trong tệp sẽ ngừng hoạt động từ ngày đó. Hãy xem trước trước khi nhập.",
      successorsIntro: "Tệp JSON liệt kê mỗi xã cũ và (các) xã mới kế thừa ({old, new[], primary}). Sau khi nhập, số liệu, chỉ tiêu và hạn hoàn thành được chuyển sang đơn vị mới.",
      drop: "Kéo tệp .json vào đây hoặc bấm để chọn", hint: "Tối đa 10 MB", effective: "Ngày hiệu lực", preview: "Xem trước", import: "Nhập",
      previewTitle: "Xem trước: {{file}}, hiệu lực từ {{date}} (chưa lưu)", doneTitle: "Đã nhập {{file}}", confirmClose: "{{count}} đơn vị sẽ ngừng hoạt động. Tiếp tục nhập?", total: "Tổng",
      added: "Mở mới", closed: "Ngừng hoạt động", changed: "Đổi tên/thông tin", unchanged: "Không đổi",
      successorLine: "{{predecessors}} đơn vị cũ; {{linked}} liên kết mới, {{unchanged}} đã có, {{notFound}} không khớp.", carried: "Số liệu đã chuyển sang {{successors}} đơn vị mới từ {{predecessors}} đơn vị cũ.",
    },
    reorg: {
      province: "Tỉnh/thành phố sau sắp xếp", pick: "Chọn tỉnh/thành phố…", pickHint: "Chọn một tỉnh/thành phố mới để xem các xã được hình thành từ đâu.", effective: "Hiệu lực từ {{date}}",
      newCommunes: "Xã/phường mới", oldCommunes: "Xã/phường cũ hợp thành", divided: "trong đó {{count}} xã cũ được chia cho nhiều xã mới", carried: "Số liệu chuyển sang",
      chart: "Dữ liệu chuyển sang từng xã mới (20 xã lớn nhất)", table: "Các xã/phường mới", filter: "Tìm xã mới hoặc xã cũ…", newCommune: "Xã/phường mới", formedFrom: "Hình thành từ", carriedEntries: "Dữ liệu chuyển sang",
      legendDone: "Đã số hóa", legendLeft: "Còn lại",
    },
    targets: {
      title: "Nhập chỉ tiêu tháng từ Excel", intro: "Tải tệp mẫu (danh sách đơn vị × các tháng của đợt, có sẵn chỉ tiêu hiện tại), điền chỉ tiêu trong Excel rồi tải lên. Mọi ô được kiểm tra; nếu còn lỗi thì chưa lưu gì.",
      root: "Đơn vị", rootHint: "Tệp mẫu gồm các đơn vị trực thuộc đơn vị này (mặc định: đơn vị của bạn).", level: "Cấp đơn vị trong tệp mẫu", allLevels: "Tất cả các cấp", months: "Các tháng", monthsHint: "Mặc định: các tháng của đợt.",
      template: "Tải tệp mẫu", upload: "Tải lên bảng chỉ tiêu", drop: "Kéo tệp .xlsx vào đây hoặc bấm để chọn", dropHint: "Tệp được kiểm tra ngay, chưa lưu cho đến khi bạn xác nhận.", pickCampaign: "Hãy chọn đợt/chiến dịch trước.",
      errors: "{{count}} lỗi — chưa lưu gì", recheck: "Kiểm tra lại", cell: "Ô", message: "Lỗi", fixHint: "Sửa trong Excel rồi tải lên lại, hoặc bấm vào ô trong bảng dưới để sửa trực tiếp rồi bấm \"Kiểm tra lại\".",
      previewTitle: "Kiểm tra xong, không có lỗi", previewLine: "Sẽ thêm {{created}} chỉ tiêu, sửa {{updated}}, giữ nguyên {{unchanged}}.", month: "Tháng", before: "Hiện tại", after: "Mới", confirm: "Xác nhận nhập",
      done: "Đã nhập: thêm {{created}}, sửa {{updated}} chỉ tiêu", unchanged: "{{count}} chỉ tiêu giữ nguyên.", toList: "Xem danh sách chỉ tiêu", again: "Nhập tệp khác",
    },
    hint: {
      closed: "{{name}} không còn là đơn vị hành chính từ ngày {{date}} (sắp xếp đơn vị hành chính).", now: "Nay thuộc:", communes: "{{count}} đơn vị cũ",
      formed: "Hình thành từ ngày 01/07/2025: xem từ các đơn vị nào", outOfScope: "Một số đơn vị kế thừa nằm ngoài phạm vi tài khoản của bạn; hãy đề nghị quản trị viên cấp quyền theo đơn vị mới.", lastDay: "Xem ngày cuối cùng ({{date}})",
    },
  },
};

export const en: typeof vi = {
  unitsReorg: {
    menu: { merge: "Merge units", import: "Import unit registry", group: "2025 reorganization", reorg: "New communes' formation", targetsImport: "Import targets from Excel" },
    reasonMin: "The reason needs at least 5 characters.",
    campaign: { code: "Campaign code", codeRule: "1–50 letters, digits, dots, - or _" },
    merge: {
      title: "Merge units", intro: "Choose the units under one parent to merge, the effective date and the new unit. From that date the old units close and their figures are carried into the new one; history is kept.",
      effectiveDate: "Effective date", parent: "Parent unit", parentHint: "The merged units and the new one are all under this unit.", sources: "Units to merge (at least 2)", sourcesPlaceholder: "Choose units…",
      atLeastTwo: "Choose at least two units.", code: "New unit's code", codeRule: "1–20 letters, digits, - or _", name: "New unit's name", nameHint: "Without the type (Xã/Phường): it is added from the level.",
      reason: "Legal basis / reason", reasonPlaceholder: "Resolution …/NQ-UBTVQH15 on reorganizing commune-level units", submit: "Merge",
      done: "Merged into {{name}}", doneSub: "{{count}} units close on {{date}}; their figures were carried into the new unit.", closed: "Merged units", history: "See the new unit's history", again: "Merge other units",
    },
    history: {
      predecessors: "Formed from (earlier units)", successors: "Successors", effective: "Effective", kind: "Kind", share: "Share of figures", primary: "Primary successor", reason: "Reason",
      progress: "See progress", noPredecessors: "Not formed from other units.", noSuccessors: "No successor yet.",
    },
    kinds: { MERGE: "Merge", SPLIT: "Division", RENAME: "Rename", TRANSFER: "Transfer" },
    allocation: {
      title: "How a divided unit's figures are carried", intro: "By default all figures go to the primary successor. An administrator may choose another successor, or split by shares summing to 100%. Figures are re-carried at once and the change is audited.",
      primary: "All to one successor", shares: "Split by shares", successor: "Successor receiving the figures", sharesLabel: "Share for each successor", total: "Total", sum: "The shares must add up to 100% (now {{total}}).",
      reasonPlaceholder: "E.g. under the reorganization plan most of hamlet … moved to commune …", save: "Save allocation", saved: "Saved; the carried figures were recomputed.",
    },
    import: {
      title: "Import unit registry", registryTab: "Administrative unit registry", successorsTab: "Successor links",
      registryIntro: "A JSON file in the registry format (province → district → commune, or province → commune). The registry is the whole tree from the effective date: units missing from the file close on that date. Preview before importing.",
      successorsIntro: "A JSON file listing each old commune and the new commune(s) succeeding it ({old, new[], primary}). After the import, figures, targets and deadlines are carried to the new units.",
      drop: "Drop a .json file here or click to choose", hint: "At most 10 MB", effective: "Effective date", preview: "Preview", import: "Import",
      previewTitle: "Preview: {{file}}, effective {{date}} (not stored)", doneTitle: "Imported {{file}}", confirmClose: "{{count}} units will close. Import anyway?", total: "Total",
      added: "Opened", closed: "Closed", changed: "Renamed/changed", unchanged: "Unchanged",
      successorLine: "{{predecessors}} old units; {{linked}} new links, {{unchanged}} already there, {{notFound}} not matched.", carried: "Figures carried into {{successors}} new units from {{predecessors}} old units.",
    },
    reorg: {
      province: "Province after the reorganization", pick: "Choose a province…", pickHint: "Choose a new province to see what its communes were formed from.", effective: "Effective {{date}}",
      newCommunes: "New communes/wards", oldCommunes: "Former communes/wards", divided: "of which {{count}} were divided among several new communes", carried: "Figures carried over",
      chart: "Entries carried into each new commune (20 largest)", table: "New communes/wards", filter: "Find a new or former commune…", newCommune: "New commune/ward", formedFrom: "Formed from", carriedEntries: "Entries carried over",
      legendDone: "Digitized", legendLeft: "Remaining",
    },
    targets: {
      title: "Import monthly targets from Excel", intro: "Download the template (units × the campaign's months, current targets filled in), fill in the targets in Excel and upload it. Every cell is checked; while errors remain nothing is stored.",
      root: "Unit", rootHint: "The template lists the units below this one (default: your unit).", level: "Level of units in the template", allLevels: "All levels", months: "Months", monthsHint: "Default: the campaign's months.",
      template: "Download template", upload: "Upload the target sheet", drop: "Drop an .xlsx file here or click to choose", dropHint: "The file is checked at once and not stored until you confirm.", pickCampaign: "Choose a campaign first.",
      errors: "{{count}} errors — nothing stored", recheck: "Check again", cell: "Cell", message: "Error", fixHint: "Fix them in Excel and upload again, or click a cell in the grid below to fix it here, then \"Check again\".",
      previewTitle: "Checked, no errors", previewLine: "Will add {{created}} targets, change {{updated}}, keep {{unchanged}}.", month: "Month", before: "Current", after: "New", confirm: "Confirm import",
      done: "Imported: {{created}} added, {{updated}} changed", unchanged: "{{count}} targets unchanged.", toList: "See the targets", again: "Import another file",
    },
    hint: {
      closed: "{{name}} is no longer an administrative unit since {{date}} (administrative reorganization).", now: "Now part of:", communes: "{{count}} former units",
      formed: "Formed on 01/07/2025: see from which units", outOfScope: "Some successors lie outside your account's scope; ask an administrator for access to the new unit.", lastDay: "See its last day ({{date}})",
    },
  },
};
