//! `/api/v1/units`: administrative units over time.

use super::support::{
    audit, create_once, db, decode_cursor, diff, encode_cursor, if_match, if_none_match, limit, today,
};
use crate::auth::Actor;
use crate::dto::{
    ByCodeQuery, ChildrenQuery, CloseRequest, LineageDto, LineageList, NewVillageRequest, RenameRequest, UnitDetail,
    UnitDto, UnitList, UnitListQuery, UnitPage,
};
use crate::error::{ApiError, FieldError, Issue, Problem};
use crate::extract::JsonBody;
use crate::reference::{self, ReferenceCache, Rendered};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

/// The longest name search, in characters as sent.
pub const SEARCH_MAX_CHARS: usize = 100;
use xhht_domain::{Permission, UnitCode, UnitLevel, search};
use xhht_persistence::reference as reference_version;
use xhht_persistence::units::{self, Direction, Unit, UnitCursor, UnitFilter};
use xhht_persistence::{DbConn, PersistenceError};

/// Builds DTOs for a page: parents and the names on `as_of` come in two indexed queries.
pub(crate) fn to_dtos(
    conn: &mut DbConn,
    list: &[Unit],
    as_of: Option<NaiveDate>,
) -> Result<Vec<UnitDto>, PersistenceError> {
    let mut parent_ids: Vec<i64> = list.iter().filter_map(|u| u.parent_id).collect();
    parent_ids.sort_unstable();
    parent_ids.dedup();
    let parents: HashMap<i64, Unit> = units::get_many(conn, &parent_ids)?.into_iter().map(|u| (u.id, u)).collect();
    let names = match as_of {
        Some(day) => {
            let ids: Vec<i64> = list.iter().map(|u| u.id).collect();
            units::names_on(conn, &ids, day)?
        }
        None => HashMap::new(),
    };
    Ok(list.iter().map(|u| UnitDto::new(u, u.parent_id.and_then(|p| parents.get(&p)), names.get(&u.id))).collect())
}

fn detail(conn: &mut DbConn, unit: &Unit) -> Result<UnitDetail, PersistenceError> {
    let dto = to_dtos(conn, std::slice::from_ref(unit), None)?.pop();
    let former_names = units::former_names(conn, unit.id)?.into_iter().map(Into::into).collect();
    match dto {
        Some(unit) => Ok(UnitDetail { unit, former_names }),
        None => Err(PersistenceError::NotFound(xhht_persistence::Record::Unit)),
    }
}

fn render(d: &UnitDetail) -> Result<Rendered, ApiError> {
    let body = serde_json::to_vec(d).map_err(|_| ApiError::Internal)?;
    Ok(Rendered::new(body, d.unit.version))
}

/// The unit as rendered, with its content ETag; 304 when the client holds it already.
fn respond(if_none_match: Option<&str>, rendered: &Rendered) -> HttpResponse {
    rendered.respond(if_none_match, reference::PUBLIC_MAX_AGE)
}

fn detail_response(d: &UnitDetail) -> Result<HttpResponse, ApiError> {
    let rendered = render(d)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, rendered.etag_header()))
        .content_type("application/json")
        .body(rendered.body))
}

/// The unit at the current reference version: from memory while no reference data changed,
/// else read and kept.
fn current_unit(conn: &mut DbConn, cache: &ReferenceCache, version: i64, id: i64) -> Result<Arc<Rendered>, ApiError> {
    if let Some(hit) = cache.unit(version, id) {
        return Ok(hit);
    }
    let unit = units::get(conn, id)?;
    let rendered = Arc::new(render(&detail(conn, &unit)?)?);
    cache.keep_unit(version, id, rendered.clone());
    Ok(rendered)
}

/// A page of a unit list from memory when the reference data has not changed since it was
/// read, else read (blocking, in `read`) and kept. `key` names the request once checked, every
/// default resolved (the day included); `None` is never kept (a free-text search).
async fn unit_page<F>(state: &web::Data<AppState>, key: Option<String>, read: F) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<UnitPage, ApiError> + Send + 'static,
{
    let respond = |body: web::Bytes| HttpResponse::Ok().content_type("application/json").body(body);
    if let (Some(key), Some(version)) = (&key, state.db.reference_version())
        && let Some(hit) = state.reference.page(version, key)
    {
        return Ok(respond(hit));
    }
    let app = state.clone();
    let body = db(state, move |database| {
        database.read(|conn| {
            let version = xhht_persistence::reference::current(conn)?;
            let page = read(conn)?;
            let body = web::Bytes::from(serde_json::to_vec(&page).map_err(|_| ApiError::Internal)?);
            if let Some(key) = key {
                app.reference.keep_page(version, key, body.clone());
            }
            Ok(body)
        })
    })
    .await?;
    Ok(respond(body))
}

