//! The administrative-unit seed: the official lists before and after the 2025 reform, and the
//! succession table between them. Loaded once; a second start changes nothing.

use crate::db::DbConn;
use crate::error::{PersistenceError, Result};
use crate::per_backend;
use crate::schema::{reorganisations, seed_datasets, unit_successions, units};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use xhht_domain::{UnitLevel, search};

const UNITS_BEFORE_2025: &str = include_str!("../seed/units-before-2025.csv");
const UNITS_2025: &str = include_str!("../seed/units-2025.csv");
const SUCCESSION_2025: &str = include_str!("../seed/succession-2025.csv");

pub const DATASET: &str = "admin_units_2025";
const REFORM_BASIS: &str = "QĐ 19/2025/QĐ-TTg";
const REFORM_NOTE: &str = "Sắp xếp đơn vị hành chính năm 2025: bỏ cấp huyện, 63 → 34 tỉnh. \
Quan hệ kế thừa theo Bảng chuyển đổi ĐVHC mới – cũ của Cục Thống kê.";

/// Rows in one multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound
/// parameters.
const CHUNK: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeedOutcome {
    /// `skipped` counts succession rows whose old code is missing from the pre-2025 list (the
    /// official files disagree on ten communes); they are logged, not invented.
    Loaded {
        units: usize,
        successions: usize,
        skipped: usize,
    },
    AlreadyLoaded,
}

#[derive(Debug, serde::Deserialize)]
struct UnitCsv {
    code: String,
    level: String,
    name: String,
    division_type: String,
    parent_code: String,
    valid_from: String,
    valid_to: String,
}

#[derive(Debug, serde::Deserialize)]
struct SuccessionCsv {
    effective_date: String,
    level: String,
    old_code: String,
    new_code: String,
    old_partly_merged: String,
}

