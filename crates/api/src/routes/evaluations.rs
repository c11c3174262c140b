//! `/api/v1/evaluations`: registration → self-assessment (answers and evidence) → submission
//! → inspection. Decisions are in `decisions.rs`; the rules of every step are in
//! `xhht_evaluation::workflow`, the loading and rendering in `crate::workflow`. Every response
//! lists the steps the caller may take now.

use super::support::{audit, create_once, db, decode_position, diff, encode_position, etag, if_match, limit, today};
use crate::auth::Actor;
use crate::dto::{
    AnswersRequest, EvaluationDto, EvaluationPage, EvaluationQuery, EvidenceDto, EvidenceFileQuery, EvidenceKind,
    EvidenceList, EvidenceRequest, RegistrationRequest,
};
use crate::error::{ApiError, FieldError, Issue, Problem};
use crate::extract::JsonBody;
use crate::i18n::Rule;
use crate::registration::register_subject;
use crate::scoring::{parse_answers, score_rejected};
use crate::state::AppState;
use crate::workflow::{Facts, may_ever, save_self_answers, step_allowed, take_step, view, views};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use sha2::{Digest, Sha256};
use xhht_domain::Permission;
use xhht_evaluation::workflow::{self, EvaluationAction};
use xhht_persistence::evaluations::{self, Evaluation, EvaluationFilter, NewEvidence};
use xhht_persistence::{DbConn, Record, units};

/// Largest evidence file, in bytes.
pub const MAX_EVIDENCE_BYTES: usize = 5 * 1024 * 1024;

/// The evaluation, if the caller may read it.
fn readable(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<Evaluation, ApiError> {
    let ev = evaluations::get(conn, id)?;
    if actor.scope.can_read(&ev.unit_path) { Ok(ev) } else { Err(ApiError::NotFound(Record::Evaluation)) }
}

fn respond(dto: &EvaluationDto) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::ETAG, etag(dto.version))).json(dto)
}

/// Registers a subject for a model and year, pinned to a framework version.
#[utoipa::path(
    operation_id = "registerEvaluation", tag = "evaluations", request_body = RegistrationRequest, security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    responses(
        (status = 201, description = "Registered", body = EvaluationDto, headers(("Location" = String, description = "The evaluation's URL"))),
        (status = 404, description = "No such framework version (`framework_not_found`); or, without `framework_id`, no published framework of `model_kind` applies to the subject's unit at the end of the year (`no_applicable_framework`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already registered for this model and year (`already_registered`); the framework is retired (`framework_retired`), not in force in the year (`framework_not_valid_for_year`) or has no such level (`unknown_level`); or the subject does not exist or is not what the framework's model evaluates, the framework is another province's, `model_kind` differs from the framework's, or the framework is a template (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
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
    let app = state.clone();
    create_once(&state, &req, "register_evaluation", actor.id, &body, "/api/v1/evaluations", move |conn| {
        let ev = register_subject(conn, &app, &actor, &request)?;
        let facts = Facts::load(conn, &app.frameworks, &[&ev])?;
        view(&actor, &ev, &facts, today())
    })
    .await
}

/// Lists the evaluations in the caller's units, each with its current score and the steps the
/// caller may take.
#[utoipa::path(
    operation_id = "listEvaluations", tag = "evaluations", params(EvaluationQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "One page, in (updated_at, id) order", body = EvaluationPage),
        (status = 404, description = "The `within` unit does not exist (`unit_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_evaluations(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<EvaluationQuery>,
) -> Result<web::Json<EvaluationPage>, ApiError> {
    let q = query.into_inner();
    let limit = limit(q.limit).map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    let after = super::support::cursor(&q.cursor)
        .map(decode_position)
        .transpose()
        .map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    let app = state.clone();
    let page = db(&state, move |database| {
        database.read_lagging(Some(actor.id), |conn| {
            let within = q.within.map(|id| units::get(conn, id).map(|u| u.path)).transpose()?;
            let filter = EvaluationFilter {
                scope: (!actor.scope.nationwide).then(|| actor.scope.read.clone()),
                within,
                year: q.year,
                model_kind: q.model_kind,
                status: q.status,
                subject_type: q.subject_type,
                subject_id: q.subject_id,
                updated_since: q.updated_since.map(|t| t.naive_utc()),
            };
            let rows = evaluations::list(conn, &filter, after, limit)?;
            let next_cursor = (rows.len() as i64 == limit)
                .then(|| rows.last().map(|r| encode_position(r.updated_at, r.id)))
                .flatten();
            Ok::<_, ApiError>(EvaluationPage { items: views(conn, &app, &actor, &rows)?, next_cursor })
        })
    })
    .await?;
    Ok(web::Json(page))
}

/// Reads one evaluation, with its current score and the steps the caller may take now.
#[utoipa::path(
    operation_id = "getEvaluation", tag = "evaluations", params(("id" = i64, Path, description = "Evaluation id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The evaluation", body = EvaluationDto, headers(("ETag" = String, description = "The version, for If-Match"))),
        (status = 404, description = "No such evaluation in the caller's units (`evaluation_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_evaluation(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let app = state.clone();
    let dto = db(&state, move |database| {
        database.read(|conn| {
            let ev = readable(conn, &actor, id)?;
            let facts = Facts::load(conn, &app.frameworks, &[&ev])?;
            view(&actor, &ev, &facts, today())
        })
    })
    .await?;
    Ok(respond(&dto))
}

/// Takes one step on an evaluation: the caller's roles and units, the `If-Match` version and
/// the step's status are checked, then `apply` does the step's own work, and the change is
/// audited.
async fn change<F>(
    state: web::Data<AppState>,
    req: &HttpRequest,
    actor: Actor,
    id: i64,
    action: EvaluationAction,
    apply: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut DbConn, &Evaluation, &Facts) -> Result<(), ApiError> + Send + 'static,
{
    if !may_ever(&actor, action) {
        return Err(ApiError::Forbidden);
    }
    let expected = if_match(req)?;
    let app = state.clone();
    let dto = db(&state, move |database| {
        database.write(|conn| {
            let (after, facts) = take_step(conn, &app, &actor, id, expected, action, apply)?;
            view(&actor, &after, &facts, today())
        })
    })
    .await?;
    Ok(respond(&dto))
}

/// Saves the self-assessment (answers per indicator); allowed until submission. Needs `If-Match`.
#[utoipa::path(
    operation_id = "saveSelfAssessment", tag = "evaluations", request_body = AnswersRequest, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "The ETag read from the evaluation")),
    responses(
        (status = 200, description = "The evaluation", body = EvaluationDto),
        (status = 404, description = "No such evaluation in the caller's units (`evaluation_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The evaluation is past self-assessment (`evaluation_status_conflict`), or the answers do not fit its framework (`score_rejected`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The evaluation changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/{id}/self-assessment")]
