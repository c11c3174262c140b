//! The result of scoring: the level reached, the points, a verdict per indicator with its
//! reason, and what the next level still needs.
//!
//! Outcomes borrow their texts (ids, names, labels) from the [`crate::Scorer`] that produced
//! them: scoring then copies no string and touches no reference count, which is most of the
//! cost of building an outcome. [`Outcome::into_owned`] gives an `Outcome<'static>` to keep.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::reason::{Gap, Reason, VnNumber, own};
use crate::{FrameworkStatus, Tier};

/// A result level of the framework.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ResultLevel<'a> {
    /// The level's id in the framework, e.g. `kha`, `muc_do_1`, `khong_dat`.
    pub id: Cow<'a, str>,
    pub name_vi: Cow<'a, str>,
    /// 0 for the fail level, then upwards; comparable between outcomes of one framework.
    pub rank: u8,
}

impl ResultLevel<'_> {
    /// The same level, owning its texts.
    pub fn into_owned(self) -> ResultLevel<'static> {
        ResultLevel { id: own(self.id), name_vi: own(self.name_vi), rank: self.rank }
    }
}

/// The outcome of scoring one subject against one framework version.
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Outcome<'a> {
    pub framework_id: Cow<'a, str>,
    pub framework_version: u32,
    /// Only an outcome under a `published` framework may back a recognition.
    pub framework_status: FrameworkStatus,
    /// `false` when the framework still has unknown parts: the level is then only what the
    /// known part allows, and the unknown part could still fail it.
    pub complete: bool,
    pub level: ResultLevel<'a>,
    /// Total and maximum, in points frameworks.
    pub points: Option<PointsTotal>,
    /// One entry per group, depth first, in the order of the framework.
    pub groups: Vec<GroupOutcome<'a>>,
    /// One entry per indicator, depth first, in the order of the framework.
    pub indicators: Vec<IndicatorOutcome<'a>>,
    /// The next level up and what stands in its way; `None` at the top level.
    pub next_level: Option<NextLevel<'a>>,
}

impl<'a> Outcome<'a> {
    /// The verdict of one indicator.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorOutcome<'a>> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The outcome of one group.
    pub fn group(&self, id: &str) -> Option<&GroupOutcome<'a>> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The same outcome, owning its texts, to keep or send beyond the scorer's life.
    pub fn into_owned(self) -> Outcome<'static> {
        Outcome {
            framework_id: own(self.framework_id),
            framework_version: self.framework_version,
            framework_status: self.framework_status,
            complete: self.complete,
            level: self.level.into_owned(),
            points: self.points,
            groups: self.groups.into_iter().map(GroupOutcome::into_owned).collect(),
            indicators: self.indicators.into_iter().map(IndicatorOutcome::into_owned).collect(),
            next_level: self.next_level.map(NextLevel::into_owned),
        }
    }
}

/// A one-line summary: "Khá (84/100 điểm)".
impl fmt::Display for Outcome<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.level.name_vi)?;
        if let Some(points) = &self.points {
            write!(f, " ({}/{} điểm)", VnNumber(points.total), VnNumber(points.max))?;
        }
        if !self.complete {
            f.write_str(" — tạm tính trên phần tiêu chí đã biết")?;
        }
        match self.framework_status {
            FrameworkStatus::Published => Ok(()),
            FrameworkStatus::Draft => f.write_str(" (bộ tiêu chí chưa ban hành)"),
            FrameworkStatus::Retired => f.write_str(" (bộ tiêu chí đã ngừng áp dụng)"),
        }
    }
}

