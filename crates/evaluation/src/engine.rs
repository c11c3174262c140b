//! The scoring engine: a framework compiled once into a [`Scorer`], then any number of
//! subjects scored against it.
//!
//! Scoring is pure and deterministic. The work that does not depend on the subject (id
//! lookups, ordinal positions, which level requires which indicator) happens once in
//! [`Scorer::new`]; answers are turned into a positional [`AnswerSheet`] once; scoring then
//! walks arrays and builds only the outcome.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{
    Framework, FrameworkStatus, Group, Indicator, LevelThresholds, Measure, MeasureKind, ResultRule, Tier,
};
use crate::outcome::{
    GroupOutcome, IndicatorOutcome, IndicatorStatus, NextLevel, Outcome, PointsTotal, ResultLevel, ValueSource,
};
use crate::reason::{Figure, Gap, Reason, TierCheck, VnNumber, reborrow};
use crate::{Context, FrameworkError, Metric, MetricValues, Subject, SubjectType};

/// Tolerance when comparing a sum of points with a band's minimum.
const EPSILON: f64 = 1e-9;

/// An answer to one indicator. In JSON: `{"yes_no": true}`, `{"points": 8}`,
/// `{"percentage": 88.5}`, `{"count": 3}`, `{"ordinal": "đáp ứng khá"}`, or
/// `{"ordinal": null}` for "none of the listed values".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    YesNo(bool),
    Points(f64),
    Percentage(f64),
    Count(u64),
    Ordinal(Option<String>),
}

impl Answer {
    /// The kind of measure this answer fits.
    pub fn kind(&self) -> MeasureKind {
        match self {
            Self::YesNo(_) => MeasureKind::YesNo,
            Self::Points(_) => MeasureKind::Points,
            Self::Percentage(_) => MeasureKind::Percentage,
            Self::Count(_) => MeasureKind::Count,
            Self::Ordinal(_) => MeasureKind::Ordinal,
        }
    }
}

/// Answers by indicator id.
pub type Answers = BTreeMap<String, Answer>;

/// Why a subject could not be scored. These are errors in the input, not failing results.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ScoreError {
    #[error("Bộ tiêu chí không hợp lệ ({} lỗi)", errors.len())]
    InvalidFramework { errors: Vec<FrameworkError> },
    #[error("Bộ tiêu chí không có chỉ tiêu “{id}”")]
    UnknownIndicator { id: String },
    #[error("Chỉ tiêu “{id}” cần câu trả lời loại “{expected}”, nhận được loại “{got}”")]
    WrongAnswerKind { id: String, expected: MeasureKind, got: MeasureKind },
    #[error("Câu trả lời cho “{id}” là {value_vi}, nằm ngoài khoảng 0–{max_vi}")]
    AnswerOutOfRange { id: String, value: f64, max: f64, value_vi: String, max_vi: String },
    #[error("“{value}” không phải giá trị của chỉ tiêu “{id}”")]
    UnknownOrdinalValue { id: String, value: String },
    #[error("Số liệu “{metric}” có giá trị {value_vi}, nằm ngoài khoảng 0–100")]
    MetricOutOfRange { metric: Metric, value: f64, value_vi: String },
    #[error("Phiếu trả lời được lập cho một bộ tiêu chí khác")]
    SheetMismatch,
}

