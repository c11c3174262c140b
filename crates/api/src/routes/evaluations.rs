//! `/api/v1/evaluations`: registration → self-assessment (answers and evidence) → submission
//! → inspection; `/api/v1/decisions` recognise, reject or revoke (see `decisions.rs`). Every
//! response lists the actions the caller may take now.

use super::support::{audit, create_once, db, decode_position, encode_position, etag, if_match, limit, today};
use crate::auth::Actor;
use crate::dto::{
    AnswerDifference, AnswersRequest, EvaluationAction, EvaluationDto, EvaluationPage, EvaluationQuery,
    EvaluationStatus, EvidenceDto, EvidenceFileQuery, EvidenceKind, EvidenceList, EvidenceRequest, RegistrationRequest,
    SubjectKind,
};
use crate::error::{ApiError, FieldError, Issue, OrMissing, Problem};
use crate::extract::JsonBody;
use crate::startup::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use validator::Validate;
use xhht_domain::{Permission, UnitLevel};
use xhht_evaluation::{
    Answer, Answers, Context, Framework, FrameworkStatus, LatePolicy, Metric, MetricValues, Outcome, ResultRule,
    Subject, SubjectType, score,
};
use xhht_persistence::evaluations::{self, Evaluation, EvaluationFilter, NewEvaluation, NewEvidence};
use xhht_persistence::registry::{citizen, clan, household, organisation};
use xhht_persistence::{DbConn, PersistenceError, frameworks, units};

/// The grassroots titles a commune decides; the rest are decided at provincial level.
const COMMUNE_MODELS: [&str; 5] =
    ["cong_dan_hoc_tap", "gia_dinh_hoc_tap", "dong_ho_hoc_tap", "cong_dong_hoc_tap_thon", "don_vi_hoc_tap_xa"];

/// Largest evidence file, in bytes.
pub const MAX_EVIDENCE_BYTES: usize = 5 * 1024 * 1024;

pub fn not_found(e: PersistenceError) -> ApiError {
    match e {
        PersistenceError::NotFound => ApiError::RecordNotFound,
        other => other.into(),
    }
}

fn snake(value: impl serde::Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn from_snake<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
}

/// Which subjects a model evaluates.
fn subject_of_model(model_kind: &str) -> Option<(SubjectKind, Option<UnitLevel>)> {
    Some(match model_kind {
        "cong_dan_hoc_tap" => (SubjectKind::Citizen, None),
        "gia_dinh_hoc_tap" => (SubjectKind::Household, None),
        "dong_ho_hoc_tap" => (SubjectKind::Clan, None),
        "don_vi_hoc_tap_xa" | "don_vi_hoc_tap_huyen" | "don_vi_hoc_tap_tinh" => (SubjectKind::Organisation, None),
        "cong_dong_hoc_tap_thon" => (SubjectKind::Unit, Some(UnitLevel::Village)),
        "cong_dong_hoc_tap_xa" => (SubjectKind::Unit, Some(UnitLevel::Commune)),
        "cong_dong_hoc_tap_huyen" => (SubjectKind::Unit, Some(UnitLevel::District)),
        "cong_dong_hoc_tap_tinh" => (SubjectKind::Unit, Some(UnitLevel::Province)),
        _ => return None,
    })
}

/// The subject types an organisation counts as, for indicators that apply only to some.
fn organisation_types(org_type: &str) -> Vec<String> {
    let mut types = vec![org_type.to_owned()];
    let educational = matches!(
        org_type,
        "kindergarten"
            | "primary_school"
            | "lower_secondary_school"
            | "upper_secondary_school"
            | "multi_level_school_top_upper_secondary"
            | "continuing_education_centre"
            | "higher_education_institution"
            | "vocational_education_institution"
    );
    if educational {
        types.push("educational_establishment".into());
    }
    types.retain(|t| from_snake::<SubjectType>(t).is_some());
    types
}