/// Outcomes serialise with their summary as `summary_vi`; it is ignored when read back.
impl Serialize for Outcome<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Repr<'a> {
            framework_id: &'a str,
            framework_version: u32,
            framework_status: FrameworkStatus,
            complete: bool,
            level: &'a ResultLevel<'a>,
            summary_vi: String,
            points: &'a Option<PointsTotal>,
            groups: &'a [GroupOutcome<'a>],
            indicators: &'a [IndicatorOutcome<'a>],
            next_level: &'a Option<NextLevel<'a>>,
        }
        Repr {
            framework_id: &self.framework_id,
            framework_version: self.framework_version,
            framework_status: self.framework_status,
            complete: self.complete,
            level: &self.level,
            summary_vi: self.to_string(),
            points: &self.points,
            groups: &self.groups,
            indicators: &self.indicators,
            next_level: &self.next_level,
        }
        .serialize(serializer)
    }
}

/// Points total of a points framework.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct PointsTotal {
    pub total: f64,
    pub max: f64,
}

/// A group's result.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GroupOutcome<'a> {
    pub id: Cow<'a, str>,
    /// Points frameworks: sum of the group's indicators.
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    /// Pass/fail frameworks: the highest level at which every applicable indicator of the
    /// group passes.
    pub passed_tier: Option<Tier>,
}

impl GroupOutcome<'_> {
    /// The same group outcome, owning its texts.
    pub fn into_owned(self) -> GroupOutcome<'static> {
        GroupOutcome { id: own(self.id), ..self }
    }
}

/// The verdict on one indicator.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorStatus {
    /// Passed at `passed_tier` at least.
    Passed,
    /// Below the lowest level's threshold, or the threshold is unknown.
    Failed,
    /// Points awarded (points frameworks).
    Scored,
    /// Points awarded but below the per-indicator floor.
    BelowFloor,
    NotApplicable,
    MissingAnswer,
}

/// Where an indicator's value came from.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ValueSource {
    Answer,
    /// Computed by the registry (see [`crate::Metric`]).
    Metric,
}

/// One indicator's verdict. `Display` gives the full sentence, e.g.
/// "TC3.CT1: 88,5 % thành viên đạt Công dân học tập; Mức độ 1 cần ≥ 90 %".
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct IndicatorOutcome<'a> {
    pub id: Cow<'a, str>,
    pub status: IndicatorStatus,
    /// Highest level passed (pass/fail frameworks).
    pub passed_tier: Option<Tier>,
    /// Points awarded (points frameworks; 0 for a missing answer).
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    pub source: Option<ValueSource>,
    pub reason: Reason<'a>,
}

impl IndicatorOutcome<'_> {
    /// The same verdict, owning its texts.
    pub fn into_owned(self) -> IndicatorOutcome<'static> {
        IndicatorOutcome {
            id: own(self.id),
            status: self.status,
            passed_tier: self.passed_tier,
            points: self.points,
            max_points: self.max_points,
            source: self.source,
            reason: self.reason.into_owned(),
        }
    }
}

impl fmt::Display for IndicatorOutcome<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.id, self.reason)
    }
}

/// Indicator outcomes serialise with their sentence as `text_vi`; it is ignored when read back.
impl Serialize for IndicatorOutcome<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Repr<'a> {
            id: &'a str,
            status: IndicatorStatus,
            passed_tier: Option<Tier>,
            points: Option<f64>,
            max_points: Option<f64>,
            source: Option<ValueSource>,
            reason: &'a Reason<'a>,
            text_vi: String,
        }
        Repr {
            id: &self.id,
            status: self.status,
            passed_tier: self.passed_tier,
            points: self.points,
            max_points: self.max_points,
            source: self.source,
            reason: &self.reason,
            text_vi: self.to_string(),
        }
        .serialize(serializer)
    }
}

/// The next level up and everything it still needs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NextLevel<'a> {
    pub level: ResultLevel<'a>,
    pub gaps: Vec<Gap<'a>>,
}

impl NextLevel<'_> {
    /// The same next level, owning its texts.
    pub fn into_owned(self) -> NextLevel<'static> {
        NextLevel { level: self.level.into_owned(), gaps: self.gaps.into_iter().map(Gap::into_owned).collect() }
    }
}