#[derive(Insertable)]
#[diesel(table_name = units, treat_none_as_default_value = false)]
struct NewSeedUnit {
    id: i64,
    code: String,
    level: &'static str,
    name: String,
    search_name: String,
    division_type: String,
    parent_id: Option<i64>,
    path: String,
    depth: i32,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    code_list: Option<&'static str>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = unit_successions, treat_none_as_default_value = false)]
struct NewSeedSuccession {
    reorganisation_id: i64,
    predecessor_id: i64,
    successor_id: i64,
    partial: bool,
}

/// Checksum of the embedded files, stored with the load so that changed seed data is noticed.
pub fn checksum() -> String {
    let mut hasher = Sha256::new();
    for part in [UNITS_BEFORE_2025, UNITS_2025, SUCCESSION_2025] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Loads the seed if it is not loaded yet, in one transaction.
pub fn run(conn: &mut DbConn) -> Result<SeedOutcome> {
    conn.transaction(|conn| {
        let loaded: Option<String> = seed_datasets::table
            .filter(seed_datasets::name.eq(DATASET))
            .select(seed_datasets::checksum)
            .get_result(conn)
            .optional()?;
        if let Some(stored) = loaded {
            if stored != checksum() {
                tracing::warn!(
                    dataset = DATASET,
                    "the embedded seed data differs from the loaded one; it is not reloaded \
                     (changes to units are made through the API)"
                );
            }
            return Ok(SeedOutcome::AlreadyLoaded);
        }
        let existing: i64 = units::table.count().get_result(conn)?;
        if existing > 0 {
            return Err(PersistenceError::Seed(format!(
                "{existing} units exist but the seed was never loaded; refusing to mix them"
            )));
        }
        load(conn)
    })
}

fn load(conn: &mut DbConn) -> Result<SeedOutcome> {
    let now = Utc::now().naive_utc();
    let mut rows: Vec<NewSeedUnit> = Vec::with_capacity(14_200);
    // (era, level, code) -> (id, path, depth). The era keeps reused codes apart.
    let mut index: HashMap<(Era, UnitLevel, String), (i64, String, i32)> = HashMap::new();

    for (era, text, list) in
        [(Era::Before2025, UNITS_BEFORE_2025, "qd124_2004"), (Era::From2025, UNITS_2025, "qd19_2025")]
    {
        let mut parsed: Vec<UnitCsv> = parse_csv(text)?;
        // Parents first, whatever the file order.
        parsed.sort_by_key(|u| u.level.parse::<UnitLevel>().map(|l| l as u8).unwrap_or(u8::MAX));
        for u in parsed {
            let level: UnitLevel = u.level.parse().map_err(|e| PersistenceError::Seed(format!("{e}")))?;
            let parent = if u.parent_code.is_empty() {
                None
            } else {
                let parent_level = level
                    .allowed_parents()
                    .iter()
                    .find(|pl| index.contains_key(&(era, **pl, u.parent_code.clone())))
                    .copied()
                    .ok_or_else(|| {
                        PersistenceError::Seed(format!("unit {}: unknown parent {}", u.code, u.parent_code))
                    })?;
                index.get(&(era, parent_level, u.parent_code.clone())).cloned()
            };
            let id = i64::try_from(rows.len() + 1).map_err(|e| PersistenceError::Seed(e.to_string()))?;
            let (path, depth) = match &parent {
                Some((_, parent_path, parent_depth)) => (format!("{parent_path}{id}/"), parent_depth + 1),
                None => (format!("/{id}/"), 0),
            };
            index.insert((era, level, u.code.clone()), (id, path.clone(), depth));
            rows.push(NewSeedUnit {
                id,
                search_name: search::fold(&u.name),
                code: u.code,
                level: level.as_str(),
                name: u.name,
                division_type: u.division_type,
                parent_id: parent.map(|(pid, _, _)| pid),
                path,
                depth,
                valid_from: parse_date(&u.valid_from)?,
                valid_to: parse_date(&u.valid_to)?,
                code_list: Some(list),
                version: 1,
                created_at: now,
                updated_at: now,
            });
        }
    }

    for chunk in rows.chunks(CHUNK) {
        // Multi-row INSERT is not expressible on the multi backend; run it on the concrete one.
        per_backend!(conn, |c| diesel::insert_into(units::table).values(chunk).execute(c))?;
    }
    if let DbConn::Pg(pg) = conn {
        // Explicit ids do not advance an identity column.
        diesel::sql_query("SELECT setval(pg_get_serial_sequence('units', 'id'), (SELECT MAX(id) FROM units))")
            .execute(pg)?;
    }

    let reform_date =
        NaiveDate::from_ymd_opt(2025, 7, 1).ok_or_else(|| PersistenceError::Seed("bad reform date".into()))?;
    let reorganisation_id: i64 = diesel::insert_into(reorganisations::table)
        .values((
            reorganisations::kind.eq("restructure"),
            reorganisations::effective_date.eq(reform_date),
            reorganisations::legal_basis.eq(REFORM_BASIS),
            reorganisations::note.eq(REFORM_NOTE),
            reorganisations::created_at.eq(now),
        ))
        .returning(reorganisations::id)
        .get_result(conn)?;

    let mut edges = Vec::with_capacity(10_700);
    let mut skipped = Vec::new();
    for s in parse_csv::<SuccessionCsv>(SUCCESSION_2025)? {
        let level: UnitLevel = s.level.parse().map_err(|e| PersistenceError::Seed(format!("{e}")))?;
        if parse_date(&s.effective_date)? != Some(reform_date) {
            return Err(PersistenceError::Seed(format!("unexpected date {}", s.effective_date)));
        }
        let find = |era: Era, code: &str| {
            index
                .get(&(era, level, code.to_owned()))
                .map(|(id, _, _)| *id)
                .ok_or_else(|| PersistenceError::Seed(format!("succession: unknown {level} {code}")))
        };
        let Ok(predecessor_id) = find(Era::Before2025, &s.old_code) else {
            skipped.push(s.old_code);
            continue;
        };
        edges.push(NewSeedSuccession {
            reorganisation_id,
            predecessor_id,
            successor_id: find(Era::From2025, &s.new_code)?,
            partial: s.old_partly_merged == "true",
        });
    }
    if !skipped.is_empty() {
        tracing::warn!(
            codes = %skipped.join(","),
            "succession rows name old units missing from the pre-2025 list; skipped"
        );
    }
    for chunk in edges.chunks(CHUNK) {
        per_backend!(conn, |c| diesel::insert_into(unit_successions::table).values(chunk).execute(c))?;
    }

    diesel::insert_into(seed_datasets::table)
        .values((
            seed_datasets::name.eq(DATASET),
            seed_datasets::checksum.eq(checksum()),
            seed_datasets::row_count.eq(i64::try_from(rows.len() + edges.len()).unwrap_or(i64::MAX)),
            seed_datasets::loaded_at.eq(now),
        ))
        .execute(conn)?;
    Ok(SeedOutcome::Loaded { units: rows.len(), successions: edges.len(), skipped: skipped.len() })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Era {
    Before2025,
    From2025,
}

fn parse_csv<T: serde::de::DeserializeOwned>(text: &str) -> Result<Vec<T>> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<std::result::Result<Vec<T>, _>>()
        .map_err(|e| PersistenceError::Seed(e.to_string()))
}

fn parse_date(text: &str) -> Result<Option<NaiveDate>> {
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|e| PersistenceError::Seed(format!("bad date {text}: {e}")))
}
