//! What each kind of import reads: its columns, in the order a template lists them.

use xhht_import_files::{Choice, Column};

/// The records an import can bring in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    Households,
    Citizens,
    Organisations,
    Clans,
    LearningCentres,
    Villages,
    SelfAssessments,
}

pub const ALL: [ImportKind; 7] = [
    ImportKind::Households,
    ImportKind::Citizens,
    ImportKind::Organisations,
    ImportKind::Clans,
    ImportKind::LearningCentres,
    ImportKind::Villages,
    ImportKind::SelfAssessments,
];

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Households => "households",
            ImportKind::Citizens => "citizens",
            ImportKind::Organisations => "organisations",
            ImportKind::Clans => "clans",
            ImportKind::LearningCentres => "learning_centres",
            ImportKind::Villages => "villages",
            ImportKind::SelfAssessments => "self_assessments",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The table the records go to.
    pub fn table(self) -> &'static str {
        match self {
            ImportKind::Villages => "units",
            ImportKind::SelfAssessments => "evaluations",
            other => other.as_str(),
        }
    }

    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            ImportKind::Households => ("Danh sách hộ gia đình", "Households"),
            ImportKind::Citizens => ("Danh sách công dân", "Citizens"),
            ImportKind::Organisations => ("Danh sách cơ quan, đơn vị, tổ chức", "Organisations"),
            ImportKind::Clans => ("Danh sách dòng họ", "Clans"),
            ImportKind::LearningCentres => ("Danh sách trung tâm học tập cộng đồng", "Community learning centres"),
            ImportKind::Villages => ("Danh sách thôn, tổ dân phố", "Villages"),
            ImportKind::SelfAssessments => ("Kết quả tự đánh giá", "Self-assessment answers"),
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            ImportKind::Households => &HOUSEHOLDS,
            ImportKind::Citizens => &CITIZENS,
            ImportKind::Organisations => &ORGANISATIONS,
            ImportKind::Clans => &CLANS,
            ImportKind::LearningCentres => &CENTRES,
            ImportKind::Villages => &VILLAGES,
            ImportKind::SelfAssessments => &SELF_ASSESSMENTS,
        }
    }

    /// What the caller's role must grant: villages are the map, the rest the registries. (Each
    /// self-assessment is also checked by the workflow's own rule for the step.)
    pub fn permission(self) -> xhht_domain::Permission {
        match self {
            ImportKind::Villages => xhht_domain::Permission::ManageVillages,
            _ => xhht_domain::Permission::Register,
        }
    }

    pub fn keys(self) -> Vec<&'static str> {
        self.columns().iter().map(|c| c.key).collect()
    }
}

pub const SEX: &[(&str, &str)] = &[("male", "Nam"), ("female", "Nữ")];

pub const TARGET_GROUPS: &[(&str, &str)] = &[
    ("resident", "Người dân trong xã"),
    ("worker", "Người lao động"),
    ("staff_business", "Cán bộ, công nhân viên, doanh nhân"),
    ("learner", "Học sinh, sinh viên, học viên"),
];

pub const ORG_TYPES: &[(&str, &str)] = &[
    ("state_agency", "Cơ quan nhà nước"),
    ("public_service_unit", "Đơn vị sự nghiệp công lập"),
    ("kindergarten", "Trường mầm non"),
    ("primary_school", "Trường tiểu học"),
    ("lower_secondary_school", "Trường trung học cơ sở"),
    ("upper_secondary_school", "Trường trung học phổ thông"),
    ("multi_level_school_top_upper_secondary", "Trường phổ thông nhiều cấp học (cao nhất là trung học phổ thông)"),
    ("continuing_education_centre", "Trung tâm giáo dục thường xuyên"),
    ("higher_education_institution", "Cơ sở giáo dục đại học"),
    ("vocational_education_institution", "Cơ sở giáo dục nghề nghiệp"),
    ("enterprise", "Doanh nghiệp"),
    ("cooperative", "Hợp tác xã"),
    ("other", "Khác"),
];

