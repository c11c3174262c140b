//! `/api/v1/audit`: the audit trail, scoped to the caller's units (administrators see all).

use super::support::{db, encode_id_cursor};
use crate::auth::Actor;
use crate::dto::{AuditEntryDto, AuditPage, AuditQuery};
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use actix_web::{get, web};
use xhht_domain::Permission;
use xhht_persistence::audit::{self, AuditFilter};
use xhht_persistence::units;

/// Lists changes, newest first: who, when, which entity, the action, the fields before and
/// after, and the request id.
#[utoipa::path(
    operation_id = "listAudit",
    tag = "audit",
    params(AuditQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of audit entries", body = AuditPage),
        (status = 404, description = "The `unit` does not exist", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_audit(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<AuditQuery>,
) -> Result<web::Json<AuditPage>, ApiError> {
    actor.require(Permission::ReadAudit)?;
    let query = query.into_inner();
    let (limit, before) = super::support::id_page(query.limit, &query.cursor)?;
    let page = db(&state, move |database| {
        database.read(|conn| {
            let within = match query.unit {
                Some(id) => {
                    let unit = units::get(conn, id)?;
                    if !actor.scope.can_read(&unit.path) {
                        return Err(ApiError::OutOfScope);
                    }
                    Some(unit.path)
                }
                None => None,
            };
            let filter = AuditFilter {
                entity: query.entity.clone(),
                entity_id: query.entity_id.clone(),
                actor_id: query.actor,
                within,
                since: query.since.map(|t| t.naive_utc()),
                until: query.until.map(|t| t.naive_utc()),
                scope: if actor.scope.nationwide { None } else { Some(actor.scope.read.clone()) },
            };
            let rows = audit::list(conn, &filter, before, limit)?;
            let next_cursor =
                (rows.len() as i64 == limit).then(|| rows.last().map(|r| encode_id_cursor(r.id))).flatten();
            let items = rows
                .into_iter()
                .map(|r| AuditEntryDto {
                    id: r.id,
                    at: r.at.and_utc(),
                    actor_id: r.actor_id,
                    actor_username: r.actor_username,
                    request_id: r.request_id,
                    entity: r.entity,
                    entity_id: r.entity_id,
                    action: r.action,
                    unit_id: r.unit_id,
                    changes: serde_json::from_str(&r.changes).unwrap_or_default(),
                })
                .collect();
            Ok(AuditPage { items, next_cursor })
        })
    })
    .await?;
    Ok(web::Json(page))
}