fn page(
    conn: &mut DbConn,
    filter: &UnitFilter,
    cursor: Option<&UnitCursor>,
    limit: i64,
    with_total: bool,
) -> Result<UnitPage, PersistenceError> {
    let found = units::list(conn, filter, cursor, limit)?;
    let total = if with_total { Some(units::count(conn, filter)?) } else { None };
    Ok(UnitPage {
        items: to_dtos(conn, &found.items, filter.as_of)?,
        next_cursor: found.next.map(|c| encode_cursor(&c.code, c.id)),
        total,
    })
}

fn cursor_of(text: &Option<String>) -> Result<Option<UnitCursor>, FieldError> {
    super::support::cursor(text).map(|t| decode_cursor(t).map(|(code, id)| UnitCursor { code, id })).transpose()
}

/// Lists administrative units valid on a date.
#[utoipa::path(
    operation_id = "listUnits",
    tag = "units",
    params(UnitListQuery),
    responses(
        (status = 200, description = "One page of units in (code, id) order", body = UnitPage),
        (status = 404, description = "The `within` unit does not exist", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_units(
    state: web::Data<AppState>,
    query: web::Query<UnitListQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let mut problems = Vec::new();
    let limit = limit(query.limit).map_err(|e| problems.push(e)).unwrap_or_default();
    let cursor = cursor_of(&query.cursor).map_err(|e| problems.push(e)).unwrap_or_default();
    // Counted as sent, as the document's maxLength counts it.
    if query.q.as_ref().is_some_and(|q| q.chars().count() > SEARCH_MAX_CHARS) {
        problems.push(FieldError::new("q", Issue::Length { min: None, max: Some(SEARCH_MAX_CHARS as u64) }));
    }
    let q = query.q.as_deref().map(search::fold).filter(|q| !q.is_empty());
    if !problems.is_empty() {
        return Err(ApiError::InvalidQuery(problems));
    }
    let filter = UnitFilter {
        level: query.level.map(Into::into),
        parent_id: query.parent,
        within: query.within,
        as_of: Some(query.as_of.unwrap_or_else(today)),
        q,
    };
    let with_total = query.with_total.unwrap_or(false);
    // Lists are reference data too; a search is not kept (its words are the reader's).
    let key = filter.q.is_none().then(|| {
        let f = &filter;
        format!(
            "units {:?} {:?} {:?} {:?} {limit} {:?} {with_total}",
            f.level, f.parent_id, f.within, f.as_of, query.cursor
        )
    });
    unit_page(&state, key, move |conn| Ok(page(conn, &filter, cursor.as_ref(), limit, with_total)?)).await
}

/// Reads one unit, with its former names. The ETag is the unit's version.
#[utoipa::path(
    operation_id = "getUnit",
    tag = "units",
    params(("id" = i64, Path, description = "Unit id"), ("If-None-Match" = Option<String>, Header, description = "ETags the client holds: 304 when one of them is current")),
    responses(
        (status = 200, description = "The unit", body = UnitDetail,
            headers(("ETag" = String, description = "The representation's tag: the unit's version, then a digest of the body; `If-Match` takes it whole"),
                    ("Cache-Control" = String, description = "How long a portal may keep it before asking again with If-None-Match"))),
        (status = 304, description = "Not modified: an ETag sent in If-None-Match is current",
            headers(("ETag" = String, description = "The current tag"))),
        (status = 404, description = "No unit with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_unit(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let tags = if_none_match(&req)?;
    if let Some(version) = state.db.reference_version()
        && let Some(hit) = state.reference.unit(version, id)
    {
        return Ok(respond(tags.as_deref(), &hit));
    }
    let app = state.clone();
    let rendered = db(&state, move |database| {
        database.read(|conn| {
            let version = reference_version::current(conn)?;
            current_unit(conn, &app.reference, version, id)
        })
    })
    .await?;
    Ok(respond(tags.as_deref(), &rendered))
}

/// Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
/// (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).
#[utoipa::path(
    operation_id = "getUnitByCode",
    tag = "units",
    params(("code" = String, Path, description = "Official or local unit code"), ByCodeQuery, ("If-None-Match" = Option<String>, Header, description = "ETags the client holds: 304 when one of them is current")),
    responses(
        (status = 200, description = "The unit holding the code on that day", body = UnitDetail,
            headers(("ETag" = String, description = "The representation's tag: the unit's version, then a digest of the body; `If-Match` takes it whole"),
                    ("Cache-Control" = String, description = "How long a portal may keep it before asking again with If-None-Match"))),
        (status = 304, description = "Not modified: an ETag sent in If-None-Match is current",
            headers(("ETag" = String, description = "The current tag"))),
        (status = 404, description = "No unit held this code on that day", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Several units held the code on that day; give `level`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/by-code/{code}")]
pub async fn unit_by_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    code: web::Path<String>,
    query: web::Query<ByCodeQuery>,
) -> Result<HttpResponse, ApiError> {
    let code = UnitCode::parse_any(&code)
        .map_err(|_| ApiError::InvalidPath(vec![FieldError::new("code", Issue::InvalidUnitCode { width: None })]))?;
    let day = query.as_of.unwrap_or_else(today);
    let level = query.level.map(UnitLevel::from);
    let tags = if_none_match(&req)?;
    let key = (code.as_str().to_owned(), level, day);
    if let Some(version) = state.db.reference_version()
        && let Some(id) = state.reference.code(version, &key)
        && let Some(hit) = state.reference.unit(version, id)
    {
        return Ok(respond(tags.as_deref(), &hit));
    }
    let app = state.clone();
    let rendered = db(&state, move |database| {
        database.read(|conn| {
            let version = reference_version::current(conn)?;
            let id = match app.reference.code(version, &key) {
                Some(id) => id,
                None => {
                    let found = units::by_code(conn, code.as_str(), day, level)?;
                    match found.as_slice() {
                        [] => return Err(ApiError::NotFound(xhht_persistence::Record::Unit)),
                        [unit] => {
                            app.reference.keep_code(version, key, unit.id);
                            unit.id
                        }
                        _ => return Err(ApiError::AmbiguousCode { candidates: found.iter().map(|u| u.id).collect() }),
                    }
                }
            };
            current_unit(conn, &app.reference, version, id)
        })
    })
    .await?;
    Ok(respond(tags.as_deref(), &rendered))
}

/// Lists the units directly under a unit on a date.
#[utoipa::path(
    operation_id = "listUnitChildren",
    tag = "units",
    params(("id" = i64, Path, description = "Unit id"), ChildrenQuery),
    responses(
        (status = 200, description = "One page of child units", body = UnitPage),
        (status = 404, description = "No unit with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/children")]
pub async fn unit_children(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<ChildrenQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let query = query.into_inner();
    let mut problems = Vec::new();
    let limit = limit(query.limit).map_err(|e| problems.push(e)).unwrap_or_default();
    let cursor = cursor_of(&query.cursor).map_err(|e| problems.push(e)).unwrap_or_default();
    if !problems.is_empty() {
        return Err(ApiError::InvalidQuery(problems));
    }
    // Without a date the day depends on the unit; today's is part of the key all the same.
    let key = format!("children {id} {:?} {} {limit} {:?}", query.as_of, today(), query.cursor);
    unit_page(&state, Some(key), move |conn| {
        let unit = units::get(conn, id)?;
        // A closed unit's children are read on its last day unless a date is given.
        let day = query.as_of.unwrap_or_else(|| {
            let now = today();
            match (unit.valid_from, unit.valid_to) {
                (_, Some(last)) if last < now => last,
                (Some(first), _) if now < first => first,
                _ => now,
            }
        });
        let filter = UnitFilter { parent_id: Some(id), as_of: Some(day), ..UnitFilter::default() };
        Ok(page(conn, &filter, cursor.as_ref(), limit, false)?)
    })
    .await
}

/// Lists the units above a unit, from the province down.
#[utoipa::path(
    operation_id = "listUnitAncestors",
    tag = "units",
    params(("id" = i64, Path, description = "Unit id")),
    responses(
        (status = 200, description = "The ancestors, root first", body = UnitList),
        (status = 404, description = "No unit with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/ancestors")]
pub async fn unit_ancestors(state: web::Data<AppState>, id: web::Path<i64>) -> Result<web::Json<UnitList>, ApiError> {
    let id = id.into_inner();
    let items = db(&state, move |database| {
        Ok(database.read(|conn| {
            let unit = units::get(conn, id)?;
            let chain = units::ancestors(conn, &unit)?;
            to_dtos(conn, &chain, None)
        })?)
    })
    .await?;
    Ok(web::Json(UnitList { items }))
}

async fn lineage(
    state: web::Data<AppState>,
    id: i64,
    direction: Direction,
) -> Result<web::Json<LineageList>, ApiError> {
    let items = db(&state, move |database| {
        Ok(database.read(|conn| {
            units::get(conn, id)?;
            units::lineage(conn, id, direction)
        })?)
    })
    .await?;
    Ok(web::Json(LineageList { items: items.iter().map(LineageDto::from).collect() }))
}

/// Lists the units this unit was formed from, with the partial flag and the legal basis.
#[utoipa::path(
    operation_id = "listUnitPredecessors",
    tag = "units",
    params(("id" = i64, Path, description = "Unit id")),
    responses(
        (status = 200, description = "The predecessors", body = LineageList),
        (status = 404, description = "No unit with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/predecessors")]
pub async fn unit_predecessors(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<LineageList>, ApiError> {
    lineage(state, id.into_inner(), Direction::Predecessors).await
}

/// Lists the units this unit went into, with the partial flag and the legal basis.
#[utoipa::path(
    operation_id = "listUnitSuccessors",
    tag = "units",
    params(("id" = i64, Path, description = "Unit id")),
    responses(
        (status = 200, description = "The successors", body = LineageList),
        (status = 404, description = "No unit with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/successors")]
pub async fn unit_successors(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<LineageList>, ApiError> {
    lineage(state, id.into_inner(), Direction::Successors).await
}

/// Opens a village (thôn, bản, ấp, tổ dân phố…) under a commune. Safe to retry with an
/// `Idempotency-Key`.
#[utoipa::path(
    operation_id = "createVillage",
    tag = "units",
    request_body = NewVillageRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The village, opened", body = UnitDto,
            headers(("Location" = String, description = "The new unit's URL"))),
        (status = 409, description = "The code is taken, or `parent_id` is not a commune in force on that day", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create_village(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<NewVillageRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageVillages)?;
    let division = crate::villages::check(&body)?;
    let body = body.into_inner();
    let request = body.clone();
    let valid_from = body.valid_from.unwrap_or_else(today);
    create_once(&state, &req, "create_village", actor.id, &body, "/api/v1/units", move |conn| {
        let (unit, commune) = crate::villages::open(conn, &actor, &request, division, valid_from)?;
        let dto = UnitDto::new(&unit, Some(&commune), None);
        audit(conn, &actor, "unit", unit.id, "create", Some(&unit), diff(None, Some(&dto)))?;
        Ok(dto)
    })
    .await
}

/// Renaming and closing a village is a commune's work; other levels need `ManageUnits`.
fn may_change(actor: &Actor, unit: &Unit) -> Result<(), ApiError> {
    let permission =
        if unit.level == UnitLevel::Village { Permission::ManageVillages } else { Permission::ManageUnits };
    actor.require_in(permission, &unit.path)
}

/// Reads the unit, checks the caller may change it, applies `change`, and audits the result.
async fn change_unit<F>(
    state: web::Data<AppState>,
    actor: Actor,
    id: i64,
    action: &'static str,
    change: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<Unit, PersistenceError> + Send + 'static,
{
    if !actor.can(Permission::ManageVillages) && !actor.can(Permission::ManageUnits) {
        return Err(ApiError::Forbidden);
    }
    let d = db(&state, move |database| {
        database.write(|conn| {
            let before_unit = units::get(conn, id)?;
            may_change(&actor, &before_unit)?;
            let before = detail(conn, &before_unit)?;
            let unit = change(conn)?;
            let after = detail(conn, &unit)?;
            audit(conn, &actor, "unit", id, action, Some(&unit), diff(Some(&before), Some(&after)))?;
            Ok(after)
        })
    })
    .await?;
    detail_response(&d)
}

/// Renames a unit from a date; the former name is kept with its period. Needs `If-Match`.
#[utoipa::path(
    operation_id = "renameUnit",
    tag = "units",
    request_body = RenameRequest,
    params(
        ("id" = i64, Path, description = "Unit id"),
        ("If-Match" = String, Header, description = "The ETag read from the unit"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The renamed unit", body = UnitDetail,
            headers(("ETag" = String, description = "The unit's new version"))),
        (status = 404, description = "No unit with this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The unit is not in force on that day, or the date is not after the current name's start", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The unit changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{id}")]
pub async fn rename_unit(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<RenameRequest>,
) -> Result<HttpResponse, ApiError> {
    body.validate()?;
    let expected = if_match(&req)?;
    let body = body.into_inner();
    let id = id.into_inner();
    change_unit(state, actor, id, "rename", move |conn| {
        units::rename(conn, id, expected, body.name.trim(), body.effective_date, body.legal_basis.trim())
    })
    .await
}

/// Closes a unit: `last_day` is its last day in force. Units still open under it must be
/// closed or reorganised first. Needs `If-Match`.
#[utoipa::path(
    operation_id = "closeUnit",
    tag = "units",
    request_body = CloseRequest,
    params(
        ("id" = i64, Path, description = "Unit id"),
        ("If-Match" = String, Header, description = "The ETag read from the unit"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The closed unit", body = UnitDetail,
            headers(("ETag" = String, description = "The unit's new version"))),
        (status = 404, description = "No unit with this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already closed, not in force on that day, or open units under it", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The unit changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/close")]
pub async fn close_unit(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<CloseRequest>,
) -> Result<HttpResponse, ApiError> {
    body.validate()?;
    let expected = if_match(&req)?;
    let body = body.into_inner();
    let id = id.into_inner();
    change_unit(state, actor, id, "close", move |conn| {
        units::close(conn, id, expected, body.last_day, body.legal_basis.trim())
    })
    .await
}
