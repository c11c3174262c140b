//! Targets (the share of a model's subjects to be recognised by a year, by the act that set
//! it) and declared figures (what no registry computes, declared per unit and year).

use crate::db::{DbConn, subtree_end};
use crate::error::{PersistenceError, Result};
use crate::schema::{declared_values, seed_datasets, targets};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use xhht_domain::ModelKind;

/// The national targets, shipped as data.
const NATIONAL: &str = include_str!("../seed/targets-national.json");
const DATASET: &str = "targets-national";

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = targets)]
pub struct Target {
    pub id: i64,
    /// `None` for a national target.
    pub unit_id: Option<i64>,
    pub unit_path: Option<String>,
    #[diesel(deserialize_as = String)]
    pub model_kind: ModelKind,
    pub subgroup: String,
    pub target_year: i32,
    /// Percent; `None` when the act's value is not known.
    pub value: Option<f64>,
    pub confidence: String,
    pub legal_number: String,
    pub legal_issuer: String,
    pub legal_title: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub shipped: bool,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub superseded_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone)]
pub struct NewTarget {
    pub unit_id: Option<i64>,
    pub unit_path: Option<String>,
    pub model_kind: ModelKind,
    pub subgroup: String,
    pub target_year: i32,
    pub value: Option<f64>,
    pub confidence: String,
    pub legal_number: String,
    pub legal_issuer: String,
    pub legal_title: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub shipped: bool,
    pub created_by: Option<i64>,
}

/// Records targets; each supersedes the target in force for the same unit, model, subgroup
/// and year, which is kept.
pub fn create(conn: &mut DbConn, new: &[NewTarget]) -> Result<Vec<Target>> {
    let now = Utc::now().naive_utc();
    let mut out = Vec::with_capacity(new.len());
    for t in new {
        let same = targets::table
            .filter(targets::model_kind.eq(t.model_kind.as_str()))
            .filter(targets::subgroup.eq(&t.subgroup))
            .filter(targets::target_year.eq(t.target_year))
            .filter(targets::superseded_at.is_null())
            .filter(targets::shipped.eq(t.shipped))
            .into_boxed::<crate::db::MultiBackend>();
        let same = match t.unit_id {
            Some(unit) => same.filter(targets::unit_id.eq(unit)),
            None => same.filter(targets::unit_id.is_null()).filter(targets::legal_number.eq(t.legal_number.clone())),
        };
        let superseded: Vec<i64> = same.select(targets::id).load(conn)?;
        if !superseded.is_empty() {
            diesel::update(targets::table.filter(targets::id.eq_any(&superseded)))
                .set(targets::superseded_at.eq(Some(now)))
                .execute(conn)?;
        }
        let id: i64 = diesel::insert_into(targets::table)
            .values((
                targets::unit_id.eq(t.unit_id),
                targets::unit_path.eq(&t.unit_path),
                targets::model_kind.eq(t.model_kind.as_str()),
                targets::subgroup.eq(&t.subgroup),
                targets::target_year.eq(t.target_year),
                targets::value.eq(t.value),
                targets::confidence.eq(&t.confidence),
                targets::legal_number.eq(&t.legal_number),
                targets::legal_issuer.eq(&t.legal_issuer),
                targets::legal_title.eq(&t.legal_title),
                targets::issued_on.eq(t.issued_on),
                targets::note.eq(&t.note),
                targets::shipped.eq(t.shipped),
                targets::created_by.eq(t.created_by),
                targets::created_at.eq(now),
            ))
            .returning(targets::id)
            .get_result(conn)?;
        out.push(targets::table.find(id).select(Target::as_select()).get_result(conn)?);
    }
    Ok(out)
}