/// The names of villages, as `UnitLevel::Village.division_types()` has them (a test holds the
/// two lists equal); each is its own label.
pub const VILLAGE_TYPES: &[(&str, &str)] = &[
    ("thôn", "thôn"),
    ("làng", "làng"),
    ("ấp", "ấp"),
    ("bản", "bản"),
    ("buôn", "buôn"),
    ("bon", "bon"),
    ("phum", "phum"),
    ("sóc", "sóc"),
    ("plei", "plei"),
    ("tổ dân phố", "tổ dân phố"),
    ("khu phố", "khu phố"),
    ("khối phố", "khối phố"),
    ("khóm", "khóm"),
    ("tiểu khu", "tiểu khu"),
    ("khu dân cư", "khu dân cư"),
];

/// The models, by key and Vietnamese title.
pub const MODELS: &[(&str, &str)] = &[
    ("cong_dan_hoc_tap", "Công dân học tập"),
    ("gia_dinh_hoc_tap", "Gia đình học tập"),
    ("dong_ho_hoc_tap", "Dòng họ học tập"),
    ("cong_dong_hoc_tap_thon", "Cộng đồng học tập cấp thôn"),
    ("don_vi_hoc_tap_xa", "Đơn vị học tập cấp xã"),
    ("don_vi_hoc_tap_huyen", "Đơn vị học tập cấp huyện"),
    ("don_vi_hoc_tap_tinh", "Đơn vị học tập cấp tỉnh"),
    ("cong_dong_hoc_tap_xa", "Cộng đồng học tập cấp xã"),
    ("cong_dong_hoc_tap_huyen", "Cộng đồng học tập cấp huyện"),
    ("cong_dong_hoc_tap_tinh", "Cộng đồng học tập cấp tỉnh"),
];

pub const MANAGING_LEVELS: &[(&str, &str)] = &[("commune", "Cấp xã"), ("province", "Cấp tỉnh")];

const fn column(
    key: &'static str,
    heading_vi: &'static str,
    required: bool,
    note_vi: &'static str,
    note_en: &'static str,
    choice: Choice,
    example: &'static str,
) -> Column {
    Column { key, heading_vi, required, note_vi, note_en, choice, example }
}

const fn key_column(heading_vi: &'static str, example: &'static str) -> Column {
    column(
        "external_id",
        heading_vi,
        true,
        "Mã của địa phương, không trùng trong một đơn vị: nhập lại tệp thì bản ghi cùng mã được cập nhật, không tạo mới",
        "The local key, unique within a unit: importing again updates the record with that key instead of adding one",
        Choice::Free,
        example,
    )
}

const fn unit_column(note_vi: &'static str, note_en: &'static str) -> Column {
    column("unit", "Đơn vị hành chính", true, note_vi, note_en, Choice::Unit, "Phường Ba Đình (00004)")
}

static HOUSEHOLDS: [Column; 3] = [
    key_column("Mã hộ", "HGD-0001"),
    column(
        "label",
        "Tên hộ",
        true,
        "Tên gọi của hộ tại địa phương, không ghi địa chỉ",
        "How the household is known locally; no address",
        Choice::Free,
        "Hộ ông Trần Văn Bình",
    ),
    unit_column(
        "Thôn, tổ dân phố hoặc xã, phường nơi hộ sinh sống: mã, tên, hoặc “tên (mã)”",
        "The village or commune the household lives in: its code, its name, or “name (code)”",
    ),
];

static CITIZENS: [Column; 9] = [
    key_column("Mã công dân", "CD-0001"),
    column("full_name", "Họ và tên", true, "Họ và tên đầy đủ", "Full name", Choice::Free, "Nguyễn Thị Lan"),
    column(
        "birth_year",
        "Năm sinh",
        true,
        "Năm sinh; nếu ghi ngày sinh (dd/mm/yyyy) thì chỉ năm được lưu",
        "Year of birth; from a date of birth (dd/mm/yyyy) only the year is kept",
        Choice::Free,
        "1985",
    ),
    column("sex", "Giới tính", true, "Nam hoặc Nữ", "Male or female", Choice::Fixed(SEX), "Nữ"),
    column(
        "target_group",
        "Nhóm đối tượng",
        true,
        "Nhóm đối tượng theo tiêu chí công dân học tập (QĐ 324/QĐ-KHVN)",
        "The target group of the learning-citizen criteria (QĐ 324/QĐ-KHVN)",
        Choice::Fixed(TARGET_GROUPS),
        "Người lao động",
    ),
    unit_column(
        "Thôn, tổ dân phố hoặc xã, phường nơi công dân sinh sống: mã, tên, hoặc “tên (mã)”",
        "The village or commune the citizen lives in: its code, its name, or “name (code)”",
    ),
    column(
        "household_key",
        "Mã hộ",
        false,
        "Mã hộ của công dân, như trong danh sách hộ đã nhập",
        "The citizen's household, by its key in the households imported",
        Choice::Free,
        "",
    ),
    column(
        "workplace_key",
        "Mã nơi làm việc, học tập",
        false,
        "Mã cơ quan, trường học nơi công dân làm việc hoặc học tập, như trong danh sách đã nhập",
        "The organisation the citizen works or studies at, by its key in the organisations imported",
        Choice::Free,
        "",
    ),
    column(
        "national_id",
        "Số định danh cá nhân",
        false,
        "Không bắt buộc; 9 hoặc 12 chữ số. Chỉ lưu dạng băm để phát hiện trùng, không bao giờ hiển thị lại",
        "Optional; 9 or 12 digits. Kept only as a keyed hash, to find duplicates; never shown again",
        Choice::Free,
        "",
    ),
];