impl ScoreError {
    /// The stable machine code, as in the serialised `code` field.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidFramework { .. } => "invalid_framework",
            Self::UnknownIndicator { .. } => "unknown_indicator",
            Self::WrongAnswerKind { .. } => "wrong_answer_kind",
            Self::AnswerOutOfRange { .. } => "answer_out_of_range",
            Self::UnknownOrdinalValue { .. } => "unknown_ordinal_value",
            Self::MetricOutOfRange { .. } => "metric_out_of_range",
            Self::SheetMismatch => "sheet_mismatch",
        }
    }

    /// The message in Vietnamese (the `Display` text).
    pub fn message_vi(&self) -> String {
        self.to_string()
    }

    /// The message in English, with the same facts as the Vietnamese one.
    pub fn message_en(&self) -> String {
        match self {
            Self::InvalidFramework { errors } => {
                let n = errors.len();
                format!("The criteria framework is invalid ({n} {})", if n == 1 { "error" } else { "errors" })
            }
            Self::UnknownIndicator { id } => format!("The criteria framework has no indicator “{id}”"),
            Self::WrongAnswerKind { id, expected, got } => format!(
                "Indicator “{id}” needs an answer of kind “{}”, got one of kind “{}”",
                expected.as_str(),
                got.as_str()
            ),
            Self::AnswerOutOfRange { id, value, max, .. } => {
                format!("The answer for “{id}” is {value}, outside the range 0–{max}")
            }
            Self::UnknownOrdinalValue { id, value } => format!("“{value}” is not a value of indicator “{id}”"),
            Self::MetricOutOfRange { metric, value, .. } => {
                format!("The metric “{metric}” has the value {value}, outside the range 0–100")
            }
            Self::SheetMismatch => "The answer sheet was prepared for a different criteria framework".to_owned(),
        }
    }

    fn out_of_range(id: &str, value: f64, max: f64) -> Self {
        Self::AnswerOutOfRange {
            id: id.to_owned(),
            value,
            max,
            value_vi: VnNumber(value).to_string(),
            max_vi: VnNumber(max).to_string(),
        }
    }
}

/// Scores a subject: compiles the framework, checks the answers, scores.
///
/// For many subjects, build a [`Scorer`] once instead: compiling costs far more than scoring.
pub fn score(
    framework: &Framework,
    answers: &Answers,
    metrics: &MetricValues,
    subject: &Subject,
    context: &Context,
) -> Result<Outcome<'static>, ScoreError> {
    let scorer = Scorer::new(framework).map_err(|errors| ScoreError::InvalidFramework { errors })?;
    scorer.score_answers(answers, metrics, subject, context).map(Outcome::into_owned)
}

/// A checked answer in the form scoring reads: ordinal values as positions.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Value {
    YesNo(bool),
    Points(f64),
    Percentage(f64),
    Count(u64),
    Ordinal(Option<u16>),
}

/// Answers checked against one [`Scorer`] and stored by indicator position.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerSheet {
    /// The [`Scorer::stamp`] of the scorer that prepared the sheet.
    stamp: u64,
    values: Vec<Option<Value>>,
}

/// A framework compiled for scoring.
#[derive(Clone, Debug)]
pub struct Scorer {
    /// Identifies the compiled framework (id, version, indicator ids), so that a sheet
    /// prepared for another framework is refused with one integer comparison.
    stamp: u64,
    framework_id: String,
    version: u32,
    status: FrameworkStatus,
    complete: bool,
    indicators: Vec<CompiledIndicator>,
    groups: Vec<CompiledGroup>,
    /// Indicator ids in byte order with their positions, to match a sorted answer map.
    by_id: Vec<(String, usize)>,
    rule: CompiledRule,
}

/// A result level's texts, lent to outcomes.
#[derive(Clone, Debug)]
struct LevelText {
    id: String,
    name_vi: String,
    rank: u8,
}

impl LevelText {
    fn lend(&self) -> ResultLevel<'_> {
        ResultLevel { id: Cow::Borrowed(&self.id), name_vi: Cow::Borrowed(&self.name_vi), rank: self.rank }
    }
}

#[derive(Clone, Debug)]
struct CompiledIndicator {
    id: String,
    /// Subject-type bits the indicator applies to; 0 applies to every subject.
    applies_mask: u32,
    /// Whether the level of each tier requires this indicator.
    required_by: [bool; 2],
    base: Check,
    /// Variants by subject-type mask, first match wins.
    variants: Vec<(u32, Check)>,
}

#[derive(Clone, Debug)]
struct Check {
    metric: Option<Metric>,
    figure_vi: Option<String>,
    rule: CheckRule,
}

#[derive(Clone, Debug)]
enum CheckRule {
    YesNo([Option<bool>; 2]),
    Points(f64),
    Percentage([Option<f64>; 2]),
    Count([Option<u64>; 2]),
    Ordinal { values: Vec<String>, min: [Option<u16>; 2] },
}

#[derive(Clone, Debug)]
struct CompiledGroup {
    id: String,
    top_level: bool,
    max_points: Option<f64>,
    /// The group's indicators (its own, then its sub-groups') are contiguous.
    range: Range<usize>,
}