/// The targets in force that may apply to these units: the national ones and those set for
/// any of `unit_ids`.
pub fn in_force(conn: &mut DbConn, unit_ids: &[i64]) -> Result<Vec<Target>> {
    let mut out: Vec<Target> = targets::table
        .filter(targets::superseded_at.is_null())
        .filter(targets::unit_id.is_null())
        .select(Target::as_select())
        .load(conn)?;
    for chunk in unit_ids.chunks(500) {
        out.extend(
            targets::table
                .filter(targets::superseded_at.is_null())
                .filter(targets::unit_id.eq_any(chunk))
                .select(Target::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

#[derive(Deserialize)]
struct Shipped {
    acts: Vec<ShippedAct>,
}

#[derive(Deserialize)]
struct ShippedAct {
    number: String,
    title: String,
    issuer: String,
    issued_on: NaiveDate,
    targets: Vec<ShippedTarget>,
}

#[derive(Deserialize)]
struct ShippedTarget {
    model_kind: ModelKind,
    subgroup: String,
    target_year: i32,
    value: Option<f64>,
    confidence: String,
    note: Option<String>,
}

/// Loads the shipped national targets once (a second start changes nothing); returns how
/// many were added.
pub fn seed(conn: &mut DbConn) -> Result<usize> {
    let checksum: String = Sha256::digest(NATIONAL.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let loaded: Option<String> = seed_datasets::table
        .filter(seed_datasets::name.eq(DATASET))
        .select(seed_datasets::checksum)
        .get_result(conn)
        .optional()?;
    if loaded.as_deref() == Some(checksum.as_str()) {
        return Ok(0);
    }
    let shipped: Shipped =
        serde_json::from_str(NATIONAL).map_err(|e| PersistenceError::Seed(format!("targets-national.json: {e}")))?;
    let mut new = Vec::new();
    for act in shipped.acts {
        for t in act.targets {
            new.push(NewTarget {
                unit_id: None,
                unit_path: None,
                model_kind: t.model_kind,
                subgroup: t.subgroup,
                target_year: t.target_year,
                value: t.value,
                confidence: t.confidence,
                legal_number: act.number.clone(),
                legal_issuer: act.issuer.clone(),
                legal_title: Some(act.title.clone()),
                issued_on: Some(act.issued_on),
                note: t.note,
                shipped: true,
                created_by: None,
            });
        }
    }
    // A new version of the file supersedes the shipped targets it restates.
    let added = create(conn, &new)?.len();
    diesel::delete(seed_datasets::table.filter(seed_datasets::name.eq(DATASET))).execute(conn)?;
    diesel::insert_into(seed_datasets::table)
        .values((
            seed_datasets::name.eq(DATASET),
            seed_datasets::checksum.eq(checksum),
            seed_datasets::row_count.eq(i64::try_from(added).unwrap_or(i64::MAX)),
            seed_datasets::loaded_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(added)
}

// ---------------------------------------------------------------------------------------------
// Declared figures.
// ---------------------------------------------------------------------------------------------

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = declared_values)]
pub struct DeclaredValue {
    pub id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    pub year: i32,
    pub indicator: String,
    pub value: f64,
    pub source: String,
    pub version: i32,
    pub updated_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A figure to declare.
#[derive(Debug, Clone)]
pub struct Declaration<'a> {
    pub unit_id: i64,
    pub unit_path: &'a str,
    pub year: i32,
    pub indicator: &'a str,
    pub value: f64,
    pub source: &'a str,
    pub by: Option<i64>,
}

/// Declares a figure for a unit and year: a new one, or a new version of the one declared.
/// Returns the value before (if any) and after.
pub fn declare(conn: &mut DbConn, d: &Declaration<'_>) -> Result<(Option<DeclaredValue>, DeclaredValue)> {
    let Declaration { unit_id, unit_path, year, indicator, value, source, by } = *d;
    let now = Utc::now().naive_utc();
    let before: Option<DeclaredValue> = declared_values::table
        .filter(declared_values::unit_id.eq(unit_id))
        .filter(declared_values::year.eq(year))
        .filter(declared_values::indicator.eq(indicator))
        .select(DeclaredValue::as_select())
        .get_result(conn)
        .optional()?;
    let id = match &before {
        Some(old) => {
            diesel::update(declared_values::table.find(old.id))
                .set((
                    declared_values::value.eq(value),
                    declared_values::source.eq(source),
                    declared_values::version.eq(old.version + 1),
                    declared_values::updated_by.eq(by),
                    declared_values::updated_at.eq(now),
                ))
                .execute(conn)?;
            old.id
        }
        None => diesel::insert_into(declared_values::table)
            .values((
                declared_values::unit_id.eq(unit_id),
                declared_values::unit_path.eq(unit_path),
                declared_values::year.eq(year),
                declared_values::indicator.eq(indicator),
                declared_values::value.eq(value),
                declared_values::source.eq(source),
                declared_values::version.eq(1),
                declared_values::updated_by.eq(by),
                declared_values::created_at.eq(now),
                declared_values::updated_at.eq(now),
            ))
            .returning(declared_values::id)
            .get_result(conn)?,
    };
    let after = declared_values::table.find(id).select(DeclaredValue::as_select()).get_result(conn)?;
    Ok((before, after))
}

/// The figures declared for these years under `root` (everywhere when `None`).
pub fn declared(conn: &mut DbConn, root: Option<&str>, years: &[i32]) -> Result<Vec<DeclaredValue>> {
    let query =
        declared_values::table.filter(declared_values::year.eq_any(years)).into_boxed::<crate::db::MultiBackend>();
    let query = match root {
        Some(root) => query
            .filter(declared_values::unit_path.ge(root.to_owned()))
            .filter(declared_values::unit_path.lt(subtree_end(root))),
        None => query,
    };
    Ok(query
        .order((declared_values::unit_path, declared_values::indicator))
        .select(DeclaredValue::as_select())
        .load(conn)?)
}
