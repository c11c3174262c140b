//! The two languages of user-facing messages: Vietnamese by default, English on request.

use actix_web::HttpRequest;
use actix_web::http::header::ACCEPT_LANGUAGE;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Picks the first of `vi` or `en` named in `Accept-Language` by quality; Vietnamese when
    /// neither is named.
    pub fn from_header(value: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in value.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality =
                pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            let lang = if tag == "vi" || tag.starts_with("vi-") {
                Lang::Vi
            } else if tag == "en" || tag.starts_with("en-") {
                Lang::En
            } else {
                continue;
            };
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
        best.map_or(Lang::Vi, |(_, l)| l)
    }

    pub fn of(req: &HttpRequest) -> Lang {
        req.headers().get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Lang::Vi, Lang::from_header)
    }

    /// Chooses between the Vietnamese and the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// The named rules a field can break, each with its stable code and its text in both
/// languages. A closed set: a rule without its English text does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    UnknownUnit,
    UnknownReference,
    UnknownSubject,
    UnknownIndicator,
    UnknownUnitLevel,
    NotACommune,
    NotAVillageOrCommune,
    NotAProvinceInForce,
    InvalidLocalCode,
    AProvinceHasNoParent,
    ExactlyOneOfUnitIdOrNew,
    NoSuchTarget,
    NotASource,
    MergeNeedsOneTarget,
    SplitNeedsOneSourceAndSeveralTargets,
    SourceWithoutLink,
    TargetWithoutLink,
    InvalidUrl,
    AccountHasNoUnits,
    ServiceAccountsCannotBeAdmin,
    ApiKeysForServiceAccountsOnly,
    UsernameChars,
    NationalIdDigits,
    InvalidFileName,
    InvalidHeader,
    EvidenceKindFields,
    OwnerDiffersFromEarlierVersions,
    WrongSubjectType,
    HeadNotMember,
    UnknownParameter,
    YearRange,
    UnknownSubgroup,
    NotAProvinceOrCommuneInForce,
    ControlCharacter,
    DuplicateKey,
    PasswordLikeUsername,
    PasswordGuessable,
    NotInPair,
    FrameworkKey,
    NotAdoptable,
    FrameworkOfAnotherProvince,
    FrameworkOrModelRequired,
    FrameworkModelMismatch,
    TemplateNotRegistrable,
    OutsideReview,
    TooLongForExcel,
    ProvinceDiffers,
    ClosesBeforeOpening,
    ModelNotInDrive,
    NotInDrive,
    UnknownPhase,
    UnknownParticipantKind,
    PlanUnit,
    ReviewUnit,
    EvidenceNoteOrUrl,
    UnmarkedCriterion,
    ReviewOfAnotherPlan,
    PhaseWithoutPlan,
}