/// (unit id, unit path, subject types) of a subject the caller can read.
fn subject(
    conn: &mut DbConn,
    actor: &Actor,
    kind: SubjectKind,
    id: i64,
    level: Option<UnitLevel>,
) -> Result<(i64, String, Vec<String>), ApiError> {
    let missing = || {
        ApiError::ReferenceConflict(vec![FieldError::new(
            "subject_id",
            Issue::Other { code: "unknown_subject".into() },
        )])
    };
    let (unit_id, path, types) = match kind {
        SubjectKind::Citizen => citizen::get(conn, id).map(|c| (c.unit_id, c.unit_path, Vec::new(), c.deleted_at)),
        SubjectKind::Household => household::get(conn, id).map(|h| (h.unit_id, h.unit_path, Vec::new(), h.deleted_at)),
        SubjectKind::Clan => clan::get(conn, id).map(|c| (c.unit_id, c.unit_path, Vec::new(), c.deleted_at)),
        SubjectKind::Organisation => {
            organisation::get(conn, id).map(|o| (o.unit_id, o.unit_path, organisation_types(&o.org_type), o.deleted_at))
        }
        SubjectKind::Unit => units::get(conn, id).and_then(|u| {
            if level.is_some_and(|l| l != u.level) {
                Err(PersistenceError::NotFound)
            } else {
                Ok((u.id, u.path, Vec::new(), None))
            }
        }),
    }
    .or_missing(missing)
    .and_then(|(u, p, t, deleted)| if deleted.is_some() { Err(missing()) } else { Ok((u, p, t)) })?;
    if !actor.scope.can_read(&path) {
        return Err(missing());
    }
    Ok((unit_id, path, types))
}

pub fn framework_of(conn: &mut DbConn, id: i64) -> Result<(frameworks::FrameworkRow, Framework), ApiError> {
    let row = frameworks::get(conn, id).or_missing(|| ApiError::FrameworkNotFound)?;
    let doc: Framework = serde_json::from_str(&row.document).map_err(|_| ApiError::Internal)?;
    Ok((row, doc))
}

fn answers_of(text: &str) -> Answers {
    serde_json::from_str(text).unwrap_or_default()
}

/// Answers of the documented shapes; read before anything else, so that a malformed body is
/// refused as such even when the `If-Match` that comes with it is stale.
pub fn parse_answers(answers: serde_json::Value) -> Result<Answers, ApiError> {
    let parsed: Answers = serde_json::from_value(answers).map_err(|e| {
        ApiError::Validation(vec![FieldError::new(
            "answers",
            Issue::Described { code: "unreadable".into(), vi: e.to_string() },
        )])
    })?;
    // Bounds that hold whatever the framework, checked here with the shapes (the engine checks
    // them again, with the framework's own maximum for points). Counts get the int64 range the
    // document gives every integer; the engine's u64 would take more.
    for (id, answer) in &parsed {
        let max = match answer {
            Answer::Percentage(p) if !(0.0..=100.0).contains(p) => Some(Some(100)),
            Answer::Points(p) if *p < 0.0 => Some(None),
            Answer::Count(n) if i64::try_from(*n).is_err() => Some(Some(i64::MAX)),
            _ => None,
        };
        if let Some(max) = max {
            return Err(ApiError::Validation(vec![FieldError::new(
                format!("answers/{id}"),
                Issue::Range { min: Some(0), max },
            )]));
        }
    }
    Ok(parsed)
}

/// Registry figures given to a score preview: known metrics, each a percentage whatever the
/// framework (the document says 0–100).
pub fn parse_metrics(metrics: serde_json::Value) -> Result<MetricValues, ApiError> {
    let out_of_range = metrics
        .as_object()
        .and_then(|m| m.iter().find(|(_, v)| v.as_f64().is_some_and(|x| !(0.0..=100.0).contains(&x))));
    if let Some((name, _)) = out_of_range {
        return Err(ApiError::Validation(vec![FieldError::new(
            format!("metrics/{name}"),
            Issue::Range { min: Some(0), max: Some(100) },
        )]));
    }
    serde_json::from_value(metrics).map_err(|e| {
        ApiError::Validation(vec![FieldError::new(
            "metrics",
            Issue::Described { code: "unreadable".into(), vi: e.to_string() },
        )])
    })
}

