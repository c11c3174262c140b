//! The framework document: a versioned, dated criteria framework as JSON data.
//!
//! A framework is data rather than code because the rules change by decision (TT 22/2020 was
//! replaced by TT 24/2023, the 2025 reform moved who recognises what) and because provinces
//! complete or add frameworks through the API. Every document struct denies unknown fields so
//! that a typo in a hand-written file is an error, not a silently ignored rule.
//!
//! The tree is `groups → indicators`, where a group may also hold sub-groups. That covers the
//! two-level "tiêu chí → chỉ tiêu" of the MOET circulars and the three-level
//! "nhóm năng lực → tiêu chí → chỉ tiêu" of the Công dân học tập criteria alike.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
pub use xhht_domain::{FrameworkStatus, ModelKind};

/// A criteria framework, one version of it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Framework {
    /// Stable identifier shared by all versions, e.g. `vn.moet.dvht.tinh.tt24-2023`.
    pub id: String,
    /// Version number, starting at 1; a published version never changes, a change is a new version.
    pub version: u32,
    pub status: FrameworkStatus,
    pub name_vi: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub model_kind: ModelKind,
    /// Only for `cong_dan_hoc_tap`: each target group has its own indicator list.
    #[serde(default)]
    pub target_group: Option<CitizenTargetGroup>,
    /// The administrative tier of the subjects; `None` for persons, households and clans.
    #[serde(default)]
    pub territorial_level: Option<TerritorialLevel>,
    /// The document that sets the criteria.
    pub legal_basis: LegalDocument,
    /// Documents the criteria point to (e.g. QĐ 324/QĐ-KHVN for the share of learning citizens).
    #[serde(default)]
    pub related_documents: Vec<LegalDocument>,
    /// Id of the framework this one replaces, if any.
    #[serde(default)]
    pub supersedes: Option<String>,
    /// A template: a starting point that a province adopts (copies under its own decision) and
    /// completes. A template is never published itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub template: bool,
    /// The template or national framework this one was adopted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_from: Option<FrameworkRef>,
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    /// Last day on which the framework applies; `None` while it is in force.
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    pub cycle: Cycle,
    /// Who files the request, by period; empty when not found.
    #[serde(default)]
    pub applicants: Vec<RoleAssignment>,
    /// Who decides the recognition, by period; the 2025 reform changed several of these.
    #[serde(default)]
    pub recognisers: Vec<RoleAssignment>,
    /// How many years a recognition is kept after the year of recognition (3 for TT 24/25 of 2023).
    #[serde(default)]
    pub retained_years_after_recognition_year: Option<u32>,
    /// Whether a dossier may be filed with indicators unanswered (they count as missing: no
    /// points, not passed). By default every indicator the subject can answer must be.
    #[serde(default)]
    pub accepts_partial_answers: bool,
    /// What is not known yet, in Vietnamese. A `published` framework must have none.
    #[serde(default)]
    pub missing: Vec<String>,
    /// Where facts come from and how sure they are.
    #[serde(default)]
    pub confidence_notes: Vec<ConfidenceNote>,
    pub groups: Vec<Group>,
    pub result: ResultRule,
}

/// The four target groups of QĐ 324/QĐ-KHVN, each with its own criteria set.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CitizenTargetGroup {
    /// Người dân trong xã.
    Resident,
    /// Người lao động.
    Worker,
    /// Cán bộ, công nhân viên, doanh nhân.
    StaffBusiness,
    /// Học sinh, sinh viên, học viên.
    Learner,
}

impl CitizenTargetGroup {
    /// The group as written in QĐ 324/QĐ-KHVN.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::Resident => "Người dân trong xã",
            Self::Worker => "Người lao động",
            Self::StaffBusiness => "Cán bộ, công nhân viên, doanh nhân",
            Self::Learner => "Học sinh, sinh viên, học viên",
        }
    }
}

/// Administrative tier. `district` exists only before 2025-07-01.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TerritorialLevel {
    /// Thôn, bản, ấp, tổ dân phố.
    Village,
    /// Xã, phường, thị trấn, đặc khu.
    Commune,
    /// Huyện, quận, thị xã, thành phố thuộc tỉnh.
    District,
    /// Tỉnh, thành phố trực thuộc trung ương.
    Province,
}

