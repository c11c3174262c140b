//! One error type for the whole API, rendered as RFC 9457 `application/problem+json` with a
//! stable `code`, a Vietnamese `detail` (English with `Accept-Language: en`) and per-field
//! `errors`. Every failure a client can cause has a variant here; nothing becomes a bare 500.

use crate::i18n::Lang;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;
use utoipa::ToSchema;
use xhht_persistence::diesel_error;
use xhht_persistence::{Conflict, PersistenceError};

/// Stable machine codes. Clients switch on these, never on the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidJson,
    UnsupportedMediaType,
    PayloadTooLarge,
    InvalidQuery,
    InvalidPath,
    InvalidHeader,
    ValidationFailed,
    ReferenceConflict,
    UnitNotFound,
    ReorganisationNotFound,
    RouteNotFound,
    MethodNotAllowed,
    AmbiguousCode,
    UnitCodeInUse,
    UnitNotValidOnDate,
    UnitHasOpenChildren,
    InvalidParent,
    MixedLevels,
    RepeatedUnit,
    DateBeforeStart,
    IdempotencyKeyReused,
    PreconditionRequired,
    PreconditionFailed,
    Unauthorized,
    InvalidToken,
    InvalidCredentials,
    InvalidGrant,
    AccountLocked,
    AccountDisabled,
    Forbidden,
    OutOfScope,
    AccountNotFound,
    ApiKeyNotFound,
    UsernameTaken,
    RecordNotFound,
    DecisionRefused,
    FilingDeadlinePassed,
    DuplicateCitizen,
    LearningCentreExists,
    AlreadyRegistered,
    FrameworkNotFound,
    FrameworkInvalid,
    FrameworkIncomplete,
    FrameworkVersionExists,
    FrameworkStatusConflict,
    ScoreRejected,
    ServiceUnavailable,
    InternalError,
}

impl ErrorCode {
    pub fn as_str(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }
}

/// What is wrong with one field of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub issue: Issue,
}

impl FieldError {
    pub fn new(field: impl Into<String>, issue: Issue) -> Self {
        FieldError { field: field.into(), issue }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    Required,
    Length {
        min: Option<u64>,
        max: Option<u64>,
    },
    Range {
        min: Option<i64>,
        max: Option<i64>,
    },
    InvalidDate,
    InvalidCursor,
    InvalidUnitCode {
        width: Option<usize>,
    },
    InvalidDivisionType {
        allowed: &'static [&'static str],
    },
    Blank,
    /// Text from a parser (serde, actix) that has no better shape; shown as it is.
    Parse(String),
    Other {
        code: String,
    },
    /// A problem explained by another component (the evaluation crate), in Vietnamese only.
    Described {
        code: String,
        vi: String,
    },
}