/// Answers must fit the framework: the engine refuses unknown indicators and wrong kinds.
pub fn check_answers(framework: &Framework, answers: &Answers) -> Result<(), ApiError> {
    score(framework, answers, &MetricValues::new(), &Subject::default(), &Context::on(today())).map_err(|e| {
        ApiError::ScoreRejected(vec![FieldError::new(
            "answers",
            Issue::Described { code: e.code().into(), vi: e.to_string() },
        )])
    })?;
    Ok(())
}

/// The figures the registry computes for metric-bound indicators, for this subject and year.
pub fn metrics(conn: &mut DbConn, ev: &Evaluation) -> Result<MetricValues, ApiError> {
    let mut values = MetricValues::new();
    let share = |part: i64, whole: i64| if whole > 0 { Some(part as f64 * 100.0 / whole as f64) } else { None };
    match ev.subject_type.as_str() {
        "organisation" => {
            let (staff, learners) = evaluations::organisation_counts(conn, ev.subject_id)?;
            let members = evaluations::recognised_citizens_at(conn, ev.subject_id, ev.year, false)?;
            if let Some(v) = share(members, i64::from(staff)) {
                values.set(Metric::ShareMembersCongDanHocTap, v.min(100.0));
            }
            if let Some(learners) = learners {
                let recognised = evaluations::recognised_citizens_at(conn, ev.subject_id, ev.year, true)?;
                if let Some(v) = share(recognised, i64::from(learners)) {
                    values.set(Metric::ShareLearnersCongDanHocTap, v.min(100.0));
                }
            }
        }
        "unit" => {
            let (recognised, all) = evaluations::learning_families_in(conn, ev.subject_id, ev.year)?;
            if let Some(v) = share(recognised, all) {
                values.set(Metric::ShareHouseholdsGiaDinhHocTap, v);
            }
        }
        _ => {}
    }
    Ok(values)
}

/// Scores an evaluation on the inspection team's answers (the self-assessment's when there was
/// no inspection), on `day`, with the subject's level-1 history.
pub fn score_on(
    conn: &mut DbConn,
    ev: &Evaluation,
    framework: &Framework,
    day: NaiveDate,
    held_level1_since: Option<NaiveDate>,
) -> Result<Outcome<'static>, ApiError> {
    let answers = answers_of(ev.inspection_answers.as_deref().unwrap_or(&ev.self_answers));
    let types: Vec<String> = serde_json::from_str(&ev.subject_types).unwrap_or_default();
    let subject = Subject::new(types.iter().filter_map(|t| from_snake::<SubjectType>(t)));
    let metrics = metrics(conn, ev)?;
    let mut context = Context::on(day);
    context.held_level1_since = held_level1_since;
    score(framework, &answers, &metrics, &subject, &context).map_err(|e| {
        ApiError::ScoreRejected(vec![FieldError::new(
            "answers",
            Issue::Described { code: e.code().into(), vi: e.to_string() },
        )])
    })
}

/// May the caller decide this evaluation's model? Communes decide the grassroots titles only.
pub fn may_decide(actor: &Actor, ev: &Evaluation) -> bool {
    actor.can(Permission::Decide)
        && actor.scope.can_write(&ev.unit_path)
        && (actor.is_admin()
            || actor.roles.contains(&xhht_domain::Role::ProvincialOfficer)
            || COMMUNE_MODELS.contains(&ev.model_kind.as_str()))
}

