//! Validation of a framework document, with every problem reported at once.
//!
//! Drafts may be incomplete (that is what a draft is for), so some checks only bite on a
//! `published` framework: every group filled, every threshold known, maxima that add up
//! exactly. Whatever is wrong whatever the status (duplicate ids, a threshold of 120 %, a
//! band no answer could reach) is refused for drafts too.
//!
//! Decision on level 2 vs level 1: thresholds are minimums and level 2 is the harder level
//! (TT 25/2023: "the same criteria with harder indicators"), so a level-2 threshold below the
//! level-1 one is refused as a certain typo; an equal one is fine.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{
    Framework, FrameworkStatus, Group, Indicator, LevelName, LevelThresholds, Measure, MeasureKind, ModelKind,
    ResultRule, Tier,
};
use crate::reason::VnNumber;
use crate::{Metric, SubjectType};

/// How deep groups may nest: tiêu chuẩn → tiêu chí → chỉ tiêu needs three; a deeper tree is
/// a mistake, and a very deep one would not read back as JSON.
pub const MAX_GROUP_DEPTH: usize = 8;

/// Tolerance for comparing sums of points.
const EPSILON: f64 = 1e-9;

/// Stable machine codes of framework problems. Never rename one: API clients match on them.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Not JSON, or not the shape of a framework (a misspelt field, a wrong type).
    InvalidDocument,
    InvalidId,
    InvalidVersion,
    EmptyText,
    /// An end date before its start date.
    InvalidPeriod,
    /// A target group on a model other than Công dân học tập, or none on a published one.
    TargetGroupMismatch,
    DuplicateId,
    /// A result rule names a group or indicator that does not exist.
    UnknownReference,
    /// A maximum, total or floor that is not a positive finite number (or negative).
    InvalidPoints,
    GroupMaxMismatch,
    TotalMaxMismatch,
    ThresholdOutOfRange,
    /// An ordinal list that is empty or repeats a value.
    InvalidOrdinalValues,
    UnknownOrdinalValue,
    Level2BelowLevel1,
    MissingThreshold,
    UnknownMetric,
    MetricKindMismatch,
    UnknownSubjectType,
    EmptyAppliesTo,
    AppliesToNotAllowed,
    VariantNotAllowed,
    /// An indicator or group kind that the result rule cannot use.
    KindNotAllowed,
    BandsNotDescending,
    UnreachableBand,
    UnreachableFloor,
    InvalidLevels,
    NoResultLevels,
    PublishedIncomplete,
    EmptyGroup,
    NoIndicators,
    TemplateNotPublishable,
    GroupsTooDeep,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 33] = [
        Self::InvalidDocument,
        Self::InvalidId,
        Self::InvalidVersion,
        Self::EmptyText,
        Self::InvalidPeriod,
        Self::TargetGroupMismatch,
        Self::DuplicateId,
        Self::UnknownReference,
        Self::InvalidPoints,
        Self::GroupMaxMismatch,
        Self::TotalMaxMismatch,
        Self::ThresholdOutOfRange,
        Self::InvalidOrdinalValues,
        Self::UnknownOrdinalValue,
        Self::Level2BelowLevel1,
        Self::MissingThreshold,
        Self::UnknownMetric,
        Self::MetricKindMismatch,
        Self::UnknownSubjectType,
        Self::EmptyAppliesTo,
        Self::AppliesToNotAllowed,
        Self::VariantNotAllowed,
        Self::KindNotAllowed,
        Self::BandsNotDescending,
        Self::UnreachableBand,
        Self::UnreachableFloor,
        Self::InvalidLevels,
        Self::NoResultLevels,
        Self::PublishedIncomplete,
        Self::EmptyGroup,
        Self::NoIndicators,
        Self::TemplateNotPublishable,
        Self::GroupsTooDeep,
    ];

    /// The stable snake_case code, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidDocument => "invalid_document",
            Self::InvalidId => "invalid_id",
            Self::InvalidVersion => "invalid_version",
            Self::EmptyText => "empty_text",
            Self::InvalidPeriod => "invalid_period",
            Self::TargetGroupMismatch => "target_group_mismatch",
            Self::DuplicateId => "duplicate_id",
            Self::UnknownReference => "unknown_reference",
            Self::InvalidPoints => "invalid_points",
            Self::GroupMaxMismatch => "group_max_mismatch",
            Self::TotalMaxMismatch => "total_max_mismatch",
            Self::ThresholdOutOfRange => "threshold_out_of_range",
            Self::InvalidOrdinalValues => "invalid_ordinal_values",
            Self::UnknownOrdinalValue => "unknown_ordinal_value",
            Self::Level2BelowLevel1 => "level2_below_level1",
            Self::MissingThreshold => "missing_threshold",
            Self::UnknownMetric => "unknown_metric",
            Self::MetricKindMismatch => "metric_kind_mismatch",
            Self::UnknownSubjectType => "unknown_subject_type",
            Self::EmptyAppliesTo => "empty_applies_to",
            Self::AppliesToNotAllowed => "applies_to_not_allowed",
            Self::VariantNotAllowed => "variant_not_allowed",
            Self::KindNotAllowed => "kind_not_allowed",
            Self::BandsNotDescending => "bands_not_descending",
            Self::UnreachableBand => "unreachable_band",
            Self::UnreachableFloor => "unreachable_floor",
            Self::InvalidLevels => "invalid_levels",
            Self::NoResultLevels => "no_result_levels",
            Self::PublishedIncomplete => "published_incomplete",
            Self::EmptyGroup => "empty_group",
            Self::NoIndicators => "no_indicators",
            Self::TemplateNotPublishable => "template_not_publishable",
            Self::GroupsTooDeep => "groups_too_deep",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a framework document.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, thiserror::Error)]
