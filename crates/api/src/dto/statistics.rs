//! Statistics against the targets, targets, and declared figures.

use super::*;
pub use xhht_domain::declared::{DeclaredIndicator, Measure};

/// The longest `models=` list read (the `max_length` of its parameter): every model once takes
/// under 300 characters.
pub const MODELS_MAX_LENGTH: usize = 400;

/// How the rows of a report are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Breakdown {
    /// A row per unit directly under the report's unit (provinces for the whole country).
    Children,
    /// The report's unit alone.
    #[serde(rename = "self")]
    Itself,
    /// A row per commune of the subtree.
    Communes,
}

/// Which map the report is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BoundariesDto {
    /// Today's units: records of units closed since count where those units lie today (through
    /// the succession edges, approximately where a partial succession could not be resolved by
    /// a village).
    Today,
    /// The units in force at the end of the year (or on `on`): records where they were filed.
    OfTheTime,
}

/// The file a report comes as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Json,
    /// UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly.
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StatisticsQuery {
    /// The unit whose subtree is counted; the whole country when absent.
    pub unit: Option<i64>,
    /// The evaluation year; the current year when absent.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    /// Models, comma-separated (`gia_dinh_hoc_tap,dong_ho_hoc_tap`); every model with figures
    /// when absent.
    #[param(max_length = 400)]
    pub models: Option<String>,
    /// `children` (default), `self` or `communes`.
    pub by: Option<Breakdown>,
    /// `today` (default) or `of_the_time`.
    pub boundaries: Option<BoundariesDto>,
    /// The day recognitions must be held on to count as `held` (default: the end of `year`, or
    /// today when that is earlier); also the day of the map for `of_the_time`.
    pub on: Option<NaiveDate>,
    /// `json`, `csv` or `xlsx`; overrides `Accept`.
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TrendQuery {
    /// The unit whose subtree is counted; the whole country when absent.
    pub unit: Option<i64>,
    /// A range of years within 2000–2100, `2021-2026` (`2026-2021` reads the same).
    #[param(pattern = "^(20[0-9]{2}|2100)-(20[0-9]{2}|2100)$")]
    pub years: String,
    /// Models, comma-separated; every model with figures when absent.
    #[param(max_length = 400)]
    pub models: Option<String>,
    /// `today` (default) or `of_the_time`.
    pub boundaries: Option<BoundariesDto>,
    /// `json`, `csv` or `xlsx`; overrides `Accept`.
    pub format: Option<ReportFormat>,
}

/// A unit as a report names it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportUnit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub level: Level,
}

/// The target a row is measured against: the most specific one in force (the row's commune or
/// province before the nation), for the first milestone year not before the report's year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AppliedTarget {
    /// Percent of the denominator to be recognised; null when the act's value is not known.
    pub value: Option<f64>,
    pub target_year: i32,
    /// Where it was set: the nation (null) or a province or commune.
    pub unit_id: Option<i64>,
    pub legal_number: String,
    pub legal_issuer: String,
    pub issued_on: Option<NaiveDate>,
    /// `found`, `found_two_sources`, `inferred`, `not_found` (national, after the research
    /// file's tags) or `declared` (set by a province).
    pub confidence: String,
    pub note: Option<String>,
}

/// One row of figures.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FigureRow {
    /// The unit of the row; for the total, the report's unit (null for the whole country).
    pub unit: Option<ReportUnit>,
    /// What the report's unit holds outside every row: records filed at the unit itself, or
    /// under units not in force on the report's day.
    pub direct: bool,
    pub registered: i64,
    pub submitted: i64,
    pub inspected: i64,
    /// Recognised for the year (and not revoked).
    pub recognised: i64,
    /// Recognised at level 1, 2, and 3 or above (bands of points frameworks count from the
    /// lowest passing one).
    pub level1: i64,
    pub level2: i64,
    pub level3: i64,
    pub rejected: i64,
    pub revoked: i64,
    /// Recognitions of any year held on the report's `on` day (decided by then, kept until then).
    pub held: i64,
    /// What the share divides by; null where the registries know no such subjects.
    pub denominator: Option<i64>,
    /// `recognised` / `denominator`, percent, one decimal.
    pub share: Option<f64>,
    pub target: Option<AppliedTarget>,
    /// Target minus share, percentage points: how far short the row is (negative when ahead).
    pub gap: Option<f64>,
    pub met: Option<bool>,
    /// Records counted here through a partial succession that no village resolved.
    pub approximate: i64,
}

/// The figures of one model (and subgroup) by row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportSection {
    pub model_kind: ModelKind,
    /// A citizens' target group or an organisations' type; null for all of them.
    pub subgroup: Option<String>,
    pub title_vi: String,
    pub title_en: String,
    /// What the share divides by, e.g. "hộ gia đình" / "households".
    pub denominator_vi: String,
    pub denominator_en: String,
    pub rows: Vec<FigureRow>,
    pub total: FigureRow,
}

/// A declared figure by row: the value declared for a unit, or the sum of its parts where the
/// unit itself declared none.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeclaredFigure {
    pub key: String,
    pub label_vi: String,
    pub label_en: String,
    pub measure: Measure,
    pub rows: Vec<DeclaredRow>,
    pub total: DeclaredRow,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeclaredRow {
    pub unit: Option<ReportUnit>,
    pub value: Option<f64>,
    /// For association members: the share of the population, percent.
    pub share_of_population: Option<f64>,
}

/// Records in the registries by row: the denominators.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistryFigure {
    /// `household`, `clan`, `citizen`, `organisation` or `learning_centre`.
    pub kind: String,
    pub label_vi: String,
    pub label_en: String,
    pub rows: Vec<RegistryRow>,
    pub total: RegistryRow,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistryRow {
    pub unit: Option<ReportUnit>,
    pub direct: bool,
    pub records: i64,
}