/// A legal document, cited the way Vietnamese officials cite it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalDocument {
    /// Number and symbol, e.g. `TT 24/2023/TT-BGDĐT`.
    pub number: String,
    #[serde(default)]
    pub title_vi: Option<String>,
    pub issuer_vi: String,
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    #[serde(default)]
    pub in_force_from: Option<NaiveDate>,
    /// Articles relied on, as written ("12", "6(1)").
    #[serde(default)]
    pub articles: Vec<String>,
    /// Who signed it, e.g. "Phó Chủ tịch UBND tỉnh Nguyễn Văn A"; for a province's own decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_vi: Option<String>,
}

/// One version of a framework, by its stable id and version number (the same in every
/// database, unlike row ids).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FrameworkRef {
    pub id: String,
    pub version: u32,
}

/// The yearly evaluation cycle.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cycle {
    pub period: CyclePeriod,
    /// Last day to file, in the year after the evaluated year; `None` when not found.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^--[0-9]{2}-[0-9]{2}$"))]
    pub filing_deadline: Option<MonthDay>,
    /// Last day for the decision, in the year after the evaluated year; `None` when not found.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^--[0-9]{2}-[0-9]{2}$"))]
    pub decision_deadline: Option<MonthDay>,
    /// What the workflow does with a late filing. Defaults to `flag`: refusing a dossier needs a
    /// legal basis, and none was found for any framework.
    #[serde(default)]
    pub late_policy: LatePolicy,
}

impl Cycle {
    /// The filing deadline for the evaluation of `evaluated_year`.
    pub fn filing_deadline_for(&self, evaluated_year: i32) -> Option<NaiveDate> {
        self.filing_deadline.and_then(|d| d.in_year(evaluated_year + 1))
    }

    /// The decision deadline for the evaluation of `evaluated_year`.
    pub fn decision_deadline_for(&self, evaluated_year: i32) -> Option<NaiveDate> {
        self.decision_deadline.and_then(|d| d.in_year(evaluated_year + 1))
    }
}

/// Every framework found so far evaluates a calendar year (1/1–31/12).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CyclePeriod {
    #[default]
    CalendarYear,
}

/// What happens to a dossier filed after the deadline.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum LatePolicy {
    Refuse,
    #[default]
    Flag,
}

/// A yearly date such as a deadline, written `--MM-DD` (ISO 8601 without year).
///
/// 29 February is refused: a yearly deadline must exist every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MonthDay {
    month: u8,
    day: u8,
}

impl MonthDay {
    /// `None` unless the day exists in every year.
    pub fn new(month: u8, day: u8) -> Option<Self> {
        // 2023 is not a leap year, so this refuses 29 February.
        NaiveDate::from_ymd_opt(2023, u32::from(month), u32::from(day)).map(|_| Self { month, day })
    }

    /// Month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// This day in `year`.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, u32::from(self.month), u32::from(self.day))
    }

    /// The yearly date of `date`; `None` for 29 February.
    pub fn of(date: NaiveDate) -> Option<Self> {
        u8::try_from(date.month()).ok().zip(u8::try_from(date.day()).ok()).and_then(|(m, d)| Self::new(m, d))
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--{:02}-{:02}", self.month, self.day)
    }
}

impl From<MonthDay> for String {
    fn from(value: MonthDay) -> Self {
        value.to_string()
    }
}

impl TryFrom<String> for MonthDay {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        let invalid = || format!("ngày “{value}” không đúng dạng --MM-DD");
        let rest = value.strip_prefix("--").ok_or_else(invalid)?;
        let (m, d) = rest.split_once('-').ok_or_else(invalid)?;
        if m.len() != 2 || d.len() != 2 {
            return Err(invalid());
        }
        let month = m.parse::<u8>().map_err(|_| invalid())?;
        let day = d.parse::<u8>().map_err(|_| invalid())?;
        Self::new(month, day).ok_or_else(invalid)
    }
}

/// A role (applicant or recogniser) for a period. The 2025 reform ended several roles
/// without a known successor, so the role itself may be unknown.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleAssignment {
    /// The role, e.g. "Chủ tịch UBND cấp huyện"; `None` when not found.
    #[serde(default)]
    pub role_vi: Option<String>,
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    pub confidence: Confidence,
    #[serde(default)]
    pub note_vi: Option<String>,
}

impl RoleAssignment {
    /// Whether the assignment covers `date` (open ends cover everything).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// How sure a fact is, after the tags of the research file.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Confidence {
    /// [F] seen in one source.
    Found,
    /// [F2] seen in two or more independent sources that agree.
    FoundTwoSources,
    /// [I] inferred; the reasoning is in the note.
    Inferred,
    /// [NF] looked for and not found.
    NotFound,
}