fn allowed_actions(actor: &Actor, ev: &Evaluation) -> Vec<EvaluationAction> {
    use EvaluationAction::*;
    let may_register = actor.can(Permission::Register) && actor.scope.can_write(&ev.unit_path);
    let may_inspect = actor.can(Permission::Inspect) && actor.scope.can_write(&ev.unit_path);
    let decide = may_decide(actor, ev);
    let mut out = Vec::new();
    match ev.status.as_str() {
        "registered" if may_register => out.extend([SelfAssess, AddEvidence, Submit]),
        "submitted" | "inspected" => {
            if may_inspect {
                out.extend([Inspect, AddEvidence]);
            }
            if decide && ev.status == "inspected" {
                out.push(Recognise);
            }
            if decide {
                out.push(Reject);
            }
        }
        "recognised" if decide => out.push(Revoke),
        _ => {}
    }
    out
}

pub fn dto(actor: &Actor, ev: &Evaluation) -> EvaluationDto {
    let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap_or_default();
    let self_answers = parse(&ev.self_answers);
    let inspection_answers = ev.inspection_answers.as_deref().map(parse);
    let mut differences = Vec::new();
    if let (Some(serde_json::Value::Object(own)), Some(serde_json::Value::Object(theirs))) =
        (Some(&self_answers), inspection_answers.as_ref())
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
    EvaluationDto {
        id: ev.id,
        subject_type: from_snake(&ev.subject_type).unwrap_or(SubjectKind::Unit),
        subject_id: ev.subject_id,
        model_kind: ev.model_kind.clone(),
        year: ev.year,
        framework_id: ev.framework_id,
        unit_id: ev.unit_id,
        status: from_snake(&ev.status).unwrap_or(EvaluationStatus::Registered),
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
        version: ev.version,
        updated_at: ev.updated_at.and_utc(),
        allowed_actions: allowed_actions(actor, ev),
    }
}

fn respond(actor: &Actor, ev: &Evaluation) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::ETAG, etag(ev.version))).json(dto(actor, ev))
}