/// Figures for a unit's subtree and a year, by model, against the targets.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatisticsReport {
    /// The report's unit; null for the whole country.
    pub unit: Option<ReportUnit>,
    pub year: i32,
    pub boundaries: BoundariesDto,
    /// The day of the map the rows are drawn on.
    pub as_of: NaiveDate,
    /// The day recognitions are held on (`held`).
    pub on: NaiveDate,
    pub generated_at: DateTime<Utc>,
    pub sections: Vec<ReportSection>,
    pub registry: Vec<RegistryFigure>,
    pub declared: Vec<DeclaredFigure>,
    /// The year's registration drives in the unit's subtree, each model's totals: eligible,
    /// registered (through the drive or otherwise), recognised, against the drive's target.
    pub drives: Vec<DriveStatistic>,
    /// Awards decided in the year to subjects in the unit's subtree, by kind.
    pub awards: Vec<AwardCount>,
}

/// One drive's totals for one of its models.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DriveStatistic {
    pub drive_id: i64,
    pub unit_id: i64,
    pub title_vi: String,
    pub model_kind: ModelKind,
    pub target: Option<i64>,
    pub eligible: i64,
    pub registered: i64,
    pub recognised: i64,
}

/// One model's totals for one year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrendPoint {
    pub year: i32,
    #[serde(flatten)]
    pub figures: FigureRow,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrendSection {
    pub model_kind: ModelKind,
    pub subgroup: Option<String>,
    pub title_vi: String,
    pub title_en: String,
    pub points: Vec<TrendPoint>,
}

/// The same figures across years, for a line chart.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrendReport {
    pub unit: Option<ReportUnit>,
    pub first_year: i32,
    pub last_year: i32,
    pub boundaries: BoundariesDto,
    pub generated_at: DateTime<Utc>,
    pub sections: Vec<TrendSection>,
}

// ----- targets -----------------------------------------------------------------------------------

/// A target in force.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetDto {
    pub id: i64,
    /// Null for a national target.
    pub unit_id: Option<i64>,
    pub model_kind: ModelKind,
    /// A citizens' target group or an organisations' type; null for all.
    pub subgroup: Option<String>,
    pub target_year: i32,
    pub value: Option<f64>,
    pub confidence: String,
    pub legal_number: String,
    pub legal_issuer: String,
    pub legal_title: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub shipped: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetList {
    pub items: Vec<TargetDto>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TargetQuery {
    /// Targets that may apply to this unit: the nation's, and those of the unit and its
    /// ancestors; national ones only when absent.
    pub unit: Option<i64>,
    pub model_kind: Option<ModelKind>,
}

/// The act a province adopted its targets by.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetActRequest {
    /// Number and symbol, e.g. `45/KH-UBND`.
    #[validate(length(min = 1, max = 100), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub number: String,
    /// Who issued it, e.g. "UBND tỉnh Quảng Ninh".
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub issuer: String,
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub title: Option<String>,
    pub issued_on: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetItemRequest {
    pub model_kind: ModelKind,
    /// A citizens' target group or an organisations' type; all when absent.
    #[validate(length(min = 1, max = 60))]
    #[schema(min_length = 1, max_length = 60)]
    pub subgroup: Option<String>,
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100)]
    pub target_year: i32,
    /// Percent, 0–100.
    #[validate(range(min = 0.0, max = 100.0))]
    #[schema(minimum = 0, maximum = 100)]
    pub value: f64,
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_length = 1, max_length = 1000)]
    pub note: Option<String>,
}

/// A province's (or one of its communes') targets, from the province's own plan.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"unit_id": 10811, "act": {"number": "45/KH-UBND", "issuer": "UBND Thành phố Hà Nội",
    "issued_on": "2022-04-20"}, "items": [{"model_kind": "gia_dinh_hoc_tap", "target_year": 2030, "value": 85}]}))]
pub struct TargetSetRequest {
    /// A province, or a commune of it.
    pub unit_id: i64,
    #[validate(nested)]
    pub act: TargetActRequest,
    #[validate(length(min = 1, max = 200), nested)]
    #[schema(min_items = 1, max_items = 200)]
    pub items: Vec<TargetItemRequest>,
}

// ----- declared figures ------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeclaredIndicatorList {
    pub items: Vec<DeclaredIndicator>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeclaredValueDto {
    pub id: i64,
    pub unit_id: i64,
    pub year: i32,
    pub indicator: String,
    pub value: f64,
    pub source: String,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeclaredValueList {
    pub items: Vec<DeclaredValueDto>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DeclaredQuery {
    /// The unit whose subtree's declarations are listed.
    pub unit: i64,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: i32,
}

/// Declares a figure for a unit and year (or declares it anew: the value is replaced, the
/// change audited).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"unit_id": 10845, "year": 2026, "indicator": "association_members", "value": 1250,
    "source": "Báo cáo số 12/BC-HKH ngày 15/12/2026 của Hội Khuyến học phường"}))]
pub struct DeclaredValueRequest {
    pub unit_id: i64,
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// A key of the catalogue (`GET /api/v1/declared-indicators`).
    #[validate(length(min = 1, max = 60))]
    #[schema(min_length = 1, max_length = 60)]
    pub indicator: String,
    #[validate(range(min = 0.0, max = 1.0e15))]
    #[schema(minimum = 0, maximum = 1.0e15)]
    pub value: f64,
    /// Where the figure comes from: a report, its number and date.
    #[validate(length(min = 1, max = 500), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub source: String,
}
