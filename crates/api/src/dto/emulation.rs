//! The emulation movement: plans, reviews with reports and marks, awards.

use super::*;
use xhht_domain::SubjectKind;
pub use xhht_evaluation::{EmulationPlan, PlanLevel};

/// A plan without its document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanSummary {
    pub id: i64,
    pub key: String,
    pub title_vi: String,
    pub level: PlanLevel,
    /// The issuing unit; null for the national plan.
    pub unit_id: Option<i64>,
    pub shipped: bool,
    /// What is not known of it (the criteria texts of a plan not yet read, say).
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanDetail {
    #[serde(flatten)]
    pub summary: PlanSummary,
    #[schema(value_type = xhht_evaluation::EmulationPlan)]
    pub document: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanPage {
    pub items: Vec<PlanSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanListQuery {
    pub level: Option<PlanLevel>,
    /// Only plans issued by units under this one.
    pub within: Option<i64>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Records a plan: its decision, phases, participants and their pass/fail criteria.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPlanRequest {
    #[schema(value_type = xhht_evaluation::EmulationPlan)]
    pub document: serde_json::Value,
    /// The issuing unit (of the plan's level, in force on the decision's date); absent for a
    /// national plan (administrators).
    pub unit_id: Option<i64>,
}

/// Opens the review (sơ kết, tổng kết) of a phase by a unit.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"phase_id": "gd1", "unit_id": 664, "held_on": "2025-06-20"}))]
pub struct NewReviewRequest {
    pub phase_id: String,
    /// The unit that holds it: the plan's own, or one under it reviewing its participants.
    pub unit_id: i64,
    pub held_on: NaiveDate,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewDto {
    pub id: i64,
    pub plan_id: i64,
    pub phase_id: String,
    pub phase_name_vi: String,
    pub review_kind: xhht_evaluation::ReviewKind,
    pub unit_id: i64,
    pub held_on: NaiveDate,
    pub closed: bool,
    /// The ETag for closing.
    pub version: i32,
    pub reports: Vec<ReportDto>,
}

/// One piece of evidence for a criterion.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportEvidence {
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub indicator_id: String,
    /// What shows it: a note, or a link to a document.
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub note: Option<String>,
    /// An `http` or `https` address, in ASCII (percent-encode the rest).
    #[validate(length(max = 2000), custom(function = "super::web_link"))]
    #[schema(
        max_length = 2000,
        pattern = "^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][!-~]*)?$"
    )]
    pub url: Option<String>,
}

/// A participant's report: its answers to the plan's criteria for its kind, with evidence.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"participant_kind": "xa", "subject_type": "unit", "subject_id": 24604,
    "answers": {"TC1": true, "TC2": true}, "evidence": [{"indicator_id": "TC1", "note": "Báo cáo số 12/BC-UBND"}]}))]
pub struct NewReportRequest {
    /// The participant kind of the plan (`xa`, `ho_dong_ho`, …).
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub participant_kind: String,
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    /// Criterion id → met.
    pub answers: std::collections::BTreeMap<String, bool>,
    #[serde(default)]
    #[validate(nested, length(max = 200))]
    #[schema(max_items = 200)]
    pub evidence: Vec<ReportEvidence>,
}

/// The reviewers' marks on a report.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"marks": {"TC1": true, "TC2": false}, "note": "Chưa có minh chứng TC2"}))]
pub struct MarksRequest {
    /// Criterion id → passed; every criterion of the participant's kind.
    pub marks: std::collections::BTreeMap<String, bool>,
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportDto {
    pub id: i64,
    pub review_id: i64,
    pub participant_kind: String,
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    pub unit_id: i64,
    #[schema(value_type = Object)]
    pub answers: serde_json::Value,
    pub evidence: Vec<ReportEvidence>,
    #[schema(value_type = Option<Object>)]
    pub marks: Option<serde_json::Value>,
    pub marks_note: Option<String>,
    /// Criteria marked passed, and how many there are.
    pub passed: Option<i32>,
    pub criteria: usize,
    pub version: i32,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RankingQuery {
    /// Only this participant kind.
    pub participant_kind: Option<String>,
    /// `json`, `csv` or `xlsx`; by default from the `Accept` header, else JSON.
    pub format: Option<ReportFormat>,
}

/// A participant's place in a review.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RankedParticipant {
    pub rank: usize,
    pub participant_kind: String,
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    pub name: String,
    pub passed: i32,
    pub criteria: usize,
    /// Every criterion passed: proposed for commendation.
    pub proposed: bool,
    pub report_id: i64,
}

/// The marked reports, best first within each kind of participant: proposed, then the share of
/// criteria passed, then name; unmarked reports are not ranked.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Ranking {
    pub review_id: i64,
    pub items: Vec<RankedParticipant>,
    /// Reports still waiting for marks.
    pub unmarked: usize,
}

/// The kinds of award.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AwardKind {
    /// Bằng khen.
    BangKhen,
    /// Giấy khen.
    GiayKhen,
    /// A title (danh hiệu), e.g. a learning-model title given in the movement.
    DanhHieu,
}

impl AwardKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BangKhen => "bang_khen",
            Self::GiayKhen => "giay_khen",
            Self::DanhHieu => "danh_hieu",
        }
    }

    /// The kind as stored; anything else reads as a title.
    pub fn from_stored(text: &str) -> Self {
        match text {
            "bang_khen" => Self::BangKhen,
            "giay_khen" => Self::GiayKhen,
            _ => Self::DanhHieu,
        }
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            Self::BangKhen => "Bằng khen",
            Self::GiayKhen => "Giấy khen",
            Self::DanhHieu => "Danh hiệu",
        }
    }
}

/// A recipient of an award.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub subject_type: SubjectKind,
    pub subject_id: i64,
}

/// One decision giving an award to one or more recipients; all or nothing.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "giay_khen", "title_vi": "Giấy khen của Chủ tịch UBND huyện", "decision_number": "456/QĐ-UBND",
    "decided_on": "2025-06-30", "authority_vi": "Chủ tịch UBND huyện Krông Nô", "plan_id": 2, "phase_id": "gd1",
    "recipients": [{"subject_type": "unit", "subject_id": 24604}]}))]
pub struct NewAwardRequest {
    pub kind: AwardKind,
    /// The award as the decision words it.
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub title_vi: String,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub decision_number: String,
    pub decided_on: NaiveDate,
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub authority_vi: String,
    /// The plan (and phase) it rewards.
    pub plan_id: Option<i64>,
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub phase_id: Option<String>,
    /// The review whose ranking proposed it.
    pub review_id: Option<i64>,
    #[validate(length(min = 1, max = 500))]
    #[schema(min_items = 1, max_items = 500)]
    pub recipients: Vec<Recipient>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AwardDto {
    pub id: i64,
    pub kind: AwardKind,
    pub title_vi: String,
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    pub name: String,
    pub unit_id: i64,
    pub decision_number: String,
    pub decided_on: NaiveDate,
    pub authority_vi: String,
    pub plan_id: Option<i64>,
    pub phase_id: Option<String>,
    pub review_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AwardList {
    pub items: Vec<AwardDto>,
    /// How many of each kind, over every page.
    pub counts: Vec<AwardCount>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AwardCount {
    pub kind: AwardKind,
    pub count: i64,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AwardQuery {
    /// Only awards to subjects under this unit.
    pub unit: Option<i64>,
    pub plan_id: Option<i64>,
    pub phase_id: Option<String>,
    /// Only awards decided in this year.
    pub year: Option<i32>,
    /// `json`, `csv` or `xlsx`; by default from the `Accept` header, else JSON.
    pub format: Option<ReportFormat>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
