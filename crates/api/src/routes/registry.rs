//! The registries: citizens, households, organisations, clans and community learning centres.
//! Personal data: every read needs a token and is bounded by the caller's units; every write
//! needs the `Register` permission on the record's unit. Handlers are generated from one
//! generic implementation per operation, so that the five registries behave the same.

use super::support::{audit_in, created, db, decode_position, encode_position, etag, idempotency, if_match, limit};
use crate::auth::Actor;
use crate::creations::{self, Creation};
use crate::dto::*;
use crate::error::{ApiError, OrMissing, Problem};
use crate::extract::JsonBody;
use crate::registries::{Centres, Citizens, Clans, DbRefs, Households, Organisations, Resource};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use xhht_domain::Permission;
use xhht_persistence::DbConn;
use xhht_persistence::registry::ListFilter;
use xhht_persistence::units;

/// Readable records, deletions included when syncing.
async fn list<R: Resource>(
    state: web::Data<AppState>,
    actor: Actor,
    q: RegistryQuery,
) -> Result<(Vec<R::Dto>, Option<String>), ApiError> {
    let limit = limit(q.limit).map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    let after = super::support::cursor(&q.cursor)
        .map(decode_position)
        .transpose()
        .map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    db(&state, move |database| {
        // A list may lag, except behind the reader's own writes.
        database.read_lagging(Some(actor.id), |conn| {
            let within = match q.within {
                Some(id) => Some(units::get(conn, id)?.path),
                None => None,
            };
            let filter = ListFilter {
                scope: (!actor.scope.nationwide).then(|| actor.scope.read.clone()),
                within,
                updated_since: q.updated_since.map(|t| t.naive_utc()),
            };
            let rows = R::list(conn, &filter, after, limit)?;
            let next = (rows.len() as i64 == limit)
                .then(|| {
                    rows.last().map(|r| {
                        let (id, _, _, at) = R::meta(r);
                        encode_position(at, id)
                    })
                })
                .flatten();
            let items = R::dtos(conn, &rows)?;
            Ok((items, next))
        })
    })
    .await
}

/// Whether the caller may read the record; otherwise it does not exist for them.
fn visible<R: Resource>(actor: &Actor, row: &R::Row) -> bool {
    actor.scope.can_read(R::meta(row).1) && !R::is_deleted(row)
}

/// The record, if the caller may read it.
fn readable<R: Resource>(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<R::Row, ApiError> {
    let row = R::get(conn, id).map_err(|_| R::not_found())?;
    if visible::<R>(actor, &row) { Ok(row) } else { Err(R::not_found()) }
}

async fn read<R: Resource>(state: web::Data<AppState>, actor: Actor, id: i64) -> Result<HttpResponse, ApiError> {
    let (dto, version) = super::support::point_read(&state, move |conn| {
        // The record is read with what it shows, and shown only if the caller may read it.
        let (row, dto) = R::get_shown(conn, id)?;
        if visible::<R>(&actor, &row) { Ok((dto, R::meta(&row).2)) } else { Err(R::not_found()) }
    })
    .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(version))).json(dto))
}

async fn create<R: Resource>(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<R::Request>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Register)?;
    body.validate()?;
    let request = body.into_inner();
    let idempotency = idempotency(&state, &req, R::ENTITY, actor.id, &request)?;
    let creation = Creation::new(&state, actor, request, idempotency);
    let outcome = match R::queue(&state) {
        Some(queue) => queue.submit(&state, creation).await?,
        None => {
            let app = state.clone();
            web::block(move || creations::alone(&app, creation)).await??
        }
    };
    Ok(created(outcome, R::COLLECTION))
}

async fn update<R: Resource>(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: i64,
    body: JsonBody<R::Request>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Register)?;
    body.validate()?;
    let body = body.into_inner();
    let expected = if_match(&req)?;
    let app = state.clone();
    let (dto, version) = db(&state, move |database| {
        database.write(|conn| {
            if let Some(claim) = R::claim(&body, &app) {
                xhht_persistence::db::lock_claim(conn, &claim)?;
            }
            let before = readable::<R>(conn, &actor, id)?;
            actor.require_in(Permission::Register, R::meta(&before).1)?;
            let before_dto = R::dto(conn, &before)?;
            let fields = R::fields(&mut DbRefs(conn), &actor, &body, &app, Some(id))?;
            let after = R::update(conn, id, expected, &fields).or_missing(R::not_found)?;
            let dto = R::dto(conn, &after)?;
            let unit = R::filed_in(&after);
            let changes = super::support::diff(Some(&before_dto), Some(&dto));
            audit_in(conn, &actor, R::ENTITY, id, "update", unit, changes)?;
            Ok::<_, ApiError>((dto, R::meta(&after).2))
        })
    })
    .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(version))).json(dto))
}

