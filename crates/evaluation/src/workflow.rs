//! The yearly workflow's rules, without I/O: registration → self-assessment → submission →
//! inspection → recognition, rejection or revocation.
//!
//! Everything the API decides about an evaluation is decided here: which step leads from which
//! status to which, which roles may take it, what a framework must be to register, submit or
//! recognise under it, the filing deadline, the level a recognition grants and how long it is
//! kept. Persistence loads and stores; handlers parse, call these functions and map the
//! result. `allowed_actions` is computed by the same functions the steps run, so an action
//! offered to a caller succeeds unless the data changes in between.

use chrono::NaiveDate;
use xhht_domain::{EvaluationStatus, ModelKind, Permission, Role};

use crate::outcome::{IndicatorStatus, Outcome};
use crate::reason::{Gap, VnDate};
use crate::{Framework, FrameworkStatus, LatePolicy};

xhht_domain::named_enum! {
    /// A step of the workflow, as offered in `allowed_actions`.
    pub enum EvaluationAction {
        /// Save the self-assessment's answers.
        SelfAssess = "self_assess",
        /// Attach a note, a link or a file to an indicator.
        AddEvidence = "add_evidence",
        /// File the dossier.
        Submit = "submit",
        /// Record the inspection team's answers.
        Inspect = "inspect",
        /// Recognise, in a decision.
        Recognise = "recognise",
        /// Reject, in a decision.
        Reject = "reject",
        /// Revoke a recognition, in a decision.
        Revoke = "revoke",
    }
}

use EvaluationStatus::{Inspected, Recognised, Registered, Rejected, Revoked, Submitted};

impl EvaluationAction {
    /// The statuses the step starts from.
    pub fn from_statuses(self) -> &'static [EvaluationStatus] {
        match self {
            Self::SelfAssess | Self::Submit => &[Registered],
            Self::AddEvidence => &[Registered, Submitted, Inspected],
            Self::Inspect | Self::Reject => &[Submitted, Inspected],
            Self::Recognise => &[Inspected],
            Self::Revoke => &[Recognised],
        }
    }

    /// The status the step leads to; `None` when it leaves the status as it is.
    pub fn leads_to(self) -> Option<EvaluationStatus> {
        match self {
            Self::SelfAssess | Self::AddEvidence => None,
            Self::Submit => Some(Submitted),
            Self::Inspect => Some(Inspected),
            Self::Recognise => Some(Recognised),
            Self::Reject => Some(Rejected),
            Self::Revoke => Some(Revoked),
        }
    }

    /// The permission the step needs when the evaluation is in `status`: evidence is the
    /// applicant's before submission and the inspection team's after it.
    pub fn permission(self, status: EvaluationStatus) -> Permission {
        match self {
            Self::SelfAssess | Self::Submit => Permission::Register,
            Self::AddEvidence if status == Registered => Permission::Register,
            Self::AddEvidence | Self::Inspect => Permission::Inspect,
            Self::Recognise | Self::Reject | Self::Revoke => Permission::Decide,
        }
    }

    /// The step of a decision of this kind.
    pub fn of_decision(kind: xhht_domain::DecisionKind) -> Self {
        match kind {
            xhht_domain::DecisionKind::Recognition => Self::Recognise,
            xhht_domain::DecisionKind::Rejection => Self::Reject,
            xhht_domain::DecisionKind::Revocation => Self::Revoke,
        }
    }

    /// Whether the step may start from `status`.
    pub fn starts_from(self, status: EvaluationStatus) -> bool {
        self.from_statuses().contains(&status)
    }
}

/// Whether `role` may take `action` on an evaluation of `model` in `status` (the caller's
/// units are checked apart). Decisions on the grassroots titles are the commune's; the
/// others are taken at provincial level.
pub fn role_may(role: Role, action: EvaluationAction, status: EvaluationStatus, model: ModelKind) -> bool {
    let permission = action.permission(status);
    role.grants(permission)
        && (permission != Permission::Decide
            || matches!(role, Role::Admin | Role::ProvincialOfficer)
            || model.decided_by_commune())
}

/// Whether any of `roles` may take the step.
pub fn roles_may(roles: &[Role], action: EvaluationAction, status: EvaluationStatus, model: ModelKind) -> bool {
    roles.iter().any(|&role| role_may(role, action, status, model))
}

