//! The registries: citizens, households, organisations, clans and community learning centres.
//! Personal data: every read needs a token and is bounded by the caller's units; every write
//! needs the `Register` permission on the record's unit. Handlers are generated from one
//! generic implementation per operation, so that the five registries behave the same.

use super::support::{audit, create_once, db, decode_position, encode_position, etag, if_match, limit};
use crate::auth::Actor;
use crate::dto::*;
use crate::error::{ApiError, FieldError, OrMissing, Problem};
use crate::extract::JsonBody;
use crate::i18n::Rule;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use chrono::NaiveDateTime;
use serde::Serialize;
use validator::Validate;
use xhht_domain::{Permission, UnitLevel};
use xhht_persistence::registry::{ListFilter, Position, centre, citizen, clan, household, organisation};
use xhht_persistence::units::{self, Unit};
use xhht_persistence::{DbConn, PersistenceError, Record};

/// What the generic handlers need to know about one registry.
pub trait Resource: 'static {
    type Row: Send + 'static;
    type Fields: Send + 'static;
    type Request: Serialize + Validate + Clone + Send + 'static;
    type Dto: Serialize + Send + 'static;
    const ENTITY: &'static str;
    const COLLECTION: &'static str;

    fn not_found() -> ApiError;
    /// Checks references and the caller's right to put the record where the request says;
    /// `id` is the record's own on an update.
    fn fields(
        refs: &mut dyn Refs,
        actor: &Actor,
        req: &Self::Request,
        state: &AppState,
        id: Option<i64>,
    ) -> Result<Self::Fields, ApiError>;
    /// The records as the API shows them; one query per related list for the whole page.
    fn dtos(conn: &mut DbConn, rows: &[Self::Row]) -> Result<Vec<Self::Dto>, ApiError>;
    fn meta(row: &Self::Row) -> (i64, &str, i32, NaiveDateTime);
    fn is_deleted(row: &Self::Row) -> bool;
    /// The unit the record is filed under.
    fn unit(row: &Self::Row) -> i64;
    fn get(conn: &mut DbConn, id: i64) -> Result<Self::Row, PersistenceError>;
    fn list(
        conn: &mut DbConn,
        f: &ListFilter,
        after: Option<Position>,
        limit: i64,
    ) -> Result<Vec<Self::Row>, PersistenceError>;
    fn create(conn: &mut DbConn, f: &Self::Fields) -> Result<Self::Row, PersistenceError>;
    fn update(
        conn: &mut DbConn,
        id: i64,
        expected: Option<i32>,
        f: &Self::Fields,
    ) -> Result<Self::Row, PersistenceError>;
    fn delete(conn: &mut DbConn, id: i64, expected: Option<i32>) -> Result<Self::Row, PersistenceError>;
}

/// One record as the API shows it.
fn dto<R: Resource>(conn: &mut DbConn, row: &R::Row) -> Result<R::Dto, ApiError> {
    R::dtos(conn, std::slice::from_ref(row))?.pop().ok_or(ApiError::Internal)
}

/// A record another one names: where it is filed, and (for a citizen) its household.
#[derive(Debug, Clone)]
pub struct Referenced {
    pub unit_path: String,
    pub deleted: bool,
    pub household_id: Option<i64>,
}

/// The registries a record can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Registry {
    Citizen,
    Household,
    Organisation,
}

/// What checking a request reads besides the request itself: the database, for a record sent
/// alone; a cache filled a page of rows at a time, for an import. One set of rules, two ways
/// of reading what they need.
pub trait Refs {
    fn unit(&mut self, id: i64) -> Result<Option<Unit>, ApiError>;
    fn record(&mut self, registry: Registry, id: i64) -> Result<Option<Referenced>, ApiError>;
    /// Live citizens with this national-ID hash: (id, unit path).
    fn twins(&mut self, national_id_hash: &str) -> Result<Vec<(i64, String)>, ApiError>;
}

/// The database read as each rule needs it.
pub struct DbRefs<'c>(pub &'c mut DbConn);