/// A note on where a part of the framework comes from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfidenceNote {
    /// What the note is about: a group or indicator id, or a field name such as `valid_to`.
    pub about: String,
    pub confidence: Confidence,
    pub note_vi: String,
    #[serde(default)]
    pub source: Option<String>,
}

/// A group of the tree: a "tiêu chuẩn", "tiêu chí" or competency group.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Group {
    pub id: String,
    pub name_vi: String,
    #[serde(default)]
    pub name_en: Option<String>,
    /// Only in points frameworks: the group's maximum, which must equal the sum of its parts
    /// once the framework is published.
    #[serde(default)]
    pub max_points: Option<f64>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub groups: Vec<Group>,
}

/// A leaf of the tree: a "chỉ tiêu".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    /// Code as in the regulation, e.g. `TC3.CT1`.
    pub id: String,
    /// Short Vietnamese paraphrase of the indicator.
    pub text_vi: String,
    #[serde(default)]
    pub text_en: Option<String>,
    /// What the figure counts, used in reasons: "thành viên đạt Công dân học tập" makes
    /// "88,5 % thành viên đạt Công dân học tập".
    #[serde(default)]
    pub figure_vi: Option<String>,
    /// Subject types the indicator applies to (see [`crate::SubjectType`]); empty means all.
    #[serde(default)]
    pub applies_to: Vec<String>,
    /// A known metric that fills the value from the registry (see [`crate::Metric`]).
    #[serde(default)]
    pub metric: Option<String>,
    pub measure: Measure,
    /// Other thresholds (and possibly another metric) for some subject types; the first
    /// variant matching the subject wins.
    #[serde(default)]
    pub variants: Vec<Variant>,
}

/// How an indicator is answered and what it must reach.
///
/// Every threshold is a minimum ("≥"): no regulation found so far has an upper bound.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Measure {
    /// Yes or no; `required` says whether "yes" is needed at each level.
    YesNo { required: LevelThresholds<bool> },
    /// Points from 0 to `max`, in points frameworks.
    Points { max: f64 },
    /// A percentage from 0 to 100.
    Percentage { min: LevelThresholds<f64> },
    /// A whole number.
    Count { min: LevelThresholds<u64> },
    /// One value of an ordered list, lowest first.
    Ordinal { values: Vec<String>, min: LevelThresholds<String> },
}

impl Measure {
    /// The kind, for error messages and answer checks.
    pub fn kind(&self) -> MeasureKind {
        match self {
            Self::YesNo { .. } => MeasureKind::YesNo,
            Self::Points { .. } => MeasureKind::Points,
            Self::Percentage { .. } => MeasureKind::Percentage,
            Self::Count { .. } => MeasureKind::Count,
            Self::Ordinal { .. } => MeasureKind::Ordinal,
        }
    }
}

/// The kinds of [`Measure`] and of answers.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    YesNo,
    Points,
    Percentage,
    Count,
    Ordinal,
}

impl MeasureKind {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::YesNo => "yes_no",
            Self::Points => "points",
            Self::Percentage => "percentage",
            Self::Count => "count",
            Self::Ordinal => "ordinal",
        }
    }
}

impl fmt::Display for MeasureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A threshold per recognition level; `None` is a threshold that is not known.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelThresholds<T> {
    #[serde(default)]
    pub level1: Option<T>,
    #[serde(default)]
    pub level2: Option<T>,
}

impl<T> LevelThresholds<T> {
    /// The threshold of `tier`.
    pub fn get(&self, tier: Tier) -> Option<&T> {
        match tier {
            Tier::Level1 => self.level1.as_ref(),
            Tier::Level2 => self.level2.as_ref(),
        }
    }
}

/// Thresholds for some subject types, e.g. TT 24/2023 TC3.CT1: educational establishments
/// count learners (95/97 %) instead of members (90/95 %).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Variant {
    /// Subject types; must not be empty.
    pub applies_to: Vec<String>,
    /// Replaces the indicator's metric for these subjects.
    #[serde(default)]
    pub metric: Option<String>,
    /// Replaces the indicator's `figure_vi` for these subjects.
    #[serde(default)]
    pub figure_vi: Option<String>,
    /// Same kind as the indicator's measure; only percentages and counts have variants.
    pub measure: Measure,
}

/// The two recognition levels of the 2023 circulars ("Mức độ 1", "Mức độ 2").
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Tier {
    Level1,
    Level2,
}

impl Tier {
    /// Both levels, level 1 first.
    pub const ALL: [Tier; 2] = [Tier::Level1, Tier::Level2];