/// How far one role may take one step: the rows of the role × step table in the README and
/// in the OpenAPI document, derived from [`role_may`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Authority {
    /// On every model, from every status the step starts from.
    Always,
    /// Only from these statuses.
    InStatuses(Vec<EvaluationStatus>),
    /// Only on these models.
    ForModels(Vec<ModelKind>),
    Never,
}

/// The authority of `role` over `action`.
pub fn authority(role: Role, action: EvaluationAction) -> Authority {
    let statuses = action.from_statuses();
    let allowed = |s: EvaluationStatus, m: ModelKind| role_may(role, action, s, m);
    let in_statuses: Vec<EvaluationStatus> =
        statuses.iter().copied().filter(|&s| ModelKind::ALL.iter().any(|&m| allowed(s, m))).collect();
    let for_models: Vec<ModelKind> =
        ModelKind::ALL.iter().copied().filter(|&m| statuses.iter().any(|&s| allowed(s, m))).collect();
    if in_statuses.is_empty() {
        Authority::Never
    } else if in_statuses.len() < statuses.len() {
        Authority::InStatuses(in_statuses)
    } else if for_models.len() < ModelKind::ALL.len() {
        Authority::ForModels(for_models)
    } else {
        Authority::Always
    }
}

/// Why a step cannot be taken. Each has a stable code and a message in both languages.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The evaluation's status does not allow the step.
    WrongStatus { action: EvaluationAction, status: EvaluationStatus },
    /// The framework version is retired: nothing new is registered under it.
    FrameworkRetired,
    /// The framework is not in force on any day of the evaluated year.
    FrameworkNotValidForYear { year: i32, valid_from: Option<NaiveDate>, valid_to: Option<NaiveDate> },
    /// The framework has no passing level of that id.
    UnknownLevel { level: String },
    /// Indicators the subject could answer and did not (the framework wants every one).
    AnswersIncomplete { missing: Vec<String> },
    /// The framework refuses late filings and the deadline has passed.
    FilingDeadlinePassed { deadline: NaiveDate },
    /// Only a published framework recognises.
    FrameworkNotPublished,
    /// The evaluation reaches no level that a recognition could grant.
    NothingReached { result_vi: String },
    /// The evaluation does not reach the level asked for.
    LevelNotReached { wanted: String, reached_vi: String },
    /// The level asked for needs more time at level 1.
    Level2TooEarly { months: u32, since: Option<NaiveDate>, eligible_on: Option<NaiveDate> },
    /// The stored answers cannot be scored against the framework.
    NotScorable,
    /// A decision dated after today: the 12 months at level 1 and the validity count from the
    /// decision's date, so it cannot be ahead of the calendar.
    DecidedInTheFuture { decided_on: NaiveDate, today: NaiveDate },
}