impl Issue {
    fn code(&self) -> String {
        match self {
            Issue::Required => "required".into(),
            Issue::Length { .. } => "length".into(),
            Issue::Range { .. } => "range".into(),
            Issue::InvalidDate => "invalid_date".into(),
            Issue::InvalidCursor => "invalid_cursor".into(),
            Issue::InvalidUnitCode { .. } => "invalid_unit_code".into(),
            Issue::InvalidDivisionType { .. } => "invalid_division_type".into(),
            Issue::Blank => "blank".into(),
            Issue::Parse(_) => "parse".into(),
            Issue::Other { code } | Issue::Described { code, .. } => code.clone(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Issue::Required, Lang::Vi) => "Trường này là bắt buộc.".into(),
            (Issue::Required, Lang::En) => "This field is required.".into(),
            (Issue::Length { min, max }, Lang::Vi) => match (min, max) {
                (Some(a), Some(b)) => format!("Độ dài phải từ {a} đến {b} ký tự."),
                (Some(a), None) => format!("Độ dài tối thiểu {a} ký tự."),
                (None, Some(b)) => format!("Độ dài tối đa {b} ký tự."),
                (None, None) => "Độ dài không hợp lệ.".into(),
            },
            (Issue::Length { min, max }, Lang::En) => match (min, max) {
                (Some(a), Some(b)) => format!("Length must be between {a} and {b} characters."),
                (Some(a), None) => format!("Length must be at least {a} characters."),
                (None, Some(b)) => format!("Length must be at most {b} characters."),
                (None, None) => "Invalid length.".into(),
            },
            (Issue::Range { min, max }, Lang::Vi) => match (min, max) {
                (Some(a), Some(b)) => format!("Giá trị phải từ {a} đến {b}."),
                (Some(a), None) => format!("Giá trị phải từ {a} trở lên."),
                (None, Some(b)) => format!("Giá trị tối đa là {b}."),
                (None, None) => "Giá trị nằm ngoài khoảng cho phép.".into(),
            },
            (Issue::Range { min, max }, Lang::En) => match (min, max) {
                (Some(a), Some(b)) => format!("Value must be between {a} and {b}."),
                (Some(a), None) => format!("Value must be at least {a}."),
                (None, Some(b)) => format!("Value must be at most {b}."),
                (None, None) => "Value out of range.".into(),
            },
            (Issue::InvalidDate, Lang::Vi) => "Ngày không hợp lệ; dùng dạng YYYY-MM-DD.".into(),
            (Issue::InvalidDate, Lang::En) => "Invalid date; use YYYY-MM-DD.".into(),
            (Issue::InvalidCursor, Lang::Vi) => {
                "Con trỏ phân trang không hợp lệ; dùng đúng giá trị next_cursor đã nhận.".into()
            }
            (Issue::InvalidCursor, Lang::En) => {
                "Invalid page cursor; pass back the next_cursor value as received.".into()
            }
            (Issue::InvalidUnitCode { width: Some(w) }, Lang::Vi) => format!("Mã đơn vị phải gồm đúng {w} chữ số."),
            (Issue::InvalidUnitCode { width: Some(w) }, Lang::En) => {
                format!("The unit code must have exactly {w} digits.")
            }
            (Issue::InvalidUnitCode { width: None }, Lang::Vi) => {
                "Mã đơn vị gồm 1–20 ký tự chữ, số, '-' hoặc '.'.".into()
            }
            (Issue::InvalidUnitCode { width: None }, Lang::En) => {
                "A unit code has 1 to 20 letters, digits, '-' or '.'.".into()
            }
            (Issue::InvalidDivisionType { allowed }, Lang::Vi) => {
                format!("Loại đơn vị không hợp lệ cho cấp này; chọn một trong: {}.", allowed.join(", "))
            }
            (Issue::InvalidDivisionType { allowed }, Lang::En) => {
                format!("Division type not valid for this level; use one of: {}.", allowed.join(", "))
            }
            (Issue::Blank, Lang::Vi) => "Không được để trống.".into(),
            (Issue::Blank, Lang::En) => "Must not be blank.".into(),
            (Issue::Parse(text), Lang::Vi) => format!("Giá trị không đọc được: {text}"),
            (Issue::Parse(text), Lang::En) => format!("Value could not be read: {text}"),
            (Issue::Other { code }, lang) => match (known_issue(code), lang) {
                (Some((vi, _)), Lang::Vi) => vi.to_owned(),
                (Some((_, en)), Lang::En) => en.to_owned(),
                (None, Lang::Vi) => format!("Giá trị không hợp lệ ({code})."),
                (None, Lang::En) => format!("Invalid value ({code})."),
            },
            (Issue::Described { vi, .. }, Lang::Vi) => vi.clone(),
            (Issue::Described { code, vi }, Lang::En) => format!("{code}: {vi}"),
        }
    }
}