static ORGANISATIONS: [Column; 7] = [
    key_column("Mã cơ quan, đơn vị", "DV-0001"),
    column("name", "Tên cơ quan, đơn vị", true, "Tên đầy đủ", "Full name", Choice::Free, "Trường THPT Phan Đình Phùng"),
    column(
        "org_type",
        "Loại hình",
        true,
        "Loại hình cơ quan, đơn vị",
        "The kind of organisation",
        Choice::Fixed(ORG_TYPES),
        "Trường trung học phổ thông",
    ),
    column(
        "managing_level",
        "Cấp quản lý",
        true,
        "Cấp xã hoặc cấp tỉnh",
        "Managed by the commune or the province",
        Choice::Fixed(MANAGING_LEVELS),
        "Cấp tỉnh",
    ),
    unit_column("Đơn vị hành chính nơi đặt trụ sở", "The unit the organisation is seated in"),
    column(
        "staff_count",
        "Số cán bộ, người lao động",
        true,
        "Số nguyên, từ 0",
        "A whole number, from 0",
        Choice::Free,
        "120",
    ),
    column(
        "learner_count",
        "Số người học",
        false,
        "Với cơ sở giáo dục: số học sinh, sinh viên, học viên",
        "For schools: the number of learners",
        Choice::Free,
        "1500",
    ),
];

static CLANS: [Column; 4] = [
    key_column("Mã dòng họ", "DH-0001"),
    column(
        "name",
        "Tên dòng họ",
        true,
        "Tên dòng họ hoặc chi họ",
        "The clan or branch",
        Choice::Free,
        "Họ Nguyễn Văn, chi 2",
    ),
    unit_column("Đơn vị nơi hội đồng gia tộc sinh hoạt", "The unit the clan council meets in"),
    column(
        "household_keys",
        "Mã các hộ",
        false,
        "Mã các hộ thuộc dòng họ, cách nhau bởi dấu chấm phẩy; hộ có thể ở xã khác",
        "The keys of the clan's households, separated by semicolons; they may live in other communes",
        Choice::Free,
        "HGD-0001; HGD-0002",
    ),
];

static CENTRES: [Column; 5] = [
    key_column("Mã trung tâm", "TT-0001"),
    column(
        "name",
        "Tên trung tâm",
        true,
        "Tên trung tâm học tập cộng đồng",
        "The centre's name",
        Choice::Free,
        "TTHTCĐ phường Ba Đình",
    ),
    unit_column("Xã, phường của trung tâm (mỗi xã một trung tâm)", "The commune of the centre (one a commune)"),
    column(
        "director_name",
        "Giám đốc",
        false,
        "Họ và tên giám đốc",
        "The director's name",
        Choice::Free,
        "Lê Văn Hùng",
    ),
    column(
        "activities_count",
        "Số hoạt động trong năm",
        true,
        "Số nguyên, từ 0",
        "A whole number, from 0",
        Choice::Free,
        "24",
    ),
];

