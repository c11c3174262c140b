//! Yearly registration drives (đợt đăng ký danh hiệu).

use super::*;
use xhht_domain::{ModelKind, SubjectKind};

/// What a drive does with a registration after its closing date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LatePolicy {
    /// Refused with `drive_closed`.
    Refuse,
    /// Taken, and flagged `late`.
    Flag,
}

impl LatePolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Refuse => "refuse",
            Self::Flag => "flag",
        }
    }
}

/// Opens a drive: a commune asks its households, clans, villages or citizens to register for
/// the year's titles (a province, its units and organisations).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"unit_id": 10845, "year": 2026, "title_vi": "Đăng ký danh hiệu Gia đình học tập năm 2026",
    "models": ["gia_dinh_hoc_tap"], "opens_on": "2026-01-05", "closes_on": "2026-03-31", "late_policy": "flag", "target": 1200}))]
pub struct NewDriveRequest {
    /// The commune or province that runs it; the drive covers the subjects under it.
    pub unit_id: i64,
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub title_vi: String,
    /// The models it asks subjects to register for.
    #[validate(length(min = 1, max = 10))]
    #[schema(min_items = 1, max_items = 10)]
    pub models: Vec<ModelKind>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub late_policy: LatePolicy,
    /// How many registrations the unit aims for.
    #[validate(range(min = 0, max = 100_000_000))]
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub target: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DriveDto {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub year: i32,
    pub title_vi: String,
    pub models: Vec<ModelKind>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub late_policy: LatePolicy,
    pub target: Option<i64>,
    /// `upcoming` (before the opening date), `open`, `over` (after the closing date) or
    /// `closed` (by an officer).
    pub state: String,
    pub closed_at: Option<DateTime<Utc>>,
    /// The ETag for closing.
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DrivePage {
    pub items: Vec<DriveDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DriveListQuery {
    /// Only drives of units under this one.
    pub within: Option<i64>,
    pub year: Option<i32>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// One unit's row of a drive's figures: eligible subjects, registered, recognised.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DriveFigures {
    /// The unit the subjects are filed in (a village, most often); null on the total.
    pub unit_id: Option<i64>,
    pub unit_name: String,
    pub eligible: i64,
    /// Registered for the year, through the drive or otherwise.
    pub registered: i64,
    /// Registered through the drive after its closing date.
    pub registered_late: i64,
    pub not_registered: i64,
    pub recognised: i64,
    /// Registered as a share of eligible, in percent.
    pub share_registered: Option<f64>,
}

/// A model's figures in a drive, by unit and in total.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DriveModelFigures {
    pub model_kind: ModelKind,
    pub title_vi: String,
    pub total: DriveFigures,
    pub units: Vec<DriveFigures>,
}

/// A drive with its figures: registered against eligible and recognised, per unit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DriveDetail {
    #[serde(flatten)]
    pub drive: DriveDto,
    /// Each model's figures.
    pub figures: Vec<DriveModelFigures>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DriveFileQuery {
    /// `json`, `csv` or `xlsx`; by default from the `Accept` header, else JSON.
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnregisteredQuery {
    pub model_kind: ModelKind,
    /// Only subjects filed in this unit (a village).
    pub unit: Option<i64>,
    /// `json`, `csv` or `xlsx`; by default from the `Accept` header, else JSON.
    pub format: Option<ReportFormat>,
}

/// A subject a drive still waits for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnregisteredSubject {
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    pub name: String,
    pub unit_id: i64,
    pub unit_name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnregisteredList {
    pub drive_id: i64,
    pub model_kind: ModelKind,
    pub items: Vec<UnregisteredSubject>,
}

/// Registers many subjects at once: those named, and every eligible one filed in a unit (all
/// households of a village, say); with neither, every subject the drive asks.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"model_kind": "gia_dinh_hoc_tap", "unit_id": 20011}))]
pub struct DriveRegistrationRequest {
    pub model_kind: ModelKind,
    /// The subjects, by id (households for `gia_dinh_hoc_tap`, clans, citizens, organisations,
    /// or units for the community models).
    #[validate(length(min = 1, max = 5000))]
    #[schema(min_items = 1, max_items = 5000)]
    pub subject_ids: Option<Vec<i64>>,
    /// Every eligible subject filed in this unit.
    pub unit_id: Option<i64>,
}

/// One subject of a drive registration.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DriveRegistration {
    pub subject_id: i64,
    pub evaluation_id: i64,
}

/// What a drive registration did: the evaluations it created, and those already there.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DriveRegistrationResult {
    pub drive_id: i64,
    pub model_kind: ModelKind,
    pub registered: Vec<DriveRegistration>,
    /// Registered before (by this drive or otherwise); nothing was created for them.
    pub already_registered: Vec<DriveRegistration>,
    /// Registered after the closing date, under `late_policy: flag`.
    pub late: bool,
}