/// The evaluation, if the caller may read it.
pub fn readable(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<Evaluation, ApiError> {
    let ev = evaluations::get(conn, id).map_err(not_found)?;
    if actor.scope.can_read(&ev.unit_path) { Ok(ev) } else { Err(ApiError::RecordNotFound) }
}

fn unit_of(conn: &mut DbConn, ev: &Evaluation) -> Result<units::Unit, ApiError> {
    Ok(units::get(conn, ev.unit_id)?)
}

/// Registers a subject for a model and year, pinned to a framework version.
#[utoipa::path(
    operation_id = "registerEvaluation", tag = "evaluations", request_body = RegistrationRequest, security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    responses(
        (status = 201, description = "Registered", body = EvaluationDto, headers(("Location" = String, description = "The evaluation's URL"))),
        (status = 404, description = "No such framework version", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already registered for this model and year, the framework is retired, or the subject does not exist or does not fit the framework (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/evaluations")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<RegistrationRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Register)?;
    body.validate()?;
    let body = body.into_inner();
    let request = body.clone();
    create_once(&state, &req, "register_evaluation", actor.id, &body, "/api/v1/evaluations", move |conn| {
        let (row, framework) = framework_of(conn, request.framework_id)?;
        if row.status == "retired" {
            return Err(ApiError::Conflict(xhht_persistence::Conflict::WrongStatus { status: row.status }));
        }
        let (kind, level) = subject_of_model(&row.model_kind).ok_or(ApiError::Internal)?;
        if kind != request.subject_type {
            return Err(ApiError::ReferenceConflict(vec![FieldError::new(
                "subject_type",
                Issue::Other { code: format!("model_{}_evaluates_{}", row.model_kind, snake(kind)) },
            )]));
        }
        if let Some(level) = &request.requested_level
            && !framework_levels(&framework).contains(level)
        {
            return Err(ApiError::ReferenceConflict(vec![FieldError::new(
                "requested_level",
                Issue::Other { code: "unknown_level".into() },
            )]));
        }
        let (unit_id, unit_path, types) = subject(conn, &actor, kind, request.subject_id, level)?;
        actor.require_in(Permission::Register, &unit_path)?;
        let ev = evaluations::create(
            conn,
            &NewEvaluation {
                subject_type: snake(kind),
                subject_id: request.subject_id,
                model_kind: row.model_kind.clone(),
                year: request.year,
                framework_id: row.id,
                unit_id,
                unit_path,
                requested_level: request.requested_level.clone(),
                subject_types: serde_json::to_string(&types).unwrap_or_else(|_| "[]".into()),
            },
        )?;
        let out = dto(&actor, &ev);
        let unit = unit_of(conn, &ev)?;
        audit(conn, &actor, "evaluation", ev.id, "register", Some(&unit), super::support::diff(None, Some(&out)))?;
        Ok(out)
    })
    .await
}

/// The ids of a framework's passing result levels.
pub fn framework_levels(framework: &Framework) -> Vec<String> {
    match &framework.result {
        ResultRule::Points { bands, .. } => bands.iter().map(|b| b.id.clone()).collect(),
        ResultRule::AllIndicatorsPass { levels, .. } => levels.iter().map(|l| l.id.clone()).collect(),
    }
}

/// Lists the evaluations in the caller's units.
#[utoipa::path(
    operation_id = "listEvaluations", tag = "evaluations", params(EvaluationQuery), security(("bearer" = [])),
    responses((status = 200, description = "One page, in (updated_at, id) order", body = EvaluationPage))
)]
#[get("/evaluations")]
pub async fn list_evaluations(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<EvaluationQuery>,
) -> Result<web::Json<EvaluationPage>, ApiError> {
    let q = query.into_inner();
    let limit = limit(q.limit).map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    let after = q.cursor.as_deref().map(decode_position).transpose().map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    let page = db(&state, move |database| {
        database.read(|conn| {
            let filter = EvaluationFilter {
                scope: (!actor.scope.nationwide).then(|| actor.scope.read.clone()),
                year: q.year,
                model_kind: q.model_kind.map(snake),
                status: q.status.map(snake),
                subject_type: q.subject_type.map(snake),
                subject_id: q.subject_id,
                updated_since: q.updated_since.map(|t| t.naive_utc()),
            };
            let rows = evaluations::list(conn, &filter, after, limit)?;
            let next_cursor = (rows.len() as i64 == limit)
                .then(|| rows.last().map(|r| encode_position(r.updated_at, r.id)))
                .flatten();
            Ok::<_, ApiError>(EvaluationPage { items: rows.iter().map(|r| dto(&actor, r)).collect(), next_cursor })
        })
    })
    .await?;
    Ok(web::Json(page))
}

/// Reads one evaluation, with the actions the caller may take now.
#[utoipa::path(
    operation_id = "getEvaluation", tag = "evaluations", params(("id" = i64, Path, description = "Evaluation id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The evaluation", body = EvaluationDto, headers(("ETag" = String, description = "The version, for If-Match"))),
        (status = 404, description = "No such evaluation in the caller's units", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/evaluations/{id}")]
pub async fn get_evaluation(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let ev = db(&state, {
        let actor = actor.clone();
        move |database| database.read(|conn| readable(conn, &actor, id))
    })
    .await?;
    Ok(respond(&actor, &ev))
}

/// One workflow step: who may take it, from which statuses, under which audit action.
struct Step {
    permission: Permission,
    statuses: &'static [&'static str],
    action: &'static str,
}

/// Applies `apply` to an evaluation in one of the step's statuses, after the step's permission
/// on its unit, and audits it.
async fn change<F>(
    state: web::Data<AppState>,
    req: &HttpRequest,
    actor: Actor,
    id: i64,
    step: Step,
    apply: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut DbConn, &Evaluation, &Framework) -> Result<(), ApiError> + Send + 'static,
{
    let Step { permission, statuses, action } = step;
    actor.require(permission)?;
    let expected = if_match(req)?;
    let ev = db(&state, {
        let actor = actor.clone();
        move |database| {
            database.write(|conn| {
                let before = readable(conn, &actor, id)?;
                actor.require_in(permission, &before.unit_path)?;
                let (_, framework) = framework_of(conn, before.framework_id)?;
                let before = evaluations::begin_change(conn, id, expected, statuses)?;
                apply(conn, &before, &framework)?;
                let after = evaluations::get(conn, id)?;
                let unit = unit_of(conn, &after)?;
                let (b, a) = (dto(&actor, &before), dto(&actor, &after));
                audit(conn, &actor, "evaluation", id, action, Some(&unit), super::support::diff(Some(&b), Some(&a)))?;
                Ok::<_, ApiError>(after)
            })
        }
    })
    .await?;
    Ok(respond(&actor, &ev))
}

/// Saves the self-assessment (answers per indicator); allowed until submission. Needs `If-Match`.
#[utoipa::path(
    operation_id = "saveSelfAssessment", tag = "evaluations", request_body = AnswersRequest, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "The ETag read from the evaluation")),
    responses(
        (status = 200, description = "The evaluation", body = EvaluationDto),
        (status = 404, description = "No such evaluation in the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The evaluation is past self-assessment, or the answers do not fit its framework (`score_rejected`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The evaluation changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/evaluations/{id}/self-assessment")]