#[derive(Clone, Debug)]
enum CompiledRule {
    Points {
        max_total: f64,
        /// Highest first.
        bands: Vec<Band>,
        fail: LevelText,
        /// The highest per-indicator floor of any band, shown in reasons.
        strictest_floor: Option<f64>,
    },
    AllPass {
        /// Level 1 first.
        levels: Vec<PassLevel>,
        fail: LevelText,
    },
}

#[derive(Clone, Debug)]
struct Band {
    level: LevelText,
    min_total: f64,
    floor: Option<f64>,
}

#[derive(Clone, Debug)]
struct PassLevel {
    level: LevelText,
    tier: Tier,
    min_months_at_level1: Option<u32>,
}

fn tiers<T: Clone>(t: &LevelThresholds<T>) -> [Option<T>; 2] {
    [t.level1.clone(), t.level2.clone()]
}

fn mask_of(types: &[String]) -> u32 {
    types.iter().filter_map(|t| SubjectType::from_name(t)).fold(0, |m, t| m | t.bit())
}

impl Check {
    fn compile(measure: &Measure, metric: Option<&str>, figure_vi: Option<&str>) -> Self {
        let rule = match measure {
            Measure::YesNo { required } => CheckRule::YesNo(tiers(required)),
            Measure::Points { max } => CheckRule::Points(*max),
            Measure::Percentage { min } => CheckRule::Percentage(tiers(min)),
            Measure::Count { min } => CheckRule::Count(tiers(min)),
            Measure::Ordinal { values, min } => {
                let position = |t: Option<&String>| {
                    t.and_then(|t| values.iter().position(|v| v == t)).and_then(|p| u16::try_from(p).ok())
                };
                CheckRule::Ordinal {
                    values: values.clone(),
                    min: [position(min.level1.as_ref()), position(min.level2.as_ref())],
                }
            }
        };
        Self { metric: metric.and_then(Metric::from_name), figure_vi: figure_vi.map(str::to_owned), rule }
    }

    /// The threshold of `tier` and whether `value` reaches it; `(None, false)` when the
    /// threshold is unknown.
    #[inline]
    fn test(&self, value: Value, tier: Tier) -> (Option<Figure<'_>>, bool) {
        let t = tier.index();
        match (&self.rule, value) {
            (CheckRule::YesNo(required), Value::YesNo(v)) => match required[t] {
                Some(r) => (Some(Figure::YesNo(r)), v || !r),
                None => (None, false),
            },
            (CheckRule::Percentage(min), Value::Percentage(v)) => match min[t] {
                Some(m) => (Some(Figure::Percentage(m)), v >= m),
                None => (None, false),
            },
            (CheckRule::Count(min), Value::Count(v)) => match min[t] {
                Some(m) => (Some(Figure::Count(m)), v >= m),
                None => (None, false),
            },
            (CheckRule::Ordinal { values, min }, Value::Ordinal(v)) => match min[t] {
                Some(m) => (Some(Figure::Ordinal(ordinal_text(values, m))), v.is_some_and(|v| v >= m)),
                None => (None, false),
            },
            // Kinds are matched when the answer sheet is built and by validation.
            _ => (None, false),
        }
    }

    #[inline]
    fn figure(&self, value: Value) -> Figure<'_> {
        match value {
            Value::YesNo(v) => Figure::YesNo(v),
            Value::Points(v) => Figure::Points(v),
            Value::Percentage(v) => Figure::Percentage(v),
            Value::Count(v) => Figure::Count(v),
            Value::Ordinal(v) => Figure::Ordinal(match &self.rule {
                CheckRule::Ordinal { values, .. } => v.and_then(|i| ordinal_text(values, i)),
                _ => None,
            }),
        }
    }
}

fn ordinal_text(values: &[String], position: u16) -> Option<Cow<'_, str>> {
    values.get(usize::from(position)).map(|v| Cow::Borrowed(v.as_str()))
}