impl Refusal {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongStatus { .. } => "evaluation_status_conflict",
            Self::FrameworkRetired => "framework_retired",
            Self::FrameworkNotValidForYear { .. } => "framework_not_valid_for_year",
            Self::UnknownLevel { .. } => "unknown_level",
            Self::AnswersIncomplete { .. } => "answers_incomplete",
            Self::FilingDeadlinePassed { .. } => "filing_deadline_passed",
            Self::FrameworkNotPublished => "framework_not_published",
            Self::NothingReached { .. } | Self::LevelNotReached { .. } => "level_not_reached",
            Self::Level2TooEarly { .. } => "level2_too_early",
            Self::NotScorable => "score_rejected",
            Self::DecidedInTheFuture { .. } => "decision_date_in_future",
        }
    }

    pub fn message_vi(&self) -> String {
        let period = |from: &Option<NaiveDate>, to: &Option<NaiveDate>| match (from, to) {
            (Some(f), Some(t)) => format!("từ {} đến {}", VnDate(*f), VnDate(*t)),
            (Some(f), None) => format!("từ {}", VnDate(*f)),
            (None, Some(t)) => format!("đến {}", VnDate(*t)),
            (None, None) => "không giới hạn".to_owned(),
        };
        match self {
            Self::WrongStatus { action, status } => {
                format!("Hồ sơ đang ở trạng thái “{}”: không thể {}.", status.name_vi(), action_vi(*action))
            }
            Self::FrameworkRetired => {
                "Phiên bản bộ tiêu chí này đã ngừng áp dụng: không đăng ký mới theo phiên bản này.".to_owned()
            }
            Self::FrameworkNotValidForYear { year, valid_from, valid_to } => format!(
                "Bộ tiêu chí có hiệu lực {}, không áp dụng cho năm đánh giá {year}; hãy chọn bộ tiêu chí có hiệu lực trong năm {year}.",
                period(valid_from, valid_to)
            ),
            Self::UnknownLevel { level } => format!("Bộ tiêu chí không có mức công nhận “{level}”."),
            Self::AnswersIncomplete { missing } => format!(
                "Chưa trả lời {} chỉ tiêu: {}. Bộ tiêu chí yêu cầu trả lời đủ các chỉ tiêu trước khi nộp hồ sơ.",
                missing.len(),
                missing.join(", ")
            ),
            Self::FilingDeadlinePassed { deadline } => {
                format!("Đã quá hạn nộp hồ sơ ({}); bộ tiêu chí không nhận hồ sơ nộp muộn.", VnDate(*deadline))
            }
            Self::FrameworkNotPublished => {
                "Bộ tiêu chí của hồ sơ chưa được ban hành (bản nháp hoặc đã ngừng áp dụng): không dùng để công nhận."
                    .to_owned()
            }
            Self::NothingReached { result_vi } => {
                format!("Kết quả đánh giá là “{result_vi}”: hồ sơ chưa đạt mức nào để công nhận.")
            }
            Self::LevelNotReached { wanted, reached_vi } => {
                format!("Kết quả đánh giá là “{reached_vi}”, chưa đạt mức “{wanted}” được đề nghị.")
            }
            Self::Level2TooEarly { months, since, eligible_on } => match (since, eligible_on) {
                (Some(since), Some(day)) => format!(
                    "Chỉ được công nhận mức độ 2 sau ít nhất {months} tháng kể từ quyết định công nhận mức độ 1 (ngày {}); đủ điều kiện từ ngày {}.",
                    VnDate(*since),
                    VnDate(*day)
                ),
                _ => format!(
                    "Chỉ được công nhận mức độ 2 sau ít nhất {months} tháng kể từ quyết định công nhận mức độ 1; đối tượng chưa được công nhận mức độ 1."
                ),
            },
            Self::NotScorable => "Các câu trả lời đã lưu không chấm được theo bộ tiêu chí của hồ sơ.".to_owned(),
            Self::DecidedInTheFuture { decided_on, today } => format!(
                "Ngày quyết định {} ở sau hôm nay ({}): không ghi quyết định có ngày trong tương lai.",
                VnDate(*decided_on),
                VnDate(*today)
            ),
        }
    }

    pub fn message_en(&self) -> String {
        let period = |from: &Option<NaiveDate>, to: &Option<NaiveDate>| match (from, to) {
            (Some(f), Some(t)) => format!("from {f} to {t}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(t)) => format!("until {t}"),
            (None, None) => "without limits".to_owned(),
        };
        match self {
            Self::WrongStatus { action, status } => {
                format!("The evaluation is {}: it cannot {}.", status.name_en(), action_en(*action))
            }
            Self::FrameworkRetired => {
                "This framework version is retired: nothing new is registered under it.".to_owned()
            }
            Self::FrameworkNotValidForYear { year, valid_from, valid_to } => format!(
                "The framework is in force {}, not in the evaluated year {year}; choose a framework in force in {year}.",
                period(valid_from, valid_to)
            ),
            Self::UnknownLevel { level } => format!("The framework has no recognition level `{level}`."),
            Self::AnswersIncomplete { missing } => format!(
                "{} indicators are not answered: {}. The framework wants every indicator answered before the dossier is filed.",
                missing.len(),
                missing.join(", ")
            ),
            Self::FilingDeadlinePassed { deadline } => {
                format!("The filing deadline ({deadline}) has passed; the framework refuses late filings.")
            }
            Self::FrameworkNotPublished => {
                "The evaluation's framework is not published (a draft, or retired): it cannot recognise.".to_owned()
            }
            Self::NothingReached { result_vi } => {
                format!("The result is “{result_vi}”: the evaluation reaches no level to recognise.")
            }
            Self::LevelNotReached { wanted, reached_vi } => {
                format!("The result is “{reached_vi}”; it does not reach the level `{wanted}` asked for.")
            }
            Self::Level2TooEarly { months, since, eligible_on } => match (since, eligible_on) {
                (Some(since), Some(day)) => format!(
                    "Level 2 can be recognised only {months} months after the level-1 decision (of {since}); eligible from {day}."
                ),
                _ => format!(
                    "Level 2 can be recognised only {months} months after a level-1 decision; the subject holds no level-1 recognition."
                ),
            },
            Self::NotScorable => "The stored answers cannot be scored against the evaluation's framework.".to_owned(),
            Self::DecidedInTheFuture { decided_on, today } => {
                format!(
                    "The decision is dated {decided_on}, after today ({today}): a decision cannot be dated in the future."
                )
            }
        }
    }
}

