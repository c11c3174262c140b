//! `/api/v1/decisions`: one decision (Quyết định) recognises, rejects or revokes many
//! evaluations at once, as its annexed list does; all or nothing.

use super::evaluations::{
    dto as evaluation_dto, framework_of, is_published, level1_since, may_decide, not_found, score_on,
};
use super::support::{audit, create_once, db};
use crate::auth::Actor;
use crate::dto::{DecisionDto, DecisionKind, DecisionRequest};
use crate::error::{ApiError, FieldError, Issue, Problem};
use crate::extract::JsonBody;
use crate::startup::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use std::collections::HashMap;
use validator::Validate;
use xhht_domain::Permission;
use xhht_evaluation::Framework;
use xhht_persistence::evaluations::{self, Evaluation, NewDecision, Result_};
use xhht_persistence::{DbConn, units};

fn item_error(i: usize, code: &str, vi: String) -> FieldError {
    FieldError::new(format!("items[{i}]"), Issue::Described { code: code.into(), vi })
}

/// The last day a recognition is kept: the end of the N-th year after the year of recognition.
fn valid_until(framework: &Framework, decided_on: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let years = framework.retained_years_after_recognition_year?;
    NaiveDate::from_ymd_opt(decided_on.year() + i32::try_from(years).ok()?, 12, 31)
}

/// What a recognised item is granted.
struct Granted {
    level: String,
    rank: i32,
    points: Option<f64>,
    outcome: String,
}