impl Scorer {
    /// Validates and compiles a framework.
    pub fn new(framework: &Framework) -> Result<Self, Vec<FrameworkError>> {
        crate::validate(framework)?;
        let mut scorer = Self {
            stamp: 0,
            framework_id: framework.id.clone(),
            version: framework.version,
            status: framework.status,
            complete: framework.missing.is_empty(),
            indicators: Vec::new(),
            groups: Vec::new(),
            by_id: Vec::new(),
            rule: CompiledRule::AllPass {
                levels: Vec::new(),
                fail: LevelText { id: String::new(), name_vi: String::new(), rank: 0 },
            },
        };
        scorer.add_groups(&framework.groups, true);
        scorer.by_id = scorer.indicators.iter().enumerate().map(|(i, ind)| (ind.id.clone(), i)).collect();
        scorer.by_id.sort();
        let mut hasher = DefaultHasher::new();
        (&framework.id, framework.version, &scorer.by_id).hash(&mut hasher);
        scorer.stamp = hasher.finish();
        scorer.rule = scorer.compile_rule(&framework.result);
        Ok(scorer)
    }

    fn add_groups(&mut self, groups: &[Group], top_level: bool) {
        for group in groups {
            let slot = self.groups.len();
            let start = self.indicators.len();
            self.groups.push(CompiledGroup {
                id: group.id.clone(),
                top_level,
                max_points: group.max_points,
                range: start..start,
            });
            for indicator in &group.indicators {
                self.indicators.push(compile_indicator(indicator));
            }
            self.add_groups(&group.groups, false);
            self.groups[slot].range = start..self.indicators.len();
        }
    }

    fn compile_rule(&mut self, rule: &ResultRule) -> CompiledRule {
        let level = |id: &str, name_vi: &str, rank: usize| LevelText {
            id: id.to_owned(),
            name_vi: name_vi.to_owned(),
            rank: u8::try_from(rank).unwrap_or(u8::MAX),
        };
        match rule {
            ResultRule::Points { max_total, bands, fail } => {
                let sum: f64 = self.indicators.iter().map(|i| i.max_points().unwrap_or(0.0)).sum();
                let count = bands.len();
                CompiledRule::Points {
                    max_total: max_total.unwrap_or(sum),
                    bands: bands
                        .iter()
                        .enumerate()
                        .map(|(i, b)| Band {
                            level: level(&b.id, &b.name_vi, count - i),
                            min_total: b.min_total,
                            floor: b.min_per_indicator,
                        })
                        .collect(),
                    fail: level(&fail.id, &fail.name_vi, 0),
                    strictest_floor: bands.iter().filter_map(|b| b.min_per_indicator).reduce(f64::max),
                }
            }
            ResultRule::AllIndicatorsPass { levels, fail } => {
                for l in levels {
                    let t = l.tier.index();
                    match &l.requires {
                        None => self.indicators.iter_mut().for_each(|i| i.required_by[t] = true),
                        Some(ids) => {
                            for id in ids {
                                let range = self.range_of(id);
                                self.indicators[range].iter_mut().for_each(|i| i.required_by[t] = true);
                            }
                        }
                    }
                }
                CompiledRule::AllPass {
                    levels: levels
                        .iter()
                        .enumerate()
                        .map(|(i, l)| PassLevel {
                            level: level(&l.id, &l.name_vi, i + 1),
                            tier: l.tier,
                            min_months_at_level1: l.min_months_at_level1,
                        })
                        .collect(),
                    fail: level(&fail.id, &fail.name_vi, 0),
                }
            }
        }
    }

    /// The indicator positions of a group or indicator id (validated to exist).
    fn range_of(&self, id: &str) -> Range<usize> {
        if let Some(group) = self.groups.iter().find(|g| g.id == id) {
            return group.range.clone();
        }
        self.indicators.iter().position(|i| i.id == id).map_or(0..0, |p| p..p + 1)
    }

    /// Id of the compiled framework.
    pub fn framework_id(&self) -> &str {
        &self.framework_id
    }

    /// Version of the compiled framework.
    pub fn framework_version(&self) -> u32 {
        self.version
    }

    /// Indicator ids in scoring order.
    pub fn indicator_ids(&self) -> impl Iterator<Item = &str> {
        self.indicators.iter().map(|i| i.id.as_str())
    }

    /// The kind of answer an indicator takes, if the framework has it: what a bulk import
    /// needs to read an answer written as text.
    pub fn answer_kind(&self, id: &str) -> Option<MeasureKind> {
        let position = self.by_id.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok()?;
        Some(self.indicators[self.by_id[position].1].base.rule.kind())
    }

