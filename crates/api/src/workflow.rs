//! The I/O side of the evaluation workflow: loading what the rules in
//! `xhht_evaluation::workflow` need about many evaluations at once (their frameworks, the
//! subjects' level-1 history, the registry's figures), scoring them, and rendering them with
//! the steps the caller may take. Routes call this; the rules themselves are not here.

use crate::auth::Actor;
use crate::dto::{AnswerDifference, CurrentResult, EvaluationDto, ResultLevelDto};
use crate::error::ApiError;
use crate::scoring::{Compiled, Frameworks};
use crate::state::AppState;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use xhht_domain::{ModelKind, SubjectKind};
use xhht_evaluation::workflow::{self, EvaluationAction, Standing};
use xhht_evaluation::{Answers, Context, Metric, MetricValues, Outcome, ResultLevel, ScoreError, Subject, SubjectType};
use xhht_persistence::DbConn;
use xhht_persistence::evaluations::{self, Evaluation};

/// What the rules need about a set of evaluations beyond their rows, loaded in a few queries
/// for the whole set. A framework version that no longer compiles is missing from it: its
/// evaluations show no score and offer no step that needs one, and the rest still load.
pub struct Facts {
    frameworks: HashMap<i64, Arc<Compiled>>,
    level1: HashMap<(SubjectKind, i64, ModelKind), NaiveDate>,
    metrics: HashMap<i64, MetricValues>,
}

impl Facts {
    pub fn load(conn: &mut DbConn, cache: &Frameworks, evs: &[&Evaluation]) -> Result<Facts, ApiError> {
        let mut frameworks = HashMap::new();
        let mut ids: Vec<i64> = evs.iter().map(|e| e.framework_id).collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            match cache.get(conn, id) {
                Ok(compiled) => {
                    frameworks.insert(id, compiled);
                }
                Err(ApiError::Internal) => {} // logged by the cache
                Err(other) => return Err(other),
            }
        }
        let subjects: Vec<_> = evs.iter().map(|e| (e.subject_type, e.subject_id, e.model_kind)).collect();
        let level1 = evaluations::level1_since(conn, &subjects)?;
        let needing: Vec<&Evaluation> =
            evs.iter().copied().filter(|e| frameworks.get(&e.framework_id).is_some_and(|c| c.needs_metrics)).collect();
        let metrics = registry_figures(conn, &needing)?;
        Ok(Facts { frameworks, level1, metrics })
    }

    /// The compiled framework of an evaluation loaded with these facts.
    pub fn framework(&self, ev: &Evaluation) -> Result<&Compiled, ApiError> {
        self.frameworks.get(&ev.framework_id).map(Arc::as_ref).ok_or(ApiError::Internal)
    }

    /// The day the subject was first recognised at level 1 of the evaluation's model.
    pub fn level1_since(&self, ev: &Evaluation) -> Option<NaiveDate> {
        self.level1.get(&(ev.subject_type, ev.subject_id, ev.model_kind)).copied()
    }

    /// The evaluation scored on `day` from its latest answers, with the registry's figures and
    /// the subject's level-1 history.
    pub fn outcome<'a>(&'a self, ev: &Evaluation, day: NaiveDate) -> Result<Outcome<'a>, ScoreError> {
        let Ok(compiled) = self.framework(ev) else { return Err(ScoreError::SheetMismatch) };
        let answers: Answers = serde_json::from_str(ev.latest_answers()).unwrap_or_default();
        let types: Vec<String> = serde_json::from_str(&ev.subject_types).unwrap_or_default();
        let subject = Subject::new(types.iter().filter_map(|t| SubjectType::from_name(t)));
        let mut context = Context::on(day);
        context.held_level1_since = self.level1_since(ev);
        let none = MetricValues::new();
        let metrics = self.metrics.get(&ev.id).unwrap_or(&none);
        compiled.scorer.score_answers(&answers, metrics, &subject, &context)
    }
}