impl Rule {
    pub fn code(self) -> &'static str {
        match self {
            Rule::UnknownUnit => "unknown_unit",
            Rule::UnknownReference => "unknown_reference",
            Rule::UnknownSubject => "unknown_subject",
            Rule::UnknownIndicator => "unknown_indicator",
            Rule::UnknownUnitLevel => "unknown_level",
            Rule::NotACommune => "not_a_commune",
            Rule::NotAVillageOrCommune => "not_a_village_or_commune",
            Rule::NotAProvinceInForce => "not_a_province_in_force",
            Rule::InvalidLocalCode => "invalid_local_code",
            Rule::AProvinceHasNoParent => "a_province_has_no_parent",
            Rule::ExactlyOneOfUnitIdOrNew => "exactly_one_of_unit_id_or_new",
            Rule::NoSuchTarget => "no_such_target",
            Rule::NotASource => "not_a_source",
            Rule::MergeNeedsOneTarget => "merge_needs_one_target",
            Rule::SplitNeedsOneSourceAndSeveralTargets => "split_needs_one_source_and_several_targets",
            Rule::SourceWithoutLink => "source_without_link",
            Rule::TargetWithoutLink => "target_without_link",
            Rule::InvalidUrl => "invalid_url",
            Rule::AccountHasNoUnits => "account_has_no_units",
            Rule::ServiceAccountsCannotBeAdmin => "service_accounts_cannot_be_admin",
            Rule::ApiKeysForServiceAccountsOnly => "api_keys_for_service_accounts_only",
            Rule::UsernameChars => "username_chars",
            Rule::NationalIdDigits => "national_id_digits",
            Rule::InvalidFileName => "invalid_file_name",
            Rule::InvalidHeader => "invalid_header",
            Rule::EvidenceKindFields => "note_needs_note_link_needs_url_files_use_the_file_route",
            Rule::OwnerDiffersFromEarlierVersions => "owner_differs_from_earlier_versions",
            Rule::WrongSubjectType => "wrong_subject_type",
            Rule::HeadNotMember => "head_not_member",
            Rule::UnknownParameter => "unknown_parameter",
            Rule::YearRange => "invalid_year_range",
            Rule::UnknownSubgroup => "unknown_subgroup",
            Rule::NotAProvinceOrCommuneInForce => "not_a_province_or_commune_in_force",
            Rule::ControlCharacter => "control_character",
            Rule::DuplicateKey => "duplicate_key",
            Rule::PasswordLikeUsername => "password_like_username",
            Rule::PasswordGuessable => "password_guessable",
            Rule::NotInPair => "not_in_pair",
            Rule::FrameworkKey => "framework_key",
            Rule::NotAdoptable => "not_adoptable",
            Rule::FrameworkOfAnotherProvince => "framework_of_another_province",
            Rule::FrameworkOrModelRequired => "framework_or_model_required",
            Rule::FrameworkModelMismatch => "framework_model_mismatch",
            Rule::TemplateNotRegistrable => "template_not_registrable",
            Rule::OutsideReview => "outside_review",
            Rule::TooLongForExcel => "too_long_for_excel",
            Rule::ProvinceDiffers => "province_differs",
            Rule::ClosesBeforeOpening => "closes_before_opening",
            Rule::ModelNotInDrive => "model_not_in_drive",
            Rule::NotInDrive => "not_in_drive",
            Rule::UnknownPhase => "unknown_phase",
            Rule::UnknownParticipantKind => "unknown_participant_kind",
            Rule::PlanUnit => "plan_unit",
            Rule::ReviewUnit => "review_unit",
            Rule::EvidenceNoteOrUrl => "evidence_note_or_url",
            Rule::UnmarkedCriterion => "unmarked_criterion",
            Rule::ReviewOfAnotherPlan => "review_of_another_plan",
            Rule::PhaseWithoutPlan => "phase_without_plan",
        }
    }

    /// The rule as a Vietnamese and an English sentence.
    pub fn texts(self) -> (&'static str, &'static str) {
        match self {
            Rule::UnknownUnit => ("Không có đơn vị hành chính này.", "No such administrative unit."),
            Rule::UnknownReference => (
                "Không có bản ghi này trong địa bàn của tài khoản (hoặc bản ghi đã bị xóa).",
                "No such record in the account's units (or it was deleted).",
            ),
            Rule::UnknownSubject => (
                "Không có đối tượng đánh giá này trong địa bàn của tài khoản.",
                "No such subject of evaluation in the account's units.",
            ),
            Rule::UnknownIndicator => ("Bộ tiêu chí không có chỉ tiêu này.", "The framework has no such indicator."),
            Rule::UnknownUnitLevel => (
                "Cấp đơn vị không hợp lệ; dùng province, district, commune hoặc village.",
                "Unknown unit level; use province, district, commune or village.",
            ),
            Rule::NotACommune => (
                "Đơn vị phải ở cấp xã (xã, phường, thị trấn hoặc đặc khu).",
                "The unit must be a commune (xã, phường, thị trấn or đặc khu).",
            ),
            Rule::NotAVillageOrCommune => {
                ("Đơn vị phải ở cấp thôn hoặc cấp xã.", "The unit must be a village or a commune.")
            }
            Rule::NotAProvinceInForce => (
                "Đơn vị phải là một tỉnh hoặc thành phố trực thuộc trung ương đang có hiệu lực.",
                "The unit must be a province in force.",
            ),
            Rule::InvalidLocalCode => (
                "Mã thôn gồm 1–14 ký tự chữ, số, '-' hoặc '.'; mã xã sẽ được thêm vào trước.",
                "A village's local code has 1 to 14 letters, digits, '-' or '.'; the commune's code is put before it.",
            ),
            Rule::AProvinceHasNoParent => {
                ("Đơn vị cấp tỉnh không có đơn vị cấp trên.", "A province has no parent unit.")
            }
            Rule::ExactlyOneOfUnitIdOrNew => (
                "Mỗi đơn vị đích là một đơn vị đã có (unit_id) hoặc một đơn vị mới (new), không phải cả hai.",
                "Each target is an existing unit (unit_id) or a new one (new), not both.",
            ),
            Rule::NoSuchTarget => ("Không có đơn vị đích ở vị trí này.", "There is no target at this index."),
            Rule::NotASource => {
                ("Đơn vị này không nằm trong danh sách đơn vị nguồn.", "This unit is not one of the sources.")
            }
            Rule::MergeNeedsOneTarget => ("Sáp nhập cần đúng một đơn vị đích.", "A merge needs exactly one target."),
            Rule::SplitNeedsOneSourceAndSeveralTargets => (
                "Chia tách cần đúng một đơn vị nguồn và ít nhất hai đơn vị đích.",
                "A split needs exactly one source and at least two targets.",
            ),
            Rule::SourceWithoutLink => {
                ("Đơn vị nguồn chưa được nối với đơn vị đích nào.", "The source is not linked to any target.")
            }
            Rule::TargetWithoutLink => {
                ("Đơn vị đích chưa được nối với đơn vị nguồn nào.", "The target is not linked to any source.")
            }
            Rule::InvalidUrl => (
                "Địa chỉ phải bắt đầu bằng http:// hoặc https://, không có khoảng trắng và chỉ gồm ký tự ASCII in được (mã hóa phần còn lại dạng %XX).",
                "The address must start with http:// or https://, have no spaces, and be printable ASCII (percent-encode the rest).",
            ),
            Rule::AccountHasNoUnits => (
                "Tài khoản chưa được giao đơn vị nào; hãy gửi kèm unit_ids.",
                "The account covers no units; send unit_ids with the roles.",
            ),
            Rule::ApiKeysForServiceAccountsOnly => (
                "Chỉ tài khoản dịch vụ (kind = service) mới có khóa API; người dùng đăng nhập bằng mật khẩu.",
                "Only service accounts (kind = service) have API keys; a person signs in with a password.",
            ),
            Rule::ServiceAccountsCannotBeAdmin => (
                "Tài khoản dịch vụ không được có vai trò quản trị (admin).",
                "A service account cannot have the admin role.",
            ),
            Rule::UsernameChars => (
                "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số, '.', '_' hoặc '-'.",
                "A username has only letters without diacritics, digits, '.', '_' or '-'.",
            ),
            Rule::NationalIdDigits => {
                ("Số định danh cá nhân gồm 9 hoặc 12 chữ số.", "A national ID number has 9 or 12 digits.")
            }
            Rule::InvalidFileName => (
                "Tên tệp gồm 1–200 ký tự, không để trống và không chứa '/', '\\' hay ký tự điều khiển.",
                "A file name has 1 to 200 characters, is not blank and has no '/', '\\' or control characters.",
            ),
            Rule::InvalidHeader => ("Giá trị tiêu đề HTTP không đọc được.", "The header's value cannot be read."),
            Rule::EvidenceKindFields => (
                "Minh chứng loại note cần nội dung (note) và không có địa chỉ; loại link cần địa chỉ (url); tệp được tải lên qua …/evidence/file.",
                "A note needs its text (note) and no url; a link needs its url; files are uploaded to …/evidence/file.",
            ),
            Rule::OwnerDiffersFromEarlierVersions => (
                "Các phiên bản của một bộ tiêu chí phải cùng đơn vị ban hành (province_id) với các phiên bản trước.",
                "Every version of a framework has the owner (province_id) of its earlier versions.",
            ),
            Rule::WrongSubjectType => (
                "Mô hình của bộ tiêu chí này không đánh giá loại đối tượng này.",
                "The framework's model does not evaluate this kind of subject.",
            ),
            Rule::HeadNotMember => (
                "Chủ hộ phải là thành viên của hộ gia đình này (công dân có household_id là hộ này).",
                "The head must be a member of this household (a citizen whose household_id is this household).",
            ),
            Rule::UnknownParameter => {
                ("Tham số này không được hỗ trợ ở đường dẫn này.", "This parameter is not supported on this route.")
            }
            Rule::YearRange => (
                "Khoảng năm viết dạng 2021-2026, mỗi năm trong khoảng 2000–2100.",
                "A range of years is written 2021-2026, each year within 2000–2100.",
            ),
            Rule::UnknownSubgroup => (
                "Nhóm không hợp lệ: với Công dân học tập là một nhóm đối tượng (resident, worker, staff_business, learner), với Đơn vị học tập là một loại cơ quan, tổ chức; các mô hình khác không có nhóm.",
                "Unknown subgroup: for learning citizens a target group (resident, worker, staff_business, learner), for learning units an organisation type; the other models have none.",
            ),
            Rule::NotAProvinceOrCommuneInForce => (
                "Đơn vị phải là một tỉnh hoặc một xã đang có hiệu lực.",
                "The unit must be a province or a commune in force.",
            ),
            Rule::ControlCharacter => (
                "Văn bản không được chứa ký tự điều khiển (như NUL); chỉ cho phép tab và xuống dòng.",
                "Text may not contain control characters (such as NUL); only tab and line breaks are allowed.",
            ),
            Rule::DuplicateKey => (
                "Khóa này xuất hiện nhiều lần trong cùng một đối tượng JSON; mỗi khóa chỉ được có một lần.",
                "This key appears more than once in one JSON object; each key may appear once.",
            ),
            Rule::PasswordLikeUsername => (
                "Mật khẩu không được là tên đăng nhập hoặc gần giống tên đăng nhập.",
                "The password may not be the user name or close to it.",
            ),
            Rule::PasswordGuessable => (
                "Mật khẩu quá dễ đoán (từ thông dụng, tên, ngày tháng, ký tự lặp lại hoặc liền nhau trên bàn phím); hãy dùng một cụm từ dài hơn, khó đoán hơn.",
                "The password is too easy to guess (common words, names, dates, repeats or keyboard runs); use a longer, less predictable phrase.",
            ),
            Rule::NotInPair => (
                "Bản ghi giữ lại phải là một trong hai công dân của cặp nghi trùng.",
                "The record to keep must be one of the pair's two citizens.",
            ),
            Rule::FrameworkKey => (
                "Mã bộ tiêu chí chỉ gồm chữ thường không dấu, số, nối bằng dấu chấm hoặc gạch nối (ví dụ tinh-01.gia-dinh-hoc-tap.2026).",
                "A framework id has lowercase ASCII letters and digits joined by dots or hyphens (e.g. tinh-01.gia-dinh-hoc-tap.2026).",
            ),
            Rule::NotAdoptable => (
                "Chỉ tiếp nhận được bộ tiêu chí mẫu hoặc bộ tiêu chí quốc gia, không phải bộ tiêu chí của một tỉnh.",
                "Only a template or a national framework can be adopted, not a province's own.",
            ),
            Rule::FrameworkOfAnotherProvince => (
                "Bộ tiêu chí này của một tỉnh khác; đối tượng được đánh giá theo bộ tiêu chí của tỉnh mình hoặc bộ tiêu chí quốc gia.",
                "This framework belongs to another province; a subject is evaluated under its own province's or a national framework.",
            ),
            Rule::FrameworkOrModelRequired => (
                "Cần framework_id, hoặc model_kind để dùng bộ tiêu chí đang áp dụng tại địa bàn.",
                "Give framework_id, or model_kind to use the framework that applies where the subject is.",
            ),
            Rule::FrameworkModelMismatch => (
                "model_kind khác mô hình của bộ tiêu chí framework_id.",
                "model_kind differs from the model of the framework framework_id.",
            ),
            Rule::TemplateNotRegistrable => (
                "Bộ tiêu chí mẫu không dùng để đánh giá; tỉnh tiếp nhận mẫu và ban hành bản của mình.",
                "A template is not used for evaluations; a province adopts it and publishes its own.",
            ),
            Rule::OutsideReview => (
                "Đối tượng không thuộc địa bàn của đơn vị sơ kết, tổng kết.",
                "The subject is not in the reviewing unit's area.",
            ),
            Rule::TooLongForExcel => (
                "Có nội dung dài quá 32.767 ký tự, giới hạn của một ô Excel; hãy đọc ở dạng JSON.",
                "A text is longer than 32,767 characters, the limit of an Excel cell; read it as JSON.",
            ),
            Rule::ProvinceDiffers => (
                "province_id trong tham số khác province_id trong nội dung.",
                "The province_id parameter differs from the body's province_id.",
            ),
            Rule::ClosesBeforeOpening => {
                ("Ngày kết thúc phải từ ngày bắt đầu trở đi.", "The closing date must be on or after the opening date.")
            }
            Rule::ModelNotInDrive => ("Đợt đăng ký này không có mô hình này.", "The drive does not cover this model."),
            Rule::NotInDrive => (
                "Đối tượng không có, không thuộc địa bàn của đợt đăng ký hoặc không đúng loại của mô hình.",
                "No such subject in the drive's units, or not of the model's kind.",
            ),
            Rule::UnknownPhase => ("Kế hoạch không có giai đoạn này.", "The plan has no such phase."),
            Rule::UnknownParticipantKind => (
                "Kế hoạch không có loại đối tượng thi đua này, hoặc đối tượng không thuộc loại đó.",
                "The plan has no such kind of participant, or the subject is not of that kind.",
            ),
            Rule::PlanUnit => (
                "Đơn vị ban hành phải đúng cấp của kế hoạch và có hiệu lực vào ngày ban hành; kế hoạch toàn quốc không có đơn vị.",
                "The issuing unit must be of the plan's level and in force on the decision's date; a national plan has none.",
            ),
            Rule::ReviewUnit => (
                "Đơn vị sơ kết, tổng kết phải là đơn vị ban hành kế hoạch hoặc đơn vị trực thuộc.",
                "The reviewing unit must be the plan's own or one under it.",
            ),
            Rule::EvidenceNoteOrUrl => (
                "Mỗi minh chứng cần nội dung (note) hoặc đường dẫn (url).",
                "Each piece of evidence needs a note or a url.",
            ),
            Rule::UnmarkedCriterion => (
                "Cần chấm mọi tiêu chí của loại đối tượng này.",
                "Every criterion of the participant's kind must be marked.",
            ),
            Rule::ReviewOfAnotherPlan => (
                "Đợt sơ kết, tổng kết không thuộc kế hoạch (và giai đoạn) này.",
                "The review belongs to another plan (or phase).",
            ),
            Rule::PhaseWithoutPlan => ("phase_id cần đi cùng plan_id.", "phase_id needs plan_id."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn english_only_when_preferred() {
        assert_eq!(Lang::from_header("en"), Lang::En);
        assert_eq!(Lang::from_header("en-US,en;q=0.9"), Lang::En);
        assert_eq!(Lang::from_header("vi,en;q=0.5"), Lang::Vi);
        assert_eq!(Lang::from_header("fr"), Lang::Vi);
        assert_eq!(Lang::from_header("fr;q=1, en;q=0.2, vi;q=0.8"), Lang::Vi);
        assert_eq!(Lang::from_header("en;q=0"), Lang::Vi);
    }
}