/// Messages for the `Issue::Other` codes that many routes share.
fn known_issue(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "unknown_unit" => ("Không có đơn vị hành chính này.", "No such administrative unit."),
        "unknown_reference" => (
            "Không có bản ghi này trong địa bàn của tài khoản (hoặc bản ghi đã bị xóa).",
            "No such record in the account's units (or it was deleted).",
        ),
        "unknown_subject" => (
            "Không có đối tượng đánh giá này trong địa bàn của tài khoản.",
            "No such subject of evaluation in the account's units.",
        ),
        "unknown_indicator" => ("Bộ tiêu chí không có chỉ tiêu này.", "The framework has no such indicator."),
        "not_a_commune" => (
            "Đơn vị phải ở cấp xã (xã, phường, thị trấn hoặc đặc khu).",
            "The unit must be a commune (xã, phường, thị trấn or đặc khu).",
        ),
        "not_a_village_or_commune" => {
            ("Đơn vị phải ở cấp thôn hoặc cấp xã.", "The unit must be a village or a commune.")
        }
        "not_a_province_in_force" => (
            "Đơn vị phải là một tỉnh hoặc thành phố trực thuộc trung ương đang có hiệu lực.",
            "The unit must be a province in force.",
        ),
        "invalid_local_code" => (
            "Mã thôn gồm 1–14 ký tự chữ, số, '-' hoặc '.'; mã xã sẽ được thêm vào trước.",
            "A village's local code has 1 to 14 letters, digits, '-' or '.'; the commune's code is put before it.",
        ),
        "a_province_has_no_parent" => ("Đơn vị cấp tỉnh không có đơn vị cấp trên.", "A province has no parent unit."),
        "invalid_url" => (
            "Địa chỉ phải bắt đầu bằng http:// hoặc https://, không có khoảng trắng và chỉ gồm ký tự ASCII in được (mã hóa phần còn lại dạng %XX).",
            "The address must start with http:// or https://, have no spaces, and be printable ASCII (percent-encode the rest).",
        ),
        "account_has_no_units" => (
            "Tài khoản chưa được giao đơn vị nào; hãy gửi kèm unit_ids.",
            "The account covers no units; send unit_ids with the roles.",
        ),
        "service_accounts_cannot_be_admin" => (
            "Tài khoản dịch vụ không được có vai trò quản trị (admin).",
            "A service account cannot have the admin role.",
        ),
        _ => return None,
    })
}

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    InvalidJson(String),
    UnsupportedMediaType,
    PayloadTooLarge {
        limit: usize,
    },
    InvalidQuery(Vec<FieldError>),
    InvalidPath(Vec<FieldError>),
    InvalidHeader(Vec<FieldError>),
    Validation(Vec<FieldError>),
    /// The request is valid on its own but does not fit the stored data: a record it names does
    /// not exist (or is outside the caller's units), or is not of the kind the field needs.
    /// 409, not 422: the same request can succeed once the data is there, and 422 stays the
    /// answer for a request that is wrong whatever is stored.
    ReferenceConflict(Vec<FieldError>),
    UnitNotFound,
    ReorganisationNotFound,
    RouteNotFound,
    MethodNotAllowed {
        allowed: Vec<String>,
    },
    AmbiguousCode {
        candidates: Vec<i64>,
    },
    Conflict(Conflict),
    PreconditionRequired,
    PreconditionFailed,
    /// No (or no usable) bearer token on a request that needs one.
    Unauthorized,
    /// A token that is malformed, tampered with, expired, not yet valid or for someone else.
    InvalidToken,
    InvalidCredentials,
    /// A refresh token that is unknown, expired, revoked or reused.
    InvalidGrant,
    AccountLocked {
        retry_after_seconds: i64,
    },
    AccountDisabled,
    /// The role does not allow this.
    Forbidden,
    /// The role allows it, but not on this unit.
    OutOfScope,
    AccountNotFound,
    ApiKeyNotFound,
    /// A registry record (or evaluation, decision, evidence) that does not exist for the caller.
    RecordNotFound,
    FrameworkNotFound,
    /// The framework document is unreadable or invalid; `errors` has one entry per problem.
    FrameworkInvalid(Vec<FieldError>),
    /// The stored draft cannot be published yet: parts are still unknown or thresholds unset.
    FrameworkIncomplete(Vec<FieldError>),
    /// The answers cannot be scored against this framework.
    ScoreRejected(Vec<FieldError>),
    /// A decision with at least one item that cannot be applied; `errors` names each.
    DecisionRefused(Vec<FieldError>),
    ServiceUnavailable,
    Internal,
}

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::InvalidJson(_) => ErrorCode::InvalidJson,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::PayloadTooLarge { .. } => ErrorCode::PayloadTooLarge,
            ApiError::InvalidQuery(_) => ErrorCode::InvalidQuery,
            ApiError::InvalidPath(_) => ErrorCode::InvalidPath,
            ApiError::InvalidHeader(_) => ErrorCode::InvalidHeader,
            ApiError::Validation(_) => ErrorCode::ValidationFailed,
            ApiError::ReferenceConflict(_) => ErrorCode::ReferenceConflict,
            ApiError::UnitNotFound => ErrorCode::UnitNotFound,
            ApiError::ReorganisationNotFound => ErrorCode::ReorganisationNotFound,
            ApiError::RouteNotFound => ErrorCode::RouteNotFound,
            ApiError::MethodNotAllowed { .. } => ErrorCode::MethodNotAllowed,
            ApiError::AmbiguousCode { .. } => ErrorCode::AmbiguousCode,
            ApiError::Conflict(c) => match c {
                Conflict::CodeInUse { .. } => ErrorCode::UnitCodeInUse,
                Conflict::UnitNotValidOn { .. } => ErrorCode::UnitNotValidOnDate,
                Conflict::OpenChildren { .. } => ErrorCode::UnitHasOpenChildren,
                Conflict::InvalidParent { .. } => ErrorCode::InvalidParent,
                Conflict::MixedLevels => ErrorCode::MixedLevels,
                Conflict::RepeatedUnit { .. } => ErrorCode::RepeatedUnit,
                Conflict::DateBeforeStart { .. } => ErrorCode::DateBeforeStart,
                Conflict::IdempotencyKeyReused | Conflict::IdempotencyKeyRace => ErrorCode::IdempotencyKeyReused,
                Conflict::UsernameTaken { .. } => ErrorCode::UsernameTaken,
                Conflict::VersionExists => ErrorCode::FrameworkVersionExists,
                Conflict::DuplicateCitizen { .. } => ErrorCode::DuplicateCitizen,
                Conflict::CentreExists => ErrorCode::LearningCentreExists,
                Conflict::AlreadyRegistered => ErrorCode::AlreadyRegistered,
                Conflict::DeadlinePassed => ErrorCode::FilingDeadlinePassed,
                Conflict::WrongStatus { .. } => ErrorCode::FrameworkStatusConflict,
            },
            ApiError::PreconditionRequired => ErrorCode::PreconditionRequired,
            ApiError::PreconditionFailed => ErrorCode::PreconditionFailed,
            ApiError::Unauthorized => ErrorCode::Unauthorized,
            ApiError::InvalidToken => ErrorCode::InvalidToken,
            ApiError::InvalidCredentials => ErrorCode::InvalidCredentials,
            ApiError::InvalidGrant => ErrorCode::InvalidGrant,
            ApiError::AccountLocked { .. } => ErrorCode::AccountLocked,
            ApiError::AccountDisabled => ErrorCode::AccountDisabled,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::OutOfScope => ErrorCode::OutOfScope,
            ApiError::AccountNotFound => ErrorCode::AccountNotFound,
            ApiError::ApiKeyNotFound => ErrorCode::ApiKeyNotFound,
            ApiError::FrameworkNotFound => ErrorCode::FrameworkNotFound,
            ApiError::RecordNotFound => ErrorCode::RecordNotFound,
            ApiError::FrameworkInvalid(_) => ErrorCode::FrameworkInvalid,
            ApiError::FrameworkIncomplete(_) => ErrorCode::FrameworkIncomplete,
            ApiError::ScoreRejected(_) => ErrorCode::ScoreRejected,
            ApiError::DecisionRefused(_) => ErrorCode::DecisionRefused,
            ApiError::ServiceUnavailable => ErrorCode::ServiceUnavailable,
            ApiError::Internal => ErrorCode::InternalError,
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::InvalidJson(_)
            | ApiError::InvalidQuery(_)
            | ApiError::InvalidPath(_)
            | ApiError::InvalidHeader(_) => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::UnitNotFound
            | ApiError::ReorganisationNotFound
            | ApiError::RouteNotFound
            | ApiError::AccountNotFound
            | ApiError::ApiKeyNotFound
            | ApiError::FrameworkNotFound
            | ApiError::RecordNotFound => StatusCode::NOT_FOUND,
            ApiError::FrameworkInvalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            // Refusals that depend on what is stored (the framework's indicators, the evaluations'
            // states, the units' levels), not on the request alone.
            ApiError::ReferenceConflict(_)
            | ApiError::FrameworkIncomplete(_)
            | ApiError::ScoreRejected(_)
            | ApiError::DecisionRefused(_) => StatusCode::CONFLICT,
            ApiError::Unauthorized
            | ApiError::InvalidToken
            | ApiError::InvalidCredentials
            | ApiError::InvalidGrant
            | ApiError::AccountLocked { .. }
            | ApiError::AccountDisabled => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden | ApiError::OutOfScope => StatusCode::FORBIDDEN,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::AmbiguousCode { .. } => StatusCode::CONFLICT,
            ApiError::Conflict(Conflict::IdempotencyKeyReused | Conflict::IdempotencyKeyRace) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn title(&self, lang: Lang) -> &'static str {
        let status = self.status();
        match (status.as_u16(), lang) {
            (400, Lang::Vi) => "Yêu cầu không hợp lệ",
            (401, Lang::Vi) => "Chưa xác thực",
            (403, Lang::Vi) => "Không được phép",
            (404, Lang::Vi) => "Không tìm thấy",
            (405, Lang::Vi) => "Phương thức không được hỗ trợ",
            (409, Lang::Vi) => "Xung đột dữ liệu",
            (412, Lang::Vi) => "Dữ liệu đã thay đổi",
            (413, Lang::Vi) => "Nội dung quá lớn",
            (415, Lang::Vi) => "Định dạng nội dung không được hỗ trợ",
            (422, Lang::Vi) => "Dữ liệu không hợp lệ",
            (428, Lang::Vi) => "Thiếu điều kiện If-Match",
            (503, Lang::Vi) => "Dịch vụ tạm thời không sẵn sàng",
            (_, Lang::Vi) => "Lỗi hệ thống",
            (_, Lang::En) => status.canonical_reason().unwrap_or("Error"),
        }
    }

    fn detail(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let text = |v: &str, e: &str| if vi { v.to_owned() } else { e.to_owned() };
        match self {
            ApiError::InvalidJson(reason) => {
                if vi {
                    format!("Nội dung JSON không đọc được: {reason}")
                } else {
                    format!("The JSON body could not be read: {reason}")
                }
            }
            ApiError::UnsupportedMediaType => text(
                "Nội dung phải là JSON (Content-Type: application/json).",
                "The body must be JSON (Content-Type: application/json).",
            ),
            ApiError::PayloadTooLarge { limit } => {
                if vi {
                    format!("Nội dung vượt quá giới hạn {limit} byte.")
                } else {
                    format!("The body exceeds the limit of {limit} bytes.")
                }
            }
            ApiError::InvalidQuery(_) => text(
                "Tham số truy vấn không hợp lệ; xem danh sách lỗi theo trường.",
                "Invalid query parameters; see the errors by field.",
            ),
            ApiError::InvalidPath(_) => text("Tham số trên đường dẫn không hợp lệ.", "Invalid path parameter."),
            ApiError::InvalidHeader(_) => text("Tiêu đề HTTP không hợp lệ.", "Invalid HTTP header."),
            ApiError::Validation(_) => text(
                "Dữ liệu gửi lên không hợp lệ; xem danh sách lỗi theo trường.",
                "The submitted data is invalid; see the errors by field.",
            ),
            ApiError::ReferenceConflict(_) => text(
                "Yêu cầu không khớp với dữ liệu đang lưu: bản ghi được nhắc tới không tồn tại, nằm ngoài địa bàn của tài khoản hoặc không đúng loại; xem danh sách lỗi theo trường.",
                "The request does not fit the stored data: a record it names does not exist, is outside the account's units, or is not of the right kind; see the errors by field.",
            ),
            ApiError::UnitNotFound => text("Không tìm thấy đơn vị hành chính.", "Administrative unit not found."),
            ApiError::ReorganisationNotFound => {
                text("Không tìm thấy đợt sắp xếp đơn vị hành chính.", "Reorganisation not found.")
            }
            ApiError::RouteNotFound => text("Đường dẫn không tồn tại trong API.", "No such route in this API."),
            ApiError::MethodNotAllowed { allowed } => {
                if vi {
                    format!("Phương thức không được hỗ trợ cho đường dẫn này; dùng: {}.", allowed.join(", "))
                } else {
                    format!("Method not allowed on this route; use: {}.", allowed.join(", "))
                }
            }
            ApiError::AmbiguousCode { candidates } => {
                let ids = candidates.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
                if vi {
                    format!("Mã này ứng với nhiều đơn vị vào ngày đã chọn (id: {ids}); hãy chỉ rõ cấp (level).")
                } else {
                    format!("This code matches several units on that date (ids: {ids}); give the level.")
                }
            }
            ApiError::Conflict(c) => conflict_detail(c, lang),
            ApiError::PreconditionRequired => text(
                "Cần tiêu đề If-Match với ETag đã đọc để tránh ghi đè thay đổi của người khác.",
                "An If-Match header with the ETag you read is required, so that nobody's change is overwritten.",
            ),
            ApiError::PreconditionFailed => text(
                "Bản ghi đã được người khác thay đổi sau khi bạn đọc; hãy đọc lại và thử lại.",
                "The record changed after you read it; read it again and retry.",
            ),
            ApiError::Unauthorized => text(
                "Cần đăng nhập: gửi tiêu đề Authorization: Bearer <access token>.",
                "Authentication required: send Authorization: Bearer <access token>.",
            ),
            ApiError::InvalidToken => text(
                "Mã truy cập không hợp lệ, đã hết hạn hoặc chưa có hiệu lực; hãy đăng nhập lại.",
                "The access token is invalid, expired or not yet valid; sign in again.",
            ),
            ApiError::InvalidCredentials => text(
                "Tên đăng nhập hoặc mật khẩu (hoặc khóa API) không đúng.",
                "Wrong username or password (or API key).",
            ),
            ApiError::InvalidGrant => text(
                "Mã làm mới không hợp lệ, đã hết hạn hoặc đã bị thu hồi; hãy đăng nhập lại.",
                "The refresh token is invalid, expired or revoked; sign in again.",
            ),
            ApiError::AccountLocked { retry_after_seconds } => {
                let minutes = (retry_after_seconds + 59) / 60;
                if vi {
                    format!("Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau khoảng {minutes} phút.")
                } else {
                    format!(
                        "The account is locked after repeated failed sign-ins; try again in about {minutes} minutes."
                    )
                }
            }
            ApiError::AccountDisabled => text("Tài khoản đã bị vô hiệu hóa.", "The account is disabled."),
            ApiError::Forbidden => {
                text("Vai trò của tài khoản không cho phép thao tác này.", "The account's role does not allow this.")
            }
            ApiError::OutOfScope => text(
                "Thao tác nằm ngoài địa bàn mà tài khoản được giao.",
                "This is outside the units the account covers.",
            ),
            ApiError::AccountNotFound => text("Không tìm thấy tài khoản.", "Account not found."),
            ApiError::FrameworkNotFound => text("Không tìm thấy bộ tiêu chí.", "Criteria framework not found."),
            ApiError::RecordNotFound => text(
                "Không tìm thấy bản ghi trong địa bàn của tài khoản.",
                "No such record in the units the account covers.",
            ),
            ApiError::FrameworkInvalid(_) => text(
                "Bộ tiêu chí không hợp lệ; xem danh sách lỗi theo vị trí trong tài liệu.",
                "The criteria framework is invalid; see the errors by position in the document.",
            ),
            ApiError::FrameworkIncomplete(_) => text(
                "Bản dự thảo chưa đủ để ban hành: còn phần chưa biết hoặc ngưỡng chưa đặt; xem danh sách lỗi theo vị trí trong tài liệu.",
                "The draft is not complete enough to publish: parts are still unknown or thresholds unset; see the errors by position in the document.",
            ),
            ApiError::DecisionRefused(_) => text(
                "Quyết định không được ghi vì có hồ sơ không đủ điều kiện; xem danh sách lỗi theo từng hồ sơ. Không hồ sơ nào bị thay đổi.",
                "The decision was not recorded: some items do not qualify (see the errors per item). Nothing was changed.",
            ),
            ApiError::ScoreRejected(_) => text(
                "Không chấm được điểm với các câu trả lời này; xem danh sách lỗi.",
                "These answers cannot be scored; see the errors.",
            ),
            ApiError::ApiKeyNotFound => text("Không tìm thấy khóa API còn hiệu lực.", "No live API key with this id."),
            ApiError::ServiceUnavailable => text(
                "Cơ sở dữ liệu tạm thời không phản hồi; hãy thử lại sau.",
                "The database is not answering right now; try again later.",
            ),
            ApiError::Internal => {
                text("Đã xảy ra lỗi hệ thống; lỗi đã được ghi lại.", "An internal error occurred; it has been logged.")
            }
        }
    }

    fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::InvalidQuery(e)
            | ApiError::InvalidPath(e)
            | ApiError::InvalidHeader(e)
            | ApiError::Validation(e)
            | ApiError::ReferenceConflict(e)
            | ApiError::FrameworkInvalid(e)
            | ApiError::FrameworkIncomplete(e)
            | ApiError::ScoreRejected(e)
            | ApiError::DecisionRefused(e) => e,
            _ => &[],
        }
    }

    /// The problem document in `lang`.
    pub fn problem(&self, lang: Lang, instance: Option<String>, request_id: Option<String>) -> Problem {
        let code = self.code();
        Problem {
            r#type: format!("urn:xhht:problem:{}", code.as_str()),
            title: self.title(lang).to_owned(),
            status: self.status().as_u16(),
            code,
            detail: self.detail(lang),
            instance,
            request_id,
            errors: self
                .field_errors()
                .iter()
                .map(|e| ProblemField { field: e.field.clone(), code: e.issue.code(), message: e.issue.message(lang) })
                .collect(),
        }
    }

    /// Renders the response in `lang`; used by the middleware that knows the request.
    pub fn render(&self, lang: Lang, instance: Option<String>, request_id: Option<String>) -> HttpResponse {
        let mut response = HttpResponse::build(self.status());
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json")));
        if let ApiError::MethodNotAllowed { allowed } = self
            && let Ok(value) = HeaderValue::from_str(&allowed.join(", "))
        {
            response.insert_header((header::ALLOW, value));
        }
        if self.status() == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"xhht\"")));
        }
        if let ApiError::AccountLocked { retry_after_seconds } = self {
            response.insert_header((header::RETRY_AFTER, retry_after_seconds.to_string()));
        }
        let body =
            serde_json::to_string(&self.problem(lang, instance, request_id)).unwrap_or_else(|_| String::from("{}"));
        response.body(body)
    }
}

