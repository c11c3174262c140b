//! One error type for the whole API, rendered as RFC 9457 `application/problem+json` with a
//! stable `code`, a Vietnamese `detail` (English with `Accept-Language: en`) and per-field
//! `errors`. Every failure a client can cause has a variant here; nothing becomes a bare 500.

use crate::i18n::{Lang, Rule};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;
use utoipa::ToSchema;
use xhht_evaluation::workflow::Refusal;
use xhht_persistence::diesel_error;
use xhht_persistence::{Conflict, PersistenceError, Record};

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
    CitizenNotFound,
    HouseholdNotFound,
    OrganisationNotFound,
    ClanNotFound,
    LearningCentreNotFound,
    EvaluationNotFound,
    DecisionNotFound,
    EvidenceNotFound,
    CitizenDuplicateNotFound,
    DriveNotFound,
    EmulationPlanNotFound,
    EmulationReviewNotFound,
    EmulationReportNotFound,
    AwardNotFound,
    RouteNotFound,
    MethodNotAllowed,
    AmbiguousCode,
    UnitCodeInUse,
    UnitNotValidOnDate,
    UnitHasOpenChildren,
    InvalidParent,
    MixedLevels,
    NotAMovableVillage,
    RepeatedUnit,
    DateBeforeStart,
    IdempotencyKeyReused,
    PreconditionRequired,
    PreconditionFailed,
    Unauthorized,
    InvalidToken,
    InvalidCredentials,
    InvalidGrant,
    TooManyAttempts,
    AccountDisabled,
    Forbidden,
    PasswordChangeRequired,
    OutOfScope,
    AccountNotFound,
    ApiKeyNotFound,
    UsernameTaken,
    DuplicateAlreadyResolved,
    DecisionRefused,
    FilingDeadlinePassed,
    DuplicateCitizen,
    LearningCentreExists,
    AlreadyRegistered,
    DriveClosed,
    DriveNotOpen,
    ReviewClosed,
    ReportMarked,
    PlanExists,
    AwardExists,
    FrameworkNotFound,
    FrameworkInvalid,
    FrameworkIncomplete,
    FrameworkVersionExists,
    FrameworkStatusConflict,
    EvaluationStatusConflict,
    FrameworkRetired,
    FrameworkNotValidForYear,
    UnknownLevel,
    AnswersIncomplete,
    FrameworkNotPublished,
    LevelNotReached,
    Level2TooEarly,
    DecisionDateInFuture,
    ScoreRejected,
    NoApplicableFramework,
    ImportJobNotFound,
    ImportFinished,
    ImportFileUnreadable,
    ImportColumnsMissing,
    ServiceUnavailable,
    InternalError,
}

impl ErrorCode {
    pub fn as_str(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    /// The code of a workflow refusal.
    fn of_refusal(refusal: &Refusal) -> Self {
        match refusal {
            Refusal::WrongStatus { .. } => ErrorCode::EvaluationStatusConflict,
            Refusal::FrameworkRetired => ErrorCode::FrameworkRetired,
            Refusal::FrameworkNotValidForYear { .. } => ErrorCode::FrameworkNotValidForYear,
            Refusal::UnknownLevel { .. } => ErrorCode::UnknownLevel,
            Refusal::AnswersIncomplete { .. } => ErrorCode::AnswersIncomplete,
            Refusal::FilingDeadlinePassed { .. } => ErrorCode::FilingDeadlinePassed,
            Refusal::FrameworkNotPublished => ErrorCode::FrameworkNotPublished,
            Refusal::NothingReached { .. } | Refusal::LevelNotReached { .. } => ErrorCode::LevelNotReached,
            Refusal::Level2TooEarly { .. } => ErrorCode::Level2TooEarly,
            Refusal::NotScorable => ErrorCode::ScoreRejected,
            Refusal::DecidedInTheFuture { .. } => ErrorCode::DecisionDateInFuture,
        }
    }

    fn of_missing(record: Record) -> Self {
        match record {
            Record::Unit => ErrorCode::UnitNotFound,
            Record::Reorganisation => ErrorCode::ReorganisationNotFound,
            Record::Account => ErrorCode::AccountNotFound,
            Record::ApiKey => ErrorCode::ApiKeyNotFound,
            Record::Framework => ErrorCode::FrameworkNotFound,
            Record::Citizen => ErrorCode::CitizenNotFound,
            Record::Household => ErrorCode::HouseholdNotFound,
            Record::Organisation => ErrorCode::OrganisationNotFound,
            Record::Clan => ErrorCode::ClanNotFound,
            Record::LearningCentre => ErrorCode::LearningCentreNotFound,
            Record::Evaluation => ErrorCode::EvaluationNotFound,
            Record::Decision => ErrorCode::DecisionNotFound,
            Record::Evidence => ErrorCode::EvidenceNotFound,
            Record::CitizenDuplicate => ErrorCode::CitizenDuplicateNotFound,
            Record::Drive => ErrorCode::DriveNotFound,
            Record::EmulationPlan => ErrorCode::EmulationPlanNotFound,
            Record::EmulationReview => ErrorCode::EmulationReviewNotFound,
            Record::EmulationReport => ErrorCode::EmulationReportNotFound,
            Record::Award => ErrorCode::AwardNotFound,
            Record::ImportJob => ErrorCode::ImportJobNotFound,
        }
    }
}

/// What is wrong with one field of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub issue: Issue,
}

