//! Evaluations, evidence and decisions.

use super::*;

pub use xhht_domain::{DecisionKind, EvaluationStatus, ModelKind, SubjectKind};
pub use xhht_evaluation::workflow::EvaluationAction;

/// An indicator where the inspection team answered differently from the self-assessment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnswerDifference {
    pub indicator_id: String,
    #[schema(value_type = Object)]
    pub self_answer: serde_json::Value,
    #[schema(value_type = Object)]
    pub inspection_answer: serde_json::Value,
}

/// One subject's evaluation for one model and year, pinned to the framework version it uses.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvaluationDto {
    pub id: i64,
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    pub model_kind: ModelKind,
    pub year: i32,
    /// The exact framework version; a recognition always reproduces from it.
    pub framework_id: i64,
    pub unit_id: i64,
    pub status: EvaluationStatus,
    pub requested_level: Option<String>,
    /// Indicator id → answer.
    #[schema(value_type = Object)]
    pub self_answers: serde_json::Value,
    #[schema(value_type = Option<Object>)]
    pub inspection_answers: Option<serde_json::Value>,
    pub differences: Vec<AnswerDifference>,
    /// Filed after the framework's deadline (flagged, when the framework flags late filings).
    pub late: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub inspected_at: Option<DateTime<Utc>>,
    /// The level decided (e.g. `muc_do_1`, `tot`).
    pub result_level: Option<String>,
    pub result_points: Option<f64>,
    /// The scored outcome the decision rests on, with a reason per indicator.
    #[schema(value_type = Option<Object>)]
    pub outcome: Option<serde_json::Value>,
    pub decision_id: Option<i64>,
    pub decided_on: Option<NaiveDate>,
    /// The last day the recognition is kept.
    pub valid_until: Option<NaiveDate>,
    /// The score today from the latest answers (the inspection team's once they have
    /// answered), at every stage; null when the stored answers cannot be scored.
    pub current_result: Option<CurrentResult>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    /// What the caller may do now: exactly the steps that would succeed, as the data stands.
    pub allowed_actions: Vec<EvaluationAction>,
}

/// A result level of a framework.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResultLevelDto {
    /// The level's id in the framework, e.g. `muc_do_1`, `tot`, `khong_dat`.
    pub id: String,
    pub name_vi: String,
    /// 0 for the fail level, then upwards.
    pub rank: u8,
}

/// An evaluation's score from its latest answers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CurrentResult {
    pub level: ResultLevelDto,
    /// Points and maximum, in points frameworks.
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    /// One line, e.g. "Khá (84/100 điểm)".
    pub summary_vi: String,
    /// Indicators still to answer (those that apply and that the registry does not compute).
    pub unanswered: Vec<String>,
    /// The next level up and what it still needs, one Vietnamese sentence a gap.
    pub next_level: Option<ResultLevelDto>,
    pub next_level_gaps_vi: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvaluationPage {
    pub items: Vec<EvaluationDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EvaluationQuery {
    /// Only evaluations filed under this unit (its subtree).
    pub within: Option<i64>,
    pub year: Option<i32>,
    pub model_kind: Option<ModelKind>,
    pub status: Option<EvaluationStatus>,
    pub subject_type: Option<SubjectKind>,
    pub subject_id: Option<i64>,
    pub updated_since: Option<DateTime<Utc>>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Registers a subject for a model and year (đăng ký).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"subject_type": "household", "subject_id": 1, "framework_id": 12, "year": 2026}))]
pub struct RegistrationRequest {
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    /// The framework version to use (not retired). When absent, the one that applies to the
    /// subject's unit at the end of `year` (see `GET /api/v1/frameworks/applicable`): the
    /// province's own before the national one; `model_kind` then says which model.
    pub framework_id: Option<i64>,
    /// The model, when `framework_id` is absent.
    pub model_kind: Option<ModelKind>,
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// The level the subject asks for (e.g. `muc_do_2`); by default the level it reaches.
    #[validate(length(min = 1, max = 40))]
    #[schema(min_length = 1, max_length = 40)]
    pub requested_level: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"answers": {"TC1.CT1": {"yes_no": true}, "TC2.CT1": {"percentage": 95}}}))]
pub struct AnswersRequest {
    /// Indicator id → `{"yes_no": …}`, `{"points": …}`, `{"percentage": …}`, `{"count": …}` or `{"ordinal": …}`.
    #[schema(value_type = std::collections::BTreeMap<String, AnswerDto>)]
    pub answers: serde_json::Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Note,
    Link,
    File,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"indicator_id": "TC1.CT1", "kind": "link", "url": "https://example.gov.vn/ke-hoach-2026.pdf"}))]
pub struct EvidenceRequest {
    #[validate(length(min = 1, max = 40))]
    #[schema(min_length = 1, max_length = 40)]
    pub indicator_id: String,
    /// `note` or `link`; files are uploaded to `…/evidence/file`.
    pub kind: EvidenceKind,
    #[validate(length(min = 1, max = 5000))]
    #[schema(min_length = 1, max_length = 5000)]
    pub note: Option<String>,
    /// An `http` or `https` address, in ASCII (percent-encode the rest).
    #[validate(length(max = 2000), custom(function = "web_link"))]
    #[schema(
        max_length = 2000,
        pattern = "^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][!-~]*)?$"
    )]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvidenceFileQuery {
    /// The indicator the file supports.
    #[param(min_length = 1, max_length = 40)]
    pub indicator_id: String,
    /// The file's name, without a folder and without control characters.
    #[param(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^/\\\x00-\x1F\x7F-\x9F]*[^/\\\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000][^/\\\x00-\x1F\x7F-\x9F]*$"
    )]
    pub file_name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceDto {
    pub id: i64,
    pub indicator_id: String,
    pub kind: EvidenceKind,
    pub note: Option<String>,
    pub url: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    /// SHA-256 of the file, hex.
    pub sha256: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceList {
    pub items: Vec<EvidenceDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionItem {
    pub evaluation_id: i64,
    /// For a recognition: the level granted; by default the level the evaluation reaches.
    #[validate(length(min = 1, max = 40))]
    #[schema(min_length = 1, max_length = 40)]
    pub level: Option<String>,
}

/// A decision (Quyết định) with its annexed list: it recognises, rejects or revokes many
/// evaluations at once, all or nothing.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "recognition", "number": "123/QĐ-UBND", "decided_on": "2027-03-15",
    "authority": "Chủ tịch UBND phường Ba Đình", "items": [{"evaluation_id": 1}]}))]
pub struct DecisionRequest {
    pub kind: DecisionKind,
    #[validate(length(min = 1, max = 100), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub number: String,
    pub decided_on: NaiveDate,
    /// Who signs (e.g. "Chủ tịch UBND xã …").
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub authority: String,
    /// Required for rejections and revocations.
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: Option<String>,
    #[validate(length(min = 1, max = 20000), nested)]
    #[schema(min_items = 1, max_items = 20000)]
    pub items: Vec<DecisionItem>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionDto {
    pub id: i64,
    pub kind: DecisionKind,
    pub number: String,
    pub decided_on: NaiveDate,
    pub authority: String,
    pub reason: Option<String>,
    pub evaluation_ids: Vec<i64>,
    pub created_at: DateTime<Utc>,
}

/// One answer to one indicator, of the indicator's kind.
#[allow(dead_code)] // Describes the JSON in the document; the evaluation crate parses it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerDto {
    YesNo(bool),
    Points(f64),
    /// 0–100.
    Percentage(f64),
    Count(u64),
    /// One of the indicator's listed values; null for "none of them".
    Ordinal(Option<String>),
}
