//! Registration drives: a unit asks every subject of some models to register for the year's
//! titles between two dates. The evaluations a drive creates are the workflow's own; the drive
//! keeps which ones it registered, and whether late.

use crate::db::{DbConn, MultiBackend, subtree_end};
use crate::error::{PersistenceError, Record, Result};
use crate::schema::{citizens, clans, drive_registrations, drives, evaluations, households, organisations, units};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Nullable};
use xhht_domain::{ModelKind, SubjectKind, UnitLevel};

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = drives)]
pub struct Drive {
    pub id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    pub year: i32,
    pub title_vi: String,
    /// JSON array of model kinds.
    pub models: String,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub late_policy: String,
    pub target: Option<i64>,
    pub closed_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Drive {
    /// The models it covers; a stored list always parses (it is written from the enum).
    pub fn model_kinds(&self) -> Vec<ModelKind> {
        serde_json::from_str::<Vec<String>>(&self.models)
            .unwrap_or_default()
            .iter()
            .filter_map(|m| m.parse().ok())
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct NewDrive {
    pub unit_id: i64,
    pub unit_path: String,
    pub year: i32,
    pub title_vi: String,
    pub models: Vec<ModelKind>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub late_policy: String,
    pub target: Option<i64>,
}

pub fn create(conn: &mut DbConn, d: &NewDrive) -> Result<Drive> {
    let now = Utc::now().naive_utc();
    let models: Vec<&str> = d.models.iter().map(|m| m.as_str()).collect();
    let id: i64 = diesel::insert_into(drives::table)
        .values((
            drives::unit_id.eq(d.unit_id),
            drives::unit_path.eq(&d.unit_path),
            drives::year.eq(d.year),
            drives::title_vi.eq(&d.title_vi),
            drives::models.eq(serde_json::to_string(&models).unwrap_or_else(|_| "[]".into())),
            drives::opens_on.eq(d.opens_on),
            drives::closes_on.eq(d.closes_on),
            drives::late_policy.eq(&d.late_policy),
            drives::target.eq(d.target),
            drives::version.eq(1),
            drives::created_at.eq(now),
            drives::updated_at.eq(now),
        ))
        .returning(drives::id)
        .get_result(conn)?;
    get(conn, id)
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Drive> {
    drives::table
        .find(id)
        .select(Drive::as_select())
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(Record::Drive))
}

/// Drives held by units in `roots` (all when `None`), optionally under `within` and of a year,
/// newest first by id, after the cursor `before`.
pub fn list(
    conn: &mut DbConn,
    roots: Option<&[String]>,
    within: Option<&str>,
    year: Option<i32>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Drive>> {
    let mut query = drives::table.into_boxed::<MultiBackend>();
    if let Some(roots) = roots {
        let Some((first, rest)) = roots.split_first() else {
            return Ok(Vec::new());
        };
        let mut any: Box<dyn BoxableExpression<drives::table, MultiBackend, SqlType = Nullable<Bool>>> =
            Box::new(drives::unit_path.ge(first.clone()).and(drives::unit_path.lt(subtree_end(first))).nullable());
        for root in rest {
            any = Box::new(any.or(drives::unit_path.ge(root.clone()).and(drives::unit_path.lt(subtree_end(root)))));
        }
        query = query.filter(any);
    }
    if let Some(root) = within {
        query = query.filter(drives::unit_path.ge(root.to_owned())).filter(drives::unit_path.lt(subtree_end(root)));
    }
    if let Some(year) = year {
        query = query.filter(drives::year.eq(year));
    }
    if let Some(before) = before {
        query = query.filter(drives::id.lt(before));
    }
    Ok(query.order(drives::id.desc()).limit(limit).select(Drive::as_select()).load(conn)?)
}

/// Closes an open drive read at `expected`; `None` when it changed or is closed already.
pub fn close(conn: &mut DbConn, id: i64, expected: Option<i32>) -> Result<Drive> {
    let current = get(conn, id)?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(PersistenceError::StaleVersion);
    }
    if current.closed_at.is_some() {
        return Err(PersistenceError::Conflict(crate::Conflict::DriveClosed));
    }
    let now = Utc::now().naive_utc();
    let changed = diesel::update(drives::table.filter(drives::id.eq(id)).filter(drives::version.eq(current.version)))
        .set((drives::closed_at.eq(Some(now)), drives::version.eq(current.version + 1), drives::updated_at.eq(now)))
        .execute(conn)?;
    if changed != 1 {
        return Err(PersistenceError::StaleVersion);
    }
    get(conn, id)
}

pub fn record_registration(conn: &mut DbConn, drive_id: i64, evaluation_id: i64, late: bool) -> Result<()> {
    diesel::insert_into(drive_registrations::table)
        .values((
            drive_registrations::evaluation_id.eq(evaluation_id),
            drive_registrations::drive_id.eq(drive_id),
            drive_registrations::late.eq(late),
            drive_registrations::registered_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// An evaluation of a drive's year and models, registered through the drive or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Registered {
    pub evaluation_id: i64,
    pub subject_type: String,
    pub subject_id: i64,
    pub model_kind: String,
    pub unit_id: i64,
    pub status: String,
    /// `Some(late)` when the drive registered it.
    pub through_drive: Option<bool>,
}

/// (evaluation, subject type, subject, model, unit, status, drive, late)
type RegisteredRow = (i64, String, i64, String, i64, String, Option<i64>, Option<bool>);

/// The evaluations of the drive's year and models for subjects in its unit: those it
/// registered and those registered otherwise, so that nobody is asked twice.
pub fn registered(conn: &mut DbConn, drive: &Drive) -> Result<Vec<Registered>> {
    let models: Vec<String> = drive.model_kinds().iter().map(|m| m.as_str().to_owned()).collect();
    let rows: Vec<RegisteredRow> = evaluations::table
        .left_join(drive_registrations::table)
        .filter(evaluations::year.eq(drive.year))
        .filter(evaluations::model_kind.eq_any(models))
        .filter(evaluations::unit_path.ge(drive.unit_path.clone()))
        .filter(evaluations::unit_path.lt(subtree_end(&drive.unit_path)))
        .select((
            evaluations::id,
            evaluations::subject_type,
            evaluations::subject_id,
            evaluations::model_kind,
            evaluations::unit_id,
            evaluations::status,
            drive_registrations::drive_id.nullable(),
            drive_registrations::late.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(evaluation_id, subject_type, subject_id, model_kind, unit_id, status, drive_id, late)| Registered {
            evaluation_id,
            subject_type,
            subject_id,
            model_kind,
            unit_id,
            status,
            through_drive: (drive_id == Some(drive.id)).then(|| late.unwrap_or(false)),
        })
        .collect())
}

/// A subject a drive asks to register: its id, the unit it is filed in (the village, most
/// often) and the name a clerk knows it by.
#[derive(Debug, Clone, PartialEq)]
pub struct Eligible {
    pub subject_id: i64,
    pub unit_id: i64,
    pub name: String,
}

/// Every subject of `kind` under `root` (units: those of `level` in force on `on`), by unit
/// then id.
pub fn eligible(
    conn: &mut DbConn,
    kind: SubjectKind,
    level: Option<UnitLevel>,
    root: &str,
    on: NaiveDate,
) -> Result<Vec<Eligible>> {
    let end = subtree_end(root);
    let root = root.to_owned();
    let rows: Vec<(i64, i64, String)> = match kind {
        SubjectKind::Household => households::table
            .filter(households::unit_path.ge(root))
            .filter(households::unit_path.lt(end))
            .filter(households::deleted_at.is_null())
            .order((households::unit_id, households::id))
            .select((households::id, households::unit_id, households::label))
            .load(conn)?,
        SubjectKind::Clan => clans::table
            .filter(clans::unit_path.ge(root))
            .filter(clans::unit_path.lt(end))
            .filter(clans::deleted_at.is_null())
            .order((clans::unit_id, clans::id))
            .select((clans::id, clans::unit_id, clans::name))
            .load(conn)?,
        SubjectKind::Citizen => citizens::table
            .filter(citizens::unit_path.ge(root))
            .filter(citizens::unit_path.lt(end))
            .filter(citizens::deleted_at.is_null())
            .order((citizens::unit_id, citizens::id))
            .select((citizens::id, citizens::unit_id, citizens::full_name))
            .load(conn)?,
        SubjectKind::Organisation => organisations::table
            .filter(organisations::unit_path.ge(root))
            .filter(organisations::unit_path.lt(end))
            .filter(organisations::deleted_at.is_null())
            .order((organisations::unit_id, organisations::id))
            .select((organisations::id, organisations::unit_id, organisations::name))
            .load(conn)?,
        SubjectKind::Unit => {
            let level = level.map_or("village", |l| l.as_str());
            units::table
                .filter(units::path.ge(root))
                .filter(units::path.lt(end))
                .filter(units::level.eq(level))
                .filter(units::valid_from.is_null().or(units::valid_from.le(on)))
                .filter(units::valid_to.is_null().or(units::valid_to.ge(on)))
                .order(units::id)
                .select((units::id, units::id, units::name))
                .load(conn)?
        }
    };
    Ok(rows.into_iter().map(|(subject_id, unit_id, name)| Eligible { subject_id, unit_id, name }).collect())
}

/// The names subjects go by (a household's label, a citizen's full name, a unit's name), for
/// lists a clerk reads.
pub fn subject_names(
    conn: &mut DbConn,
    kind: SubjectKind,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, String>> {
    let ids = ids.to_vec();
    let rows: Vec<(i64, String)> = match kind {
        SubjectKind::Household => households::table
            .filter(households::id.eq_any(ids))
            .select((households::id, households::label))
            .load(conn)?,
        SubjectKind::Clan => clans::table.filter(clans::id.eq_any(ids)).select((clans::id, clans::name)).load(conn)?,
        SubjectKind::Citizen => {
            citizens::table.filter(citizens::id.eq_any(ids)).select((citizens::id, citizens::full_name)).load(conn)?
        }
        SubjectKind::Organisation => organisations::table
            .filter(organisations::id.eq_any(ids))
            .select((organisations::id, organisations::name))
            .load(conn)?,
        SubjectKind::Unit => units::table.filter(units::id.eq_any(ids)).select((units::id, units::name)).load(conn)?,
    };
    Ok(rows.into_iter().collect())
}

/// The evaluation of a subject for a model and year.
pub fn evaluation_of(
    conn: &mut DbConn,
    kind: SubjectKind,
    subject_id: i64,
    model: ModelKind,
    year: i32,
) -> Result<i64> {
    evaluations::table
        .filter(evaluations::subject_type.eq(kind.as_str()))
        .filter(evaluations::subject_id.eq(subject_id))
        .filter(evaluations::model_kind.eq(model.as_str()))
        .filter(evaluations::year.eq(year))
        .select(evaluations::id)
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(Record::Evaluation))
}

/// A drive's totals for one model, counted by the database: subjects eligible under its unit,
/// and the evaluations of the model and year under it, registered and recognised.
pub fn totals(conn: &mut DbConn, drive: &Drive, model: ModelKind, on: NaiveDate) -> Result<(i64, i64, i64)> {
    let (root, end) = (drive.unit_path.clone(), subtree_end(&drive.unit_path));
    let (kind, level) = model.subject();
    let eligible: i64 = match kind {
        SubjectKind::Household => households::table
            .filter(households::unit_path.ge(root.clone()))
            .filter(households::unit_path.lt(end.clone()))
            .filter(households::deleted_at.is_null())
            .count()
            .get_result(conn)?,
        SubjectKind::Clan => clans::table
            .filter(clans::unit_path.ge(root.clone()))
            .filter(clans::unit_path.lt(end.clone()))
            .filter(clans::deleted_at.is_null())
            .count()
            .get_result(conn)?,
        SubjectKind::Citizen => citizens::table
            .filter(citizens::unit_path.ge(root.clone()))
            .filter(citizens::unit_path.lt(end.clone()))
            .filter(citizens::deleted_at.is_null())
            .count()
            .get_result(conn)?,
        SubjectKind::Organisation => organisations::table
            .filter(organisations::unit_path.ge(root.clone()))
            .filter(organisations::unit_path.lt(end.clone()))
            .filter(organisations::deleted_at.is_null())
            .count()
            .get_result(conn)?,
        SubjectKind::Unit => units::table
            .filter(units::path.ge(root.clone()))
            .filter(units::path.lt(end.clone()))
            .filter(units::level.eq(level.map_or("village", |l| l.as_str())))
            .filter(units::valid_from.is_null().or(units::valid_from.le(on)))
            .filter(units::valid_to.is_null().or(units::valid_to.ge(on)))
            .count()
            .get_result(conn)?,
    };
    let of_year = || {
        evaluations::table
            .filter(evaluations::year.eq(drive.year))
            .filter(evaluations::model_kind.eq(model.as_str()))
            .filter(evaluations::unit_path.ge(root.clone()))
            .filter(evaluations::unit_path.lt(end.clone()))
    };
    let registered: i64 = of_year().count().get_result(conn)?;
    let recognised: i64 = of_year().filter(evaluations::status.eq("recognised")).count().get_result(conn)?;
    Ok((eligible, registered, recognised))
}