    /// Checks answers against the framework and stores them by position.
    pub fn prepare(&self, answers: &Answers) -> Result<AnswerSheet, ScoreError> {
        let mut values = vec![None; self.indicators.len()];
        // Both sides are sorted by id: one merge instead of a lookup per answer.
        let mut known = self.by_id.iter().peekable();
        for (id, answer) in answers {
            let position = loop {
                match known.peek() {
                    Some((k, p)) => match k.as_str().cmp(id.as_str()) {
                        Ordering::Less => {
                            known.next();
                        }
                        Ordering::Equal => break Some(*p),
                        Ordering::Greater => break None,
                    },
                    None => break None,
                }
            };
            let position = position.ok_or_else(|| ScoreError::UnknownIndicator { id: id.clone() })?;
            values[position] = Some(self.indicators[position].accept(answer)?);
        }
        Ok(AnswerSheet { stamp: self.stamp, values })
    }

    /// Checks the answers, then scores.
    pub fn score_answers(
        &self,
        answers: &Answers,
        metrics: &MetricValues,
        subject: &Subject,
        context: &Context,
    ) -> Result<Outcome<'_>, ScoreError> {
        self.score(&self.prepare(answers)?, metrics, subject, context)
    }

    /// Scores one subject.
    pub fn score(
        &self,
        sheet: &AnswerSheet,
        metrics: &MetricValues,
        subject: &Subject,
        context: &Context,
    ) -> Result<Outcome<'_>, ScoreError> {
        if sheet.stamp != self.stamp || sheet.values.len() != self.indicators.len() {
            return Err(ScoreError::SheetMismatch);
        }
        match &self.rule {
            CompiledRule::Points { max_total, bands, fail, strictest_floor } => {
                Ok(self.score_points(sheet, *max_total, bands, fail, *strictest_floor))
            }
            CompiledRule::AllPass { levels, fail } => {
                self.score_all_pass(sheet, metrics, subject.mask(), context, levels, fail)
            }
        }
    }

    fn outcome<'s>(&'s self, level: ResultLevel<'s>) -> Outcome<'s> {
        Outcome {
            framework_id: Cow::Borrowed(&self.framework_id),
            framework_version: self.version,
            framework_status: self.status,
            complete: self.complete,
            level,
            points: None,
            groups: Vec::with_capacity(self.groups.len()),
            indicators: Vec::with_capacity(self.indicators.len()),
            next_level: None,
        }
    }

    fn score_points<'s>(
        &'s self,
        sheet: &AnswerSheet,
        max_total: f64,
        bands: &'s [Band],
        fail: &'s LevelText,
        strictest_floor: Option<f64>,
    ) -> Outcome<'s> {
        let mut outcome = self.outcome(fail.lend());
        // A missing answer scores 0, so it also counts against every floor.
        let mut lowest = f64::INFINITY;
        for (indicator, value) in self.indicators.iter().zip(&sheet.values) {
            let max = indicator.max_points().unwrap_or(0.0);
            let (awarded, status, reason, source) = match value {
                Some(Value::Points(p)) => {
                    let status = if strictest_floor.is_some_and(|f| *p < f) {
                        IndicatorStatus::BelowFloor
                    } else {
                        IndicatorStatus::Scored
                    };
                    let reason = Reason::Points { awarded: *p, max, floor: strictest_floor };
                    (*p, status, reason, Some(ValueSource::Answer))
                }
                _ => (0.0, IndicatorStatus::MissingAnswer, Reason::MissingAnswer, None),
            };
            lowest = lowest.min(awarded);
            outcome.indicators.push(IndicatorOutcome {
                id: Cow::Borrowed(&indicator.id),
                status,
                passed_tier: None,
                points: Some(awarded),
                max_points: Some(max),
                source,
                reason,
            });
        }
        let mut total = 0.0;
        for group in &self.groups {
            let parts = &outcome.indicators[group.range.clone()];
            let points: f64 = parts.iter().filter_map(|i| i.points).sum();
            let max = group.max_points.unwrap_or_else(|| parts.iter().filter_map(|i| i.max_points).sum());
            if group.top_level {
                total += points;
            }
            outcome.groups.push(GroupOutcome {
                id: Cow::Borrowed(&group.id),
                points: Some(points),
                max_points: Some(max),
                passed_tier: None,
            });
        }
        outcome.points = Some(PointsTotal { total, max: max_total });
        let reaches = |band: &Band| total + EPSILON >= band.min_total && band.floor.is_none_or(|f| lowest >= f);
        // Bands are highest first: the first reached is the result, the one before it is next.
        let reached = bands.iter().position(reaches);
        if let Some(r) = reached {
            outcome.level = bands[r].level.lend();
        }
        let next = match reached {
            Some(0) => None,
            Some(r) => Some(&bands[r - 1]),
            None => bands.last(),
        };
        if let Some(next) = next {
            let mut gaps = Vec::new();
            if total + EPSILON < next.min_total {
                gaps.push(Gap::Points { have: total, need: next.min_total, max: max_total });
            }
            if let Some(floor) = next.floor {
                for o in outcome.indicators.iter().filter(|o| o.points.is_some_and(|p| p < floor)) {
                    gaps.push(match o.status {
                        IndicatorStatus::MissingAnswer => Gap::MissingAnswer { indicator_id: reborrow(&o.id) },
                        _ => Gap::Floor { indicator_id: reborrow(&o.id), have: o.points.unwrap_or(0.0), need: floor },
                    });
                }
            }
            outcome.next_level = Some(NextLevel { level: next.level.lend(), gaps });
        }
        outcome
    }

    fn score_all_pass<'s>(
        &'s self,
        sheet: &AnswerSheet,
        metrics: &MetricValues,
        subject_mask: u32,
        context: &Context,
        levels: &'s [PassLevel],
        fail: &'s LevelText,
    ) -> Result<Outcome<'s>, ScoreError> {
        // Metric values are checked once here, so that judging an indicator cannot fail.
        for metric in Metric::ALL {
            if let Some(v) = metrics.get(metric)
                && !(v.is_finite() && (0.0..=100.0).contains(&v))
            {
                return Err(ScoreError::MetricOutOfRange { metric, value: v, value_vi: VnNumber(v).to_string() });
            }
        }
        let mut outcome = self.outcome(fail.lend());
        let mut has_tier = [false; 2];
        for level in levels {
            has_tier[level.tier.index()] = true;
        }
        // How many indicators each level requires that do not pass at its tier.
        let mut failing = [0usize; 2];
        // `extend` over an exact-size iterator writes each verdict straight into the list.
        outcome.indicators.extend(self.indicators.iter().zip(&sheet.values).map(|(indicator, answer)| {
            let entry = indicator.judge(*answer, metrics, subject_mask, has_tier);
            if entry.status != IndicatorStatus::NotApplicable {
                for (t, failing) in failing.iter_mut().enumerate() {
                    let passes = entry.passed_tier.is_some_and(|p| p.index() >= t);
                    *failing += usize::from(indicator.required_by[t] && !passes);
                }
            }
            entry
        }));
        let top_tier = levels.last().map(|l| l.tier);
        for group in &self.groups {
            let passed_tier = outcome.indicators[group.range.clone()]
                .iter()
                .filter(|o| o.status != IndicatorStatus::NotApplicable)
                .fold(top_tier, |lowest, o| lowest.min(o.passed_tier));
            outcome.groups.push(GroupOutcome {
                id: Cow::Borrowed(&group.id),
                points: None,
                max_points: None,
                passed_tier,
            });
        }
        // Levels are level 1 first; each needs the one below it.
        for level in levels {
            let held = held_long_enough(context, level.min_months_at_level1);
            let failing = failing[level.tier.index()];
            if failing > 0 || held.is_err() {
                outcome.next_level = Some(self.next_pass_level(&outcome.indicators, level, failing, held.err()));
                break;
            }
            outcome.level = level.level.lend();
        }
        Ok(outcome)
    }

    fn next_pass_level<'s>(
        &'s self,
        entries: &[IndicatorOutcome<'s>],
        level: &'s PassLevel,
        failing: usize,
        held: Option<Gap<'s>>,
    ) -> NextLevel<'s> {
        let t = level.tier.index();
        let mut gaps = Vec::with_capacity(failing + usize::from(held.is_some()));
        for (indicator, entry) in self.indicators.iter().zip(entries) {
            // Same test as when counting `failing`, without reading the reason.
            let passes =
                entry.status == IndicatorStatus::NotApplicable || entry.passed_tier.is_some_and(|p| p.index() >= t);
            if passes || !indicator.required_by[t] {
                continue;
            }
            let check = match &entry.reason {
                Reason::Checked { level1, level2, .. } => if t == 0 { level1 } else { level2 }.as_ref(),
                _ => None,
            };
            gaps.push(match (check, &entry.reason) {
                (Some(check), Reason::Checked { value, figure_vi, .. }) => Gap::Indicator {
                    indicator_id: reborrow(&entry.id),
                    tier: level.tier,
                    needed: check.required.as_ref().map(Figure::reborrow),
                    has: value.reborrow(),
                    figure_vi: figure_vi.as_ref().map(reborrow),
                },
                _ => Gap::MissingAnswer { indicator_id: reborrow(&entry.id) },
            });
        }
        gaps.extend(held);
        NextLevel { level: level.level.lend(), gaps }
    }
}