impl FieldError {
    /// A field named as the client sent it, but for control characters (a key or a parameter
    /// name may hold one, and is refused for it), shown as U+FFFD.
    pub fn new(field: impl Into<String>, issue: Issue) -> Self {
        let field: String = field.into();
        let field = if crate::extract::has_control_character(&field) {
            field.chars().map(|c| if crate::extract::is_refused_control(c) { '\u{FFFD}' } else { c }).collect()
        } else {
            field
        };
        FieldError { field, issue }
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
    /// A value of another JSON type than the field's (`integer`, `number`, `string`,
    /// `boolean`, `array`, `object`).
    WrongType {
        expected: &'static str,
    },
    /// A field the body has no place for.
    UnknownField,
    /// Not one of the field's values.
    NotOneOf {
        allowed: Vec<String>,
    },
    /// A value of the right type that still cannot be read (a number out of the type's range).
    Unreadable,
    /// A named rule, with its code and texts.
    Rule(Rule),
    /// A problem explained by another component (the evaluation crate), in both languages.
    Message {
        code: String,
        vi: String,
        en: String,
    },
}

impl Issue {
    pub(crate) fn code(&self) -> String {
        match self {
            Issue::Required => "required".into(),
            Issue::Length { .. } => "length".into(),
            Issue::Range { .. } => "range".into(),
            Issue::InvalidDate => "invalid_date".into(),
            Issue::InvalidCursor => "invalid_cursor".into(),
            Issue::InvalidUnitCode { .. } => "invalid_unit_code".into(),
            Issue::InvalidDivisionType { .. } => "invalid_division_type".into(),
            Issue::Blank => "blank".into(),
            Issue::WrongType { .. } => "wrong_type".into(),
            Issue::UnknownField => "unknown_field".into(),
            Issue::NotOneOf { .. } => "not_one_of".into(),
            Issue::Unreadable => "unreadable".into(),
            Issue::Rule(rule) => rule.code().into(),
            Issue::Message { code, .. } => code.clone(),
        }
    }

    pub(crate) fn message(&self, lang: Lang) -> String {
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
            (Issue::InvalidDate, Lang::Vi) => "Ngày không hợp lệ; dùng dạng YYYY-MM-DD (ví dụ 2026-01-31).".into(),
            (Issue::InvalidDate, Lang::En) => "Invalid date; use YYYY-MM-DD (for example 2026-01-31).".into(),
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
            (Issue::WrongType { expected }, Lang::Vi) => format!("Giá trị phải là {}.", type_vi(expected)),
            (Issue::WrongType { expected }, Lang::En) => format!("The value must be {}.", type_en(expected)),
            (Issue::UnknownField, Lang::Vi) => "Nội dung yêu cầu không có trường này; hãy bỏ nó đi.".into(),
            (Issue::UnknownField, Lang::En) => "The body has no such field; leave it out.".into(),
            (Issue::NotOneOf { allowed }, Lang::Vi) => format!("Giá trị phải là một trong: {}.", allowed.join(", ")),
            (Issue::NotOneOf { allowed }, Lang::En) => format!("The value must be one of: {}.", allowed.join(", ")),
            (Issue::Unreadable, Lang::Vi) => "Giá trị không đọc được (ví dụ số quá lớn).".into(),
            (Issue::Unreadable, Lang::En) => "The value cannot be read (a number too large, say).".into(),
            (Issue::Rule(rule), lang) => lang.pick(rule.texts().0, rule.texts().1).to_owned(),
            (Issue::Message { vi, .. }, Lang::Vi) => vi.clone(),
            (Issue::Message { en, .. }, Lang::En) => en.clone(),
        }
    }
}

