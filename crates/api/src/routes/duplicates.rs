//! `/api/v1/citizen-duplicates`: citizens registered with one national ID by officers who could
//! not see each other's records. The second officer is not told (that would disclose a person
//! outside their units); the pair is shown to the officers whose units cover both, who merge
//! it (one record is kept, the other deleted) or dismiss it.

use super::support::{audit, cursor, db, decode_id_cursor, encode_id_cursor, limit};
use crate::auth::Actor;
use crate::dto::{CitizenDuplicateDto, CitizenDuplicatePage, DuplicateQuery, DuplicateStatus, MergeRequest};
use crate::error::{ApiError, FieldError, Issue, Problem};
use crate::extract::JsonBody;
use crate::i18n::Rule;
use crate::state::AppState;
use actix_web::{get, post, web};
use xhht_domain::Permission;
use xhht_persistence::registry::{citizen, duplicates};
use xhht_persistence::units;
use xhht_persistence::{DbConn, PersistenceError, Record};

fn dto(pair: &duplicates::Pair) -> CitizenDuplicateDto {
    CitizenDuplicateDto {
        id: pair.id,
        citizen_id: pair.citizen_id,
        twin_id: pair.twin_id,
        flagged_at: pair.flagged_at.and_utc(),
        status: match pair.resolution.as_deref() {
            Some("merged") => DuplicateStatus::Merged,
            Some(_) => DuplicateStatus::Dismissed,
            None => DuplicateStatus::Open,
        },
        resolved_at: pair.resolved_at.map(|t| t.and_utc()),
    }
}

