//! Emulation plans (kế hoạch thi đua) as data: the national movement "Cả nước thi đua xây dựng
//! xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023–2030" (QĐ 1315/QĐ-TTg) and the
//! plans provinces, districts (before 2025) and communes made to carry it out.
//!
//! A plan runs in phases, each closed by a review (sơ kết, tổng kết), and sets pass/fail
//! criteria for each kind of participant. The criteria are the criteria frameworks' own
//! indicators (`yes_no`, "yes" required), checked by the same rules; a review marks each
//! participant's report against them and ranks the participants for commendation.

use crate::model::{ConfidenceNote, Indicator, LegalDocument, Measure};
use crate::validate::{ErrorCode, FrameworkError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use xhht_domain::{SubjectKind, UnitLevel};

/// One emulation plan.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmulationPlan {
    /// Stable id, e.g. `vn.ttg.qd1315-2023`.
    pub id: String,
    pub title_vi: String,
    pub level: PlanLevel,
    /// The issuing unit's code on the day of the decision (a shipped plan names its unit so);
    /// `None` for the national plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_code: Option<String>,
    /// The plan's own decision (quyết định, kế hoạch), with its issuer.
    pub decision: LegalDocument,
    /// The plans and programmes it carries out.
    #[serde(default)]
    pub related_documents: Vec<LegalDocument>,
    pub phases: Vec<Phase>,
    pub participants: Vec<Participant>,
    /// What is not known, in Vietnamese; a plan with unknown parts is a record of what was
    /// found, and its reviews can mark only the criteria it has.
    #[serde(default)]
    pub missing: Vec<String>,
    #[serde(default)]
    pub confidence_notes: Vec<ConfidenceNote>,
}

/// The level of government that issued a plan.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PlanLevel {
    National,
    Province,
    /// Only before 2025-07-01, when districts were abolished.
    District,
    Commune,
}

impl PlanLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::Province => "province",
            Self::District => "district",
            Self::Commune => "commune",
        }
    }

    /// The unit level that issues plans of this level; `None` for the national one.
    pub fn unit_level(self) -> Option<UnitLevel> {
        match self {
            Self::National => None,
            Self::Province => Some(UnitLevel::Province),
            Self::District => Some(UnitLevel::District),
            Self::Commune => Some(UnitLevel::Commune),
        }
    }
}

/// A phase of a plan and the review that closes it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Phase {
    pub id: String,
    pub name_vi: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The year of the phase's review.
    pub review_year: i32,
    pub review: ReviewKind,
}

/// Sơ kết (a mid-term review) or tổng kết (the final one).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ReviewKind {
    SoKet,
    TongKet,
}

/// A kind of participant and the criteria it is held to.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participant {
    /// Code, e.g. `xa`, `ho_gia_dinh_dong_ho`.
    pub id: String,
    pub name_vi: String,
    /// What a participant of this kind is in the registries.
    pub subject_types: Vec<SubjectKind>,
    /// For units: their level (a district plan's communes, say).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "commune"))]
    pub unit_level: Option<UnitLevel>,
    /// Pass/fail criteria: indicators measured `yes_no` with "yes" required.
    #[serde(default)]
    pub criteria: Vec<Indicator>,
}

impl EmulationPlan {
    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }
}

fn error(out: &mut Vec<FrameworkError>, path: String, code: ErrorCode, vi: String, en: String) {
    out.push(FrameworkError::new(path, code, vi, en));
}

fn text(out: &mut Vec<FrameworkError>, path: String, value: &str) {
    if value.trim().is_empty() {
        error(
            out,
            path,
            ErrorCode::EmptyText,
            "Nội dung không được để trống".into(),
            "The text must not be empty".into(),
        );
    }
}

fn code(out: &mut Vec<FrameworkError>, seen: &mut HashSet<String>, path: String, id: &str) {
    if id.is_empty() || id.len() > 64 || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        error(
            out,
            format!("{path}/id"),
            ErrorCode::InvalidId,
            format!("Mã “{id}” không hợp lệ: 1–64 ký tự, không có khoảng trắng"),
            format!("The code “{id}” is invalid: 1–64 characters, no spaces"),
        );
    } else if !seen.insert(id.to_owned()) {
        error(
            out,
            format!("{path}/id"),
            ErrorCode::DuplicateId,
            format!("Mã “{id}” bị trùng"),
            format!("The code “{id}” is repeated"),
        );
    }
}