/// The figures the registry computes for metric-bound indicators, per evaluation: grouped
/// queries over all the organisations, then two counts per community evaluated (communities
/// are few; a commune's figure covers its villages' households).
fn registry_figures(conn: &mut DbConn, evs: &[&Evaluation]) -> Result<HashMap<i64, MetricValues>, ApiError> {
    let share = |part: i64, whole: i64| (whole > 0).then(|| (part as f64 * 100.0 / whole as f64).min(100.0));
    let organisations: Vec<i64> =
        evs.iter().filter(|e| e.subject_type == SubjectKind::Organisation).map(|e| e.subject_id).collect();
    let mut years: Vec<i32> = evs.iter().map(|e| e.year).collect();
    years.sort_unstable();
    years.dedup();
    let (sizes, recognised) = if organisations.is_empty() {
        (HashMap::new(), HashMap::new())
    } else {
        (
            evaluations::organisation_sizes(conn, &organisations)?,
            evaluations::recognised_citizens_at(conn, &organisations, &years)?,
        )
    };
    let mut out = HashMap::new();
    for ev in evs {
        let mut values = MetricValues::new();
        match ev.subject_type {
            SubjectKind::Organisation => {
                let (all, learners) = recognised.get(&(ev.subject_id, ev.year)).copied().unwrap_or_default();
                if let Some((staff, learner_count)) = sizes.get(&ev.subject_id) {
                    if let Some(v) = share(all, i64::from(*staff)) {
                        values.set(Metric::ShareMembersCongDanHocTap, v);
                    }
                    if let Some(v) = learner_count.and_then(|l| share(learners, i64::from(l))) {
                        values.set(Metric::ShareLearnersCongDanHocTap, v);
                    }
                }
            }
            SubjectKind::Unit => {
                let (families, households) = evaluations::learning_families_under(conn, &ev.unit_path, ev.year)?;
                if let Some(v) = share(families, households) {
                    values.set(Metric::ShareHouseholdsGiaDinhHocTap, v);
                }
            }
            _ => {}
        }
        out.insert(ev.id, values);
    }
    Ok(out)
}

/// Whether any of the caller's roles could ever take the step: if not, the answer is 403
/// before anything is read.
pub fn may_ever(actor: &Actor, action: EvaluationAction) -> bool {
    actor.roles.iter().any(|&role| workflow::authority(role, action) != workflow::Authority::Never)
}

/// The evaluation is one the caller may change: not found outside the units it reads, and
/// `out_of_scope` in those it only reads.
pub fn writable(actor: &Actor, ev: &Evaluation) -> Result<(), ApiError> {
    if !actor.scope.can_read(&ev.unit_path) {
        return Err(ApiError::NotFound(xhht_persistence::Record::Evaluation));
    }
    if actor.scope.can_write(&ev.unit_path) { Ok(()) } else { Err(ApiError::OutOfScope) }
}

/// The step starts from the evaluation's status, and one of the caller's roles may take it on
/// the evaluation's model.
pub fn step_allowed(actor: &Actor, action: EvaluationAction, ev: &Evaluation) -> Result<(), ApiError> {
    workflow::check_status(action, ev.status)?;
    if workflow::roles_may(&actor.roles, action, ev.status, ev.model_kind) { Ok(()) } else { Err(ApiError::Forbidden) }
}