#[error("{path}: {message_vi}")]
pub struct FrameworkError {
    /// JSON pointer to the offending value, e.g. `/groups/2/indicators/0/measure/min/level1`
    /// (empty for the whole document).
    pub path: String,
    pub code: ErrorCode,
    pub message_vi: String,
    /// The same message in English (empty when read from JSON written before it existed).
    #[serde(default)]
    pub message_en: String,
}

impl FrameworkError {
    /// An error at `path` (a JSON pointer), with its message in Vietnamese and English.
    pub fn new(
        path: impl Into<String>,
        code: ErrorCode,
        message_vi: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self { path: path.into(), code, message_vi: message_vi.into(), message_en: message_en.into() }
    }

    pub fn parse(error: &serde_json::Error) -> Self {
        // serde_json ends its message with the position, which is given in each language here.
        let text = error.to_string();
        let detail = text.rsplit_once(" at line ").map_or(text.as_str(), |(detail, _)| detail);
        let (line, column) = (error.line(), error.column());
        Self::new(
            "",
            ErrorCode::InvalidDocument,
            format!("Tài liệu không đúng cấu trúc bộ tiêu chí (dòng {line}, cột {column}): {detail}"),
            format!("The document is not structured as a criteria framework (line {line}, column {column}): {detail}"),
        )
    }
}

/// A number for English messages: rounded to hundredths like [`VnNumber`], with a decimal
/// point, no grouping and no trailing zeros (100 → "100", 88.5 → "88.5").
struct EnNumber(f64);

impl fmt::Display for EnNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if !x.is_finite() || x.abs() >= 1e15 {
            return write!(f, "{x}");
        }
        // Dividing the rounded hundredths gives the double nearest the two-decimal value,
        // which `{}` prints in its shortest form; `+ 0.0` turns -0 into 0.
        let rounded = (x * 100.0).round() / 100.0 + 0.0;
        write!(f, "{rounded}")
    }
}

/// The English name of a level ([`Tier`]'s `Display` is Vietnamese).
fn tier_en(tier: Tier) -> &'static str {
    match tier {
        Tier::Level1 => "Level 1",
        Tier::Level2 => "Level 2",
    }
}

/// Checks a framework document; returns every problem found.
pub fn validate(framework: &Framework) -> Result<(), Vec<FrameworkError>> {
    let mut v = Validator::new(framework);
    v.header();
    let sum = v.groups(&framework.groups, "/groups");
    v.result(sum);
    if v.errors.is_empty() { Ok(()) } else { Err(v.errors) }
}

struct Validator<'a> {
    framework: &'a Framework,
    published: bool,
    points_rule: bool,
    /// Tiers the result rule uses; thresholds of these must be known once published.
    tiers: Vec<Tier>,
    /// Group and indicator ids with the path where each was first seen.
    ids: HashMap<&'a str, String>,
    /// Indicators with their maxima, for floor checks.
    point_indicators: Vec<(&'a str, f64)>,
    indicator_count: usize,
    errors: Vec<FrameworkError>,
}

impl<'a> Validator<'a> {
    fn new(framework: &'a Framework) -> Self {
        let (points_rule, tiers) = match &framework.result {
            ResultRule::Points { .. } => (true, Vec::new()),
            ResultRule::AllIndicatorsPass { levels, .. } => (false, levels.iter().map(|l| l.tier).collect()),
        };
        Self {
            framework,
            published: framework.status == FrameworkStatus::Published,
            points_rule,
            tiers,
            ids: HashMap::new(),
            point_indicators: Vec::new(),
            indicator_count: 0,
            errors: Vec::new(),
        }
    }

    fn error(
        &mut self,
        path: impl Into<String>,
        code: ErrorCode,
        message_vi: impl Into<String>,
        message_en: impl Into<String>,
    ) {
        self.errors.push(FrameworkError::new(path, code, message_vi, message_en));
    }

    fn text(&mut self, path: String, text: &str) {
        if text.trim().is_empty() {
            self.error(path, ErrorCode::EmptyText, "Nội dung không được để trống", "The text must not be empty");
        }
    }