pub async fn self_assess(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<AnswersRequest>,
) -> Result<HttpResponse, ApiError> {
    let parsed = parse_answers(body.into_inner().answers)?;
    change(
        state,
        &req,
        actor,
        id.into_inner(),
        Step { permission: Permission::Register, statuses: &["registered"], action: "self_assess" },
        move |conn, ev, framework| {
            check_answers(framework, &parsed)?;
            evaluations::set_self_answers(
                conn,
                ev.id,
                &serde_json::to_string(&parsed).map_err(|_| ApiError::Internal)?,
            )?;
            Ok(())
        },
    )
    .await
}

/// Submits the dossier. A filing after the framework's deadline is flagged, or refused when
/// the framework says so. Needs `If-Match`.
#[utoipa::path(
    operation_id = "submitEvaluation", tag = "evaluations", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "The ETag read from the evaluation")),
    responses(
        (status = 200, description = "Submitted", body = EvaluationDto),
        (status = 404, description = "No such evaluation in the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in self-assessment, or past a deadline the framework enforces", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The evaluation changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/evaluations/{id}/submit")]
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    change(
        state,
        &req,
        actor,
        id.into_inner(),
        Step { permission: Permission::Register, statuses: &["registered"], action: "submit" },
        move |conn, ev, framework| {
            let late = framework.cycle.filing_deadline_for(ev.year).is_some_and(|deadline| today() > deadline);
            if late && framework.cycle.late_policy == LatePolicy::Refuse {
                return Err(ApiError::Conflict(xhht_persistence::Conflict::DeadlinePassed));
            }
            evaluations::set_submitted(conn, ev.id, late)?;
            Ok(())
        },
    )
    .await
}

/// Records the inspection team's answers beside the self-assessment; differences are listed in
/// the answer. Needs `If-Match`: two inspectors cannot overwrite each other.
#[utoipa::path(
    operation_id = "inspectEvaluation", tag = "evaluations", request_body = AnswersRequest, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "The ETag read from the evaluation")),
    responses(
        (status = 200, description = "Inspected", body = EvaluationDto),
        (status = 404, description = "No such evaluation in the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not submitted yet, already decided, or the answers do not fit the framework (`score_rejected`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The evaluation changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/evaluations/{id}/inspection")]
pub async fn inspect(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<AnswersRequest>,
) -> Result<HttpResponse, ApiError> {
    let parsed = parse_answers(body.into_inner().answers)?;
    change(
        state,
        &req,
        actor,
        id.into_inner(),
        Step { permission: Permission::Inspect, statuses: &["submitted", "inspected"], action: "inspect" },
        move |conn, ev, framework| {
            check_answers(framework, &parsed)?;
            evaluations::set_inspection(conn, ev.id, &serde_json::to_string(&parsed).map_err(|_| ApiError::Internal)?)?;
            Ok(())
        },
    )
    .await
}