/// Whether the caller keeps the registries of both citizens' units.
fn covers_both(conn: &mut DbConn, actor: &Actor, pair: &duplicates::Pair) -> Result<bool, ApiError> {
    for id in [pair.citizen_id, pair.twin_id] {
        if !actor.scope.can_write(&citizen::get(conn, id)?.unit_path) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A pair the caller may resolve; others are missing to the caller.
fn resolvable(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<duplicates::Pair, ApiError> {
    let pair = duplicates::get(conn, id)?;
    if covers_both(conn, actor, &pair)? { Ok(pair) } else { Err(ApiError::NotFound(Record::CitizenDuplicate)) }
}

/// Lists possible duplicates whose two citizens both lie in the caller's units, in id order.
#[utoipa::path(
    operation_id = "listCitizenDuplicates",
    tag = "registries",
    params(DuplicateQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of possible duplicates", body = CitizenDuplicatePage))
)]
#[get("/citizen-duplicates")]
pub async fn list_duplicates(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<DuplicateQuery>,
) -> Result<web::Json<CitizenDuplicatePage>, ApiError> {
    actor.require(Permission::Register)?;
    let open = match query.status.as_deref() {
        None | Some("open") => true,
        Some("resolved") => false,
        Some(_) => {
            let allowed = vec!["open".to_owned(), "resolved".to_owned()];
            return Err(ApiError::InvalidQuery(vec![FieldError::new("status", Issue::NotOneOf { allowed })]));
        }
    };
    let limit = limit(query.limit).map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    let mut after = cursor(&query.cursor)
        .map(decode_id_cursor)
        .transpose()
        .map_err(|e| ApiError::InvalidQuery(vec![e]))?
        .unwrap_or(0);
    let page = db(&state, move |database| {
        database.read(|conn| {
            let mut items = Vec::new();
            // The caller's units filter the pairs after the read: read on until the page is full.
            while (items.len() as i64) < limit {
                let batch = duplicates::list(conn, open, after, 200)?;
                let Some(last) = batch.last().map(|p| p.id) else { break };
                for pair in &batch {
                    if (items.len() as i64) < limit && covers_both(conn, &actor, pair)? {
                        items.push(dto(pair));
                    }
                }
                after = last;
            }
            let more = items.len() as i64 == limit;
            let next_cursor = if more { items.last().map(|p| encode_id_cursor(p.id)) } else { None };
            Ok::<_, ApiError>(CitizenDuplicatePage { items, next_cursor })
        })
    })
    .await?;
    Ok(web::Json(page))
}

/// Dismisses a possible duplicate: they are two people (a mistyped number, say); both records stay.
#[utoipa::path(
    operation_id = "dismissCitizenDuplicate",
    tag = "registries",
    params(("id" = i64, Path, description = "The possible duplicate's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Dismissed", body = CitizenDuplicateDto),
        (status = 404, description = "No such possible duplicate whose citizens both lie in the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Merged or dismissed already", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/citizen-duplicates/{id}/dismiss")]
pub async fn dismiss_duplicate(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<web::Json<CitizenDuplicateDto>, ApiError> {
    actor.require(Permission::Register)?;
    let id = id.into_inner();
    let pair = db(&state, move |database| {
        database.write(|conn| {
            let pair = resolvable(conn, &actor, id)?;
            let resolved = duplicates::resolve(conn, pair.id, "dismissed", actor.id)?;
            record(conn, &actor, &resolved, None)?;
            Ok::<_, ApiError>(resolved)
        })
    })
    .await?;
    Ok(web::Json(dto(&pair)))
}

/// Merges a possible duplicate: one person, two records. The record named is kept, the other
/// is deleted (kept as a deletion marker for sync), in one transaction.
#[utoipa::path(
    operation_id = "mergeCitizenDuplicate",
    tag = "registries",
    params(("id" = i64, Path, description = "The possible duplicate's id")),
    request_body = MergeRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Merged", body = CitizenDuplicateDto),
        (status = 404, description = "No such possible duplicate whose citizens both lie in the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Merged or dismissed already, or the record to keep is deleted", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/citizen-duplicates/{id}/merge")]
pub async fn merge_duplicate(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<MergeRequest>,
) -> Result<web::Json<CitizenDuplicateDto>, ApiError> {
    actor.require(Permission::Register)?;
    let id = id.into_inner();
    let keep = body.into_inner().keep_citizen_id;
    let pair = db(&state, move |database| {
        database.write(|conn| {
            let pair = resolvable(conn, &actor, id)?;
            let removed = match keep {
                k if k == pair.citizen_id => pair.twin_id,
                k if k == pair.twin_id => pair.citizen_id,
                _ => {
                    return Err(ApiError::Validation(vec![FieldError::rule("keep_citizen_id", Rule::NotInPair)]));
                }
            };
            // The record kept must still be there: merging into a deleted one would leave none.
            if citizen::get(conn, keep)?.deleted_at.is_some() {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule("keep_citizen_id", Rule::UnknownReference)]));
            }
            let resolved = duplicates::resolve(conn, pair.id, "merged", actor.id)?;
            match citizen::delete(conn, removed, None) {
                Ok(_) | Err(PersistenceError::NotFound(_)) => {}
                Err(e) => return Err(e.into()),
            }
            record(conn, &actor, &resolved, Some(removed))?;
            Ok(resolved)
        })
    })
    .await?;
    Ok(web::Json(dto(&pair)))
}

/// The audit entries of a resolution: one under each citizen's unit, naming only that
/// citizen, so that an officer who reads one unit's trail never learns the other record.
fn record(conn: &mut DbConn, actor: &Actor, pair: &duplicates::Pair, removed: Option<i64>) -> Result<(), ApiError> {
    let action = if removed.is_some() { "merge_duplicate" } else { "dismiss_duplicate" };
    for citizen_id in [pair.citizen_id, pair.twin_id] {
        let unit_id = citizen::get(conn, citizen_id)?.unit_id;
        let unit = units::get(conn, unit_id)?;
        let changes = serde_json::json!({
            "duplicate_id": pair.id, "resolution": pair.resolution, "removed": removed == Some(citizen_id),
        });
        audit(conn, actor, "citizen", citizen_id, action, Some(&unit), changes)?;
    }
    Ok(())
}