/// What one recognised item becomes, or why it cannot be.
fn recognise(
    conn: &mut DbConn,
    ev: &Evaluation,
    framework: &Framework,
    requested: Option<&str>,
    decided_on: NaiveDate,
    i: usize,
) -> Result<Result<Granted, FieldError>, ApiError> {
    if !is_published(framework) {
        return Ok(Err(item_error(
            i,
            "framework_not_published",
            format!("Bộ tiêu chí của hồ sơ {} chưa được ban hành (bản nháp): không dùng để công nhận.", ev.id),
        )));
    }
    let since = level1_since(conn, ev)?;
    let outcome = score_on(conn, ev, framework, decided_on, since)?;
    let reached = outcome.level.id.to_string();
    let wanted = requested.map(str::to_owned).or_else(|| ev.requested_level.clone()).unwrap_or_else(|| reached.clone());
    if outcome.level.rank == 0 || wanted != reached {
        // Would the level be reached with enough time at level 1? Then time is what is missing.
        let long_ago = NaiveDate::from_ymd_opt(1900, 1, 1);
        let without_wait = score_on(conn, ev, framework, decided_on, long_ago)?;
        if without_wait.level.id == wanted && without_wait.level.rank > 0 {
            let held = since.map_or("chưa có".to_owned(), |d| d.format("%d/%m/%Y").to_string());
            return Ok(Err(item_error(
                i,
                "level2_too_early",
                format!(
                    "Hồ sơ {}: chỉ được công nhận mức độ 2 sau ít nhất 12 tháng kể từ quyết định công nhận mức độ 1 (mức độ 1 từ: {held}).",
                    ev.id
                ),
            )));
        }
        return Ok(Err(item_error(
            i,
            "level_not_reached",
            format!("Hồ sơ {}: kết quả đánh giá là “{}”, không đạt mức “{wanted}”.", ev.id, outcome.level.name_vi),
        )));
    }
    let points = outcome
        .points
        .as_ref()
        .and_then(|p| serde_json::to_value(p).ok())
        .and_then(|v| v.get("total").and_then(|t| t.as_f64()));
    let text = serde_json::to_string(&outcome).map_err(|_| ApiError::Internal)?;
    Ok(Ok(Granted { level: reached, rank: i32::from(outcome.level.rank), points, outcome: text }))
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
        (status = 409, description = "Some items cannot be decided as they stand (`decision_refused`, one error per item: missing, repeated, out of the caller's authority, in the wrong state, not eligible), or an evaluation changed at the same moment", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/decisions")]
pub async fn create_decision(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<DecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Decide)?;
    body.validate()?;
    let body = body.into_inner();
    if body.kind != DecisionKind::Recognition && body.reason.is_none() {
        return Err(ApiError::Validation(vec![FieldError::new("reason", Issue::Required)]));
    }
    let request = body.clone();
    create_once(&state, &req, "create_decision", actor.id, &body, "/api/v1/decisions", move |conn| {
        let kind = match request.kind {
            DecisionKind::Recognition => "recognition",
            DecisionKind::Rejection => "rejection",
            DecisionKind::Revocation => "revocation",
        };
        let decision = evaluations::create_decision(
            conn,
            &NewDecision {
                kind,
                number: request.number.trim().to_owned(),
                decided_on: request.decided_on,
                authority: request.authority.trim().to_owned(),
                reason: request.reason.clone(),
                created_by: Some(actor.id),
            },
        )?;
        let mut problems = Vec::new();
        let mut frameworks: HashMap<i64, Framework> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        let mut ids = Vec::with_capacity(request.items.len());
        for (i, item) in request.items.iter().enumerate() {
            if !seen.insert(item.evaluation_id) {
                problems.push(item_error(
                    i,
                    "repeated_item",
                    format!("Hồ sơ {} được liệt kê hai lần.", item.evaluation_id),
                ));
                continue;
            }
            let ev = match evaluations::get(conn, item.evaluation_id) {
                Ok(ev) if actor.scope.can_read(&ev.unit_path) => ev,
                Ok(_) | Err(xhht_persistence::PersistenceError::NotFound) => {
                    problems.push(item_error(
                        i,
                        "record_not_found",
                        format!("Không tìm thấy hồ sơ {}.", item.evaluation_id),
                    ));
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            if !may_decide(&actor, &ev) {
                problems.push(item_error(
                    i,
                    "out_of_scope",
                    format!("Hồ sơ {} nằm ngoài thẩm quyền quyết định của tài khoản.", ev.id),
                ));
                continue;
            }
            let statuses: &[&str] = match request.kind {
                DecisionKind::Recognition => &["inspected"],
                DecisionKind::Rejection => &["submitted", "inspected"],
                DecisionKind::Revocation => &["recognised"],
            };
            if !statuses.contains(&ev.status.as_str()) {
                problems.push(item_error(
                    i,
                    "wrong_status",
                    format!("Hồ sơ {} đang ở trạng thái “{}”.", ev.id, ev.status),
                ));
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = frameworks.entry(ev.framework_id) {
                slot.insert(framework_of(conn, ev.framework_id)?.1);
            }
            let Some(framework) = frameworks.get(&ev.framework_id) else { continue };
            let before = evaluation_dto(&actor, &ev);
            match request.kind {
                DecisionKind::Recognition => {
                    match recognise(conn, &ev, framework, item.level.as_deref(), request.decided_on, i)? {
                        Err(problem) => {
                            problems.push(problem);
                            continue;
                        }
                        Ok(Granted { level, rank, points, outcome }) => {
                            evaluations::begin_change(conn, ev.id, Some(ev.version), statuses)?;
                            evaluations::set_result(
                                conn,
                                ev.id,
                                &Result_ {
                                    status: "recognised",
                                    level: Some(level),
                                    rank: Some(rank),
                                    points,
                                    outcome: Some(outcome),
                                    decision_id: decision.id,
                                    decided_on: request.decided_on,
                                    valid_until: valid_until(framework, request.decided_on),
                                },
                            )?;
                        }
                    }
                }
                DecisionKind::Rejection => {
                    evaluations::begin_change(conn, ev.id, Some(ev.version), statuses)?;
                    evaluations::set_result(
                        conn,
                        ev.id,
                        &Result_ {
                            status: "rejected",
                            level: None,
                            rank: None,
                            points: None,
                            outcome: None,
                            decision_id: decision.id,
                            decided_on: request.decided_on,
                            valid_until: None,
                        },
                    )?;
                }
                DecisionKind::Revocation => {
                    evaluations::begin_change(conn, ev.id, Some(ev.version), statuses)?;
                    evaluations::set_revoked(conn, ev.id, decision.id)?;
                }
            }
            let after = evaluations::get(conn, ev.id)?;
            let unit = units::get(conn, after.unit_id)?;
            let action = match request.kind {
                DecisionKind::Recognition => "recognise",
                DecisionKind::Rejection => "reject",
                DecisionKind::Revocation => "revoke",
            };
            let changes = super::support::diff(Some(&before), Some(&evaluation_dto(&actor, &after)));
            audit(conn, &actor, "evaluation", ev.id, action, Some(&unit), changes)?;
            ids.push(ev.id);
        }
        if !problems.is_empty() {
            // All or nothing: one refused item refuses the whole decision.
            return Err(ApiError::DecisionRefused(problems));
        }
        let out = DecisionDto {
            id: decision.id,
            kind: request.kind,
            number: decision.number,
            decided_on: decision.decided_on,
            authority: decision.authority,
            reason: decision.reason,
            evaluation_ids: ids,
            created_at: decision.created_at.and_utc(),
        };
        audit(conn, &actor, "decision", out.id, "create", None, super::support::diff(None, Some(&out)))?;
        Ok(out)
    })
    .await
}

/// Reads a decision with the evaluations it covers.
#[utoipa::path(
    operation_id = "getDecision", tag = "evaluations", params(("id" = i64, Path, description = "Decision id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The decision", body = DecisionDto),
        (status = 404, description = "No such decision", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/decisions/{id}")]
pub async fn get_decision(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<web::Json<DecisionDto>, ApiError> {
    let id = id.into_inner();
    let (decision, items) = db(&state, move |database| {
        database.read(|conn| {
            let (decision, items) = evaluations::get_decision(conn, id).map_err(not_found)?;
            // Visible to those who can read at least one of its evaluations.
            let mut visible = Vec::new();
            for item in items {
                let ev = evaluations::get(conn, item)?;
                if actor.scope.can_read(&ev.unit_path) {
                    visible.push(item);
                }
            }
            if visible.is_empty() && !actor.scope.nationwide {
                return Err(ApiError::RecordNotFound);
            }
            Ok((decision, visible))
        })
    })
    .await?;
    let kind = match decision.kind.as_str() {
        "rejection" => DecisionKind::Rejection,
        "revocation" => DecisionKind::Revocation,
        _ => DecisionKind::Recognition,
    };
    Ok(web::Json(DecisionDto {
        id: decision.id,
        kind,
        number: decision.number,
        decided_on: decision.decided_on,
        authority: decision.authority,
        reason: decision.reason,
        evaluation_ids: items,
        created_at: decision.created_at.and_utc(),
    }))
}