fn evidence_dto(e: &evaluations::Evidence) -> EvidenceDto {
    EvidenceDto {
        id: e.id,
        indicator_id: e.indicator_id.clone(),
        kind: from_snake(&e.kind).unwrap_or(EvidenceKind::Note),
        note: e.note.clone(),
        url: e.url.clone(),
        file_name: e.file_name.clone(),
        content_type: e.content_type.clone(),
        size_bytes: e.size_bytes,
        sha256: e.sha256.clone(),
        created_at: e.created_at.and_utc(),
    }
}

/// Evidence can be added by whoever may work on the evaluation now, before the decision.
fn add_evidence(conn: &mut DbConn, actor: &Actor, id: i64, evidence: NewEvidence) -> Result<EvidenceDto, ApiError> {
    let ev = readable(conn, actor, id)?;
    let may = (ev.status == "registered" && actor.can(Permission::Register))
        || (matches!(ev.status.as_str(), "submitted" | "inspected") && actor.can(Permission::Inspect));
    if !may {
        return Err(if actor.can(Permission::Register) || actor.can(Permission::Inspect) {
            ApiError::Conflict(xhht_persistence::Conflict::WrongStatus { status: ev.status })
        } else {
            ApiError::Forbidden
        });
    }
    if !actor.scope.can_write(&ev.unit_path) {
        return Err(ApiError::OutOfScope);
    }
    let (_, framework) = framework_of(conn, ev.framework_id)?;
    if !framework.indicators().iter().any(|i| i.id == evidence.indicator_id) {
        return Err(ApiError::ReferenceConflict(vec![FieldError::new(
            "indicator_id",
            Issue::Other { code: "unknown_indicator".into() },
        )]));
    }
    let stored = evaluations::add_evidence(conn, id, &NewEvidence { created_by: Some(actor.id), ..evidence })?;
    let out = evidence_dto(&stored);
    let unit = unit_of(conn, &ev)?;
    audit(conn, actor, "evidence", stored.id, "create", Some(&unit), super::support::diff(None, Some(&out)))?;
    Ok(out)
}

/// Adds a note or a link as evidence for one indicator.
#[utoipa::path(
    operation_id = "addEvidence", tag = "evaluations", request_body = EvidenceRequest, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id")),
    responses(
        (status = 201, description = "The evidence", body = EvidenceDto),
        (status = 404, description = "No such evaluation in the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The evaluation is decided, or its framework has no such indicator (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/evaluations/{id}/evidence")]
