//! Criteria frameworks and scoring previews.

use super::*;

pub use xhht_domain::FrameworkStatus;

/// A framework version without its document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FrameworkSummary {
    /// The id of this version (what evaluations pin).
    pub id: i64,
    /// The document's id, shared by all its versions.
    pub key: String,
    pub version: i32,
    pub status: FrameworkStatus,
    pub model_kind: ModelKind,
    pub name_vi: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    /// The province that owns a provincial framework; null for national ones.
    pub province_id: Option<i64>,
    /// Shipped with XHHT from the regulations, rather than created through the API.
    pub shipped: bool,
    /// A template: a starting point a province adopts (`POST …/{id}/adopt`), never published.
    pub template: bool,
    /// The template or national framework this one was adopted from.
    pub adopted_from: Option<xhht_evaluation::FrameworkRef>,
    /// Published and valid: the only versions a recognition may use.
    pub usable_for_recognition: bool,
    /// What the regulations leave unknown, for drafts.
    pub missing: Vec<String>,
    /// The row's version, the ETag for status transitions.
    pub row_version: i32,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub retired_at: Option<DateTime<Utc>>,
}

/// A framework version with its whole document: legal basis, cycle, roles, the tree of
/// groups and indicators with their Vietnamese texts, and the result rule.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FrameworkDetail {
    #[serde(flatten)]
    pub summary: FrameworkSummary,
    #[schema(value_type = xhht_evaluation::Framework)]
    pub document: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FrameworkPage {
    pub items: Vec<FrameworkSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FrameworkListQuery {
    /// Only this model kind (e.g. `don_vi_hoc_tap_tinh`).
    pub model_kind: Option<ModelKind>,
    pub status: Option<FrameworkStatus>,
    /// Only versions valid on this day (YYYY-MM-DD).
    pub valid_on: Option<NaiveDate>,
    /// Only the versions of this document id.
    pub key: Option<String>,
    /// Only templates (`true`) or only frameworks that are not (`false`).
    pub template: Option<bool>,
    /// Only the frameworks of this province.
    pub province_id: Option<i64>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// A new framework, or a new version of one (same document `id`). It is stored as a draft
/// with the next version number; publishing is a separate step.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFrameworkRequest {
    /// The framework document. The server sets `version` (the next one for this `id`) and
    /// `status` (`draft`), whatever they say; the rules across its parts are listed with
    /// `framework_invalid`.
    #[schema(value_type = xhht_evaluation::Framework)]
    pub document: serde_json::Value,
    /// The owning province for a provincial framework; absent for national ones (administrators).
    pub province_id: Option<i64>,
}

/// Answers to score without storing anything.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"answers": {"TC1.1": {"points": 10}, "TC1.2": {"points": 8}}, "evaluation_date": "2023-03-01"}))]
pub struct ScoreRequest {
    /// Indicator id → `{"yes_no": true}`, `{"points": 8}`, `{"percentage": 88.5}`, `{"count": 3}` or `{"ordinal": "…"}`.
    #[schema(value_type = std::collections::BTreeMap<String, AnswerDto>)]
    pub answers: serde_json::Value,
    /// Metric name → percentage, for indicators the registry fills (e.g. `share_members_cong_dan_hoc_tap`).
    #[schema(value_type = Option<std::collections::BTreeMap<String, f64>>)]
    #[serde(default)]
    pub metrics: Option<serde_json::Value>,
    /// The subject's types, for indicators that apply only to some (e.g. `upper_secondary_school`).
    #[serde(default)]
    #[schema(schema_with = subject_type_names)]
    pub subject_types: Vec<String>,
    /// The day the result is decided on; today in Vietnam when absent.
    pub evaluation_date: Option<NaiveDate>,
    /// The date of the subject's level-1 recognition, for level 2.
    pub held_level1_since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScoreResponse {
    pub framework_id: i64,
    /// False for drafts: a preview only, never a recognition.
    pub usable_for_recognition: bool,
    /// The result level, points, a verdict with a Vietnamese reason per indicator, and what the
    /// next level needs.
    #[schema(value_type = Object)]
    pub outcome: serde_json::Value,
}

/// The subject types the engine knows, as an enumeration in the document.
fn subject_type_names() -> utoipa::openapi::schema::Array {
    let names = xhht_evaluation::SubjectType::ALL.map(xhht_evaluation::SubjectType::name);
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(
            utoipa::openapi::schema::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .enum_values(Some(names)),
        )
        .description(Some(
            "The subject's types, for indicators that apply only to some (e.g. `upper_secondary_school`).",
        ))
        .build()
}

/// How to read one framework version.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FrameworkQuery {
    /// `json` (the document), `xlsx` (a workbook an official can edit and upload back) or `csv`
    /// (the indicators, a row each); by default from the `Accept` header, else JSON.
    pub format: Option<ReportFormat>,
}

/// Where an uploaded XLSX framework belongs.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FrameworkUploadQuery {
    /// The owning province of a framework uploaded as XLSX (a JSON body says it in
    /// `province_id`); absent for national ones (administrators).
    pub province_id: Option<i64>,
}

