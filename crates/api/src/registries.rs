//! The registries' rules: what a request for a citizen, household, organisation, clan or
//! community learning centre must be, checked against the data it names (units, records,
//! national-ID twins), and how a record is shown. The routes (`routes::registry`) and imports
//! (`imports`) share them; what the rules read comes through [`Refs`].

use crate::auth::Actor;
use crate::dto::*;
use crate::error::{ApiError, FieldError};
use crate::i18n::Rule;
use crate::state::AppState;
use chrono::NaiveDateTime;
use serde::Serialize;
use validator::Validate;
use xhht_domain::{Permission, UnitLevel};
use xhht_persistence::audit::AuditEntry;
use xhht_persistence::idempotency::NewKey;
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
    /// One record as the API shows it.
    fn dto(conn: &mut DbConn, row: &Self::Row) -> Result<Self::Dto, ApiError> {
        Self::dtos(conn, std::slice::from_ref(row))?.pop().ok_or(ApiError::Internal)
    }
    /// Records just created, as the API shows them: no other record can name them yet, so a
    /// registry whose related lists are records naming it need not read them.
    fn created_dtos(conn: &mut DbConn, rows: &[Self::Row]) -> Result<Vec<Self::Dto>, ApiError> {
        Self::dtos(conn, rows)
    }
    fn meta(row: &Self::Row) -> (i64, &str, i32, NaiveDateTime);
    fn is_deleted(row: &Self::Row) -> bool;
    /// The unit the record is filed under.
    fn unit(row: &Self::Row) -> i64;
    /// The unit the record is filed under with its path, as an audit row names it.
    fn filed_in(row: &Self::Row) -> Option<(i64, &str)> {
        Some((Self::unit(row), Self::meta(row).1))
    }
    fn get(conn: &mut DbConn, id: i64) -> Result<Self::Row, PersistenceError>;
    /// One record and how the API shows it, in as few statements as the registry can.
    fn get_shown(conn: &mut DbConn, id: i64) -> Result<(Self::Row, Self::Dto), ApiError> {
        let row = Self::get(conn, id).map_err(|_| Self::not_found())?;
        let dto = Self::dto(conn, &row)?;
        Ok((row, dto))
    }
    fn list(
        conn: &mut DbConn,
        f: &ListFilter,
        after: Option<Position>,
        limit: i64,
    ) -> Result<Vec<Self::Row>, PersistenceError>;
    fn create(conn: &mut DbConn, f: &Self::Fields) -> Result<Self::Row, PersistenceError>;
    /// The records of several requests, written together (`creations`): one by one, unless
    /// the registry writes many in fewer statements.
    fn create_many(conn: &mut DbConn, fields: &[&Self::Fields]) -> Result<Vec<Self::Row>, PersistenceError> {
        fields.iter().map(|f| Self::create(conn, f)).collect()
    }
    /// The table whose sequence numbers this registry's records, if on PostgreSQL its
    /// creations are written with their audit rows, counters and keys in one statement,
    /// atomic without a transaction (`drawn`, then `write_drawn`): two round trips where a
    /// transaction costs six.
    const DRAWN_FROM: Option<&'static str> = None;
    /// New records as they will be stored, with ids drawn from `DRAWN_FROM`, nothing written.
    fn drawn(_ids: &[i64], _fields: &[&Self::Fields], _now: NaiveDateTime) -> Vec<Self::Row> {
        Vec::new()
    }
    /// Writes records made by `drawn`, their audit rows, counters and keys in one statement.
    fn write_drawn(
        _conn: &mut DbConn,
        _rows: &[Self::Row],
        _audit: &[AuditEntry],
        _keys: &[NewKey<'_>],
    ) -> Result<(), PersistenceError> {
        Err(PersistenceError::Unavailable(format!("{} creations are not drawn", Self::ENTITY)))
    }
    /// What no two requests written in one batch may share, because the rules check a request
    /// against the records written before it (a citizen's national ID).
    fn claim(_req: &Self::Request, _state: &AppState) -> Option<String> {
        None
    }
    /// Where this registry's creations wait to be written together; `None` writes each alone.
    fn queue(_state: &AppState) -> Option<&crate::creations::Queue<Self>>
    where
        Self: Sized,
    {
        None
    }
    fn update(
        conn: &mut DbConn,
        id: i64,
        expected: Option<i32>,
        f: &Self::Fields,
    ) -> Result<Self::Row, PersistenceError>;
    fn delete(conn: &mut DbConn, id: i64, expected: Option<i32>) -> Result<Self::Row, PersistenceError>;
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
    fn claim(req: &CitizenRequest, state: &AppState) -> Option<String> {
        req.national_id.as_deref().map(|n| state.national_ids.hash(n))
    }
    fn queue(state: &AppState) -> Option<&crate::creations::Queue<Self>> {
        Some(&state.creations.citizens)
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

// ----- households ----------------------------------------------------------------------------

pub struct Households;

fn household_dto(r: &household::Household, member_ids: Vec<i64>) -> HouseholdDto {
    HouseholdDto {
        id: r.id,
        label: r.label.clone(),
        unit_id: r.unit_id,
        head_citizen_id: r.head_citizen_id,
        member_ids,
        version: r.version,
        updated_at: r.updated_at.and_utc(),
        deleted: deleted(r.deleted_at),
        external_id: r.external_id.clone(),
        import_job_id: r.import_job_id,
    }
}

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
        Ok(rows.iter().map(|r| household_dto(r, members.remove(&r.id).unwrap_or_default())).collect())
    }

    /// A new household has no members: a citizen names its household by an id that exists.
    fn created_dtos(_: &mut DbConn, rows: &[household::Household]) -> Result<Vec<HouseholdDto>, ApiError> {
        Ok(rows.iter().map(|r| household_dto(r, Vec::new())).collect())
    }

    /// The household with its members in one statement.
    fn get_shown(conn: &mut DbConn, id: i64) -> Result<(household::Household, HouseholdDto), ApiError> {
        let (row, members) = household::get_with_members(conn, id).map_err(|_| Self::not_found())?;
        let dto = household_dto(&row, members);
        Ok((row, dto))
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
    fn create_many(
        conn: &mut DbConn,
        fields: &[&household::Fields],
    ) -> Result<Vec<household::Household>, PersistenceError> {
        household::create_many(conn, fields)
    }
    const DRAWN_FROM: Option<&'static str> = Some("households");
    fn drawn(ids: &[i64], fields: &[&household::Fields], now: NaiveDateTime) -> Vec<household::Household> {
        household::drawn(ids, fields, now)
    }
    fn write_drawn(
        conn: &mut DbConn,
        rows: &[household::Household],
        audit: &[AuditEntry],
        keys: &[NewKey<'_>],
    ) -> Result<(), PersistenceError> {
        match conn {
            DbConn::Pg(pg) => household::write_drawn(pg, rows, audit, keys),
            DbConn::Sqlite(_) => Err(PersistenceError::Unavailable("households are drawn on PostgreSQL".into())),
        }
    }
    fn queue(state: &AppState) -> Option<&crate::creations::Queue<Self>> {
        Some(&state.creations.households)
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
    fn queue(state: &AppState) -> Option<&crate::creations::Queue<Self>> {
        Some(&state.creations.organisations)
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
