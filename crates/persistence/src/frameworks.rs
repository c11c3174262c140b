//! Framework versions. The documents are opaque JSON here: the evaluation crate parses and
//! validates them, the API decides who may change what; this module stores and guards the
//! status transitions (a published version is never rewritten).

use crate::db::DbConn;
use crate::error::{Conflict, PersistenceError, Result};
use crate::schema::frameworks;
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use xhht_domain::{FrameworkStatus, ModelKind};

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = frameworks)]
pub struct FrameworkRow {
    pub id: i64,
    pub framework_key: String,
    pub version: i32,
    #[diesel(deserialize_as = String)]
    pub status: FrameworkStatus,
    #[diesel(deserialize_as = String)]
    pub model_kind: ModelKind,
    pub name_vi: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub province_id: Option<i64>,
    pub document: String,
    pub shipped: bool,
    pub row_version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
    pub retired_at: Option<NaiveDateTime>,
    /// A starting point for provinces to adopt, never published itself.
    pub template: bool,
}

/// A version to store; its key, version and status must match the document's own fields.
#[derive(Debug, Clone)]
pub struct NewFramework {
    pub framework_key: String,
    pub version: i32,
    pub status: FrameworkStatus,
    pub model_kind: ModelKind,
    pub name_vi: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub province_id: Option<i64>,
    pub document: String,
    pub shipped: bool,
    pub template: bool,
}

pub fn insert(conn: &mut DbConn, f: &NewFramework) -> Result<FrameworkRow> {
    crate::reference::bump(conn)?;
    let now = Utc::now().naive_utc();
    let published_at = (f.status == FrameworkStatus::Published).then_some(now);
    let id: i64 = diesel::insert_into(frameworks::table)
        .values((
            frameworks::framework_key.eq(&f.framework_key),
            frameworks::version.eq(f.version),
            frameworks::status.eq(f.status.as_str()),
            frameworks::model_kind.eq(f.model_kind.as_str()),
            frameworks::name_vi.eq(&f.name_vi),
            frameworks::valid_from.eq(f.valid_from),
            frameworks::valid_to.eq(f.valid_to),
            frameworks::province_id.eq(f.province_id),
            frameworks::document.eq(&f.document),
            frameworks::shipped.eq(f.shipped),
            frameworks::template.eq(f.template),
            frameworks::row_version.eq(1),
            frameworks::created_at.eq(now),
            frameworks::updated_at.eq(now),
            frameworks::published_at.eq(published_at),
        ))
        .returning(frameworks::id)
        .get_result(conn)
        .map_err(|e| {
            let e = PersistenceError::from(e);
            if e.is_unique_violation() { PersistenceError::Conflict(Conflict::VersionExists) } else { e }
        })?;
    get(conn, id)
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<FrameworkRow> {
    frameworks::table
        .find(id)
        .select(FrameworkRow::as_select())
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(crate::error::Record::Framework))
}

/// The row version of a framework version: whether a copy compiled earlier is still current.
pub fn row_version(conn: &mut DbConn, id: i64) -> Result<i32> {
    frameworks::table
        .find(id)
        .select(frameworks::row_version)
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(crate::error::Record::Framework))
}

/// All versions of one framework, oldest first.
pub fn versions(conn: &mut DbConn, key: &str) -> Result<Vec<FrameworkRow>> {
    Ok(frameworks::table
        .filter(frameworks::framework_key.eq(key))
        .order(frameworks::version.asc())
        .select(FrameworkRow::as_select())
        .load(conn)?)
}

#[derive(Debug, Clone, Default)]
pub struct FrameworkFilter {
    pub model_kind: Option<ModelKind>,
    pub status: Option<FrameworkStatus>,
    pub valid_on: Option<NaiveDate>,
    pub key: Option<String>,
    pub template: Option<bool>,
    pub province_id: Option<i64>,
    /// Whose provincial drafts the caller may see: `None` for all (administrators), otherwise
    /// the provinces whose work in progress is theirs. Published versions are public law.
    pub drafts_of: Option<Vec<i64>>,
}