    pub(crate) fn index(self) -> usize {
        match self {
            Self::Level1 => 0,
            Self::Level2 => 1,
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Level1 => "Mức độ 1",
            Self::Level2 => "Mức độ 2",
        })
    }
}

/// How indicator results become the framework's result.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ResultRule {
    /// Points summed over all indicators, then the highest band reached
    /// (TT 22/2020: Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50; QĐ 324: Đạt ≥ 80 and every indicator ≥ 5).
    Points {
        /// The scale, e.g. 100; must equal the sum of the indicators once published.
        #[serde(default)]
        max_total: Option<f64>,
        /// Highest band first.
        bands: Vec<PointBand>,
        /// The result when no band is reached.
        fail: LevelName,
    },
    /// A level is reached when every applicable indicator it requires passes at its tier
    /// (TT 24/2023, TT 25/2023).
    AllIndicatorsPass {
        /// Level 1 first, then optionally level 2.
        levels: Vec<PassLevel>,
        fail: LevelName,
    },
}

/// A result level by name.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelName {
    pub id: String,
    pub name_vi: String,
}

/// A points band.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointBand {
    pub id: String,
    pub name_vi: String,
    pub min_total: f64,
    /// Every indicator must score at least this much (QĐ 324: 5).
    #[serde(default)]
    pub min_per_indicator: Option<f64>,
}

/// A level of an all-indicators-pass framework.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PassLevel {
    pub id: String,
    pub name_vi: String,
    pub tier: Tier,
    /// Level 2 only: months the subject must have held level 1 (12 in TT 24 and TT 25 of 2023).
    #[serde(default)]
    pub min_months_at_level1: Option<u32>,
    /// Group or indicator ids this level requires; `None` requires every indicator.
    #[serde(default)]
    pub requires: Option<Vec<String>>,
}

/// A result level that a framework can give, for lists and statistics.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ResultLevelInfo {
    pub id: String,
    pub name_vi: String,
    /// 0 for the fail level, then upwards.
    pub rank: u8,
}

impl Framework {
    /// Parses a JSON document and validates it.
    pub fn from_json(json: &str) -> Result<Self, Vec<crate::FrameworkError>> {
        let framework: Self = serde_json::from_str(json).map_err(|e| vec![crate::FrameworkError::parse(&e)])?;
        crate::validate(&framework)?;
        Ok(framework)
    }

    /// All indicators, depth first, in the order of the document.
    pub fn indicators(&self) -> Vec<&Indicator> {
        fn walk<'a>(groups: &'a [Group], out: &mut Vec<&'a Indicator>) {
            for group in groups {
                out.extend(group.indicators.iter());
                walk(&group.groups, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.groups, &mut out);
        out
    }

    /// Whether the framework applies on `date` (open ends cover everything).
    pub fn is_in_force_on(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }

    /// Whether the framework is in force on at least one day of the calendar year `year`
    /// (every framework found so far evaluates a calendar year).
    pub fn is_in_force_in_year(&self, year: i32) -> bool {
        let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31))
        else {
            return false;
        };
        self.valid_from.is_none_or(|from| from <= last) && self.valid_to.is_none_or(|to| first <= to)
    }

    /// Whether the framework may decide a recognition: only a published version, which was
    /// complete and valid when it was published. Drafts (with unknown parts) and retired
    /// versions may still be scored, for a preview or to reproduce history.
    pub fn may_recognise(&self) -> bool {
        self.status == FrameworkStatus::Published
    }

    /// The recogniser assignment covering `date`, if one is recorded.
    pub fn recogniser_on(&self, date: NaiveDate) -> Option<&RoleAssignment> {
        self.recognisers.iter().find(|r| r.covers(date))
    }

    /// The result levels this framework can give, fail level first (rank 0).
    pub fn result_levels(&self) -> Vec<ResultLevelInfo> {
        let info = |id: &str, name_vi: &str, rank: usize| ResultLevelInfo {
            id: id.to_owned(),
            name_vi: name_vi.to_owned(),
            rank: u8::try_from(rank).unwrap_or(u8::MAX),
        };
        match &self.result {
            ResultRule::Points { bands, fail, .. } => std::iter::once(info(&fail.id, &fail.name_vi, 0))
                .chain(bands.iter().rev().enumerate().map(|(i, b)| info(&b.id, &b.name_vi, i + 1)))
                .collect(),
            ResultRule::AllIndicatorsPass { levels, fail } => std::iter::once(info(&fail.id, &fail.name_vi, 0))
                .chain(levels.iter().enumerate().map(|(i, l)| info(&l.id, &l.name_vi, i + 1)))
                .collect(),
        }
    }
}