    fn header(&mut self) {
        let f = self.framework;
        if !is_framework_id(&f.id) {
            self.error(
                "/id",
                ErrorCode::InvalidId,
                format!("Mã bộ tiêu chí “{}” chỉ được gồm chữ thường, số, dấu chấm và gạch nối", f.id),
                format!("The framework id “{}” may contain only lowercase letters, digits, dots and hyphens", f.id),
            );
        }
        if f.version == 0 {
            self.error(
                "/version",
                ErrorCode::InvalidVersion,
                "Số phiên bản phải từ 1 trở lên",
                "The version number must be 1 or more",
            );
        }
        self.text("/name_vi".into(), &f.name_vi);
        self.text("/legal_basis/number".into(), &f.legal_basis.number);
        self.text("/legal_basis/issuer_vi".into(), &f.legal_basis.issuer_vi);
        for (i, doc) in f.related_documents.iter().enumerate() {
            self.text(format!("/related_documents/{i}/number"), &doc.number);
            self.text(format!("/related_documents/{i}/issuer_vi"), &doc.issuer_vi);
        }
        if let (Some(from), Some(to)) = (f.valid_from, f.valid_to)
            && to < from
        {
            self.error(
                "/valid_to",
                ErrorCode::InvalidPeriod,
                "Ngày hết hiệu lực trước ngày có hiệu lực",
                "The expiry date is before the effective date",
            );
        }
        for (name, roles) in [("applicants", &f.applicants), ("recognisers", &f.recognisers)] {
            for (i, role) in roles.iter().enumerate() {
                if let (Some(from), Some(to)) = (role.valid_from, role.valid_to)
                    && to < from
                {
                    self.error(
                        format!("/{name}/{i}/valid_to"),
                        ErrorCode::InvalidPeriod,
                        "Ngày kết thúc trước ngày bắt đầu",
                        "The end date is before the start date",
                    );
                }
                if let Some(role_vi) = &role.role_vi {
                    self.text(format!("/{name}/{i}/role_vi"), role_vi);
                }
            }
        }
        let citizen = f.model_kind == ModelKind::CongDanHocTap;
        match (citizen, f.target_group) {
            (false, Some(_)) => self.error(
                "/target_group",
                ErrorCode::TargetGroupMismatch,
                "Chỉ bộ tiêu chí Công dân học tập mới có nhóm đối tượng",
                "Only a Công dân học tập (learning citizen) framework has a target group",
            ),
            (true, None) if self.published => self.error(
                "/target_group",
                ErrorCode::TargetGroupMismatch,
                "Bộ tiêu chí Công dân học tập đã ban hành phải nêu nhóm đối tượng",
                "A published Công dân học tập (learning citizen) framework must state its target group",
            ),
            _ => {}
        }
        for (i, note) in f.missing.iter().enumerate() {
            self.text(format!("/missing/{i}"), note);
        }
        if self.published && !f.missing.is_empty() {
            let n = f.missing.len();
            self.error(
                "/missing",
                ErrorCode::PublishedIncomplete,
                format!("Bộ tiêu chí đã ban hành không được còn phần chưa biết ({n} mục trong “missing”)"),
                format!(
                    "A published framework must not have unknown parts left ({n} {} in “missing”)",
                    if n == 1 { "item" } else { "items" }
                ),
            );
        }
        for (i, note) in f.confidence_notes.iter().enumerate() {
            self.text(format!("/confidence_notes/{i}/note_vi"), &note.note_vi);
        }
        if self.published && f.template {
            self.error(
                "/template",
                ErrorCode::TemplateNotPublishable,
                "Bộ tiêu chí mẫu không được ban hành; tỉnh tiếp nhận (adopt) mẫu rồi ban hành bản của mình",
                "A template is never published; a province adopts it and publishes its own copy",
            );
        }
    }

    fn id(&mut self, path: String, id: &'a str) {
        if !is_code(id) {
            self.error(
                format!("{path}/id"),
                ErrorCode::InvalidId,
                format!("Mã “{id}” không hợp lệ: không được trống hoặc chứa khoảng trắng"),
                format!("The id “{id}” is invalid: it must not be empty or contain whitespace"),
            );
            return;
        }
        if let Some(first) = self.ids.get(id) {
            let message_vi = format!("Mã “{id}” bị trùng (đã dùng tại {first})");
            let message_en = format!("The id “{id}” is a duplicate (already used at {first})");
            self.error(format!("{path}/id"), ErrorCode::DuplicateId, message_vi, message_en);
        } else {
            self.ids.insert(id, path);
        }
    }

    /// Checks groups and returns the sum of their points (declared maxima where given);
    /// `None` when an error below makes the sum meaningless, so it is not reported twice.
    fn groups(&mut self, groups: &'a [Group], base: &str) -> Option<f64> {
        let mut sum = Some(0.0);
        for (i, group) in groups.iter().enumerate() {
            let path = format!("{base}/{i}");
            let part = self.group(group, &path);
            sum = sum.zip(part).map(|(a, b)| a + b);
        }
        sum
    }

    fn group(&mut self, group: &'a Group, path: &str) -> Option<f64> {
        if path.matches("/groups/").count() > MAX_GROUP_DEPTH {
            self.error(
                path,
                ErrorCode::GroupsTooDeep,
                format!("Nhóm “{}” lồng quá {MAX_GROUP_DEPTH} cấp", group.id),
                format!("The group “{}” nests more than {MAX_GROUP_DEPTH} deep", group.id),
            );
            return None;
        }
        self.id(path.to_owned(), &group.id);
        self.text(format!("{path}/name_vi"), &group.name_vi);
        if self.published && group.indicators.is_empty() && group.groups.is_empty() {
            self.error(
                path,
                ErrorCode::EmptyGroup,
                format!("Tiêu chí “{}” chưa có chỉ tiêu nào", group.id),
                format!("The criterion “{}” has no indicators yet", group.id),
            );
        }
        let mut sum = Some(0.0);
        for (i, indicator) in group.indicators.iter().enumerate() {
            let part = self.indicator(indicator, &format!("{path}/indicators/{i}"));
            sum = sum.zip(part).map(|(a, b)| a + b);
        }
        let parts = self.groups(&group.groups, &format!("{path}/groups"));
        sum = sum.zip(parts).map(|(a, b)| a + b);
        let Some(max) = group.max_points else { return sum };
        let max_path = format!("{path}/max_points");
        if !self.points_rule {
            self.error(
                max_path,
                ErrorCode::KindNotAllowed,
                "Điểm tối đa chỉ dùng trong bộ tiêu chí tính điểm",
                "Maximum points are only used in a points-based framework",
            );
            return sum;
        }
        if !(max.is_finite() && max > 0.0) {
            self.error(
                max_path,
                ErrorCode::InvalidPoints,
                "Điểm tối đa phải là số dương",
                "The maximum points must be a positive number",
            );
            return None;
        }
        let sum = sum?;
        if sum > max + EPSILON || (self.published && (sum - max).abs() > EPSILON) {
            self.error(
                max_path,
                ErrorCode::GroupMaxMismatch,
                format!("Điểm tối đa của “{}” là {} nhưng tổng các phần là {}", group.id, VnNumber(max), VnNumber(sum)),
                format!(
                    "The maximum points of “{}” are {} but its parts add up to {}",
                    group.id,
                    EnNumber(max),
                    EnNumber(sum)
                ),
            );
            // Report the group once, not again in every total above it.
            return None;
        }
        // The declared maximum stands for the group, including parts not known yet.
        Some(max)
    }