/// Checks a plan as `validate` checks a framework: every problem with a JSON pointer and a code.
pub fn validate_plan(plan: &EmulationPlan) -> Result<(), Vec<FrameworkError>> {
    let mut out = Vec::new();
    if !crate::validate::is_framework_id(&plan.id) {
        error(
            &mut out,
            "/id".into(),
            ErrorCode::InvalidId,
            format!("Mã kế hoạch “{}” chỉ được gồm chữ thường, số, dấu chấm và gạch nối", plan.id),
            format!("The plan id “{}” may contain only lowercase letters, digits, dots and hyphens", plan.id),
        );
    }
    text(&mut out, "/title_vi".into(), &plan.title_vi);
    text(&mut out, "/decision/number".into(), &plan.decision.number);
    text(&mut out, "/decision/issuer_vi".into(), &plan.decision.issuer_vi);
    let mut phase_ids = HashSet::new();
    for (i, phase) in plan.phases.iter().enumerate() {
        let path = format!("/phases/{i}");
        code(&mut out, &mut phase_ids, path.clone(), &phase.id);
        text(&mut out, format!("{path}/name_vi"), &phase.name_vi);
        if phase.ends_on < phase.starts_on {
            error(
                &mut out,
                format!("{path}/ends_on"),
                ErrorCode::InvalidPeriod,
                "Giai đoạn kết thúc trước khi bắt đầu".into(),
                "The phase ends before it starts".into(),
            );
        }
        let (first, last) = (chrono::Datelike::year(&phase.starts_on), chrono::Datelike::year(&phase.ends_on));
        if phase.review_year < first || phase.review_year > last + 1 {
            error(
                &mut out,
                format!("{path}/review_year"),
                ErrorCode::InvalidPeriod,
                format!("Năm sơ kết, tổng kết phải trong giai đoạn {first}–{last} hoặc năm sau"),
                format!("The review year must fall within {first}–{last} or the year after"),
            );
        }
        if let Some(previous) = i.checked_sub(1).and_then(|j| plan.phases.get(j))
            && phase.starts_on <= previous.ends_on
        {
            error(
                &mut out,
                format!("{path}/starts_on"),
                ErrorCode::InvalidPeriod,
                "Các giai đoạn phải nối tiếp nhau, không chồng lên nhau".into(),
                "Phases must follow one another without overlapping".into(),
            );
        }
    }
    let mut participant_ids = HashSet::new();
    for (i, participant) in plan.participants.iter().enumerate() {
        let path = format!("/participants/{i}");
        code(&mut out, &mut participant_ids, path.clone(), &participant.id);
        text(&mut out, format!("{path}/name_vi"), &participant.name_vi);
        if participant.subject_types.is_empty() {
            error(
                &mut out,
                format!("{path}/subject_types"),
                ErrorCode::EmptyAppliesTo,
                "Cần ít nhất một loại đối tượng".into(),
                "At least one kind of subject is needed".into(),
            );
        }
        let mut indicator_ids = HashSet::new();
        for (j, indicator) in participant.criteria.iter().enumerate() {
            let ipath = format!("{path}/criteria/{j}");
            code(&mut out, &mut indicator_ids, ipath.clone(), &indicator.id);
            text(&mut out, format!("{ipath}/text_vi"), &indicator.text_vi);
            let pass_fail = matches!(&indicator.measure, Measure::YesNo { required } if required.level1 == Some(true));
            if !pass_fail || !indicator.variants.is_empty() || indicator.metric.is_some() {
                error(
                    &mut out,
                    format!("{ipath}/measure"),
                    ErrorCode::KindNotAllowed,
                    "Tiêu chí thi đua là đạt/không đạt: cách đánh giá yes_no, bắt buộc “có” (required.level1 = true), không biến thể".into(),
                    "An emulation criterion is pass/fail: kind yes_no with “yes” required (required.level1 = true), no variants".into(),
                );
            }
        }
    }
    if out.is_empty() { Ok(()) } else { Err(out) }
}

/// The plans found in the regulations, shipped as JSON data.
pub const SHIPPED_PLANS: &[(&str, &str)] = &[
    ("vn.ttg.qd1315-2023.json", include_str!("../plans/vn.ttg.qd1315-2023.json")),
    ("vn.dak-nong.krong-no.kh123-2024.json", include_str!("../plans/vn.dak-nong.krong-no.kh123-2024.json")),
];

/// Every shipped plan, parsed.
///
/// # Panics
/// Never in a tested build: the embedded files are checked by the crate's tests.
pub fn shipped_plans() -> Vec<EmulationPlan> {
    SHIPPED_PLANS
        .iter()
        .map(|(name, json)| serde_json::from_str(json).unwrap_or_else(|e| panic!("shipped plan {name}: {e}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_plans_are_valid_and_say_what_is_missing() {
        let plans = shipped_plans();
        assert_eq!(plans.len(), SHIPPED_PLANS.len());
        for ((file, _), plan) in SHIPPED_PLANS.iter().zip(&plans) {
            assert_eq!(format!("{}.json", plan.id), *file);
            if let Err(errors) = validate_plan(plan) {
                panic!("{file}: {errors:#?}");
            }
            assert!(!plan.confidence_notes.is_empty(), "{file}");
            assert!(!plan.missing.is_empty(), "{file}: the criteria texts were not found");
        }
        let krong_no = &plans[1];
        assert_eq!(krong_no.level, PlanLevel::District);
        assert_eq!(krong_no.phases.iter().map(|p| p.review_year).collect::<Vec<_>>(), [2025, 2030]);
        assert_eq!(krong_no.participants.len(), 6);
    }

    #[test]
    fn criteria_are_pass_fail_and_phases_follow_each_other() {
        let mut plan = shipped_plans().remove(1);
        plan.participants[1].criteria.push(Indicator {
            id: "TC1".into(),
            text_vi: "Có kế hoạch".into(),
            text_en: None,
            figure_vi: None,
            applies_to: Vec::new(),
            metric: None,
            measure: Measure::Points { max: 10.0 },
            variants: Vec::new(),
        });
        plan.phases[1].starts_on = plan.phases[0].ends_on;
        plan.phases[1].review_year = 2040;
        let errors = validate_plan(&plan).err().unwrap_or_default();
        let codes: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
        assert_eq!(
            codes,
            [
                ("/phases/1/review_year", ErrorCode::InvalidPeriod),
                ("/phases/1/starts_on", ErrorCode::InvalidPeriod),
                ("/participants/1/criteria/0/measure", ErrorCode::KindNotAllowed),
            ]
        );
    }
}