fn type_vi(json_type: &str) -> &'static str {
    match json_type {
        "integer" => "một số nguyên",
        "number" => "một số",
        "string" => "một chuỗi ký tự",
        "boolean" => "true hoặc false",
        "array" => "một danh sách",
        "object" => "một đối tượng JSON",
        _ => "đúng kiểu dữ liệu",
    }
}

fn type_en(json_type: &str) -> &'static str {
    match json_type {
        "integer" => "an integer",
        "number" => "a number",
        "string" => "a string",
        "boolean" => "true or false",
        "array" => "an array",
        "object" => "a JSON object",
        _ => "of the field's type",
    }
}

impl FieldError {
    /// A field breaking a named rule.
    pub fn rule(field: impl Into<String>, rule: Rule) -> Self {
        FieldError::new(field, Issue::Rule(rule))
    }

    /// A workflow refusal, on a field or an item of a list.
    pub fn refusal(field: impl Into<String>, refusal: &Refusal) -> Self {
        FieldError::new(
            field,
            Issue::Message { code: refusal.code().into(), vi: refusal.message_vi(), en: refusal.message_en() },
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// A body that is not JSON, with where the syntax breaks (line, column) when known.
    InvalidJson(Option<(usize, usize)>),
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
    /// The record a path names does not exist, or not for the caller.
    NotFound(Record),
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
    /// Too many password guesses from this source (at this account); the wait is in seconds.
    TooManyAttempts {
        retry_after_seconds: u64,
    },
    AccountDisabled,
    /// The role does not allow this.
    Forbidden,
    /// The account signed in with a one-time password, and must change it first.
    PasswordChangeRequired,
    /// The role allows it, but not on this unit.
    OutOfScope,
    /// A workflow rule refuses the step; the refusal says which, in both languages.
    Refused(Refusal),
    /// The framework document is unreadable or invalid; `errors` has one entry per problem.
    FrameworkInvalid(Vec<FieldError>),
    /// The stored draft cannot be published yet: parts are still unknown or thresholds unset.
    FrameworkIncomplete(Vec<FieldError>),
    /// The answers cannot be scored against this framework.
    ScoreRejected(Vec<FieldError>),
    /// A decision with at least one item that cannot be applied; `errors` names each.
    DecisionRefused(Vec<FieldError>),
    /// No published framework of the model applies in the unit's province on the day; the
    /// templates are what the province can adopt.
    NoApplicableFramework {
        model: xhht_domain::ModelKind,
        province: String,
        day: chrono::NaiveDate,
        templates: Vec<(i64, String)>,
    },
    /// The import has ended; there is nothing left to cancel.
    ImportFinished {
        state: String,
    },
    /// The uploaded file cannot be read at all (a broken workbook, an unknown encoding…).
    ImportFileUnreadable {
        vi: String,
        en: String,
    },
    /// Required columns are missing; `errors` names each, the detail lists every heading.
    ImportColumnsMissing {
        errors: Vec<FieldError>,
        expected: Vec<String>,
    },
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
            ApiError::NotFound(record) => ErrorCode::of_missing(*record),
            ApiError::Refused(refusal) => ErrorCode::of_refusal(refusal),
            ApiError::RouteNotFound => ErrorCode::RouteNotFound,
            ApiError::MethodNotAllowed { .. } => ErrorCode::MethodNotAllowed,
            ApiError::AmbiguousCode { .. } => ErrorCode::AmbiguousCode,
            ApiError::Conflict(c) => match c {
                Conflict::CodeInUse { .. } => ErrorCode::UnitCodeInUse,
                Conflict::UnitNotValidOn { .. } => ErrorCode::UnitNotValidOnDate,
                Conflict::OpenChildren { .. } => ErrorCode::UnitHasOpenChildren,
                Conflict::InvalidParent { .. } => ErrorCode::InvalidParent,
                Conflict::MixedLevels => ErrorCode::MixedLevels,
                Conflict::NotAMovableVillage { .. } => ErrorCode::NotAMovableVillage,
                Conflict::RepeatedUnit { .. } => ErrorCode::RepeatedUnit,
                Conflict::DateBeforeStart { .. } => ErrorCode::DateBeforeStart,
                Conflict::IdempotencyKeyReused | Conflict::IdempotencyKeyRace => ErrorCode::IdempotencyKeyReused,
                Conflict::UsernameTaken { .. } => ErrorCode::UsernameTaken,
                Conflict::VersionExists => ErrorCode::FrameworkVersionExists,
                Conflict::DuplicateCitizen { .. } => ErrorCode::DuplicateCitizen,
                Conflict::CentreExists => ErrorCode::LearningCentreExists,
                Conflict::DuplicateResolved => ErrorCode::DuplicateAlreadyResolved,
                Conflict::AlreadyRegistered => ErrorCode::AlreadyRegistered,
                Conflict::FrameworkStatus { .. } => ErrorCode::FrameworkStatusConflict,
                Conflict::DriveClosed => ErrorCode::DriveClosed,
                Conflict::DriveNotOpen => ErrorCode::DriveNotOpen,
                Conflict::ReviewClosed => ErrorCode::ReviewClosed,
                Conflict::ReportMarked => ErrorCode::ReportMarked,
                Conflict::PlanExists => ErrorCode::PlanExists,
                Conflict::AwardExists => ErrorCode::AwardExists,
            },
            ApiError::PreconditionRequired => ErrorCode::PreconditionRequired,
            ApiError::PreconditionFailed => ErrorCode::PreconditionFailed,
            ApiError::Unauthorized => ErrorCode::Unauthorized,
            ApiError::InvalidToken => ErrorCode::InvalidToken,
            ApiError::InvalidCredentials => ErrorCode::InvalidCredentials,
            ApiError::InvalidGrant => ErrorCode::InvalidGrant,
            ApiError::TooManyAttempts { .. } => ErrorCode::TooManyAttempts,
            ApiError::AccountDisabled => ErrorCode::AccountDisabled,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::PasswordChangeRequired => ErrorCode::PasswordChangeRequired,
            ApiError::OutOfScope => ErrorCode::OutOfScope,
            ApiError::FrameworkInvalid(_) => ErrorCode::FrameworkInvalid,
            ApiError::FrameworkIncomplete(_) => ErrorCode::FrameworkIncomplete,
            ApiError::ScoreRejected(_) => ErrorCode::ScoreRejected,
            ApiError::DecisionRefused(_) => ErrorCode::DecisionRefused,
            ApiError::NoApplicableFramework { .. } => ErrorCode::NoApplicableFramework,
            ApiError::ImportFinished { .. } => ErrorCode::ImportFinished,
            ApiError::ImportFileUnreadable { .. } => ErrorCode::ImportFileUnreadable,
            ApiError::ImportColumnsMissing { .. } => ErrorCode::ImportColumnsMissing,
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
            ApiError::NotFound(_) | ApiError::RouteNotFound | ApiError::NoApplicableFramework { .. } => {
                StatusCode::NOT_FOUND
            }
            ApiError::FrameworkInvalid(_)
            | ApiError::ImportFileUnreadable { .. }
            | ApiError::ImportColumnsMissing { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::ImportFinished { .. } => StatusCode::CONFLICT,
            // Refusals that depend on what is stored (the framework's indicators, the evaluations'
            // states, the units' levels), not on the request alone.
            ApiError::ReferenceConflict(_)
            | ApiError::Refused(_)
            | ApiError::FrameworkIncomplete(_)
            | ApiError::ScoreRejected(_)
            | ApiError::DecisionRefused(_) => StatusCode::CONFLICT,
            ApiError::Unauthorized
            | ApiError::InvalidToken
            | ApiError::InvalidCredentials
            | ApiError::InvalidGrant
            | ApiError::AccountDisabled => StatusCode::UNAUTHORIZED,
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Forbidden | ApiError::OutOfScope | ApiError::PasswordChangeRequired => StatusCode::FORBIDDEN,
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
            (429, Lang::Vi) => "Quá nhiều yêu cầu",
            (503, Lang::Vi) => "Dịch vụ tạm thời không sẵn sàng",
            (_, Lang::Vi) => "Lỗi hệ thống",
            (_, Lang::En) => status.canonical_reason().unwrap_or("Error"),
        }
    }

    fn detail(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let text = |v: &str, e: &str| if vi { v.to_owned() } else { e.to_owned() };
        match self {
            ApiError::InvalidJson(at) => match (at, vi) {
                (Some((line, column)), true) => {
                    format!("Nội dung không phải JSON hợp lệ: lỗi cú pháp ở dòng {line}, cột {column}.")
                }
                (Some((line, column)), false) => {
                    format!("The body is not valid JSON: a syntax error at line {line}, column {column}.")
                }
                (None, true) => "Nội dung yêu cầu không đọc được.".to_owned(),
                (None, false) => "The request could not be read.".to_owned(),
            },
            ApiError::UnsupportedMediaType => text(
                "Nội dung phải là JSON (Content-Type: application/json); tệp nhập dữ liệu là CSV, XLSX, JSON hoặc NDJSON.",
                "The body must be JSON (Content-Type: application/json); an import file is CSV, XLSX, JSON or NDJSON.",
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
            ApiError::NotFound(record) => {
                let (v, e) = missing_texts(*record);
                text(v, e)
            }
            ApiError::Refused(refusal) => {
                if vi {
                    refusal.message_vi()
                } else {
                    refusal.message_en()
                }
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
            ApiError::TooManyAttempts { retry_after_seconds } => {
                if vi {
                    format!("Quá nhiều lần thử mật khẩu; hãy thử lại sau {retry_after_seconds} giây.")
                } else {
                    format!("Too many password attempts; try again in {retry_after_seconds} seconds.")
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
            ApiError::PasswordChangeRequired => text(
                "Tài khoản đang dùng mật khẩu tạm thời: hãy đổi mật khẩu (POST /api/v1/accounts/me/password) trước khi làm việc khác.",
                "The account is using a one-time password: change it (POST /api/v1/accounts/me/password) before anything else.",
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
            ApiError::NoApplicableFramework { model, province, day, templates } => {
                let listed =
                    templates.iter().map(|(id, key)| format!("{key} (id {id})")).collect::<Vec<_>>().join(", ");
                let day = day.format("%d/%m/%Y");
                if vi {
                    let mut out = format!(
                        "Chưa có bộ tiêu chí “{}” nào đã ban hành áp dụng tại {province} ngày {day}.",
                        model.name_vi()
                    );
                    if !listed.is_empty() {
                        out.push_str(&format!(
                            " Cán bộ cấp tỉnh có thể tiếp nhận một bộ tiêu chí mẫu theo quyết định của tỉnh (POST /api/v1/frameworks/{{id}}/adopt; mẫu: {listed}), hoàn thiện rồi ban hành."
                        ));
                    }
                    out
                } else {
                    let mut out =
                        format!("No published “{}” framework applies in {province} on {day}.", model.name_en());
                    if !listed.is_empty() {
                        out.push_str(&format!(
                            " A provincial officer can adopt a template under the province's decision (POST /api/v1/frameworks/{{id}}/adopt; templates: {listed}), complete it and publish it."
                        ));
                    }
                    out
                }
            }
            ApiError::ImportFinished { state } => {
                if vi {
                    format!("Lần nhập đã kết thúc (trạng thái {state}); không còn gì để hủy.")
                } else {
                    format!("The import has ended (state {state}); there is nothing left to cancel.")
                }
            }
            ApiError::ImportFileUnreadable { vi: v, en: e } => text(v, e),
            ApiError::ImportColumnsMissing { expected, .. } => {
                if vi {
                    format!("Tệp thiếu cột bắt buộc; xem danh sách lỗi. Các cột được nhận: {}.", expected.join("; "))
                } else {
                    format!(
                        "The file lacks required columns; see the errors. The columns read are: {}.",
                        expected.join("; ")
                    )
                }
            }
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
            | ApiError::DecisionRefused(e)
            | ApiError::ImportColumnsMissing { errors: e, .. } => e,
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
        if let ApiError::TooManyAttempts { retry_after_seconds } = self {
            response.insert_header((header::RETRY_AFTER, retry_after_seconds.to_string()));
        }
        if let ApiError::ServiceUnavailable = self {
            // The pool retries the database for as long as this; a client that waits as long
            // finds it back, or gets the same answer, without hammering it meanwhile.
            response.insert_header((header::RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS.to_string()));
        }
        let body =
            serde_json::to_string(&self.problem(lang, instance, request_id)).unwrap_or_else(|_| String::from("{}"));
        response.body(body)
    }
}

/// `Retry-After` of a 503: about the pool's connection timeout.
pub const UNAVAILABLE_RETRY_AFTER_SECONDS: u32 = 5;

/// What is missing, in both languages.
fn missing_texts(record: Record) -> (&'static str, &'static str) {
    match record {
        Record::Unit => ("Không tìm thấy đơn vị hành chính.", "Administrative unit not found."),
        Record::Reorganisation => ("Không tìm thấy đợt sắp xếp đơn vị hành chính.", "Reorganisation not found."),
        Record::Account => ("Không tìm thấy tài khoản.", "Account not found."),
        Record::ApiKey => ("Không tìm thấy khóa API còn hiệu lực.", "No live API key with this id."),
        Record::Framework => ("Không tìm thấy bộ tiêu chí.", "Criteria framework not found."),
        Record::Citizen => {
            ("Không tìm thấy công dân trong địa bàn của tài khoản.", "No such citizen in the units the account covers.")
        }
        Record::Household => (
            "Không tìm thấy hộ gia đình trong địa bàn của tài khoản.",
            "No such household in the units the account covers.",
        ),
        Record::Organisation => (
            "Không tìm thấy cơ quan, tổ chức trong địa bàn của tài khoản.",
            "No such organisation in the units the account covers.",
        ),
        Record::Clan => {
            ("Không tìm thấy dòng họ trong địa bàn của tài khoản.", "No such clan in the units the account covers.")
        }
        Record::LearningCentre => (
            "Không tìm thấy trung tâm học tập cộng đồng trong địa bàn của tài khoản.",
            "No such community learning centre in the units the account covers.",
        ),
        Record::Evaluation => (
            "Không tìm thấy hồ sơ đánh giá trong địa bàn của tài khoản.",
            "No such evaluation in the units the account covers.",
        ),
        Record::Decision => ("Không tìm thấy quyết định.", "Decision not found."),
        Record::Evidence => ("Không tìm thấy minh chứng này của hồ sơ.", "The evaluation has no such evidence."),
        Record::CitizenDuplicate => (
            "Không tìm thấy cặp bản ghi nghi trùng này trong địa bàn của tài khoản.",
            "No such possible duplicate within the account's units.",
        ),
        Record::Drive => (
            "Không tìm thấy đợt đăng ký danh hiệu trong địa bàn của tài khoản.",
            "No such registration drive in the units the account covers.",
        ),
        Record::EmulationPlan => ("Không tìm thấy kế hoạch thi đua.", "Emulation plan not found."),
        Record::EmulationReview => (
            "Không tìm thấy đợt sơ kết, tổng kết trong địa bàn của tài khoản.",
            "No such emulation review in the units the account covers.",
        ),
        Record::EmulationReport => ("Đợt sơ kết, tổng kết không có báo cáo này.", "The review has no such report."),
        Record::Award => ("Không tìm thấy khen thưởng.", "Award not found."),
        Record::ImportJob => ("Không tìm thấy lần nhập dữ liệu này.", "Import not found."),
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
        Conflict::NotAMovableVillage { unit_id } => {
            if vi {
                format!("Đơn vị {unit_id} không phải một thôn đang hiệu lực của xã được sắp xếp: không chuyển được.")
            } else {
                format!("Unit {unit_id} is not an open village of a source commune: it cannot move.")
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
        Conflict::DuplicateResolved => {
            if vi {
                "Cặp bản ghi nghi trùng này đã được gộp hoặc bỏ qua.".into()
            } else {
                "This possible duplicate was merged or dismissed already.".into()
            }
        }
        Conflict::CentreExists => {
            if vi {
                "Xã này đã có trung tâm học tập cộng đồng.".into()
            } else {
                "This commune has a community learning centre already.".into()
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
        Conflict::FrameworkStatus { status } => {
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
        Conflict::DriveClosed => {
            if vi {
                "Đợt đăng ký đã kết thúc (đã đóng hoặc quá ngày kết thúc và không nhận đăng ký muộn).".into()
            } else {
                "The registration drive is over (closed, or past its closing date and refusing late registrations)."
                    .into()
            }
        }
        Conflict::DriveNotOpen => {
            if vi {
                "Đợt đăng ký chưa bắt đầu.".into()
            } else {
                "The registration drive has not opened yet.".into()
            }
        }
        Conflict::ReviewClosed => {
            if vi {
                "Đợt sơ kết, tổng kết đã kết thúc: báo cáo và kết quả chấm không thay đổi nữa.".into()
            } else {
                "The review is closed: its reports and marks no longer change.".into()
            }
        }
        Conflict::ReportMarked => {
            if vi {
                "Báo cáo đã được chấm: không sửa được nội dung tự đánh giá.".into()
            } else {
                "The report is marked: its answers can no longer change.".into()
            }
        }
        Conflict::PlanExists => {
            if vi {
                "Đã có kế hoạch thi đua với mã này.".into()
            } else {
                "An emulation plan with this id exists already.".into()
            }
        }
        Conflict::AwardExists => {
            if vi {
                "Quyết định này đã khen thưởng đối tượng này với hình thức này.".into()
            } else {
                "This decision gave this award to this subject already.".into()
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

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> Self {
        ApiError::Refused(refusal)
    }
}

impl From<PersistenceError> for ApiError {
    fn from(e: PersistenceError) -> Self {
        match e {
            PersistenceError::NotFound(record) => ApiError::NotFound(record),
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
            PersistenceError::NotFound(_) => missing(),
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
        "invalid_url" => Issue::Rule(Rule::InvalidUrl),
        "national_id_digits" => Issue::Rule(Rule::NationalIdDigits),
        "username_chars" => Issue::Rule(Rule::UsernameChars),
        other => {
            // Every custom check of the DTOs is listed above; a new one must be too.
            tracing::error!(code = other, "a validation code without a message");
            Issue::Unreadable
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use xhht_domain::EvaluationStatus;

    /// A client told the database is away is also told when to come back.
    #[test]
    fn a_503_says_when_to_retry() {
        let response = ApiError::ServiceUnavailable.render(Lang::En, None, None);
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers().get(header::RETRY_AFTER).and_then(|v| v.to_str().ok()), Some("5"));
    }
    use xhht_evaluation::workflow::EvaluationAction;

    /// The problem's code and the refusal's own code are one and the same.
    #[test]
    fn refusals_keep_their_codes() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let refusals = [
            Refusal::WrongStatus { action: EvaluationAction::Submit, status: EvaluationStatus::Inspected },
            Refusal::FrameworkRetired,
            Refusal::FrameworkNotValidForYear { year: 2026, valid_from: None, valid_to: None },
            Refusal::UnknownLevel { level: "x".into() },
            Refusal::AnswersIncomplete { missing: Vec::new() },
            Refusal::FilingDeadlinePassed { deadline: day },
            Refusal::FrameworkNotPublished,
            Refusal::NothingReached { result_vi: String::new() },
            Refusal::LevelNotReached { wanted: String::new(), reached_vi: String::new() },
            Refusal::Level2TooEarly { months: 12, since: None, eligible_on: None },
            Refusal::NotScorable,
            Refusal::DecidedInTheFuture { decided_on: day, today: day },
        ];
        for refusal in refusals {
            assert_eq!(ErrorCode::of_refusal(&refusal).as_str(), refusal.code(), "{refusal:?}");
        }
    }
}