/// Whether the subject has held level 1 for `months` by the evaluation date; the gap if not.
fn held_long_enough(context: &Context, months: Option<u32>) -> Result<(), Gap<'static>> {
    let Some(months) = months else { return Ok(()) };
    let eligible_on = context.held_level1_since.and_then(|since| since.checked_add_months(Months::new(months)));
    match eligible_on {
        Some(day) if day <= context.evaluation_date => Ok(()),
        _ => Err(Gap::HeldLevel1 { months, since: context.held_level1_since, eligible_on }),
    }
}

fn compile_indicator(indicator: &Indicator) -> CompiledIndicator {
    CompiledIndicator {
        id: indicator.id.clone(),
        applies_mask: mask_of(&indicator.applies_to),
        required_by: [false; 2],
        base: Check::compile(&indicator.measure, indicator.metric.as_deref(), indicator.figure_vi.as_deref()),
        variants: indicator
            .variants
            .iter()
            .map(|v| {
                let check = Check::compile(
                    &v.measure,
                    v.metric.as_deref().or(indicator.metric.as_deref()),
                    v.figure_vi.as_deref().or(indicator.figure_vi.as_deref()),
                );
                (mask_of(&v.applies_to), check)
            })
            .collect(),
    }
}

impl CompiledIndicator {
    fn max_points(&self) -> Option<f64> {
        match self.base.rule {
            CheckRule::Points(max) => Some(max),
            _ => None,
        }
    }