static VILLAGES: [Column; 5] = [
    column(
        "commune",
        "Xã, phường",
        true,
        "Xã, phường, thị trấn, đặc khu có thôn: mã, tên, hoặc “tên (mã)”",
        "The commune the village is in: its code, its name, or “name (code)”",
        Choice::Unit,
        "Phường Ba Đình (00004)",
    ),
    column(
        "name",
        "Tên thôn, tổ dân phố",
        true,
        "Tên, không kèm loại",
        "The name, without its kind",
        Choice::Free,
        "Tổ dân phố số 1",
    ),
    column(
        "division_type",
        "Loại",
        true,
        "thôn, làng, ấp, bản, tổ dân phố…",
        "thôn, làng, ấp, bản, tổ dân phố… (village, hamlet, residential group…)",
        Choice::Fixed(VILLAGE_TYPES),
        "tổ dân phố",
    ),
    column(
        "local_code",
        "Mã thôn",
        false,
        "Số hiệu của thôn trong xã (chữ, số, '-', '.'); mã đơn vị là “<mã xã>-<mã thôn>”. Bỏ trống thì đánh số tự động; nhập lại tệp thì thôn cùng tên không được tạo thêm",
        "The commune's own number for the village; the unit code is “<commune code>-<local code>”. When empty the village is numbered, and importing again matches it by name",
        Choice::Free,
        "01",
    ),
    column(
        "valid_from",
        "Ngày bắt đầu",
        false,
        "Ngày thôn có hiệu lực (dd/mm/yyyy); hôm nay nếu bỏ trống",
        "The first day in force (dd/mm/yyyy); today when empty",
        Choice::Free,
        "01/07/2025",
    ),
];

/// One answer a row: the evaluation (by its id, or by model, year and subject), the indicator,
/// the answer. An evaluation's rows need not be together; the answers a file gives are added
/// to those saved before, as the self-assessment step saves them.
static SELF_ASSESSMENTS: [Column; 7] = [
    column(
        "evaluation_id",
        "Số hồ sơ",
        false,
        "Số hồ sơ đánh giá trong XHHT; nếu bỏ trống thì ghi mô hình, năm và đối tượng",
        "The evaluation's id in XHHT; when empty, give the model, the year and the subject",
        Choice::Free,
        "",
    ),
    column(
        "model_kind",
        "Mô hình",
        false,
        "Mô hình học tập được đánh giá",
        "The learning model evaluated",
        Choice::Fixed(MODELS),
        "Gia đình học tập",
    ),
    column("year", "Năm", false, "Năm đánh giá", "The year of the evaluation", Choice::Free, "2026"),
    column(
        "subject",
        "Đối tượng",
        false,
        "Mã hộ, mã công dân, mã dòng họ hoặc mã cơ quan như trong danh sách đã nhập; với cộng đồng học tập: mã hoặc tên thôn, xã",
        "The key of the household, citizen, clan or organisation as imported; for a learning community, the village's or commune's code or name",
        Choice::Free,
        "HGD-0001",
    ),
    column(
        "unit",
        "Đơn vị hành chính",
        false,
        "Không bắt buộc: nơi đối tượng được đăng ký, khi cùng một mã có ở nhiều nơi",
        "Optional: where the subject is registered, when its key is used in several units",
        Choice::Unit,
        "",
    ),
    column(
        "indicator",
        "Mã chỉ tiêu",
        true,
        "Mã chỉ tiêu như trong bộ tiêu chí của hồ sơ",
        "The indicator's id in the evaluation's framework",
        Choice::Free,
        "1.1",
    ),
    column(
        "answer",
        "Kết quả tự đánh giá",
        true,
        "Có/Không (Đạt/Không đạt) cho chỉ tiêu đạt hay không; số điểm; tỷ lệ phần trăm (85 hoặc 85%); số lượng; hoặc mức đánh giá như bộ tiêu chí ghi",
        "Yes/No (Có/Không, Đạt/Không đạt) for a pass-or-fail indicator; points; a percentage (85 or 85%); a count; or a rating as the framework lists it",
        Choice::Free,
        "Có",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_are_the_domains() {
        for (key, vi) in MODELS {
            let model = serde_json::from_value::<xhht_domain::ModelKind>(serde_json::json!(key));
            assert_eq!(model.map(|m| m.name_vi()).ok(), Some(*vi), "{key}");
        }
        assert_eq!(MODELS.len(), xhht_domain::ModelKind::ALL.len());
    }

    #[test]
    fn village_names_are_the_domains() {
        let listed: Vec<&str> = VILLAGE_TYPES.iter().map(|(k, _)| *k).collect();
        assert_eq!(listed, xhht_domain::UnitLevel::Village.division_types());
    }
}
