//! The sheets and their columns. A heading is the Vietnamese label followed by the key in
//! brackets; the reader goes by the key.

/// A column: its key, its Vietnamese label and its width in characters.
pub(crate) struct Column {
    pub key: &'static str,
    pub label_vi: &'static str,
    pub width: f64,
    /// The values it takes, offered as a drop-down list.
    pub choices: &'static [&'static str],
}

/// A sheet and its columns.
pub(crate) struct Sheet {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// A sheet the reader cannot do without; the others may be left out when empty.
    pub required: bool,
}

const fn col(key: &'static str, label_vi: &'static str, width: f64) -> Column {
    Column { key, label_vi, width, choices: &[] }
}

const fn pick(key: &'static str, label_vi: &'static str, width: f64, choices: &'static [&'static str]) -> Column {
    Column { key, label_vi, width, choices }
}

const CONFIDENCE: &[&str] = &["found_two_sources", "found", "inferred", "not_found"];
const KINDS: &[&str] = &["yes_no", "points", "percentage", "count", "ordinal"];

pub(crate) const GENERAL: Sheet = Sheet {
    name: "Thông tin chung",
    columns: &[col("field", "Trường", 38.0), col("label", "Ý nghĩa", 44.0), col("value", "Giá trị", 70.0)],
    required: true,
};

pub(crate) const LEGAL: Sheet = Sheet {
    name: "Căn cứ pháp lý",
    columns: &[
        pick("role", "Loại văn bản", 18.0, &["legal_basis", "related"]),
        col("number", "Số, ký hiệu", 24.0),
        col("title_vi", "Trích yếu", 60.0),
        col("issuer_vi", "Cơ quan ban hành", 32.0),
        col("issued_on", "Ngày ban hành", 14.0),
        col("in_force_from", "Ngày có hiệu lực", 14.0),
        col("articles", "Điều, khoản (mỗi dòng một mục)", 20.0),
        col("signer_vi", "Người ký", 32.0),
    ],
    required: true,
};

pub(crate) const ROLES: Sheet = Sheet {
    name: "Đề nghị, công nhận",
    columns: &[
        pick("role", "Vai trò", 14.0, &["applicant", "recogniser"]),
        col("role_vi", "Người, cơ quan", 50.0),
        col("valid_from", "Từ ngày", 14.0),
        col("valid_to", "Đến ngày", 14.0),
        pick("confidence", "Độ tin cậy", 18.0, CONFIDENCE),
        col("note_vi", "Ghi chú", 60.0),
    ],
    required: false,
};

pub(crate) const GROUPS: Sheet = Sheet {
    name: "Nhóm tiêu chí",
    columns: &[
        col("id", "Mã nhóm", 12.0),
        col("parent", "Thuộc nhóm", 12.0),
        col("name_vi", "Tên nhóm (tiếng Việt)", 60.0),
        col("name_en", "Tên nhóm (tiếng Anh)", 40.0),
        col("max_points", "Điểm tối đa", 12.0),
    ],
    required: true,
};

pub(crate) const INDICATORS: Sheet = Sheet {
    name: "Chỉ tiêu",
    columns: &[
        col("group", "Nhóm", 10.0),
        col("id", "Mã chỉ tiêu", 12.0),
        col("text_vi", "Nội dung (tiếng Việt)", 70.0),
        col("text_en", "Nội dung (tiếng Anh)", 50.0),
        pick("kind", "Cách đánh giá", 14.0, KINDS),
        col("max", "Điểm tối đa", 11.0),
        col("level1", "Ngưỡng mức độ 1", 14.0),
        col("level2", "Ngưỡng mức độ 2", 14.0),
        col("values", "Các mức (thấp trước, mỗi dòng một mức)", 24.0),
        col("applies_to", "Áp dụng cho (mỗi dòng một loại; trống: tất cả)", 24.0),
        col("metric", "Chỉ số tính từ sổ theo dõi", 24.0),
        col("figure_vi", "Đại lượng (trong lời giải thích)", 30.0),
    ],
    required: true,
};