    /// Checks an indicator and returns its maximum points (0 outside points frameworks;
    /// `None` when the maximum is wrong).
    fn indicator(&mut self, indicator: &'a Indicator, path: &str) -> Option<f64> {
        self.indicator_count += 1;
        self.id(path.to_owned(), &indicator.id);
        self.text(format!("{path}/text_vi"), &indicator.text_vi);
        if let Some(figure) = &indicator.figure_vi {
            self.text(format!("{path}/figure_vi"), figure);
        }
        let kind = indicator.measure.kind();
        if self.points_rule != (kind == MeasureKind::Points) {
            let (message_vi, message_en) = if self.points_rule {
                (
                    format!("Bộ tiêu chí tính điểm chỉ nhận chỉ tiêu loại points, không nhận “{kind}”"),
                    format!("A points-based framework only accepts indicators of kind points, not “{kind}”"),
                )
            } else {
                (
                    "Bộ tiêu chí đạt/không đạt theo mức độ không nhận chỉ tiêu loại points".to_owned(),
                    "A pass/fail framework with levels does not accept indicators of kind points".to_owned(),
                )
            };
            self.error(format!("{path}/measure/kind"), ErrorCode::KindNotAllowed, message_vi, message_en);
        }
        if self.points_rule && !indicator.applies_to.is_empty() {
            // A points scale has no documented rule for an indicator that does not apply
            // (rescale? full marks?), so it is refused rather than guessed.
            self.error(
                format!("{path}/applies_to"),
                ErrorCode::AppliesToNotAllowed,
                "Bộ tiêu chí tính điểm không có quy định cho chỉ tiêu không áp dụng",
                "A points-based framework has no rule for an indicator that does not apply",
            );
        }
        self.subject_types(&format!("{path}/applies_to"), &indicator.applies_to);
        self.metric(path, indicator.metric.as_deref(), kind);
        self.measure(&format!("{path}/measure"), &indicator.measure);
        for (i, variant) in indicator.variants.iter().enumerate() {
            let vpath = format!("{path}/variants/{i}");
            if !matches!(kind, MeasureKind::Percentage | MeasureKind::Count) {
                self.error(
                    vpath,
                    ErrorCode::VariantNotAllowed,
                    "Chỉ chỉ tiêu tỉ lệ phần trăm hoặc số lượng mới có ngưỡng riêng theo loại đối tượng",
                    "Only percentage or count indicators may have separate thresholds by subject type",
                );
                continue;
            }
            if variant.measure.kind() != kind {
                self.error(
                    format!("{vpath}/measure/kind"),
                    ErrorCode::VariantNotAllowed,
                    format!("Ngưỡng riêng phải cùng loại “{kind}” với chỉ tiêu"),
                    format!("A separate threshold must be of the same kind “{kind}” as the indicator"),
                );
                continue;
            }
            if variant.applies_to.is_empty() {
                self.error(
                    format!("{vpath}/applies_to"),
                    ErrorCode::EmptyAppliesTo,
                    "Ngưỡng riêng phải nêu loại đối tượng áp dụng",
                    "A separate threshold must state the subject types it applies to",
                );
            }
            self.subject_types(&format!("{vpath}/applies_to"), &variant.applies_to);
            if let Some(figure) = &variant.figure_vi {
                self.text(format!("{vpath}/figure_vi"), figure);
            }
            self.metric(&vpath, variant.metric.as_deref(), kind);
            self.measure(&format!("{vpath}/measure"), &variant.measure);
        }
        match indicator.measure {
            Measure::Points { max } if max.is_finite() && max > 0.0 => {
                self.point_indicators.push((&indicator.id, max));
                Some(max)
            }
            Measure::Points { .. } => None,
            _ if self.points_rule => None,
            _ => Some(0.0),
        }
    }

    fn subject_types(&mut self, path: &str, types: &[String]) {
        for (i, name) in types.iter().enumerate() {
            if SubjectType::from_name(name).is_none() {
                self.error(
                    format!("{path}/{i}"),
                    ErrorCode::UnknownSubjectType,
                    format!("Loại đối tượng “{name}” không có trong danh mục"),
                    format!("The subject type “{name}” is not in the catalogue"),
                );
            }
        }
    }

    fn metric(&mut self, path: &str, metric: Option<&str>, kind: MeasureKind) {
        let Some(name) = metric else { return };
        match Metric::from_name(name) {
            None => self.error(
                format!("{path}/metric"),
                ErrorCode::UnknownMetric,
                format!("Số liệu “{name}” không có trong danh mục số liệu đã biết"),
                format!("The metric “{name}” is not in the catalogue of known metrics"),
            ),
            Some(metric) if metric.kind() != kind => self.error(
                format!("{path}/metric"),
                ErrorCode::MetricKindMismatch,
                format!("Số liệu “{name}” là loại “{}” nhưng chỉ tiêu là loại “{kind}”", metric.kind()),
                format!("The metric “{name}” is of kind “{}” but the indicator is of kind “{kind}”", metric.kind()),
            ),
            Some(_) => {}
        }
    }