pub async fn self_assess(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<AnswersRequest>,
) -> Result<HttpResponse, ApiError> {
    let parsed = parse_answers(body.into_inner().answers)?;
    change(state, &req, actor, id.into_inner(), EvaluationAction::SelfAssess, move |conn, ev, facts| {
        save_self_answers(conn, ev, facts, &parsed)
    })
    .await
}

/// Submits the dossier: every indicator the subject can answer must be answered (unless the
/// framework accepts partial answers); a filing after the framework's deadline is flagged, or
/// refused when the framework says so. Needs `If-Match`.
#[utoipa::path(
    operation_id = "submitEvaluation", tag = "evaluations", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "The ETag read from the evaluation")),
    responses(
        (status = 200, description = "Submitted", body = EvaluationDto),
        (status = 404, description = "No such evaluation in the caller's units (`evaluation_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in self-assessment (`evaluation_status_conflict`), indicators unanswered (`answers_incomplete`), or past a deadline the framework enforces (`filing_deadline_passed`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The evaluation changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/submit")]
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    change(state, &req, actor, id.into_inner(), EvaluationAction::Submit, move |conn, ev, facts| {
        let day = today();
        let outcome = facts.outcome(ev, day).map_err(|e| score_rejected(&e))?;
        let filing = workflow::check_submission(&facts.framework(ev)?.framework, ev.year, &outcome, day)?;
        evaluations::set_submitted(conn, ev, filing.late)?;
        Ok(())
    })
    .await
}

/// Records the inspection team's answers beside the self-assessment; differences are listed in
/// the answer. Needs `If-Match`: two inspectors cannot overwrite each other.
#[utoipa::path(
    operation_id = "inspectEvaluation", tag = "evaluations", request_body = AnswersRequest, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "The ETag read from the evaluation")),
    responses(
        (status = 200, description = "Inspected", body = EvaluationDto),
        (status = 404, description = "No such evaluation in the caller's units (`evaluation_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not submitted yet or already decided (`evaluation_status_conflict`), or the answers do not fit the framework (`score_rejected`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The evaluation changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/{id}/inspection")]
pub async fn inspect(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<AnswersRequest>,
) -> Result<HttpResponse, ApiError> {
    let parsed = parse_answers(body.into_inner().answers)?;
    change(state, &req, actor, id.into_inner(), EvaluationAction::Inspect, move |conn, ev, facts| {
        facts.framework(ev)?.scorer.prepare(&parsed).map_err(|e| score_rejected(&e))?;
        evaluations::set_inspection(conn, ev, &serde_json::to_string(&parsed).map_err(|_| ApiError::Internal)?)?;
        Ok(())
    })
    .await
}