    /// Checks an answer's kind and range and converts it.
    fn accept(&self, answer: &Answer) -> Result<Value, ScoreError> {
        let id = self.id.as_str();
        match (&self.base.rule, answer) {
            (CheckRule::YesNo(_), Answer::YesNo(v)) => Ok(Value::YesNo(*v)),
            (CheckRule::Points(max), Answer::Points(p)) => {
                if p.is_finite() && (0.0..=*max).contains(p) {
                    Ok(Value::Points(*p))
                } else {
                    Err(ScoreError::out_of_range(id, *p, *max))
                }
            }
            (CheckRule::Percentage(_), Answer::Percentage(p)) => {
                if p.is_finite() && (0.0..=100.0).contains(p) {
                    Ok(Value::Percentage(*p))
                } else {
                    Err(ScoreError::out_of_range(id, *p, 100.0))
                }
            }
            (CheckRule::Count(_), Answer::Count(n)) => Ok(Value::Count(*n)),
            (CheckRule::Ordinal { values, .. }, Answer::Ordinal(v)) => match v {
                None => Ok(Value::Ordinal(None)),
                Some(v) => values
                    .iter()
                    .position(|known| known == v)
                    .and_then(|p| u16::try_from(p).ok())
                    .map(|p| Value::Ordinal(Some(p)))
                    .ok_or_else(|| ScoreError::UnknownOrdinalValue { id: id.to_owned(), value: v.clone() }),
            },
            (rule, answer) => {
                Err(ScoreError::WrongAnswerKind { id: id.to_owned(), expected: rule.kind(), got: answer.kind() })
            }
        }
    }