fn conflict_detail(c: &Conflict, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match c {
        Conflict::CodeInUse { code } => {
            if vi {
                format!("Mã {code} đang được một đơn vị cùng cấp sử dụng trong cùng thời kỳ.")
            } else {
                format!("Code {code} is held by another unit of the same level in an overlapping period.")
            }
        }
        Conflict::UnitNotValidOn { unit_id } => {
            if vi {
                format!("Đơn vị {unit_id} không còn hiệu lực (hoặc đã đóng) vào ngày áp dụng.")
            } else {
                format!("Unit {unit_id} is not in force (or already closed) on the effective date.")
            }
        }
        Conflict::OpenChildren { unit_id, count } => {
            if vi {
                format!(
                    "Đơn vị {unit_id} còn {count} đơn vị trực thuộc đang hiệu lực; hãy sắp xếp hoặc đóng chúng trước."
                )
            } else {
                format!("Unit {unit_id} still has {count} open units under it; reorganise or close them first.")
            }
        }
        Conflict::InvalidParent { parent_id } => {
            if vi {
                format!("Đơn vị cấp trên {parent_id} không tồn tại hoặc không thể chứa đơn vị ở cấp này.")
            } else {
                format!("Parent unit {parent_id} does not exist or cannot hold a unit of this level.")
            }
        }
        Conflict::MixedLevels => {
            if vi {
                "Các đơn vị trong một đợt sắp xếp phải cùng cấp.".into()
            } else {
                "All units of one reorganisation must be of the same level.".into()
            }
        }
        Conflict::RepeatedUnit { unit_id } => {
            if vi {
                format!("Đơn vị {unit_id} xuất hiện nhiều lần, hoặc vừa là nguồn vừa là đích.")
            } else {
                format!("Unit {unit_id} appears more than once, or as both a source and a target.")
            }
        }
        Conflict::DateBeforeStart { unit_id } => {
            if vi {
                format!("Ngày áp dụng phải sau ngày bắt đầu hiệu lực hiện tại của đơn vị {unit_id}.")
            } else {
                format!("The effective date must be after the current start of unit {unit_id}.")
            }
        }
        Conflict::DuplicateCitizen { citizen_id } => {
            if vi {
                format!("Đã có công dân với số định danh này (id {citizen_id}); không tạo bản ghi trùng.")
            } else {
                format!("A citizen with this national ID exists (id {citizen_id}); no duplicate was created.")
            }
        }
        Conflict::CentreExists => {
            if vi {
                "Xã này đã có trung tâm học tập cộng đồng.".into()
            } else {
                "This commune has a community learning centre already.".into()
            }
        }
        Conflict::DeadlinePassed => {
            if vi {
                "Đã quá hạn nộp hồ sơ theo bộ tiêu chí; hồ sơ nộp muộn không được nhận.".into()
            } else {
                "The filing deadline of the framework has passed; late filings are refused.".into()
            }
        }
        Conflict::AlreadyRegistered => {
            if vi {
                "Đối tượng đã đăng ký mô hình này cho năm này.".into()
            } else {
                "The subject is registered for this model and year already.".into()
            }
        }
        Conflict::VersionExists => {
            if vi {
                "Phiên bản này của bộ tiêu chí đã tồn tại.".into()
            } else {
                "This version of the framework exists already.".into()
            }
        }
        Conflict::WrongStatus { status } => {
            if vi {
                format!(
                    "Bộ tiêu chí đang ở trạng thái “{status}”, không thể chuyển như yêu cầu; bản đã ban hành không bao giờ thay đổi."
                )
            } else {
                format!(
                    "The framework is `{status}` and cannot make this transition; a published version never changes."
                )
            }
        }
        Conflict::UsernameTaken { username } => {
            if vi {
                format!("Tên đăng nhập {username} đã được dùng.")
            } else {
                format!("The username {username} is taken.")
            }
        }
        Conflict::IdempotencyKeyReused | Conflict::IdempotencyKeyRace => {
            if vi {
                "Idempotency-Key này đã được dùng cho một yêu cầu khác.".into()
            } else {
                "This Idempotency-Key was already used for a different request.".into()
            }
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code().as_str())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    /// Renders in Vietnamese; the problem middleware finds this error on the response and
    /// renders it again for the request's language, path and id.
    fn error_response(&self) -> HttpResponse {
        self.render(Lang::Vi, None, None)
    }
}

impl From<PersistenceError> for ApiError {
    fn from(e: PersistenceError) -> Self {
        match e {
            PersistenceError::NotFound => ApiError::UnitNotFound,
            PersistenceError::Conflict(c) => ApiError::Conflict(c),
            PersistenceError::StaleVersion => ApiError::PreconditionFailed,
            PersistenceError::Unavailable(reason) => {
                tracing::error!(%reason, "database unavailable");
                ApiError::ServiceUnavailable
            }
            other => {
                tracing::error!(error = %other, "persistence failure");
                ApiError::Internal
            }
        }
    }
}

/// A record that is not there means something different on each route (a missing path
/// resource is a 404, a missing reference in a body a 409, a missing parent an invalid
/// parent); every other persistence failure keeps its usual answer.
pub trait OrMissing<T> {
    fn or_missing(self, missing: impl FnOnce() -> ApiError) -> Result<T, ApiError>;
}

impl<T> OrMissing<T> for Result<T, PersistenceError> {
    fn or_missing(self, missing: impl FnOnce() -> ApiError) -> Result<T, ApiError> {
        self.map_err(|e| match e {
            PersistenceError::NotFound => missing(),
            other => other.into(),
        })
    }
}

impl From<diesel_error::Error> for ApiError {
    fn from(e: diesel_error::Error) -> Self {
        PersistenceError::from(e).into()
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(_: actix_web::error::BlockingError) -> Self {
        tracing::error!("the blocking pool is gone");
        ApiError::ServiceUnavailable
    }
}

impl From<validator::ValidationErrors> for ApiError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut out = Vec::new();
        collect_validation(&errors, "", &mut out);
        out.sort_by(|a, b| a.field.cmp(&b.field));
        ApiError::Validation(out)
    }
}