fn evidence_dto(e: &evaluations::Evidence) -> EvidenceDto {
    EvidenceDto {
        id: e.id,
        indicator_id: e.indicator_id.clone(),
        kind: match e.kind.as_str() {
            "link" => EvidenceKind::Link,
            "file" => EvidenceKind::File,
            _ => EvidenceKind::Note,
        },
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
fn add_evidence(
    conn: &mut DbConn,
    state: &AppState,
    actor: &Actor,
    id: i64,
    evidence: NewEvidence,
) -> Result<EvidenceDto, ApiError> {
    let action = EvaluationAction::AddEvidence;
    if !may_ever(actor, action) {
        return Err(ApiError::Forbidden);
    }
    let ev = readable(conn, actor, id)?;
    step_allowed(actor, action, &ev)?;
    if !actor.scope.can_write(&ev.unit_path) {
        return Err(ApiError::OutOfScope);
    }
    let compiled = state.frameworks.get(conn, ev.framework_id)?;
    if !compiled.scorer.indicator_ids().any(|i| i == evidence.indicator_id) {
        return Err(ApiError::ReferenceConflict(vec![FieldError::rule("indicator_id", Rule::UnknownIndicator)]));
    }
    let stored = evaluations::add_evidence(conn, id, &NewEvidence { created_by: Some(actor.id), ..evidence })?;
    let out = evidence_dto(&stored);
    let unit = units::get(conn, ev.unit_id)?;
    audit(conn, actor, "evidence", stored.id, "create", Some(&unit), diff(None, Some(&out)))?;
    Ok(out)
}

/// Adds a note or a link as evidence for one indicator.
#[utoipa::path(
    operation_id = "addEvidence", tag = "evaluations", request_body = EvidenceRequest, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id")),
    responses(
        (status = 201, description = "The evidence", body = EvidenceDto),
        (status = 404, description = "No such evaluation in the caller's units (`evaluation_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The evaluation is decided (`evaluation_status_conflict`), or its framework has no such indicator (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/evidence")]
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
        _ => return Err(ApiError::Validation(vec![FieldError::rule("kind", Rule::EvidenceKindFields)])),
    };
    let evidence = NewEvidence { indicator_id: body.indicator_id.clone(), ..evidence };
    let id = id.into_inner();
    let app = state.clone();
    let out = db(&state, move |database| database.write(|conn| add_evidence(conn, &app, &actor, id, evidence))).await?;
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
        (status = 404, description = "No such evaluation in the caller's units (`evaluation_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The evaluation is decided (`evaluation_status_conflict`), or its framework has no such indicator (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/evidence/file")]
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
    // Checked as sent (the document's pattern and length), then kept in NFC.
    if q.file_name.trim().is_empty()
        || q.file_name.chars().count() > 200
        || q.file_name.contains(['/', '\\'])
        || q.file_name.chars().any(char::is_control)
    {
        problems.push(FieldError::rule("file_name", Rule::InvalidFileName));
    }
    let file_name = crate::extract::nfc(&q.file_name).unwrap_or(q.file_name);
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
        file_name: Some(file_name.trim().to_owned()),
        content_type: Some(content_type),
        content: Some(body.to_vec()),
        sha256: Some(sha256),
        ..Default::default()
    };
    let id = id.into_inner();
    let app = state.clone();
    let out = db(&state, move |database| database.write(|conn| add_evidence(conn, &app, &actor, id, evidence))).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Lists the evidence of an evaluation (files without their content).
#[utoipa::path(
    operation_id = "listEvidence", tag = "evaluations", params(("id" = i64, Path, description = "Evaluation id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The evidence", body = EvidenceList),
        (status = 404, description = "No such evaluation in the caller's units (`evaluation_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/evidence")]
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
        (status = 404, description = "No such evaluation in the caller's units (`evaluation_not_found`), or no such file of it (`evidence_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/evidence/{evidence_id}/file")]
pub async fn evidence_file(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, evidence_id) = path.into_inner();
    let (meta, content) = db(&state, move |database| {
        database.read(|conn| {
            readable(conn, &actor, id)?;
            Ok::<_, ApiError>(evaluations::evidence_file(conn, id, evidence_id)?)
        })
    })
    .await?;
    // Served as a download, never rendered: the content type comes from whoever uploaded it.
    let name = meta.file_name.unwrap_or_default();
    Ok(HttpResponse::Ok()
        .content_type("application/octet-stream")
        .insert_header((header::CONTENT_DISPOSITION, super::support::attachment(&name)))
        .insert_header(("x-content-type-options", "nosniff"))
        .body(content))
}