pub(crate) const VARIANTS: Sheet = Sheet {
    name: "Biến thể",
    columns: &[
        col("indicator", "Mã chỉ tiêu", 12.0),
        col("applies_to", "Áp dụng cho (mỗi dòng một loại)", 30.0),
        pick("kind", "Cách đánh giá", 14.0, KINDS),
        col("max", "Điểm tối đa", 11.0),
        col("level1", "Ngưỡng mức độ 1", 14.0),
        col("level2", "Ngưỡng mức độ 2", 14.0),
        col("values", "Các mức (thấp trước)", 24.0),
        col("metric", "Chỉ số tính từ sổ theo dõi", 24.0),
        col("figure_vi", "Đại lượng (trong lời giải thích)", 30.0),
    ],
    required: false,
};

pub(crate) const RESULT: Sheet = Sheet {
    name: "Kết quả",
    columns: &[
        pick("row", "Dòng", 10.0, &["rule", "fail", "band", "level"]),
        pick("kind", "Cách xếp loại", 20.0, &["points", "all_indicators_pass"]),
        col("id", "Mã", 14.0),
        col("name_vi", "Tên (tiếng Việt)", 40.0),
        col("max_total", "Tổng điểm của thang", 12.0),
        col("min_total", "Tổng điểm tối thiểu", 12.0),
        col("min_per_indicator", "Điểm tối thiểu mỗi chỉ tiêu", 14.0),
        pick("tier", "Mức độ", 10.0, &["level1", "level2"]),
        col("min_months_at_level1", "Số tháng đã đạt mức độ 1", 14.0),
        col("requires", "Nhóm, chỉ tiêu bắt buộc (mỗi dòng một mã; trống: tất cả)", 30.0),
    ],
    required: true,
};

pub(crate) const MISSING: Sheet = Sheet {
    name: "Còn thiếu",
    columns: &[col("missing", "Phần chưa biết, phải bổ sung trước khi ban hành", 120.0)],
    required: false,
};

pub(crate) const NOTES: Sheet = Sheet {
    name: "Nguồn, độ tin cậy",
    columns: &[
        col("about", "Về phần", 20.0),
        pick("confidence", "Độ tin cậy", 18.0, CONFIDENCE),
        col("note_vi", "Ghi chú", 80.0),
        col("source", "Nguồn", 50.0),
    ],
    required: false,
};

pub(crate) const INSTRUCTIONS: &str = "Hướng dẫn";

/// Every sheet the reader reads, in the order of the workbook.
pub(crate) const READ: [&Sheet; 9] =
    [&GENERAL, &LEGAL, &ROLES, &GROUPS, &INDICATORS, &VARIANTS, &RESULT, &MISSING, &NOTES];

/// The names of the sheets of a framework workbook, in order (the instructions last).
pub const SHEETS: [&str; 10] = [
    GENERAL.name,
    LEGAL.name,
    ROLES.name,
    GROUPS.name,
    INDICATORS.name,
    VARIANTS.name,
    RESULT.name,
    MISSING.name,
    NOTES.name,
    INSTRUCTIONS,
];

