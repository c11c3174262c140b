//! `/api/v1/decisions`: one decision (Quyết định) recognises, rejects or revokes many
//! evaluations at once, as its annexed list does; all or nothing. The list is checked and
//! written set-wise: the evaluations, their frameworks, the subjects' level-1 history and the
//! registry's figures are loaded in a few queries for the whole list, and the results and the
//! audit rows are written set-wise (`audit::record_many`: one statement of arrays on
//! PostgreSQL).

use super::support::{create_once, db, today};
use crate::auth::Actor;
use crate::dto::{DecisionDto, DecisionKind, DecisionRequest};
use crate::error::{ApiError, FieldError, Issue, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::workflow::Facts;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use std::collections::{HashMap, HashSet};
use xhht_domain::Permission;
use xhht_evaluation::workflow::{self, EvaluationAction, Refusal, roles_may};
use xhht_persistence::audit::{self, AuditEntry};
use xhht_persistence::evaluations::{self, Decision, DecisionEffect, Evaluation, Granted, NewDecision};
use xhht_persistence::{DbConn, Record};

/// Why one item of the list cannot be decided.
enum ItemProblem {
    Repeated(i64),
    Missing(i64),
    OutOfAuthority(i64),
    Refused(Refusal),
}

impl ItemProblem {
    fn at(&self, i: usize) -> FieldError {
        let field = format!("items[{i}]");
        let message = |code: &str, vi: String, en: String| {
            FieldError::new(field.clone(), Issue::Message { code: code.into(), vi, en })
        };
        match self {
            ItemProblem::Repeated(id) => message(
                "repeated_item",
                format!("Hồ sơ {id} được liệt kê hai lần."),
                format!("Evaluation {id} is listed twice."),
            ),
            ItemProblem::Missing(id) => message(
                "evaluation_not_found",
                format!("Không tìm thấy hồ sơ {id} trong địa bàn của tài khoản."),
                format!("No evaluation {id} in the account's units."),
            ),
            ItemProblem::OutOfAuthority(id) => message(
                "out_of_scope",
                format!("Hồ sơ {id} nằm ngoài thẩm quyền quyết định của tài khoản."),
                format!("Evaluation {id} is outside the account's authority to decide."),
            ),
            ItemProblem::Refused(refusal) => FieldError::refusal(field, refusal),
        }
    }
}

/// Records a decision and applies it to every listed evaluation, or to none: a recognition
/// needs inspected evaluations under a published framework at the level granted (level 2 only
/// after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
/// recognised ones. Safe to retry with an `Idempotency-Key`.
#[utoipa::path(
    operation_id = "createDecision", tag = "evaluations", request_body = DecisionRequest, security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    responses(
        (status = 201, description = "The decision, applied to every item", body = DecisionDto, headers(("Location" = String, description = "The decision's URL"))),
        (status = 409, description = "Some items cannot be decided as they stand (`decision_refused`, one error per item with its own code: `repeated_item`, `evaluation_not_found`, `out_of_scope`, `evaluation_status_conflict`, `framework_not_published`, `level_not_reached`, `level2_too_early`, `unknown_level`, `score_rejected`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "An evaluation changed at the same moment; nothing was applied", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create_decision(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<DecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Decide)?;
    body.validate()?;
    let body = body.into_inner();
    if body.kind != DecisionKind::Recognition {
        // A level is granted by a recognition only; a rejection or a revocation names none.
        let mut problems: Vec<FieldError> = body
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.level.is_some())
            .map(|(i, _)| FieldError::new(format!("items[{i}].level"), Issue::UnknownField))
            .collect();
        if body.reason.is_none() {
            problems.insert(0, FieldError::new("reason", Issue::Required));
        }
        if !problems.is_empty() {
            return Err(ApiError::Validation(problems));
        }
    }
    let request = body.clone();
    let app = state.clone();
    create_once(&state, &req, "create_decision", actor.id, &body, "/api/v1/decisions", move |conn| {
        decide(conn, &app, &actor, &request)
    })
    .await
}

/// Checks every item, then records the decision and applies it, in the caller's transaction.
fn decide(
    conn: &mut DbConn,
    state: &AppState,
    actor: &Actor,
    request: &DecisionRequest,
) -> Result<DecisionDto, ApiError> {
    let action = EvaluationAction::of_decision(request.kind);
    workflow::check_decision_date(request.decided_on, today())?;
    let ids: Vec<i64> = request.items.iter().map(|i| i.evaluation_id).collect();
    let found: HashMap<i64, Evaluation> = evaluations::get_many(conn, &ids)?.into_iter().map(|e| (e.id, e)).collect();
    let mut problems: Vec<FieldError> = Vec::new();
    let mut seen = HashSet::with_capacity(ids.len());
    // (index in the list, evaluation) of the items that pass the checks of their own.
    let mut candidates: Vec<(usize, &Evaluation)> = Vec::with_capacity(ids.len());
    for (i, item) in request.items.iter().enumerate() {
        let id = item.evaluation_id;
        let problem = match found.get(&id) {
            _ if !seen.insert(id) => ItemProblem::Repeated(id),
            Some(ev) if actor.scope.can_read(&ev.unit_path) => {
                if !actor.scope.can_write(&ev.unit_path) {
                    ItemProblem::OutOfAuthority(id)
                } else if let Err(refusal) = workflow::check_status(action, ev.status) {
                    ItemProblem::Refused(refusal)
                } else if !roles_may(&actor.roles, action, ev.status, ev.model_kind) {
                    ItemProblem::OutOfAuthority(id)
                } else {
                    candidates.push((i, ev));
                    continue;
                }
            }
            _ => ItemProblem::Missing(id),
        };
        problems.push(problem.at(i));
    }
    let mut effects = Vec::with_capacity(candidates.len());
    if request.kind == DecisionKind::Recognition {
        let refs: Vec<&Evaluation> = candidates.iter().map(|(_, ev)| *ev).collect();
        let facts = Facts::load(conn, &state.frameworks, &refs)?;
        for (i, ev) in &candidates {
            let compiled = facts.framework(ev)?;
            let outcome = match facts.outcome(ev, request.decided_on) {
                Ok(outcome) => outcome,
                Err(_) => {
                    problems.push(ItemProblem::Refused(Refusal::NotScorable).at(*i));
                    continue;
                }
            };
            let requested = request.items[*i].level.as_deref().or(ev.requested_level.as_deref());
            match workflow::recognition(&compiled.framework, &outcome, requested) {
                Ok(grant) => effects.push(DecisionEffect {
                    evaluation: ev,
                    granted: Some(Granted {
                        level: grant.level,
                        rank: i32::from(grant.rank),
                        points: grant.points,
                        outcome: serde_json::to_string(&outcome).map_err(|_| ApiError::Internal)?,
                        valid_until: workflow::valid_until(&compiled.framework, request.decided_on),
                    }),
                }),
                Err(refusal) => problems.push(ItemProblem::Refused(refusal).at(*i)),
            }
        }
    } else {
        effects.extend(candidates.iter().map(|(_, ev)| DecisionEffect { evaluation: ev, granted: None }));
    }
    if !problems.is_empty() {
        // All or nothing: one refused item refuses the whole decision.
        problems
            .sort_by_key(|p| p.field.trim_start_matches("items[").trim_end_matches(']').parse::<usize>().unwrap_or(0));
        return Err(ApiError::DecisionRefused(problems));
    }
    let decision = evaluations::create_decision(
        conn,
        &NewDecision {
            kind: request.kind,
            number: request.number.trim().to_owned(),
            decided_on: request.decided_on,
            authority: request.authority.trim().to_owned(),
            reason: request.reason.clone(),
            created_by: Some(actor.id),
        },
    )?;
    evaluations::apply_decision(conn, decision.id, request.kind, request.decided_on, &effects)?;
    let mut entries: Vec<AuditEntry> = effects
        .iter()
        .map(|effect| (effect, effect.evaluation))
        .map(|(effect, ev)| AuditEntry {
            actor_id: Some(actor.id),
            actor_username: actor.username.clone(),
            request_id: actor.request_id.clone(),
            entity: "evaluation",
            entity_id: ev.id.to_string(),
            action: action.as_str(),
            unit_id: Some(ev.unit_id),
            unit_path: Some(ev.unit_path.clone()),
            changes: changes(ev, effect, decision.id, request),
        })
        .collect();
    let out = decision_dto(decision, effects.iter().map(|e| e.evaluation.id).collect());
    entries.push(AuditEntry {
        actor_id: Some(actor.id),
        actor_username: actor.username.clone(),
        request_id: actor.request_id.clone(),
        entity: "decision",
        entity_id: out.id.to_string(),
        action: "create",
        unit_id: None,
        unit_path: None,
        changes: super::support::diff(None, Some(&out)),
    });
    audit::record_many(conn, &entries)?;
    Ok(out)
}

/// The audit trail's `{"field": {"before", "after"}}` for one decided evaluation.
fn changes(ev: &Evaluation, effect: &DecisionEffect, decision_id: i64, request: &DecisionRequest) -> serde_json::Value {
    use serde_json::json;
    let status = EvaluationAction::of_decision(request.kind).leads_to().map(|s| s.as_str());
    let mut out = serde_json::Map::new();
    out.insert("status".into(), json!({"before": ev.status.as_str(), "after": status}));
    if request.kind == DecisionKind::Revocation {
        out.insert("revocation_id".into(), json!({"before": ev.revocation_id, "after": decision_id}));
    } else {
        let g = effect.granted.as_ref();
        out.insert("decision_id".into(), json!({"before": ev.decision_id, "after": decision_id}));
        out.insert("decided_on".into(), json!({"before": ev.decided_on, "after": request.decided_on}));
        out.insert("result_level".into(), json!({"before": ev.result_level, "after": g.map(|g| &g.level)}));
        out.insert("result_rank".into(), json!({"before": ev.result_rank, "after": g.map(|g| g.rank)}));
        out.insert("result_points".into(), json!({"before": ev.result_points, "after": g.and_then(|g| g.points)}));
        out.insert("valid_until".into(), json!({"before": ev.valid_until, "after": g.and_then(|g| g.valid_until)}));
    }
    serde_json::Value::Object(out)
}

/// Reads a decision with the evaluations it covers that the caller may read.
#[utoipa::path(
    operation_id = "getDecision", tag = "evaluations", params(("id" = i64, Path, description = "Decision id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The decision", body = DecisionDto),
        (status = 404, description = "No such decision, or none of its evaluations is in the caller's units (`decision_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_decision(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<web::Json<DecisionDto>, ApiError> {
    let id = id.into_inner();
    let (decision, items) = db(&state, move |database| {
        database.read(|conn| {
            let (decision, items) = evaluations::get_decision(conn, id)?;
            // Visible to those who can read at least one of its evaluations.
            let visible: Vec<i64> =
                items.into_iter().filter(|(_, path)| actor.scope.can_read(path)).map(|(id, _)| id).collect();
            if visible.is_empty() && !actor.scope.nationwide {
                return Err(ApiError::NotFound(Record::Decision));
            }
            Ok((decision, visible))
        })
    })
    .await?;
    Ok(web::Json(decision_dto(decision, items)))
}

fn decision_dto(decision: Decision, evaluation_ids: Vec<i64>) -> DecisionDto {
    DecisionDto {
        id: decision.id,
        kind: decision.kind,
        number: decision.number,
        decided_on: decision.decided_on,
        authority: decision.authority,
        reason: decision.reason,
        evaluation_ids,
        created_at: decision.created_at.and_utc(),
    }
}