fn collect_validation(errors: &validator::ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errors.errors() {
        let name = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    out.push(FieldError::new(name.clone(), issue_of(e)));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect_validation(inner, &name, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect_validation(inner, &format!("{name}[{index}]"), out);
                }
            }
        }
    }
}

fn issue_of(e: &validator::ValidationError) -> Issue {
    let int = |key: &str| e.params.get(key).and_then(serde_json::Value::as_i64);
    let uint = |key: &str| e.params.get(key).and_then(serde_json::Value::as_u64);
    match e.code.as_ref() {
        "length" => Issue::Length { min: uint("min"), max: uint("max") },
        "range" => Issue::Range { min: int("min"), max: int("max") },
        "blank" => Issue::Blank,
        "required" => Issue::Required,
        other => Issue::Other { code: other.to_owned() },
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:xhht:problem:unit_not_found",
    "title": "Không tìm thấy",
    "status": 404,
    "code": "unit_not_found",
    "detail": "Không tìm thấy đơn vị hành chính.",
    "instance": "/api/v1/units/999999",
    "request_id": "01938f4e-6c1a-7b52-9d0e-3f2a1c5b7e90",
    "errors": []
}))]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:xhht:problem:<code>`.
    pub r#type: String,
    pub title: String,
    pub status: u16,
    pub code: ErrorCode,
    /// What went wrong, for a person (Vietnamese unless `Accept-Language: en`).
    pub detail: String,
    /// The request path.
    pub instance: Option<String>,
    /// Quote this when reporting a problem.
    pub request_id: Option<String>,
    /// Per-field problems of the input.
    pub errors: Vec<ProblemField>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// The field, as a dotted path (`targets[0].code`), or the parameter name.
    pub field: String,
    pub code: String,
    pub message: String,
}