/// The fields of the general sheet: key and Vietnamese meaning.
pub(crate) const FIELDS: &[(&str, &str)] = &[
    ("id", "Mã bộ tiêu chí (chữ thường, số, dấu chấm, gạch nối); giữ nguyên để tạo phiên bản mới"),
    ("version", "Phiên bản (máy chủ tự đánh số khi tải lên)"),
    ("status", "Trạng thái (draft, published, retired; khi tải lên luôn là bản nháp)"),
    ("name_vi", "Tên bộ tiêu chí (tiếng Việt)"),
    ("name_en", "Tên bộ tiêu chí (tiếng Anh)"),
    ("model_kind", "Mô hình học tập được đánh giá"),
    ("target_group", "Nhóm đối tượng (chỉ với Công dân học tập)"),
    ("territorial_level", "Cấp hành chính của đối tượng (village, commune, district, province)"),
    ("supersedes", "Mã bộ tiêu chí được thay thế"),
    ("template", "Là bộ tiêu chí mẫu (TRUE/FALSE)"),
    ("adopted_from.id", "Tiếp nhận từ bộ tiêu chí (mã)"),
    ("adopted_from.version", "Tiếp nhận từ bộ tiêu chí (phiên bản)"),
    ("valid_from", "Có hiệu lực từ ngày (yyyy-mm-dd hoặc dd/mm/yyyy)"),
    ("valid_to", "Hết hiệu lực sau ngày (trống: đang có hiệu lực)"),
    ("cycle.period", "Kỳ đánh giá (calendar_year: năm dương lịch)"),
    ("cycle.filing_deadline", "Hạn nộp hồ sơ trong năm sau năm đánh giá (--MM-DD)"),
    ("cycle.decision_deadline", "Hạn ra quyết định trong năm sau năm đánh giá (--MM-DD)"),
    ("cycle.late_policy", "Hồ sơ nộp muộn: flag (ghi nhận), refuse (từ chối)"),
    ("retained_years_after_recognition_year", "Số năm giữ danh hiệu sau năm công nhận"),
    ("accepts_partial_answers", "Nhận hồ sơ chưa trả lời hết chỉ tiêu (TRUE/FALSE)"),
];

/// The instructions sheet, a line each.
pub(crate) const INSTRUCTION_LINES: &[&str] = &[
    "Bộ tiêu chí trong tệp Excel — cách sửa và tải lên",
    "",
    "1. Mỗi trang là một phần của bộ tiêu chí. Dòng đầu là tên cột; khóa trong ngoặc ở cuối tên cột (ví dụ “(text_vi)”) là thứ máy chủ đọc, đừng xóa nó. Có thể đổi thứ tự cột.",
    "2. “Nhóm tiêu chí”: mỗi dòng một nhóm (tiêu chí); nhóm con ghi mã nhóm cha ở cột “Thuộc nhóm”, đặt sau nhóm cha.",
    "3. “Chỉ tiêu”: mỗi dòng một chỉ tiêu, theo thứ tự trong nhóm. Cách đánh giá: yes_no (có/không; ngưỡng TRUE là bắt buộc “có”), points (chấm điểm, ghi điểm tối đa), percentage (tỉ lệ %, ngưỡng tối thiểu), count (số lượng, ngưỡng tối thiểu), ordinal (xếp mức, liệt kê các mức từ thấp đến cao).",
    "4. Ngưỡng để trống là chưa biết; bộ tiêu chí chỉ được ban hành khi đã đủ ngưỡng và trang “Còn thiếu” trống.",
    "5. “Kết quả”: dòng rule nêu cách xếp loại (points: cộng điểm; all_indicators_pass: đạt mọi chỉ tiêu); dòng fail là kết quả không đạt; dòng band là mức điểm (cao trước); dòng level là mức độ 1, 2.",
    "6. “Căn cứ pháp lý”: dòng legal_basis là quyết định của tỉnh (số, ngày, người ký); các dòng related là văn bản liên quan.",
    "7. Ngày ghi yyyy-mm-dd hoặc dd/mm/yyyy. Danh sách trong một ô ghi mỗi mục một dòng (Alt+Enter).",
    "8. Tải lên: POST /api/v1/frameworks?province_id=… với Content-Type của tệp XLSX. Mỗi lần tải lên tạo một phiên bản nháp mới; ô sai được báo theo trang, dòng, cột.",
    "",
    "Criteria in Excel — how to edit and upload",
    "Each sheet is one part of the framework. The key in brackets at the end of each heading is what the server reads; keep it. Empty thresholds are unknown. Dates are yyyy-mm-dd or dd/mm/yyyy; lists hold one item per line. Upload with POST /api/v1/frameworks?province_id=…; every upload creates a new draft version, and a bad cell is reported by sheet, row and column.",
];
