//! XHHT evaluation: criteria frameworks as versioned data, and the scoring engine.
//!
//! - [`Framework`] is a JSON document: legal basis, model kind, validity, cycle, roles,
//!   the tree of groups and indicators, and the result rule. What the regulations do not
//!   say stays unknown: such a framework is a `draft` listing its `missing` parts.
//! - [`validate`] reports every problem of a document with a JSON-pointer path, a stable
//!   code ([`ErrorCode`]) and a Vietnamese message.
//! - [`score`] (or a [`Scorer`] compiled once for many subjects) turns answers, registry
//!   metrics and the subject's type into an [`Outcome`]: the level, the points, a verdict
//!   with a Vietnamese reason per indicator, and what the next level needs.
//! - [`shipped_frameworks`] are the frameworks found in the regulations, embedded.
//!
//! The crate is pure: no I/O, no clock, no randomness.
//!
//! ```
//! use chrono::NaiveDate;
//! use xhht_evaluation::{Answer, Answers, Context, MetricValues, Subject, score, shipped_framework};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let framework = shipped_framework("vn.moet.dvht.huyen.tt22-2020").ok_or("not shipped")?;
//! let answers: Answers = [
//!     ("TC1.1", 8.0), ("TC1.2", 10.0), ("TC1.3", 10.0),
//!     ("TC2.1", 10.0), ("TC2.2", 5.0), ("TC2.3", 10.0), ("TC2.4", 5.0),
//!     ("TC3.1", 20.0), ("TC3.2", 10.0), // TC3.3 not answered: 0 points
//! ]
//! .into_iter()
//! .map(|(id, points)| (id.to_owned(), Answer::Points(points)))
//! .collect();
//! let context = Context::on(NaiveDate::from_ymd_opt(2023, 3, 1).ok_or("date")?);
//! let outcome = score(&framework, &answers, &MetricValues::new(), &Subject::default(), &context)?;
//! assert_eq!(outcome.to_string(), "Tốt (88/100 điểm)");
//! assert_eq!(outcome.indicator("TC1.1").map(ToString::to_string).as_deref(), Some("TC1.1: 8/10 điểm"));
//! assert_eq!(outcome.indicator("TC3.3").map(ToString::to_string).as_deref(), Some("TC3.3: chưa có câu trả lời"));
//! # Ok(())
//! # }
//! ```

mod diff;
mod emulation;
mod engine;
mod metrics;
mod model;
mod outcome;
mod reason;
mod shipped;
mod subject;
mod validate;
pub mod workflow;

pub use diff::{Change, DiffKind, DiffPart, diff};
pub use emulation::{
    EmulationPlan, Participant, Phase, PlanLevel, ReviewKind, SHIPPED_PLANS, shipped_plans, validate_plan,
};
pub use engine::{Answer, AnswerSheet, Answers, ScoreError, Scorer, level2_eligible_on, score};
pub use metrics::{Metric, MetricValues};
pub use model::{
    CitizenTargetGroup, Confidence, ConfidenceNote, Cycle, CyclePeriod, Framework, FrameworkRef, FrameworkStatus,
    Group, Indicator, LatePolicy, LegalDocument, LevelName, LevelThresholds, Measure, MeasureKind, ModelKind, MonthDay,
    PassLevel, PointBand, ResultLevelInfo, ResultRule, RoleAssignment, TerritorialLevel, Tier, Variant,
};
pub use outcome::{
    GroupOutcome, IndicatorOutcome, IndicatorStatus, NextLevel, Outcome, PointsTotal, ResultLevel, ValueSource,
};
pub use reason::{Figure, Gap, Reason, TierCheck, VnDate, VnNumber};
pub use shipped::{SHIPPED_SOURCES, shipped_framework, shipped_frameworks};
pub use subject::{Context, Subject, SubjectType};
pub use validate::{ErrorCode, FrameworkError, is_framework_id, validate};