async fn remove<R: Resource>(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: i64,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Register)?;
    let expected = if_match(&req)?;
    db(&state, move |database| {
        database.write(|conn| {
            let before = readable::<R>(conn, &actor, id)?;
            actor.require_in(Permission::Register, R::meta(&before).1)?;
            let after = R::delete(conn, id, expected).or_missing(R::not_found)?;
            let unit = R::filed_in(&after);
            let changes = serde_json::json!({"deleted": {"before": false, "after": true}});
            audit_in(conn, &actor, R::ENTITY, id, "delete", unit, changes)
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

macro_rules! registry_routes {
    (
        resource: $res:ty, tag: $tag:tt, scope: ($scope_fn:ident, $path:tt),
        dto: $dto:ty, page: $page:ty, request: $req:ty, what: $what:tt,
        list: ($list_fn:ident, $list_id:tt), create: ($create_fn:ident, $create_id:tt),
        get: ($get_fn:ident, $get_id:tt), update: ($update_fn:ident, $update_id:tt),
        delete: ($delete_fn:ident, $delete_id:tt)
    ) => {
        #[doc = concat!("Lists ", $what, " in the caller's units; with `updated_since`, changes and deletions for sync.")]
        #[utoipa::path(
            description = concat!("Lists ", $what, " in the caller's units; with `updated_since`, changes and deletions for sync."),
            operation_id = $list_id, tag = $tag, params(RegistryQuery), security(("bearer" = [])),
            responses(
                (status = 200, description = "One page, in (updated_at, id) order", body = $page),
                (status = 404, description = "The `within` unit does not exist", body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[get("")]
        pub async fn $list_fn(state: web::Data<AppState>, actor: Actor, q: web::Query<RegistryQuery>) -> Result<web::Json<$page>, ApiError> {
            let (items, next_cursor) = list::<$res>(state, actor, q.into_inner()).await?;
            Ok(web::Json(<$page>::from_parts(items, next_cursor)))
        }

        #[doc = concat!("Creates one of the ", $what, "; safe to retry with an `Idempotency-Key`.")]
        #[utoipa::path(
            description = concat!("Creates one of the ", $what, "; safe to retry with an `Idempotency-Key`."),
            operation_id = $create_id, tag = $tag, request_body = $req, security(("bearer" = [])),
            params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
            responses(
                (status = 201, description = "Created", body = $dto, headers(("Location" = String, description = "The record's URL"))),
                (status = 409, description = "A conflicting record exists, or a unit or record the body names does not exist, is outside the caller's units or is of the wrong kind (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[post("")]
        pub async fn $create_fn(state: web::Data<AppState>, req: HttpRequest, actor: Actor, body: JsonBody<$req>) -> Result<HttpResponse, ApiError> {
            create::<$res>(state, req, actor, body).await
        }

        #[doc = concat!("Reads one of the ", $what, ".")]
        #[utoipa::path(
            description = concat!("Reads one of the ", $what, "."),
            operation_id = $get_id, tag = $tag, params(("id" = i64, Path, description = "Record id")), security(("bearer" = [])),
            responses(
                (status = 200, description = "The record", body = $dto, headers(("ETag" = String, description = "The record's version, for If-Match"))),
                (status = 404, description = "No such record in the caller's units", body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[get("/{id}")]
        pub async fn $get_fn(state: web::Data<AppState>, actor: Actor, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
            read::<$res>(state, actor, id.into_inner()).await
        }

        #[doc = concat!("Replaces one of the ", $what, ". Needs `If-Match`.")]
        #[utoipa::path(
            description = concat!("Replaces one of the ", $what, ". Needs `If-Match`."),
            operation_id = $update_id, tag = $tag, request_body = $req, security(("bearer" = [])),
            params(("id" = i64, Path, description = "Record id"), ("If-Match" = String, Header, description = "The ETag read from the record")),
            responses(
                (status = 200, description = "The record", body = $dto, headers(("ETag" = String, description = "The record's new version"))),
                (status = 404, description = "No such record in the caller's units", body = Problem, content_type = "application/problem+json"),
                (status = 409, description = "A conflicting record exists, or a unit or record the body names does not exist, is outside the caller's units or is of the wrong kind (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
                (status = 412, description = "The record changed since it was read", body = Problem, content_type = "application/problem+json"),
                (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[put("/{id}")]
        pub async fn $update_fn(state: web::Data<AppState>, req: HttpRequest, actor: Actor, id: web::Path<i64>, body: JsonBody<$req>) -> Result<HttpResponse, ApiError> {
            update::<$res>(state, req, actor, id.into_inner(), body).await
        }

        #[doc = concat!("Deletes one of the ", $what, " (kept as a deletion marker for sync). Needs `If-Match`.")]
        #[utoipa::path(
            description = concat!("Deletes one of the ", $what, " (kept as a deletion marker for sync). Needs `If-Match`."),
            operation_id = $delete_id, tag = $tag, security(("bearer" = [])),
            params(("id" = i64, Path, description = "Record id"), ("If-Match" = String, Header, description = "The ETag read from the record")),
            responses(
                (status = 204, description = "Deleted"),
                (status = 404, description = "No such record in the caller's units", body = Problem, content_type = "application/problem+json"),
                (status = 412, description = "The record changed since it was read", body = Problem, content_type = "application/problem+json"),
                (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[delete("/{id}")]
        pub async fn $delete_fn(state: web::Data<AppState>, req: HttpRequest, actor: Actor, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
            remove::<$res>(state, req, actor, id.into_inner()).await
        }

        /// The registry's five routes, in the scope of its collection.
        pub fn $scope_fn() -> impl actix_web::dev::HttpServiceFactory + utoipa_actix_web::OpenApiFactory + 'static {
            utoipa_actix_web::scope($path)
                .service($list_fn)
                .service($create_fn)
                .service($get_fn)
                .service($update_fn)
                .service($delete_fn)
        }
    };
}

macro_rules! page_parts {
    ($($page:ty => $dto:ty),+) => {$(
        impl $page {
            fn from_parts(items: Vec<$dto>, next_cursor: Option<String>) -> Self {
                Self { items, next_cursor }
            }
        }
    )+};
}

page_parts!(CitizenPage => CitizenDto, HouseholdPage => HouseholdDto, OrganisationPage => OrganisationDto, ClanPage => ClanDto, CentrePage => CentreDto);

registry_routes!(
    resource: Citizens, tag: "registries", scope: (citizens, "/citizens"),
    dto: CitizenDto, page: CitizenPage, request: CitizenRequest, what: "the citizens",
    list: (list_citizens, "listCitizens"), create: (create_citizen, "createCitizen"),
    get: (get_citizen, "getCitizen"), update: (update_citizen, "updateCitizen"),
    delete: (delete_citizen, "deleteCitizen")
);

registry_routes!(
    resource: Households, tag: "registries", scope: (households, "/households"),
    dto: HouseholdDto, page: HouseholdPage, request: HouseholdRequest, what: "the households",
    list: (list_households, "listHouseholds"), create: (create_household, "createHousehold"),
    get: (get_household, "getHousehold"), update: (update_household, "updateHousehold"),
    delete: (delete_household, "deleteHousehold")
);

registry_routes!(
    resource: Organisations, tag: "registries", scope: (organisations, "/organisations"),
    dto: OrganisationDto, page: OrganisationPage, request: OrganisationRequest, what: "the organisations",
    list: (list_organisations, "listOrganisations"), create: (create_organisation, "createOrganisation"),
    get: (get_organisation, "getOrganisation"), update: (update_organisation, "updateOrganisation"),
    delete: (delete_organisation, "deleteOrganisation")
);

registry_routes!(
    resource: Clans, tag: "registries", scope: (clans, "/clans"),
    dto: ClanDto, page: ClanPage, request: ClanRequest, what: "the clans",
    list: (list_clans, "listClans"), create: (create_clan, "createClan"),
    get: (get_clan, "getClan"), update: (update_clan, "updateClan"),
    delete: (delete_clan, "deleteClan")
);

registry_routes!(
    resource: Centres, tag: "registries", scope: (learning_centres, "/learning-centres"),
    dto: CentreDto, page: CentrePage, request: CentreRequest, what: "the community learning centres",
    list: (list_centres, "listLearningCentres"), create: (create_centre, "createLearningCentre"),
    get: (get_centre, "getLearningCentre"), update: (update_centre, "updateLearningCentre"),
    delete: (delete_centre, "deleteLearningCentre")
);
