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