fn action_vi(action: EvaluationAction) -> &'static str {
    match action {
        EvaluationAction::SelfAssess => "lưu phần tự đánh giá",
        EvaluationAction::AddEvidence => "thêm minh chứng",
        EvaluationAction::Submit => "nộp hồ sơ",
        EvaluationAction::Inspect => "ghi kết quả thẩm định",
        EvaluationAction::Recognise => "công nhận",
        EvaluationAction::Reject => "không công nhận",
        EvaluationAction::Revoke => "thu hồi công nhận",
    }
}

fn action_en(action: EvaluationAction) -> &'static str {
    match action {
        EvaluationAction::SelfAssess => "save a self-assessment",
        EvaluationAction::AddEvidence => "take evidence",
        EvaluationAction::Submit => "be submitted",
        EvaluationAction::Inspect => "be inspected",
        EvaluationAction::Recognise => "be recognised",
        EvaluationAction::Reject => "be rejected",
        EvaluationAction::Revoke => "be revoked",
    }
}

/// The status allows the step.
pub fn check_status(action: EvaluationAction, status: EvaluationStatus) -> Result<(), Refusal> {
    if action.starts_from(status) { Ok(()) } else { Err(Refusal::WrongStatus { action, status }) }
}

/// A subject may be registered under `framework` for `year`: the version is not retired, it is
/// in force on some day of the year, and a requested level is one of its passing levels.
pub fn check_registration(framework: &Framework, year: i32, requested_level: Option<&str>) -> Result<(), Refusal> {
    if framework.status == FrameworkStatus::Retired {
        return Err(Refusal::FrameworkRetired);
    }
    if !framework.is_in_force_in_year(year) {
        return Err(Refusal::FrameworkNotValidForYear {
            year,
            valid_from: framework.valid_from,
            valid_to: framework.valid_to,
        });
    }
    if let Some(level) = requested_level
        && !framework.result_levels().iter().any(|l| l.rank > 0 && l.id == level)
    {
        return Err(Refusal::UnknownLevel { level: level.to_owned() });
    }
    Ok(())
}

/// The indicators the outcome found unanswered, whose answer the subject owes: indicators
/// that do not apply, or that the registry computes, are not among them.
pub fn unanswered(outcome: &Outcome<'_>) -> Vec<String> {
    outcome.indicators.iter().filter(|i| i.status == IndicatorStatus::MissingAnswer).map(|i| i.id.to_string()).collect()
}

/// What filing the dossier on `today` means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filing {
    /// Filed after the framework's deadline (and the framework flags rather than refuses).
    pub late: bool,
}

/// The dossier may be filed: every owed indicator is answered (unless the framework accepts
/// partial answers) and the deadline has not passed where the framework refuses late filings.
pub fn check_submission(
    framework: &Framework,
    year: i32,
    outcome: &Outcome<'_>,
    today: NaiveDate,
) -> Result<Filing, Refusal> {
    if !framework.accepts_partial_answers {
        let missing = unanswered(outcome);
        if !missing.is_empty() {
            return Err(Refusal::AnswersIncomplete { missing });
        }
    }
    let deadline = framework.cycle.filing_deadline_for(year);
    let late = deadline.is_some_and(|d| today > d);
    match deadline {
        Some(deadline) if late && framework.cycle.late_policy == LatePolicy::Refuse => {
            Err(Refusal::FilingDeadlinePassed { deadline })
        }
        _ => Ok(Filing { late }),
    }
}

/// What a recognition grants.
#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    pub level: String,
    /// 1 for the lowest passing level, upwards.
    pub rank: u8,
    /// The points total, in points frameworks.
    pub points: Option<f64>,
}