/// The province's own decision that adopts the criteria: it becomes the legal basis.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"number": "1234/QĐ-UBND", "title_vi": "Ban hành Bộ tiêu chí đánh giá, công nhận danh hiệu “Gia đình học tập”", "issuer_vi": "UBND thành phố Hà Nội", "issued_on": "2026-03-01", "signer_vi": "Phó Chủ tịch UBND thành phố"}))]
pub struct ProvincialDecision {
    /// Number and symbol, e.g. `1234/QĐ-UBND`.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub number: String,
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub title_vi: Option<String>,
    /// The issuing body, e.g. `UBND tỉnh Lào Cai`.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub issuer_vi: String,
    pub issued_on: NaiveDate,
    pub in_force_from: Option<NaiveDate>,
    /// Who signed it.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub signer_vi: String,
    /// Articles relied on, as written.
    #[serde(default)]
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub articles: Vec<String>,
}

/// Adopts a template or a national framework as a province's own draft.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"province_id": 1, "decision": {"number": "1234/QĐ-UBND", "issuer_vi": "UBND thành phố Hà Nội", "issued_on": "2026-03-01", "signer_vi": "Phó Chủ tịch UBND thành phố"}}))]
pub struct AdoptRequest {
    /// The province that adopts it.
    pub province_id: i64,
    #[validate(nested)]
    pub decision: ProvincialDecision,
    /// The new framework's id; by default `tinh-<province code>.<template>.<year of the decision>`.
    #[validate(length(min = 1, max = 120))]
    #[schema(min_length = 1, max_length = 120, pattern = "^[a-z0-9]+([.-][a-z0-9]+)*$")]
    pub key: Option<String>,
    /// The new framework's name; by default the model's title and the province's name.
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub name_vi: Option<String>,
    /// First day it applies; by default the decision's `in_force_from`, else its date.
    pub valid_from: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicableQuery {
    /// The unit where the subject is (a village, commune or province).
    pub unit: i64,
    pub model_kind: ModelKind,
    /// The day that counts (YYYY-MM-DD); today in Vietnam by default.
    pub date: Option<NaiveDate>,
    /// For `cong_dan_hoc_tap`: the target group, which has its own criteria.
    pub target_group: Option<xhht_evaluation::CitizenTargetGroup>,
}

/// Whose framework applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FrameworkOwner {
    /// The province's own, adopted by its decision.
    Provincial,
    National,
}

/// The published framework that governs an evaluation of `model_kind` in a unit on a day.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicableFramework {
    pub framework: FrameworkSummary,
    pub owner: FrameworkOwner,
    /// The unit's province, whose own framework comes before the national one.
    pub province_id: i64,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// The version to compare against (the older one, usually).
    pub against: i64,
    /// `json`, `csv` or `xlsx`; by default from the `Accept` header, else JSON.
    pub format: Option<ReportFormat>,
}

/// What changed from `against` to this version.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FrameworkDiff {
    pub from: FrameworkSummary,
    pub to: FrameworkSummary,
    pub indicators_added: usize,
    pub indicators_removed: usize,
    pub indicators_changed: usize,
    /// Framework fields first, then groups, then indicators.
    #[schema(value_type = Vec<xhht_evaluation::Change>)]
    pub changes: Vec<xhht_evaluation::Change>,
}