/// Takes one step on an evaluation, in the caller's transaction: the caller's units, the
/// `expected` version (`If-Match`), the step's status and the caller's roles are checked,
/// then `apply` does the step's own work, and the change is audited. Returns the evaluation as
/// it is after the step, with its facts. The single-record routes and the imports both take
/// their steps here.
pub fn take_step<F>(
    conn: &mut DbConn,
    state: &AppState,
    actor: &Actor,
    id: i64,
    expected: Option<i32>,
    action: EvaluationAction,
    apply: F,
) -> Result<(Evaluation, Facts), ApiError>
where
    F: FnOnce(&mut DbConn, &Evaluation, &Facts) -> Result<(), ApiError>,
{
    writable(actor, &evaluations::get(conn, id)?)?;
    let before = evaluations::begin_change(conn, id, expected)?;
    step_allowed(actor, action, &before)?;
    let facts = Facts::load(conn, &state.frameworks, &[&before])?;
    apply(conn, &before, &facts)?;
    let after = evaluations::get(conn, id)?;
    let unit = xhht_persistence::units::get(conn, after.unit_id)?;
    let changes = crate::audit_log::diff(Some(&AuditView::of(&before)), Some(&AuditView::of(&after)));
    crate::audit_log::audit(conn, actor, "evaluation", id, action.as_str(), Some(&unit), changes)?;
    Ok((after, facts))
}

/// The self-assessment step's own work: the answers must fit the framework; they replace the
/// answers saved before.
pub fn save_self_answers(conn: &mut DbConn, ev: &Evaluation, facts: &Facts, answers: &Answers) -> Result<(), ApiError> {
    facts.framework(ev)?.scorer.prepare(answers).map_err(|e| crate::scoring::score_rejected(&e))?;
    let text = serde_json::to_string(answers).map_err(|_| ApiError::Internal)?;
    evaluations::set_self_answers(conn, ev.id, &text)?;
    Ok(())
}

/// Today in Vietnam (UTC+7): the day of every current score and offered step.
pub fn today() -> NaiveDate {
    // Vietnam has no daylight saving time: UTC+7 all year.
    (chrono::Utc::now() + chrono::TimeDelta::hours(7)).date_naive()
}

fn level_dto(level: &ResultLevel<'_>) -> ResultLevelDto {
    ResultLevelDto { id: level.id.to_string(), name_vi: level.name_vi.to_string(), rank: level.rank }
}

fn current_result(outcome: &Outcome<'_>) -> CurrentResult {
    CurrentResult {
        level: level_dto(&outcome.level),
        points: outcome.points.map(|p| p.total),
        max_points: outcome.points.map(|p| p.max),
        summary_vi: outcome.to_string(),
        unanswered: workflow::unanswered(outcome),
        next_level: outcome.next_level.as_ref().map(|n| level_dto(&n.level)),
        next_level_gaps_vi: outcome
            .next_level
            .as_ref()
            .map(|n| n.gaps.iter().map(ToString::to_string).collect())
            .unwrap_or_default(),
    }
}

/// The steps `actor` may take on `ev` now, by the rules the steps run.
pub fn allowed_actions(
    actor: &Actor,
    ev: &Evaluation,
    compiled: &Compiled,
    outcome: Option<&Outcome<'_>>,
    today: NaiveDate,
) -> Vec<EvaluationAction> {
    let standing = Standing {
        status: ev.status,
        model: ev.model_kind,
        year: ev.year,
        framework: &compiled.framework,
        outcome,
        requested_level: ev.requested_level.as_deref(),
        today,
    };
    workflow::allowed_actions(&actor.roles, actor.scope.can_write(&ev.unit_path), &standing)
}