    fn measure(&mut self, path: &str, measure: &Measure) {
        match measure {
            Measure::YesNo { required } => {
                self.complete(&format!("{path}/required"), required);
                if required.level1 == Some(true) && required.level2 == Some(false) {
                    self.level2_below_level1(&format!("{path}/required/level2"));
                }
            }
            Measure::Points { max } => {
                if !(max.is_finite() && *max > 0.0) {
                    self.error(
                        format!("{path}/max"),
                        ErrorCode::InvalidPoints,
                        "Điểm tối đa phải là số dương",
                        "The maximum points must be a positive number",
                    );
                }
            }
            Measure::Percentage { min } => {
                for tier in Tier::ALL {
                    if let Some(&t) = min.get(tier)
                        && !(t.is_finite() && (0.0..=100.0).contains(&t))
                    {
                        self.error(
                            format!("{path}/min/{}", tier_key(tier)),
                            ErrorCode::ThresholdOutOfRange,
                            format!("Ngưỡng {} % nằm ngoài khoảng 0–100 %", VnNumber(t)),
                            format!("The threshold {} % is outside the range 0–100 %", EnNumber(t)),
                        );
                    }
                }
                let in_range = |t: f64| t.is_finite() && (0.0..=100.0).contains(&t);
                if let (Some(l1), Some(l2)) = (min.level1, min.level2)
                    && in_range(l1)
                    && in_range(l2)
                    && l2 < l1
                {
                    self.level2_below_level1(&format!("{path}/min/level2"));
                }
                self.complete(&format!("{path}/min"), min);
            }
            Measure::Count { min } => {
                if let (Some(l1), Some(l2)) = (min.level1, min.level2)
                    && l2 < l1
                {
                    self.level2_below_level1(&format!("{path}/min/level2"));
                }
                self.complete(&format!("{path}/min"), min);
            }
            Measure::Ordinal { values, min } => {
                let mut seen = Vec::with_capacity(values.len());
                for (i, value) in values.iter().enumerate() {
                    if value.trim().is_empty() || seen.contains(&value) {
                        self.error(
                            format!("{path}/values/{i}"),
                            ErrorCode::InvalidOrdinalValues,
                            format!("Giá trị “{value}” trống hoặc bị lặp trong danh sách"),
                            format!("The value “{value}” is empty or repeated in the list"),
                        );
                    }
                    seen.push(value);
                }
                if values.is_empty() {
                    self.error(
                        format!("{path}/values"),
                        ErrorCode::InvalidOrdinalValues,
                        "Danh sách giá trị không được trống",
                        "The list of values must not be empty",
                    );
                }
                let mut positions = [None, None];
                for tier in Tier::ALL {
                    let Some(threshold) = min.get(tier) else { continue };
                    match values.iter().position(|v| v == threshold) {
                        Some(p) => positions[tier.index()] = Some(p),
                        None => self.error(
                            format!("{path}/min/{}", tier_key(tier)),
                            ErrorCode::UnknownOrdinalValue,
                            format!("Ngưỡng “{threshold}” không có trong danh sách giá trị"),
                            format!("The threshold “{threshold}” is not in the list of values"),
                        ),
                    }
                }
                if let [Some(l1), Some(l2)] = positions
                    && l2 < l1
                {
                    self.level2_below_level1(&format!("{path}/min/level2"));
                }
                self.complete(&format!("{path}/min"), min);
            }
        }
    }

    fn level2_below_level1(&mut self, path: &str) {
        self.error(
            path,
            ErrorCode::Level2BelowLevel1,
            "Ngưỡng Mức độ 2 không được thấp hơn ngưỡng Mức độ 1",
            "The Level 2 threshold must not be lower than the Level 1 threshold",
        );
    }

    /// A published framework must know the threshold of every level its rule uses.
    fn complete<T>(&mut self, path: &str, thresholds: &LevelThresholds<T>) {
        if !self.published {
            return;
        }
        for tier in self.tiers.clone() {
            if thresholds.get(tier).is_none() {
                self.error(
                    format!("{path}/{}", tier_key(tier)),
                    ErrorCode::MissingThreshold,
                    format!("Bộ tiêu chí đã ban hành phải có ngưỡng {tier}"),
                    format!("A published framework must have a {} threshold", tier_en(tier)),
                );
            }
        }
    }