pub fn list(conn: &mut DbConn, f: &FrameworkFilter, after: Option<i64>, limit: i64) -> Result<Vec<FrameworkRow>> {
    let mut query = frameworks::table.into_boxed();
    if let Some(kind) = f.model_kind {
        query = query.filter(frameworks::model_kind.eq(kind.as_str()));
    }
    if let Some(status) = f.status {
        query = query.filter(frameworks::status.eq(status.as_str()));
    }
    if let Some(key) = &f.key {
        query = query.filter(frameworks::framework_key.eq(key.clone()));
    }
    if let Some(template) = f.template {
        query = query.filter(frameworks::template.eq(template));
    }
    if let Some(province) = f.province_id {
        query = query.filter(frameworks::province_id.eq(province));
    }
    if let Some(provinces) = &f.drafts_of {
        query = query.filter(
            frameworks::status
                .ne(FrameworkStatus::Draft.as_str())
                .or(frameworks::province_id.is_null())
                .or(frameworks::province_id.eq_any(provinces.clone())),
        );
    }
    if let Some(day) = f.valid_on {
        query = query
            .filter(frameworks::valid_from.is_null().or(frameworks::valid_from.le(day)))
            .filter(frameworks::valid_to.is_null().or(frameworks::valid_to.ge(day)));
    }
    if let Some(after) = after {
        query = query.filter(frameworks::id.gt(after));
    }
    Ok(query.order(frameworks::id.asc()).limit(limit).select(FrameworkRow::as_select()).load(conn)?)
}

/// The published versions of a model in force on `day`, owned by `province` or national:
/// the candidates for "which framework governs an evaluation there". Provincial first, then
/// the latest in force.
pub fn published_in_force(
    conn: &mut DbConn,
    kind: ModelKind,
    province: i64,
    day: NaiveDate,
) -> Result<Vec<FrameworkRow>> {
    let mut rows: Vec<FrameworkRow> = frameworks::table
        .filter(frameworks::model_kind.eq(kind.as_str()))
        .filter(frameworks::status.eq(FrameworkStatus::Published.as_str()))
        .filter(frameworks::province_id.is_null().or(frameworks::province_id.eq(province)))
        .filter(frameworks::valid_from.is_null().or(frameworks::valid_from.le(day)))
        .filter(frameworks::valid_to.is_null().or(frameworks::valid_to.ge(day)))
        .select(FrameworkRow::as_select())
        .load(conn)?;
    rows.sort_by(|a, b| {
        (b.province_id.is_some(), b.valid_from, b.version, b.id).cmp(&(
            a.province_id.is_some(),
            a.valid_from,
            a.version,
            a.id,
        ))
    });
    Ok(rows)
}

/// Moves a version from one of `from` to `to`, storing the document as it now reads (its own
/// `status` field changed), if nobody changed the row since `expected` was read.
pub fn transition(
    conn: &mut DbConn,
    id: i64,
    expected: Option<i32>,
    from: &[FrameworkStatus],
    to: FrameworkStatus,
    document: &str,
) -> Result<FrameworkRow> {
    crate::reference::bump(conn)?;
    let current = get(conn, id)?;
    if expected.is_some_and(|v| v != current.row_version) {
        return Err(PersistenceError::StaleVersion);
    }
    if !from.contains(&current.status) {
        return Err(PersistenceError::Conflict(Conflict::FrameworkStatus { status: current.status }));
    }
    let now = Utc::now().naive_utc();
    let changed = diesel::update(
        frameworks::table.filter(frameworks::id.eq(id)).filter(frameworks::row_version.eq(current.row_version)),
    )
    .set((
        frameworks::status.eq(to.as_str()),
        frameworks::document.eq(document),
        frameworks::row_version.eq(current.row_version + 1),
        frameworks::updated_at.eq(now),
        frameworks::published_at.eq(if to == FrameworkStatus::Published { Some(now) } else { current.published_at }),
        frameworks::retired_at.eq(if to == FrameworkStatus::Retired { Some(now) } else { current.retired_at }),
    ))
    .execute(conn)?;
    if changed != 1 {
        return Err(PersistenceError::StaleVersion);
    }
    get(conn, id)
}

/// Stores the shipped versions that are not stored yet; returns how many were added. A
/// stored version is never overwritten, so a second start changes nothing.
pub fn seed(conn: &mut DbConn, shipped: &[NewFramework]) -> Result<usize> {
    let mut added = 0;
    for f in shipped {
        let exists: i64 = frameworks::table
            .filter(frameworks::framework_key.eq(&f.framework_key))
            .filter(frameworks::version.eq(f.version))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            insert(conn, f)?;
            added += 1;
        }
    }
    Ok(added)
}