/// The level a recognition grants, from the outcome scored on the decision's date with the
/// subject's level-1 history. `requested` is the level the decision (or the registration)
/// asks for; by default the level reached. A lower passing level than the one reached may be
/// granted; a higher one may not, and when only time at level 1 is missing the refusal says
/// from when it will be possible.
pub fn recognition(framework: &Framework, outcome: &Outcome<'_>, requested: Option<&str>) -> Result<Grant, Refusal> {
    if !framework.may_recognise() {
        return Err(Refusal::FrameworkNotPublished);
    }
    let levels = framework.result_levels();
    let reached = &outcome.level;
    let grant = |id: &str, rank: u8| Grant { level: id.to_owned(), rank, points: outcome.points.map(|p| p.total) };
    let Some(wanted) = requested else {
        return if reached.rank > 0 {
            Ok(grant(&reached.id, reached.rank))
        } else {
            Err(Refusal::NothingReached { result_vi: reached.name_vi.to_string() })
        };
    };
    let Some(wanted_level) = levels.iter().find(|l| l.rank > 0 && l.id == wanted) else {
        return Err(Refusal::UnknownLevel { level: wanted.to_owned() });
    };
    if wanted_level.rank <= reached.rank {
        return Ok(grant(&wanted_level.id, wanted_level.rank));
    }
    // Time at level 1 is what is missing when the next level's only gap is that time.
    if let Some(next) = &outcome.next_level
        && next.level.id == wanted
        && let [Gap::HeldLevel1 { months, since, eligible_on }] = next.gaps.as_slice()
    {
        return Err(Refusal::Level2TooEarly { months: *months, since: *since, eligible_on: *eligible_on });
    }
    Err(Refusal::LevelNotReached { wanted: wanted.to_owned(), reached_vi: reached.name_vi.to_string() })
}

/// A decision may be dated today or earlier (decisions signed on paper are entered later), never
/// later: the waiting time for level 2 and the validity count from its date. `allowed_actions`
/// judges a recognition as of today.
pub fn check_decision_date(decided_on: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
    if decided_on > today { Err(Refusal::DecidedInTheFuture { decided_on, today }) } else { Ok(()) }
}

/// The last day a recognition decided on `decided_on` is kept: the end of the N-th year after
/// the year of recognition, when the framework says N.
pub fn valid_until(framework: &Framework, decided_on: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let years = i32::try_from(framework.retained_years_after_recognition_year?).ok()?;
    NaiveDate::from_ymd_opt(decided_on.year().checked_add(years)?, 12, 31)
}

/// What the workflow needs to know about one evaluation to say what may happen to it now.
pub struct Standing<'a> {
    pub status: EvaluationStatus,
    pub model: ModelKind,
    pub year: i32,
    pub framework: &'a Framework,
    /// The current score from the latest answers, on `today`, with the level-1 history;
    /// `None` when the stored answers no longer fit the framework.
    pub outcome: Option<&'a Outcome<'a>>,
    pub requested_level: Option<&'a str>,
    pub today: NaiveDate,
}

/// Whether the step's own rule lets it happen now (status, eligibility, deadline), whoever
/// asks.
pub fn check_step(action: EvaluationAction, s: &Standing<'_>) -> Result<(), Refusal> {
    check_status(action, s.status)?;
    match (action, s.outcome) {
        (EvaluationAction::Submit, Some(outcome)) => check_submission(s.framework, s.year, outcome, s.today).map(drop),
        (EvaluationAction::Recognise, Some(outcome)) => recognition(s.framework, outcome, s.requested_level).map(drop),
        (EvaluationAction::Submit | EvaluationAction::Recognise, None) => Err(Refusal::NotScorable),
        _ => Ok(()),
    }
}

/// The steps `roles` may take now on an evaluation in their units (`in_units`): the same rules
/// the steps themselves run.
pub fn allowed_actions(roles: &[Role], in_units: bool, s: &Standing<'_>) -> Vec<EvaluationAction> {
    if !in_units {
        return Vec::new();
    }
    EvaluationAction::ALL
        .iter()
        .copied()
        .filter(|&a| roles_may(roles, a, s.status, s.model) && check_step(a, s).is_ok())
        .collect()
}

#[cfg(test)]
mod tests;
