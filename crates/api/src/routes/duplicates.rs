//! `/api/v1/citizen-duplicates`: citizens registered with one national ID by officers who could
//! not see each other's records. The second officer is not told (that would disclose a person
//! outside their units); the pair is shown to the officers whose units cover both, who merge
//! it (one record is kept, the other deleted) or dismiss it.

use super::support::{audit, db, filtered_page};
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
use xhht_persistence::{DbConn, Record};

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
fn covers_both(actor: &Actor, placed: &duplicates::Placed) -> bool {
    placed.places.iter().all(|place| actor.scope.can_write(&place.unit_path))
}

/// A pair the caller may resolve; others are missing to the caller.
fn resolvable(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<duplicates::Placed, ApiError> {
    let placed = duplicates::get_placed(conn, id)?;
    if covers_both(actor, &placed) { Ok(placed) } else { Err(ApiError::NotFound(Record::CitizenDuplicate)) }
}

/// Lists possible duplicates whose two citizens both lie in the caller's units, in id order.
#[utoipa::path(
    operation_id = "listCitizenDuplicates",
    tag = "registries",
    params(DuplicateQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of possible duplicates", body = CitizenDuplicatePage))
)]
#[get("")]
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
    let (limit, after) = super::support::id_page(query.limit, &query.cursor)?;
    let after = after.unwrap_or(0);
    let page = db(&state, move |database| {
        database.read(|conn| {
            let (items, next_cursor) = filtered_page(
                limit,
                after,
                |after| {
                    let batch = duplicates::list(conn, open, after, 200)?;
                    let kept =
                        batch.iter().filter(|placed| covers_both(&actor, placed)).map(|p| dto(&p.pair)).collect();
                    Ok((kept, batch.last().map(|p| p.pair.id)))
                },
                |p: &CitizenDuplicateDto| p.id,
            )?;
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
#[post("/{id}/dismiss")]
pub async fn dismiss_duplicate(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<web::Json<CitizenDuplicateDto>, ApiError> {
    actor.require(Permission::Register)?;
    let id = id.into_inner();
    let pair = db(&state, move |database| {
        database.write(|conn| {
            let placed = resolvable(conn, &actor, id)?;
            let resolved = duplicates::resolve(conn, placed.pair.id, "dismissed", actor.id)?;
            record(conn, &actor, &resolved, &placed.places, None)?;
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
#[post("/{id}/merge")]
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
            let placed = resolvable(conn, &actor, id)?;
            let pair = &placed.pair;
            let (kept, removed) = match keep {
                k if k == pair.citizen_id => (&placed.places[0], pair.twin_id),
                k if k == pair.twin_id => (&placed.places[1], pair.citizen_id),
                _ => {
                    return Err(ApiError::Validation(vec![FieldError::rule("keep_citizen_id", Rule::NotInPair)]));
                }
            };
            // The record kept must still be there: merging into a deleted one would leave none.
            if kept.deleted {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
                    "keep_citizen_id",
                    Rule::UnknownReference,
                )]));
            }
            let resolved = duplicates::resolve(conn, pair.id, "merged", actor.id)?;
            let removed_place = if removed == pair.citizen_id { &placed.places[0] } else { &placed.places[1] };
            if !removed_place.deleted {
                citizen::delete(conn, removed, None)?;
            }
            record(conn, &actor, &resolved, &placed.places, Some(removed))?;
            Ok(resolved)
        })
    })
    .await?;
    Ok(web::Json(dto(&pair)))
}

/// The audit entries of a resolution: one under each citizen's unit, naming only that
/// citizen, so that an officer who reads one unit's trail never learns the other record.
fn record(
    conn: &mut DbConn,
    actor: &Actor,
    pair: &duplicates::Pair,
    places: &[duplicates::Place; 2],
    removed: Option<i64>,
) -> Result<(), ApiError> {
    let action = if removed.is_some() { "merge_duplicate" } else { "dismiss_duplicate" };
    for (citizen_id, place) in [pair.citizen_id, pair.twin_id].into_iter().zip(places) {
        let unit = units::get(conn, place.unit_id)?;
        let changes = serde_json::json!({
            "duplicate_id": pair.id, "resolution": pair.resolution, "removed": removed == Some(citizen_id),
        });
        audit(conn, actor, "citizen", citizen_id, action, Some(&unit), changes)?;
    }
    Ok(())
}