pub async fn add_evidence_note(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<EvidenceRequest>,
) -> Result<HttpResponse, ApiError> {
    body.validate()?;
    let body = body.into_inner();
    let evidence = match (body.kind, &body.note, &body.url) {
        (EvidenceKind::Note, Some(note), None) => {
            NewEvidence { kind: "note", note: Some(note.clone()), ..Default::default() }
        }
        (EvidenceKind::Link, note, Some(url)) => {
            NewEvidence { kind: "link", url: Some(url.clone()), note: note.clone(), ..Default::default() }
        }
        _ => {
            return Err(ApiError::Validation(vec![FieldError::new(
                "kind",
                Issue::Other { code: "note_needs_note_link_needs_url_files_use_the_file_route".into() },
            )]));
        }
    };
    let evidence = NewEvidence { indicator_id: body.indicator_id.clone(), ..evidence };
    let id = id.into_inner();
    let out = db(&state, move |database| database.write(|conn| add_evidence(conn, &actor, id, evidence))).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Uploads a file as evidence for one indicator: the body is the file itself (any content
/// type, at most 5 MiB); its SHA-256 and size are kept with it.
#[utoipa::path(
    operation_id = "uploadEvidenceFile", tag = "evaluations", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), EvidenceFileQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file"),
    responses(
        (status = 201, description = "The evidence", body = EvidenceDto),
        (status = 404, description = "No such evaluation in the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The evaluation is decided, or its framework has no such indicator (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/evaluations/{id}/evidence/file")]
pub async fn add_evidence_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    query: web::Query<EvidenceFileQuery>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut problems = Vec::new();
    // Lengths in characters, as the document counts them.
    if q.indicator_id.is_empty() || q.indicator_id.chars().count() > 40 {
        problems.push(FieldError::new("indicator_id", Issue::Length { min: Some(1), max: Some(40) }));
    }
    if q.file_name.trim().is_empty() || q.file_name.chars().count() > 200 || q.file_name.contains(['/', '\\']) {
        problems.push(FieldError::new("file_name", Issue::Other { code: "invalid_file_name".into() }));
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidQuery(problems));
    }
    if body.is_empty() {
        return Err(ApiError::Validation(vec![FieldError::new("body", Issue::Required)]));
    }
    if body.len() > MAX_EVIDENCE_BYTES {
        return Err(ApiError::PayloadTooLarge { limit: MAX_EVIDENCE_BYTES });
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/octet-stream")
        .chars()
        .take(100)
        .collect::<String>();
    let sha256: String = Sha256::digest(&body).iter().map(|b| format!("{b:02x}")).collect();
    let evidence = NewEvidence {
        indicator_id: q.indicator_id,
        kind: "file",
        file_name: Some(q.file_name.trim().to_owned()),
        content_type: Some(content_type),
        content: Some(body.to_vec()),
        sha256: Some(sha256),
        ..Default::default()
    };
    let id = id.into_inner();
    let out = db(&state, move |database| database.write(|conn| add_evidence(conn, &actor, id, evidence))).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Lists the evidence of an evaluation (files without their content).
#[utoipa::path(
    operation_id = "listEvidence", tag = "evaluations", params(("id" = i64, Path, description = "Evaluation id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The evidence", body = EvidenceList),
        (status = 404, description = "No such evaluation in the caller's units", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/evaluations/{id}/evidence")]
pub async fn list_evidence(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<web::Json<EvidenceList>, ApiError> {
    let id = id.into_inner();
    let items = db(&state, move |database| {
        database.read(|conn| {
            readable(conn, &actor, id)?;
            Ok::<_, ApiError>(evaluations::list_evidence(conn, id)?.iter().map(evidence_dto).collect())
        })
    })
    .await?;
    Ok(web::Json(EvidenceList { items }))
}

/// Downloads an evidence file.
#[utoipa::path(
    operation_id = "getEvidenceFile", tag = "evaluations", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("evidence_id" = i64, Path, description = "Evidence id")),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 404, description = "No such file", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/evaluations/{id}/evidence/{evidence_id}/file")]
pub async fn evidence_file(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, evidence_id) = path.into_inner();
    let (meta, content) = db(&state, move |database| {
        database.read(|conn| {
            readable(conn, &actor, id)?;
            evaluations::evidence_file(conn, id, evidence_id).map_err(not_found)
        })
    })
    .await?;
    // Served as a download, never rendered: the content type comes from whoever uploaded it.
    let name = meta.file_name.unwrap_or_default().replace(['"', '\r', '\n'], "_");
    Ok(HttpResponse::Ok()
        .content_type("application/octet-stream")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .insert_header(("x-content-type-options", "nosniff"))
        .body(content))
}

/// `held_level1_since` for a decision: the subject's first level-1 recognition of this model.
pub fn level1_since(conn: &mut DbConn, ev: &Evaluation) -> Result<Option<NaiveDate>, ApiError> {
    Ok(evaluations::level1_since(conn, &ev.subject_type, ev.subject_id, &ev.model_kind)?)
}

/// Status of a framework's document, for the recognition rule.
pub fn is_published(framework: &Framework) -> bool {
    framework.status == FrameworkStatus::Published
}