    /// The verdict of a pass/fail indicator for one subject (metric values already checked).
    // Inlined so that the verdict is built where it is stored, not built and then copied.
    #[inline(always)]
    fn judge(
        &self,
        answer: Option<Value>,
        metrics: &MetricValues,
        subject_mask: u32,
        has_tier: [bool; 2],
    ) -> IndicatorOutcome<'_> {
        let entry = |status, passed_tier, source, reason| IndicatorOutcome {
            id: Cow::Borrowed(self.id.as_str()),
            status,
            passed_tier,
            points: None,
            max_points: None,
            source,
            reason,
        };
        if self.applies_mask != 0 && self.applies_mask & subject_mask == 0 {
            return entry(IndicatorStatus::NotApplicable, None, None, Reason::NotApplicable);
        }
        let check = self.variants.iter().find(|(mask, _)| mask & subject_mask != 0).map_or(&self.base, |(_, c)| c);
        let (value, source) = match check.metric.and_then(|m| metrics.get(m)) {
            Some(v) => (Value::Percentage(v), ValueSource::Metric),
            None => match answer {
                Some(v) => (v, ValueSource::Answer),
                None => return entry(IndicatorStatus::MissingAnswer, None, None, Reason::MissingAnswer),
            },
        };
        let mut checks: [Option<TierCheck>; 2] = [None, None];
        let mut passed_tier = None;
        let mut chain_holds = true;
        for tier in Tier::ALL {
            if !has_tier[tier.index()] {
                continue;
            }
            let (required, passed) = check.test(value, tier);
            // A level counts only when every level below it is passed too.
            chain_holds &= passed;
            if chain_holds {
                passed_tier = Some(tier);
            }
            checks[tier.index()] = Some(TierCheck { required, passed });
        }
        let status = if passed_tier.is_some() { IndicatorStatus::Passed } else { IndicatorStatus::Failed };
        let [level1, level2] = checks;
        let reason = Reason::Checked {
            value: check.figure(value),
            figure_vi: check.figure_vi.as_deref().map(Cow::Borrowed),
            level1,
            level2,
        };
        entry(status, passed_tier, Some(source), reason)
    }
}

impl CheckRule {
    fn kind(&self) -> MeasureKind {
        match self {
            Self::YesNo(_) => MeasureKind::YesNo,
            Self::Points(_) => MeasureKind::Points,
            Self::Percentage(_) => MeasureKind::Percentage,
            Self::Count(_) => MeasureKind::Count,
            Self::Ordinal { .. } => MeasureKind::Ordinal,
        }
    }
}

impl AnswerSheet {
    /// How many indicators have an answer.
    pub fn answered(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }
}

/// The date from which a subject recognised at level 1 on `since` may be raised to level 2.
pub fn level2_eligible_on(since: NaiveDate, months: u32) -> Option<NaiveDate> {
    since.checked_add_months(Months::new(months))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_errors_in_both_languages() {
        let invalid = FrameworkError::new("/version", crate::ErrorCode::InvalidVersion, "Số phiên bản", "Version");
        let errors = [
            ScoreError::InvalidFramework { errors: vec![invalid] },
            ScoreError::UnknownIndicator { id: "TC9".into() },
            ScoreError::WrongAnswerKind { id: "TC1.1".into(), expected: MeasureKind::YesNo, got: MeasureKind::Points },
            ScoreError::out_of_range("TC1.1", 12.5, 10.0),
            ScoreError::UnknownOrdinalValue { id: "TC1.1".into(), value: "cao".into() },
            ScoreError::MetricOutOfRange {
                metric: Metric::ALL[0],
                value: 120.0,
                value_vi: VnNumber(120.0).to_string(),
            },
            ScoreError::SheetMismatch,
        ];
        for e in &errors {
            let (vi, en) = (e.message_vi(), e.message_en());
            assert_eq!(vi, e.to_string());
            assert!(!en.is_empty() && en != vi, "{e:?}");
        }
        assert_eq!(errors[0].message_en(), "The criteria framework is invalid (1 error)");
        assert_eq!(
            errors[2].message_en(),
            "Indicator “TC1.1” needs an answer of kind “yes_no”, got one of kind “points”"
        );
        assert_eq!(errors[3].message_en(), "The answer for “TC1.1” is 12.5, outside the range 0–10");
    }
}