    fn result(&mut self, sum: Option<f64>) {
        if self.published && self.indicator_count == 0 {
            self.error(
                "/groups",
                ErrorCode::NoIndicators,
                "Bộ tiêu chí đã ban hành phải có chỉ tiêu",
                "A published framework must have indicators",
            );
        }
        let framework: &'a Framework = self.framework;
        let mut level_ids: HashMap<&'a str, String> = HashMap::new();
        match &framework.result {
            ResultRule::Points { max_total, bands, fail } => {
                self.level_name(&mut level_ids, "/result/fail", fail);
                let cap = self.max_total(*max_total, sum);
                if self.published && bands.is_empty() {
                    self.error(
                        "/result/bands",
                        ErrorCode::NoResultLevels,
                        "Phải có ít nhất một mức xếp loại",
                        "There must be at least one rating band",
                    );
                }
                let mut previous: Option<f64> = None;
                for (i, band) in bands.iter().enumerate() {
                    let path = format!("/result/bands/{i}");
                    self.level_id(&mut level_ids, &path, &band.id);
                    self.text(format!("{path}/name_vi"), &band.name_vi);
                    if !(band.min_total.is_finite() && band.min_total >= 0.0) {
                        self.error(
                            format!("{path}/min_total"),
                            ErrorCode::InvalidPoints,
                            "Điểm sàn của mức phải là số không âm",
                            "The minimum points of a band must be a non-negative number",
                        );
                        continue;
                    }
                    if previous.is_some_and(|p| band.min_total >= p) {
                        self.error(
                            format!("{path}/min_total"),
                            ErrorCode::BandsNotDescending,
                            "Các mức phải xếp từ cao xuống thấp, điểm sàn giảm dần",
                            "Bands must be ordered from highest to lowest, with decreasing minimum points",
                        );
                    }
                    previous = Some(band.min_total);
                    if let Some(cap) = cap
                        && band.min_total > cap + EPSILON
                    {
                        self.error(
                            format!("{path}/min_total"),
                            ErrorCode::UnreachableBand,
                            format!(
                                "Mức “{}” cần {} điểm, vượt tổng điểm tối đa {}",
                                band.name_vi,
                                VnNumber(band.min_total),
                                VnNumber(cap)
                            ),
                            format!(
                                "The band “{}” needs {} points, more than the maximum total of {}",
                                band.name_vi,
                                EnNumber(band.min_total),
                                EnNumber(cap)
                            ),
                        );
                    }
                    if let Some(floor) = band.min_per_indicator {
                        self.floor(&format!("{path}/min_per_indicator"), floor);
                    }
                }
            }
            ResultRule::AllIndicatorsPass { levels, fail } => {
                self.level_name(&mut level_ids, "/result/fail", fail);
                if self.published && levels.is_empty() {
                    self.error(
                        "/result/levels",
                        ErrorCode::NoResultLevels,
                        "Phải có ít nhất một mức độ công nhận",
                        "There must be at least one recognition level",
                    );
                }
                if levels.len() > 2 {
                    self.error(
                        "/result/levels",
                        ErrorCode::InvalidLevels,
                        "Chỉ có Mức độ 1 và Mức độ 2",
                        "There are only Level 1 and Level 2",
                    );
                }
                for (i, level) in levels.iter().enumerate() {
                    let path = format!("/result/levels/{i}");
                    self.level_id(&mut level_ids, &path, &level.id);
                    self.text(format!("{path}/name_vi"), &level.name_vi);
                    let expected = if i == 0 { Tier::Level1 } else { Tier::Level2 };
                    if level.tier != expected {
                        self.error(
                            format!("{path}/tier"),
                            ErrorCode::InvalidLevels,
                            format!("Mức thứ {} phải là {expected}", i + 1),
                            format!("Level number {} in the list must be {}", i + 1, tier_en(expected)),
                        );
                    }
                    if level.tier == Tier::Level1 && level.min_months_at_level1.is_some() {
                        self.error(
                            format!("{path}/min_months_at_level1"),
                            ErrorCode::InvalidLevels,
                            "Điều kiện giữ Mức độ 1 chỉ áp dụng cho Mức độ 2",
                            "The condition of having held Level 1 only applies to Level 2",
                        );
                    }
                    if let Some(requires) = &level.requires {
                        if requires.is_empty() {
                            self.error(
                                format!("{path}/requires"),
                                ErrorCode::InvalidLevels,
                                "Danh sách tiêu chí bắt buộc không được trống",
                                "The list of required criteria must not be empty",
                            );
                        }
                        for (j, id) in requires.iter().enumerate() {
                            if !self.ids.contains_key(id.as_str()) {
                                self.error(
                                    format!("{path}/requires/{j}"),
                                    ErrorCode::UnknownReference,
                                    format!("Không có tiêu chí hoặc chỉ tiêu “{id}”"),
                                    format!("There is no criterion or indicator “{id}”"),
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    /// Checks the declared total against the sum; returns the reachable maximum if known.
    fn max_total(&mut self, max_total: Option<f64>, sum: Option<f64>) -> Option<f64> {
        let Some(max) = max_total else {
            if self.published {
                self.error(
                    "/result/max_total",
                    ErrorCode::TotalMaxMismatch,
                    "Bộ tiêu chí tính điểm đã ban hành phải nêu tổng điểm tối đa",
                    "A published points-based framework must state the maximum total points",
                );
                return sum;
            }
            return None;
        };
        if !(max.is_finite() && max > 0.0) {
            self.error(
                "/result/max_total",
                ErrorCode::InvalidPoints,
                "Tổng điểm tối đa phải là số dương",
                "The maximum total points must be a positive number",
            );
            return None;
        }
        let Some(sum) = sum else { return Some(max) };
        if sum > max + EPSILON || (self.published && (sum - max).abs() > EPSILON) {
            self.error(
                "/result/max_total",
                ErrorCode::TotalMaxMismatch,
                format!("Tổng điểm tối đa là {} nhưng tổng các tiêu chí là {}", VnNumber(max), VnNumber(sum)),
                format!("The maximum total points are {} but the criteria add up to {}", EnNumber(max), EnNumber(sum)),
            );
        }
        Some(max)
    }

    fn floor(&mut self, path: &str, floor: f64) {
        if !(floor.is_finite() && floor >= 0.0) {
            self.error(
                path,
                ErrorCode::InvalidPoints,
                "Điểm sàn mỗi chỉ tiêu phải là số không âm",
                "The minimum points per indicator must be a non-negative number",
            );
            return;
        }
        let below: Vec<(&str, f64)> =
            self.point_indicators.iter().copied().filter(|&(_, max)| max + EPSILON < floor).collect();
        if !below.is_empty() {
            // One error per band, naming the first few indicators, however many there are.
            let named = &below[..below.len().min(3)];
            let others = below.len() - named.len();
            let list_vi: Vec<String> =
                named.iter().map(|(id, max)| format!("“{id}” tối đa {} điểm", VnNumber(*max))).collect();
            let list_en: Vec<String> =
                named.iter().map(|(id, max)| format!("“{id}” has at most {} points", EnNumber(*max))).collect();
            let more_vi = if others > 0 { format!(" và {others} chỉ tiêu khác") } else { String::new() };
            let more_en = match others {
                0 => String::new(),
                1 => " and 1 other indicator".to_owned(),
                n => format!(" and {n} other indicators"),
            };
            let message_vi =
                format!("Mỗi chỉ tiêu cần ≥ {} điểm nhưng {}{more_vi}", VnNumber(floor), list_vi.join(", "));
            let message_en =
                format!("Each indicator needs ≥ {} points but {}{more_en}", EnNumber(floor), list_en.join(", "));
            self.error(path, ErrorCode::UnreachableFloor, message_vi, message_en);
        }
    }

    fn level_name(&mut self, ids: &mut HashMap<&'a str, String>, path: &str, level: &'a LevelName) {
        self.level_id(ids, path, &level.id);
        self.text(format!("{path}/name_vi"), &level.name_vi);
    }

    fn level_id(&mut self, ids: &mut HashMap<&'a str, String>, path: &str, id: &'a str) {
        if !is_code(id) {
            self.error(
                format!("{path}/id"),
                ErrorCode::InvalidId,
                format!("Mã mức “{id}” không hợp lệ"),
                format!("The level id “{id}” is invalid"),
            );
        } else if let Some(first) = ids.get(id) {
            let message_vi = format!("Mã mức “{id}” bị trùng (đã dùng tại {first})");
            let message_en = format!("The level id “{id}” is a duplicate (already used at {first})");
            self.error(format!("{path}/id"), ErrorCode::DuplicateId, message_vi, message_en);
        } else {
            ids.insert(id, path.to_owned());
        }
    }
}

fn tier_key(tier: Tier) -> &'static str {
    match tier {
        Tier::Level1 => "level1",
        Tier::Level2 => "level2",
    }
}

/// Framework ids: lowercase ASCII words joined by `.` or `-`, e.g. `vn.moet.dvht.tt22-2020`.
pub fn is_framework_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split(['.', '-'])
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Group, indicator and level codes: non-empty, printable, no spaces, short.
fn is_code(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && !id.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framework_ids() {
        assert!(is_framework_id("vn.moet.dvht.tt22-2020"));
        assert!(!is_framework_id("vn..x"));
        assert!(!is_framework_id("VN.x"));
        assert!(!is_framework_id(""));
        assert!(!is_framework_id("vn.x-"));
    }

    #[test]
    fn english_numbers() {
        for (x, text) in
            [(100.0, "100"), (88.5, "88.5"), (0.1 + 0.2, "0.3"), (2.0 / 3.0, "0.67"), (-0.001, "0"), (-5.0, "-5")]
        {
            assert_eq!(EnNumber(x).to_string(), text, "{x}");
        }
    }

    fn shipped(id: &str) -> Framework {
        crate::shipped_framework(id).unwrap_or_else(|| panic!("{id} is not shipped"))
    }

    fn parsed<T: serde::de::DeserializeOwned>(json: &str) -> T {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    /// Frameworks broken in many ways at once, with the codes each must produce.
    fn broken_frameworks() -> Vec<(&'static str, Framework, Vec<ErrorCode>)> {
        use ErrorCode as E;
        let mut cases = Vec::new();

        // A published points framework with header, tree and band problems.
        let mut f = shipped("vn.moet.dvht.huyen.tt22-2020");
        f.id = "VN bad".into();
        f.version = 0;
        f.name_vi = " ".into();
        f.valid_to = f.valid_from.and_then(|d| d.pred_opt());
        f.target_group = Some(crate::CitizenTargetGroup::Resident);
        f.missing = vec!["Điều 5".into()];
        let first_id = f.groups[0].indicators[0].id.clone();
        f.groups[0].indicators[1].id = first_id;
        f.groups[0].indicators[2].applies_to = vec!["nobody".into()];
        f.groups[0].indicators[2].metric = Some("no_such_metric".into());
        f.groups[1].max_points = Some(1.0);
        f.groups[2].indicators[0].measure = parsed(r#"{"kind": "percentage", "min": {"level1": 120}}"#);
        f.groups[2].indicators[1].measure = parsed(r#"{"kind": "points", "max": -1}"#);
        if let ResultRule::Points { bands, .. } = &mut f.result {
            bands[0].min_total = 150.0;
            bands[0].min_per_indicator = Some(50.0);
            bands[2].min_total = 90.0;
            let first_band = bands[0].id.clone();
            bands[1].id = first_band;
        }
        cases.push((
            "points",
            f,
            vec![
                E::InvalidId,
                E::InvalidVersion,
                E::EmptyText,
                E::InvalidPeriod,
                E::TargetGroupMismatch,
                E::PublishedIncomplete,
                E::DuplicateId,
                E::AppliesToNotAllowed,
                E::UnknownSubjectType,
                E::UnknownMetric,
                E::GroupMaxMismatch,
                E::KindNotAllowed,
                E::ThresholdOutOfRange,
                E::InvalidPoints,
                E::UnreachableBand,
                E::UnreachableFloor,
                E::BandsNotDescending,
            ],
        ));

        // A pass/fail draft published too early, with measure, variant and level problems.
        let mut f = shipped("vn.moet.cdht.xa.tt25-2023");
        f.status = FrameworkStatus::Published;
        f.groups[0].max_points = Some(10.0);
        let tc1 = &mut f.groups[0].indicators;
        tc1[0].measure = parsed(
            r#"{"kind": "ordinal", "values": ["thấp", "thấp", " "], "min": {"level1": "cao", "level2": "thấp"}}"#,
        );
        tc1[1].measure = parsed(r#"{"kind": "percentage", "min": {"level1": 90, "level2": 80}}"#);
        tc1[2].metric = Some(crate::Metric::ALL[0].name().into());
        tc1[2].variants =
            vec![parsed(r#"{"applies_to": [], "measure": {"kind": "percentage", "min": {"level1": 50}}}"#)];
        let tc2 = &mut f.groups[1].indicators;
        tc2[0].measure = parsed(r#"{"kind": "count", "min": {"level1": 3, "level2": 3}}"#);
        tc2[0].variants = vec![
            parsed(r#"{"applies_to": [], "measure": {"kind": "count", "min": {"level1": 2, "level2": 1}}}"#),
            parsed(r#"{"applies_to": ["nobody"], "measure": {"kind": "percentage", "min": {"level1": 2}}}"#),
        ];
        tc2[1].measure = parsed(r#"{"kind": "points", "max": 10}"#);
        if let ResultRule::AllIndicatorsPass { levels, .. } = &mut f.result {
            levels[0].min_months_at_level1 = Some(12);
            levels[0].requires = Some(vec!["TC9".into()]);
            levels[1].requires = Some(Vec::new());
            levels[1].id = "muc do 2".into();
            let extra = levels[0].clone();
            levels.push(extra);
        }
        cases.push((
            "pass/fail",
            f,
            vec![
                E::PublishedIncomplete,
                E::EmptyGroup,
                E::MissingThreshold,
                E::KindNotAllowed,
                E::InvalidOrdinalValues,
                E::UnknownOrdinalValue,
                E::Level2BelowLevel1,
                E::MetricKindMismatch,
                E::VariantNotAllowed,
                E::EmptyAppliesTo,
                E::InvalidLevels,
                E::UnknownReference,
                E::InvalidId,
                E::DuplicateId,
            ],
        ));

        // A published points framework with nothing in it.
        let mut f = shipped("vn.moet.dvht.huyen.tt22-2020");
        f.groups.clear();
        if let ResultRule::Points { max_total, bands, .. } = &mut f.result {
            *max_total = None;
            bands.clear();
        }
        cases.push(("empty", f, vec![E::NoIndicators, E::NoResultLevels, E::TotalMaxMismatch]));

        // Totals and floors that are wrong numbers.
        let mut f = shipped("vn.moet.dvht.huyen.tt22-2020");
        if let ResultRule::Points { max_total, bands, .. } = &mut f.result {
            *max_total = Some(99.5);
            bands[0].min_per_indicator = Some(-1.0);
            bands[1].min_total = -3.0;
        }
        cases.push(("totals", f, vec![E::TotalMaxMismatch, E::InvalidPoints]));

        let mut f = shipped("vn.moet.dvht.huyen.tt22-2020");
        if let ResultRule::Points { max_total, .. } = &mut f.result {
            *max_total = Some(-100.0);
        }
        cases.push(("negative total", f, vec![E::InvalidPoints]));
        cases
    }

    fn assert_bilingual(name: &str, errors: &[FrameworkError]) {
        for e in errors {
            assert!(!e.message_vi.trim().is_empty(), "{name}: no Vietnamese for {e:?}");
            assert!(!e.message_en.trim().is_empty(), "{name}: no English for {e:?}");
            assert_ne!(e.message_en, e.message_vi, "{name}: English not translated for {e:?}");
        }
    }

    #[test]
    fn every_error_has_an_english_message() {
        let mut seen = std::collections::BTreeSet::new();
        for (name, framework, expected) in broken_frameworks() {
            let errors = validate(&framework).err().unwrap_or_default();
            let codes: std::collections::BTreeSet<_> = errors.iter().map(|e| e.code).collect();
            for code in expected {
                assert!(codes.contains(&code), "{name}: expected {code}, got {errors:#?}");
            }
            assert_bilingual(name, &errors);
            seen.extend(codes);
        }

        for json in ["{", r#"{"id": 1}"#, "[]"] {
            let errors = Framework::from_json(json).err().unwrap_or_default();
            assert!(errors.iter().any(|e| e.code == ErrorCode::InvalidDocument), "{json}: {errors:#?}");
            assert_bilingual(json, &errors);
            seen.extend(errors.iter().map(|e| e.code));
        }

        // The corpus of broken documents covers every code (tests/validation.rs checks that).
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).path();
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            let case: serde_json::Value = parsed(&text);
            let errors = Framework::from_json(&case["framework"].to_string()).err().unwrap_or_default();
            assert!(!errors.is_empty(), "{name} was accepted");
            assert_bilingual(&name, &errors);
            seen.extend(errors.iter().map(|e| e.code));
        }
        let uncovered: Vec<_> = ErrorCode::ALL.into_iter().filter(|c| !seen.contains(c)).collect();
        assert!(uncovered.is_empty(), "codes never produced: {uncovered:?}");
    }

    #[test]
    fn old_json_without_english_still_reads() {
        let e: FrameworkError = parsed(
            r#"{"path": "/version", "code": "invalid_version", "message_vi": "Số phiên bản phải từ 1 trở lên"}"#,
        );
        assert_eq!(e.code, ErrorCode::InvalidVersion);
        assert!(e.message_en.is_empty());
        assert_eq!(e.to_string(), "/version: Số phiên bản phải từ 1 trở lên");
    }
}