/// The evaluation as the caller sees it: its record, its score today and its next steps.
pub fn view(actor: &Actor, ev: &Evaluation, facts: &Facts, today: NaiveDate) -> Result<EvaluationDto, ApiError> {
    let compiled = facts.framework(ev).ok();
    let outcome = match compiled {
        Some(_) => facts.outcome(ev, today),
        None => Err(ScoreError::SheetMismatch),
    };
    if let Err(e) = &outcome {
        tracing::warn!(evaluation = ev.id, code = e.code(), "the evaluation cannot be scored");
    }
    let outcome = outcome.ok();
    let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap_or_default();
    let self_answers = parse(&ev.self_answers);
    let inspection_answers = ev.inspection_answers.as_deref().map(parse);
    let mut differences = Vec::new();
    if let (serde_json::Value::Object(own), Some(serde_json::Value::Object(theirs))) =
        (&self_answers, inspection_answers.as_ref())
    {
        let mut keys: Vec<&String> = own.keys().chain(theirs.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let (a, b) = (own.get(key).cloned().unwrap_or_default(), theirs.get(key).cloned().unwrap_or_default());
            if a != b {
                differences.push(AnswerDifference { indicator_id: key.clone(), self_answer: a, inspection_answer: b });
            }
        }
    }
    Ok(EvaluationDto {
        id: ev.id,
        subject_type: ev.subject_type,
        subject_id: ev.subject_id,
        model_kind: ev.model_kind,
        year: ev.year,
        framework_id: ev.framework_id,
        unit_id: ev.unit_id,
        status: ev.status,
        requested_level: ev.requested_level.clone(),
        self_answers,
        inspection_answers,
        differences,
        late: ev.late,
        submitted_at: ev.submitted_at.map(|t| t.and_utc()),
        inspected_at: ev.inspected_at.map(|t| t.and_utc()),
        result_level: ev.result_level.clone(),
        result_points: ev.result_points,
        outcome: ev.outcome.as_deref().map(parse),
        decision_id: ev.decision_id,
        decided_on: ev.decided_on,
        valid_until: ev.valid_until,
        current_result: outcome.as_ref().map(current_result),
        version: ev.version,
        updated_at: ev.updated_at.and_utc(),
        allowed_actions: compiled.map(|c| allowed_actions(actor, ev, c, outcome.as_ref(), today)).unwrap_or_default(),
    })
}

/// Many evaluations as the caller sees them, with the facts loaded once for all.
pub fn views(
    conn: &mut DbConn,
    state: &AppState,
    actor: &Actor,
    evs: &[Evaluation],
) -> Result<Vec<EvaluationDto>, ApiError> {
    let refs: Vec<&Evaluation> = evs.iter().collect();
    let facts = Facts::load(conn, &state.frameworks, &refs)?;
    let today = today();
    evs.iter().map(|ev| view(actor, ev, &facts, today)).collect()
}

/// What the audit trail keeps of an evaluation: its stored state, not what is computed on
/// reading it (the current score, the caller's steps). The scored outcome a recognition rests
/// on is kept on the evaluation itself; the trail keeps its level and points.
#[derive(Serialize)]
pub struct AuditView<'a> {
    subject_type: SubjectKind,
    subject_id: i64,
    model_kind: ModelKind,
    year: i32,
    framework_id: i64,
    unit_id: i64,
    status: xhht_domain::EvaluationStatus,
    requested_level: &'a Option<String>,
    self_answers: serde_json::Value,
    inspection_answers: Option<serde_json::Value>,
    late: bool,
    submitted_at: Option<chrono::NaiveDateTime>,
    inspected_at: Option<chrono::NaiveDateTime>,
    result_level: &'a Option<String>,
    result_rank: Option<i32>,
    result_points: Option<f64>,
    decision_id: Option<i64>,
    decided_on: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    revocation_id: Option<i64>,
}

impl<'a> AuditView<'a> {
    pub fn of(ev: &'a Evaluation) -> Self {
        let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap_or_default();
        AuditView {
            subject_type: ev.subject_type,
            subject_id: ev.subject_id,
            model_kind: ev.model_kind,
            year: ev.year,
            framework_id: ev.framework_id,
            unit_id: ev.unit_id,
            status: ev.status,
            requested_level: &ev.requested_level,
            self_answers: parse(&ev.self_answers),
            inspection_answers: ev.inspection_answers.as_deref().map(parse),
            late: ev.late,
            submitted_at: ev.submitted_at,
            inspected_at: ev.inspected_at,
            result_level: &ev.result_level,
            result_rank: ev.result_rank,
            result_points: ev.result_points,
            decision_id: ev.decision_id,
            decided_on: ev.decided_on,
            valid_until: ev.valid_until,
            revocation_id: ev.revocation_id,
        }
    }
}