impl Refs for DbRefs<'_> {
    fn unit(&mut self, id: i64) -> Result<Option<Unit>, ApiError> {
        match units::get(self.0, id) {
            Ok(unit) => Ok(Some(unit)),
            Err(PersistenceError::NotFound(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn record(&mut self, registry: Registry, id: i64) -> Result<Option<Referenced>, ApiError> {
        let found = match registry {
            Registry::Citizen => citizen::get(self.0, id).map(|r| Referenced {
                unit_path: r.unit_path,
                deleted: r.deleted_at.is_some(),
                household_id: r.household_id,
            }),
            Registry::Household => household::get(self.0, id).map(|r| Referenced {
                unit_path: r.unit_path,
                deleted: r.deleted_at.is_some(),
                household_id: None,
            }),
            Registry::Organisation => organisation::get(self.0, id).map(|r| Referenced {
                unit_path: r.unit_path,
                deleted: r.deleted_at.is_some(),
                household_id: None,
            }),
        };
        match found {
            Ok(r) => Ok(Some(r)),
            Err(PersistenceError::NotFound(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn twins(&mut self, national_id_hash: &str) -> Result<Vec<(i64, String)>, ApiError> {
        Ok(citizen::with_national_id(self.0, national_id_hash)?.into_iter().map(|t| (t.id, t.unit_path)).collect())
    }
}

/// The unit a record is filed under, which the caller must be allowed to register in.
fn home(refs: &mut dyn Refs, actor: &Actor, unit_id: i64) -> Result<Unit, ApiError> {
    let unit = refs
        .unit(unit_id)?
        .ok_or_else(|| ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::UnknownUnit)]))?;
    actor.require_in(Permission::Register, &unit.path)?;
    Ok(unit)
}

/// A referenced record must exist and be readable by the caller.
fn reference(
    refs: &mut dyn Refs,
    actor: &Actor,
    registry: Registry,
    field: &str,
    id: i64,
) -> Result<Referenced, ApiError> {
    let missing = || ApiError::ReferenceConflict(vec![FieldError::rule(field, Rule::UnknownReference)]);
    let row = refs.record(registry, id)?.ok_or_else(missing)?;
    if actor.scope.can_read(&row.unit_path) && !row.deleted { Ok(row) } else { Err(missing()) }
}

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
        database.read(|conn| {
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

/// The record, if the caller may read it; otherwise it does not exist for them.
fn readable<R: Resource>(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<R::Row, ApiError> {
    let row = R::get(conn, id).map_err(|_| R::not_found())?;
    let (_, path, _, _) = R::meta(&row);
    if actor.scope.can_read(path) && !R::is_deleted(&row) { Ok(row) } else { Err(R::not_found()) }
}

async fn read<R: Resource>(state: web::Data<AppState>, actor: Actor, id: i64) -> Result<HttpResponse, ApiError> {
    let (dto, version) = db(&state, move |database| {
        database.read(|conn| {
            let row = readable::<R>(conn, &actor, id)?;
            Ok::<_, ApiError>((dto::<R>(conn, &row)?, R::meta(&row).2))
        })
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
    let body = body.into_inner();
    let request = body.clone();
    let app = state.clone();
    create_once(&state, &req, R::ENTITY, actor.id, &body, R::COLLECTION, move |conn| {
        let fields = R::fields(&mut DbRefs(conn), &actor, &request, &app, None)?;
        let row = R::create(conn, &fields)?;
        let dto = dto::<R>(conn, &row)?;
        let (id, _, _, _) = R::meta(&row);
        let unit = units::get(conn, R::unit(&row))?;
        audit(conn, &actor, R::ENTITY, id, "create", Some(&unit), super::support::diff(None, Some(&dto)))?;
        Ok(dto)
    })
    .await
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
            let before = readable::<R>(conn, &actor, id)?;
            actor.require_in(Permission::Register, R::meta(&before).1)?;
            let before_dto = dto::<R>(conn, &before)?;
            let fields = R::fields(&mut DbRefs(conn), &actor, &body, &app, Some(id))?;
            let after = R::update(conn, id, expected, &fields).or_missing(R::not_found)?;
            let dto = dto::<R>(conn, &after)?;
            let unit = units::get(conn, R::unit(&after))?;
            audit(
                conn,
                &actor,
                R::ENTITY,
                id,
                "update",
                Some(&unit),
                super::support::diff(Some(&before_dto), Some(&dto)),
            )?;
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
            let unit = units::get(conn, R::unit(&after))?;
            let changes = serde_json::json!({"deleted": {"before": false, "after": true}});
            audit(conn, &actor, R::ENTITY, id, "delete", Some(&unit), changes)
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

macro_rules! registry_routes {
    (
        resource: $res:ty, tag: $tag:tt, collection: $collection:tt, item: $item:tt,
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
        #[get($collection)]
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
        #[post($collection)]
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
        #[get($item)]
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
        #[put($item)]
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
        #[delete($item)]
        pub async fn $delete_fn(state: web::Data<AppState>, req: HttpRequest, actor: Actor, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
            remove::<$res>(state, req, actor, id.into_inner()).await
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

fn snake(value: impl Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|_| ApiError::Internal)
}

fn deleted(at: Option<NaiveDateTime>) -> bool {
    at.is_some()
}

// ----- citizens ------------------------------------------------------------------------------

fn citizen_dto(r: &citizen::Citizen) -> Result<CitizenDto, ApiError> {
    Ok(CitizenDto {
        id: r.id,
        full_name: r.full_name.clone(),
        birth_year: r.birth_year,
        sex: parse(&r.sex)?,
        target_group: parse(&r.target_group)?,
        household_id: r.household_id,
        workplace_id: r.workplace_id,
        unit_id: r.unit_id,
        version: r.version,
        updated_at: r.updated_at.and_utc(),
        deleted: deleted(r.deleted_at),
        external_id: r.external_id.clone(),
        import_job_id: r.import_job_id,
    })
}

pub struct Citizens;

impl Resource for Citizens {
    type Row = citizen::Citizen;
    type Fields = citizen::Fields;
    type Request = CitizenRequest;
    type Dto = CitizenDto;
    const ENTITY: &'static str = "citizen";
    const COLLECTION: &'static str = "/api/v1/citizens";

    fn not_found() -> ApiError {
        ApiError::NotFound(Record::Citizen)
    }

    fn fields(
        refs: &mut dyn Refs,
        actor: &Actor,
        req: &CitizenRequest,
        state: &AppState,
        id: Option<i64>,
    ) -> Result<citizen::Fields, ApiError> {
        let unit = home(refs, actor, req.unit_id)?;
        if let Some(h) = req.household_id {
            reference(refs, actor, Registry::Household, "household_id", h)?;
        }
        if let Some(w) = req.workplace_id {
            reference(refs, actor, Registry::Organisation, "workplace_id", w)?;
        }
        let national_id_hash = req.national_id.as_deref().map(|n| state.national_ids.hash(n));
        // A twin the caller can see is a 409 naming it. One it cannot see is not mentioned:
        // that would tell a commune about a person elsewhere; the pair is flagged instead.
        let mut unseen_twins = Vec::new();
        if let Some(hash) = &national_id_hash {
            let twins = refs.twins(hash)?;
            let others = twins.iter().filter(|(twin, _)| Some(*twin) != id);
            let (seen, unseen): (Vec<_>, Vec<_>) = others.partition(|(_, path)| actor.scope.can_read(path));
            if let Some((twin, _)) = seen.first() {
                return Err(ApiError::Conflict(xhht_persistence::Conflict::DuplicateCitizen { citizen_id: *twin }));
            }
            unseen_twins = unseen.iter().map(|(twin, _)| *twin).collect();
        }
        Ok(citizen::Fields {
            full_name: req.full_name.trim().to_owned(),
            birth_year: req.birth_year,
            sex: snake(req.sex),
            target_group: snake(req.target_group),
            household_id: req.household_id,
            workplace_id: req.workplace_id,
            unit_id: unit.id,
            unit_path: unit.path,
            national_id_hash,
            unseen_twins,
        })
    }

    fn dtos(_: &mut DbConn, rows: &[citizen::Citizen]) -> Result<Vec<CitizenDto>, ApiError> {
        rows.iter().map(citizen_dto).collect()
    }

    fn meta(r: &citizen::Citizen) -> (i64, &str, i32, NaiveDateTime) {
        (r.id, &r.unit_path, r.version, r.updated_at)
    }
    fn is_deleted(r: &citizen::Citizen) -> bool {
        r.deleted_at.is_some()
    }
    fn unit(r: &citizen::Citizen) -> i64 {
        r.unit_id
    }
    fn get(conn: &mut DbConn, id: i64) -> Result<citizen::Citizen, PersistenceError> {
        citizen::get(conn, id)
    }
    fn list(
        conn: &mut DbConn,
        f: &ListFilter,
        after: Option<Position>,
        limit: i64,
    ) -> Result<Vec<citizen::Citizen>, PersistenceError> {
        citizen::list(conn, f, after, limit)
    }
    fn create(conn: &mut DbConn, f: &citizen::Fields) -> Result<citizen::Citizen, PersistenceError> {
        citizen::create(conn, f)
    }
    fn update(
        conn: &mut DbConn,
        id: i64,
        e: Option<i32>,
        f: &citizen::Fields,
    ) -> Result<citizen::Citizen, PersistenceError> {
        citizen::update(conn, id, e, f)
    }
    fn delete(conn: &mut DbConn, id: i64, e: Option<i32>) -> Result<citizen::Citizen, PersistenceError> {
        citizen::delete(conn, id, e)
    }
}

registry_routes!(
    resource: Citizens, tag: "registries", collection: "/citizens", item: "/citizens/{id}",
    dto: CitizenDto, page: CitizenPage, request: CitizenRequest, what: "the citizens",
    list: (list_citizens, "listCitizens"), create: (create_citizen, "createCitizen"),
    get: (get_citizen, "getCitizen"), update: (update_citizen, "updateCitizen"),
    delete: (delete_citizen, "deleteCitizen")
);

// ----- households ----------------------------------------------------------------------------

pub struct Households;

impl Resource for Households {
    type Row = household::Household;
    type Fields = household::Fields;
    type Request = HouseholdRequest;
    type Dto = HouseholdDto;
    const ENTITY: &'static str = "household";
    const COLLECTION: &'static str = "/api/v1/households";

    fn not_found() -> ApiError {
        ApiError::NotFound(Record::Household)
    }

    fn fields(
        refs: &mut dyn Refs,
        actor: &Actor,
        req: &HouseholdRequest,
        _: &AppState,
        id: Option<i64>,
    ) -> Result<household::Fields, ApiError> {
        let unit = home(refs, actor, req.unit_id)?;
        if !matches!(unit.level, UnitLevel::Village | UnitLevel::Commune) {
            return Err(ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::NotAVillageOrCommune)]));
        }
        if let Some(head) = req.head_citizen_id {
            // The head is a member: a citizen already filed under this household.
            let citizen = reference(refs, actor, Registry::Citizen, "head_citizen_id", head)?;
            if id.is_none() || citizen.household_id != id {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
                    "head_citizen_id",
                    Rule::HeadNotMember,
                )]));
            }
        }
        Ok(household::Fields {
            label: req.label.trim().to_owned(),
            unit_id: unit.id,
            unit_path: unit.path,
            head_citizen_id: req.head_citizen_id,
        })
    }

    fn dtos(conn: &mut DbConn, rows: &[household::Household]) -> Result<Vec<HouseholdDto>, ApiError> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut members = household::members(conn, &ids)?;
        Ok(rows
            .iter()
            .map(|r| HouseholdDto {
                id: r.id,
                label: r.label.clone(),
                unit_id: r.unit_id,
                head_citizen_id: r.head_citizen_id,
                member_ids: members.remove(&r.id).unwrap_or_default(),
                version: r.version,
                updated_at: r.updated_at.and_utc(),
                deleted: deleted(r.deleted_at),
                external_id: r.external_id.clone(),
                import_job_id: r.import_job_id,
            })
            .collect())
    }

    fn meta(r: &household::Household) -> (i64, &str, i32, NaiveDateTime) {
        (r.id, &r.unit_path, r.version, r.updated_at)
    }
    fn is_deleted(r: &household::Household) -> bool {
        r.deleted_at.is_some()
    }
    fn unit(r: &household::Household) -> i64 {
        r.unit_id
    }
    fn get(conn: &mut DbConn, id: i64) -> Result<household::Household, PersistenceError> {
        household::get(conn, id)
    }
    fn list(
        conn: &mut DbConn,
        f: &ListFilter,
        after: Option<Position>,
        limit: i64,
    ) -> Result<Vec<household::Household>, PersistenceError> {
        household::list(conn, f, after, limit)
    }
    fn create(conn: &mut DbConn, f: &household::Fields) -> Result<household::Household, PersistenceError> {
        household::create(conn, f)
    }
    fn update(
        conn: &mut DbConn,
        id: i64,
        e: Option<i32>,
        f: &household::Fields,
    ) -> Result<household::Household, PersistenceError> {
        household::update(conn, id, e, f)
    }
    fn delete(conn: &mut DbConn, id: i64, e: Option<i32>) -> Result<household::Household, PersistenceError> {
        household::delete(conn, id, e)
    }
}

registry_routes!(
    resource: Households, tag: "registries", collection: "/households", item: "/households/{id}",
    dto: HouseholdDto, page: HouseholdPage, request: HouseholdRequest, what: "the households",
    list: (list_households, "listHouseholds"), create: (create_household, "createHousehold"),
    get: (get_household, "getHousehold"), update: (update_household, "updateHousehold"),
    delete: (delete_household, "deleteHousehold")
);

// ----- organisations -------------------------------------------------------------------------

pub struct Organisations;

impl Resource for Organisations {
    type Row = organisation::Organisation;
    type Fields = organisation::Fields;
    type Request = OrganisationRequest;
    type Dto = OrganisationDto;
    const ENTITY: &'static str = "organisation";
    const COLLECTION: &'static str = "/api/v1/organisations";

    fn not_found() -> ApiError {
        ApiError::NotFound(Record::Organisation)
    }

    fn fields(
        refs: &mut dyn Refs,
        actor: &Actor,
        req: &OrganisationRequest,
        _: &AppState,
        _: Option<i64>,
    ) -> Result<organisation::Fields, ApiError> {
        let unit = home(refs, actor, req.unit_id)?;
        Ok(organisation::Fields {
            name: req.name.trim().to_owned(),
            org_type: snake(req.org_type),
            managing_level: snake(req.managing_level),
            unit_id: unit.id,
            unit_path: unit.path,
            staff_count: req.staff_count,
            learner_count: req.learner_count,
        })
    }

    fn dtos(_: &mut DbConn, rows: &[organisation::Organisation]) -> Result<Vec<OrganisationDto>, ApiError> {
        rows.iter()
            .map(|r| {
                Ok(OrganisationDto {
                    id: r.id,
                    name: r.name.clone(),
                    org_type: parse(&r.org_type)?,
                    managing_level: parse(&r.managing_level)?,
                    unit_id: r.unit_id,
                    staff_count: r.staff_count,
                    learner_count: r.learner_count,
                    version: r.version,
                    updated_at: r.updated_at.and_utc(),
                    deleted: deleted(r.deleted_at),
                    external_id: r.external_id.clone(),
                    import_job_id: r.import_job_id,
                })
            })
            .collect()
    }

    fn meta(r: &organisation::Organisation) -> (i64, &str, i32, NaiveDateTime) {
        (r.id, &r.unit_path, r.version, r.updated_at)
    }
    fn is_deleted(r: &organisation::Organisation) -> bool {
        r.deleted_at.is_some()
    }
    fn unit(r: &organisation::Organisation) -> i64 {
        r.unit_id
    }
    fn get(conn: &mut DbConn, id: i64) -> Result<organisation::Organisation, PersistenceError> {
        organisation::get(conn, id)
    }
    fn list(
        conn: &mut DbConn,
        f: &ListFilter,
        after: Option<Position>,
        limit: i64,
    ) -> Result<Vec<organisation::Organisation>, PersistenceError> {
        organisation::list(conn, f, after, limit)
    }
    fn create(conn: &mut DbConn, f: &organisation::Fields) -> Result<organisation::Organisation, PersistenceError> {
        organisation::create(conn, f)
    }
    fn update(
        conn: &mut DbConn,
        id: i64,
        e: Option<i32>,
        f: &organisation::Fields,
    ) -> Result<organisation::Organisation, PersistenceError> {
        organisation::update(conn, id, e, f)
    }
    fn delete(conn: &mut DbConn, id: i64, e: Option<i32>) -> Result<organisation::Organisation, PersistenceError> {
        organisation::delete(conn, id, e)
    }
}

registry_routes!(
    resource: Organisations, tag: "registries", collection: "/organisations", item: "/organisations/{id}",
    dto: OrganisationDto, page: OrganisationPage, request: OrganisationRequest, what: "the organisations",
    list: (list_organisations, "listOrganisations"), create: (create_organisation, "createOrganisation"),
    get: (get_organisation, "getOrganisation"), update: (update_organisation, "updateOrganisation"),
    delete: (delete_organisation, "deleteOrganisation")
);

// ----- clans ---------------------------------------------------------------------------------

pub struct Clans;

impl Resource for Clans {
    type Row = clan::Clan;
    type Fields = clan::Fields;
    type Request = ClanRequest;
    type Dto = ClanDto;
    const ENTITY: &'static str = "clan";
    const COLLECTION: &'static str = "/api/v1/clans";

    fn not_found() -> ApiError {
        ApiError::NotFound(Record::Clan)
    }

    fn fields(
        refs: &mut dyn Refs,
        actor: &Actor,
        req: &ClanRequest,
        _: &AppState,
        _: Option<i64>,
    ) -> Result<clan::Fields, ApiError> {
        let unit = home(refs, actor, req.unit_id)?;
        let mut household_ids = req.household_ids.clone();
        household_ids.sort_unstable();
        household_ids.dedup();
        // Member households may live in other communes; the caller must still be able to read them.
        for h in &household_ids {
            reference(refs, actor, Registry::Household, "household_ids", *h)?;
        }
        Ok(clan::Fields { name: req.name.trim().to_owned(), unit_id: unit.id, unit_path: unit.path, household_ids })
    }

    fn dtos(conn: &mut DbConn, rows: &[clan::Clan]) -> Result<Vec<ClanDto>, ApiError> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut households = clan::households_of(conn, &ids)?;
        Ok(rows
            .iter()
            .map(|r| ClanDto {
                id: r.id,
                name: r.name.clone(),
                unit_id: r.unit_id,
                household_ids: households.remove(&r.id).unwrap_or_default(),
                version: r.version,
                updated_at: r.updated_at.and_utc(),
                deleted: deleted(r.deleted_at),
                external_id: r.external_id.clone(),
                import_job_id: r.import_job_id,
            })
            .collect())
    }

    fn meta(r: &clan::Clan) -> (i64, &str, i32, NaiveDateTime) {
        (r.id, &r.unit_path, r.version, r.updated_at)
    }
    fn is_deleted(r: &clan::Clan) -> bool {
        r.deleted_at.is_some()
    }
    fn unit(r: &clan::Clan) -> i64 {
        r.unit_id
    }
    fn get(conn: &mut DbConn, id: i64) -> Result<clan::Clan, PersistenceError> {
        clan::get(conn, id)
    }
    fn list(
        conn: &mut DbConn,
        f: &ListFilter,
        after: Option<Position>,
        limit: i64,
    ) -> Result<Vec<clan::Clan>, PersistenceError> {
        clan::list(conn, f, after, limit)
    }
    fn create(conn: &mut DbConn, f: &clan::Fields) -> Result<clan::Clan, PersistenceError> {
        clan::create(conn, f)
    }
    fn update(conn: &mut DbConn, id: i64, e: Option<i32>, f: &clan::Fields) -> Result<clan::Clan, PersistenceError> {
        clan::update(conn, id, e, f)
    }
    fn delete(conn: &mut DbConn, id: i64, e: Option<i32>) -> Result<clan::Clan, PersistenceError> {
        clan::delete(conn, id, e)
    }
}

registry_routes!(
    resource: Clans, tag: "registries", collection: "/clans", item: "/clans/{id}",
    dto: ClanDto, page: ClanPage, request: ClanRequest, what: "the clans",
    list: (list_clans, "listClans"), create: (create_clan, "createClan"),
    get: (get_clan, "getClan"), update: (update_clan, "updateClan"),
    delete: (delete_clan, "deleteClan")
);

// ----- community learning centres ------------------------------------------------------------

pub struct Centres;

impl Resource for Centres {
    type Row = centre::Centre;
    type Fields = centre::Fields;
    type Request = CentreRequest;
    type Dto = CentreDto;
    const ENTITY: &'static str = "learning_centre";
    const COLLECTION: &'static str = "/api/v1/learning-centres";

    fn not_found() -> ApiError {
        ApiError::NotFound(Record::LearningCentre)
    }

    fn fields(
        refs: &mut dyn Refs,
        actor: &Actor,
        req: &CentreRequest,
        _: &AppState,
        _: Option<i64>,
    ) -> Result<centre::Fields, ApiError> {
        let unit = home(refs, actor, req.unit_id)?;
        if unit.level != UnitLevel::Commune {
            return Err(ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::NotACommune)]));
        }
        Ok(centre::Fields {
            name: req.name.trim().to_owned(),
            unit_id: unit.id,
            unit_path: unit.path,
            director_name: req.director_name.clone(),
            activities_count: req.activities_count,
        })
    }

    fn dtos(_: &mut DbConn, rows: &[centre::Centre]) -> Result<Vec<CentreDto>, ApiError> {
        rows.iter()
            .map(|r| {
                Ok(CentreDto {
                    id: r.id,
                    name: r.name.clone(),
                    unit_id: r.unit_id,
                    director_name: r.director_name.clone(),
                    activities_count: r.activities_count,
                    version: r.version,
                    updated_at: r.updated_at.and_utc(),
                    deleted: deleted(r.deleted_at),
                    external_id: r.external_id.clone(),
                    import_job_id: r.import_job_id,
                })
            })
            .collect()
    }

    fn meta(r: &centre::Centre) -> (i64, &str, i32, NaiveDateTime) {
        (r.id, &r.unit_path, r.version, r.updated_at)
    }
    fn is_deleted(r: &centre::Centre) -> bool {
        r.deleted_at.is_some()
    }
    fn unit(r: &centre::Centre) -> i64 {
        r.unit_id
    }
    fn get(conn: &mut DbConn, id: i64) -> Result<centre::Centre, PersistenceError> {
        centre::get(conn, id)
    }
    fn list(
        conn: &mut DbConn,
        f: &ListFilter,
        after: Option<Position>,
        limit: i64,
    ) -> Result<Vec<centre::Centre>, PersistenceError> {
        centre::list(conn, f, after, limit)
    }
    fn create(conn: &mut DbConn, f: &centre::Fields) -> Result<centre::Centre, PersistenceError> {
        centre::create(conn, f)
    }
    fn update(
        conn: &mut DbConn,
        id: i64,
        e: Option<i32>,
        f: &centre::Fields,
    ) -> Result<centre::Centre, PersistenceError> {
        centre::update(conn, id, e, f)
    }
    fn delete(conn: &mut DbConn, id: i64, e: Option<i32>) -> Result<centre::Centre, PersistenceError> {
        centre::delete(conn, id, e)
    }
}

registry_routes!(
    resource: Centres, tag: "registries", collection: "/learning-centres", item: "/learning-centres/{id}",
    dto: CentreDto, page: CentrePage, request: CentreRequest, what: "the community learning centres",
    list: (list_centres, "listLearningCentres"), create: (create_centre, "createLearningCentre"),
    get: (get_centre, "getLearningCentre"), update: (update_centre, "updateLearningCentre"),
    delete: (delete_centre, "deleteLearningCentre")
);
