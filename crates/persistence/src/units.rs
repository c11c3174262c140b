//! Administrative units: reads (as of a date, subtree, lineage) and the writes that change the
//! map (villages, renames, closings, reorganisations).

use crate::db::{DbConn, MultiBackend, subtree_end};
use crate::error::{Conflict, PersistenceError, Result};
use crate::schema::{reorganisations, unit_names, unit_successions, units};
use chrono::{Days, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};
use std::collections::HashMap;
use xhht_domain::{ReorganisationKind, UnitLevel, search};

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = units)]
struct UnitRow {
    id: i64,
    code: String,
    level: String,
    name: String,
    division_type: String,
    parent_id: Option<i64>,
    path: String,
    depth: i32,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    code_list: Option<String>,
    closing_basis: Option<String>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// A unit as stored. `path` lists the ids from the root down to this unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub level: UnitLevel,
    pub name: String,
    pub division_type: String,
    pub parent_id: Option<i64>,
    pub path: String,
    pub depth: i32,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub code_list: Option<String>,
    pub closing_basis: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Unit {
    pub fn is_valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_to.is_none_or(|t| day <= t)
    }

    /// Ids from the root down to (and including) this unit.
    pub fn path_ids(&self) -> Vec<i64> {
        self.path.split('/').filter_map(|s| s.parse().ok()).collect()
    }
}

impl TryFrom<UnitRow> for Unit {
    type Error = PersistenceError;
    fn try_from(r: UnitRow) -> Result<Self> {
        let level = r.level.parse().map_err(|e| PersistenceError::Unavailable(format!("unit {}: {e}", r.id)))?;
        Ok(Unit {
            id: r.id,
            code: r.code,
            level,
            name: r.name,
            division_type: r.division_type,
            parent_id: r.parent_id,
            path: r.path,
            depth: r.depth,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
            code_list: r.code_list,
            closing_basis: r.closing_basis,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

fn into_units(rows: Vec<UnitRow>) -> Result<Vec<Unit>> {
    rows.into_iter().map(Unit::try_from).collect()
}

/// Filters of a unit list. `as_of` is always given: a list without a date mixes eras.
#[derive(Debug, Clone, Default)]
pub struct UnitFilter {
    pub level: Option<UnitLevel>,
    pub parent_id: Option<i64>,
    /// Only units below this one (its whole subtree, not the unit itself).
    pub within: Option<i64>,
    pub as_of: Option<NaiveDate>,
    /// Folded search text (see `xhht_domain::search::fold`).
    pub q: Option<String>,
}

/// The keyset position after which a page starts: units are ordered by (code, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCursor {
    pub code: String,
    pub id: i64,
}

#[derive(Debug, Clone)]
pub struct Page<T, C> {
    pub items: Vec<T>,
    pub next: Option<C>,
}

type BoxedUnits<'a> = units::BoxedQuery<'a, MultiBackend>;

fn filtered<'a>(conn: &mut DbConn, f: &'a UnitFilter) -> Result<BoxedUnits<'a>> {
    let mut query = units::table.into_boxed();
    if let Some(level) = f.level {
        query = query.filter(units::level.eq(level.as_str()));
    }
    if let Some(parent) = f.parent_id {
        query = query.filter(units::parent_id.eq(parent));
    }
    if let Some(root) = f.within {
        let root_path: String = units::table
            .find(root)
            .select(units::path)
            .get_result(conn)
            .optional()?
            .ok_or(PersistenceError::NotFound(crate::error::Record::Unit))?;
        let upper = subtree_end(&root_path);
        query = query.filter(units::path.gt(root_path)).filter(units::path.lt(upper));
    }
    if let Some(day) = f.as_of {
        query = query
            .filter(units::valid_from.is_null().or(units::valid_from.le(day)))
            .filter(units::valid_to.is_null().or(units::valid_to.ge(day)));
    }
    if let Some(q) = &f.q {
        query = query.filter(units::search_name.like(like_pattern(q)).escape('\\'));
    }
    Ok(query)
}

fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

pub fn list(
    conn: &mut DbConn,
    filter: &UnitFilter,
    after: Option<&UnitCursor>,
    limit: i64,
) -> Result<Page<Unit, UnitCursor>> {
    let mut query = filtered(conn, filter)?;
    if let Some(c) = after {
        query = query.filter(units::code.gt(c.code.clone()).or(units::code.eq(c.code.clone()).and(units::id.gt(c.id))));
    }
    let mut rows: Vec<UnitRow> =
        query.select(UnitRow::as_select()).order((units::code.asc(), units::id.asc())).limit(limit + 1).load(conn)?;
    let more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next = if more { rows.last().map(|r| UnitCursor { code: r.code.clone(), id: r.id }) } else { None };
    Ok(Page { items: into_units(rows)?, next })
}

pub fn count(conn: &mut DbConn, filter: &UnitFilter) -> Result<i64> {
    Ok(filtered(conn, filter)?.count().get_result(conn)?)
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Unit> {
    crate::per_backend!(conn, |c| units::table.find(id).select(UnitRow::as_select()).get_result(c).optional())?
        .ok_or(PersistenceError::NotFound(crate::error::Record::Unit))
        .and_then(Unit::try_from)
}

pub fn get_many(conn: &mut DbConn, ids: &[i64]) -> Result<Vec<Unit>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    into_units(units::table.filter(units::id.eq_any(ids)).select(UnitRow::as_select()).load(conn)?)
}

/// Units holding `code` on `day` (more than one only when levels share a code shape).
pub fn by_code(conn: &mut DbConn, code: &str, day: NaiveDate, level: Option<UnitLevel>) -> Result<Vec<Unit>> {
    let mut query = units::table
        .filter(units::code.eq(code))
        .filter(units::valid_from.is_null().or(units::valid_from.le(day)))
        .filter(units::valid_to.is_null().or(units::valid_to.ge(day)))
        .into_boxed();
    if let Some(level) = level {
        query = query.filter(units::level.eq(level.as_str()));
    }
    into_units(query.select(UnitRow::as_select()).order(units::id).limit(10).load(conn)?)
}

/// The chain above a unit, root first. Read from the materialized path: one indexed query.
pub fn ancestors(conn: &mut DbConn, unit: &Unit) -> Result<Vec<Unit>> {
    let ids: Vec<i64> = unit.path_ids().into_iter().filter(|id| *id != unit.id).collect();
    let mut found = get_many(conn, &ids)?;
    found.sort_by_key(|u| u.depth);
    Ok(found)
}

/// The names units had on `day`, for those renamed since.
pub fn names_on(conn: &mut DbConn, ids: &[i64], day: NaiveDate) -> Result<HashMap<i64, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String)> = unit_names::table
        .filter(unit_names::unit_id.eq_any(ids))
        .filter(unit_names::valid_to.ge(day))
        .filter(unit_names::valid_from.is_null().or(unit_names::valid_from.le(day)))
        .select((unit_names::unit_id, unit_names::name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

#[derive(Queryable, Debug, Clone, PartialEq)]
pub struct FormerName {
    pub name: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: NaiveDate,
    pub legal_basis: String,
}

pub fn former_names(conn: &mut DbConn, id: i64) -> Result<Vec<FormerName>> {
    Ok(unit_names::table
        .filter(unit_names::unit_id.eq(id))
        .order(unit_names::valid_to.asc())
        .select((unit_names::name, unit_names::valid_from, unit_names::valid_to, unit_names::legal_basis))
        .load(conn)?)
}

#[derive(Queryable, Debug, Clone, PartialEq)]
pub struct Reorganisation {
    pub id: i64,
    pub kind: String,
    pub effective_date: NaiveDate,
    pub legal_basis: String,
    pub note: Option<String>,
    pub created_at: NaiveDateTime,
}

/// One lineage edge seen from a unit: the unit on the other side and the act that linked them.
#[derive(Debug, Clone)]
pub struct Lineage {
    pub unit: Unit,
    pub partial: bool,
    pub reorganisation: Reorganisation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Predecessors,
    Successors,
}

pub fn lineage(conn: &mut DbConn, id: i64, direction: Direction) -> Result<Vec<Lineage>> {
    let edges: Vec<(i64, bool, Reorganisation)> = match direction {
        Direction::Predecessors => unit_successions::table
            .inner_join(reorganisations::table)
            .filter(unit_successions::successor_id.eq(id))
            .select((unit_successions::predecessor_id, unit_successions::partial, reorganisation_columns()))
            .load(conn)?,
        Direction::Successors => unit_successions::table
            .inner_join(reorganisations::table)
            .filter(unit_successions::predecessor_id.eq(id))
            .select((unit_successions::successor_id, unit_successions::partial, reorganisation_columns()))
            .load(conn)?,
    };
    let ids: Vec<i64> = edges.iter().map(|(other, _, _)| *other).collect();
    let mut by_id: HashMap<i64, Unit> = get_many(conn, &ids)?.into_iter().map(|u| (u.id, u)).collect();
    let mut out: Vec<Lineage> = edges
        .into_iter()
        .filter_map(|(other, partial, reorganisation)| {
            by_id.remove(&other).map(|unit| Lineage { unit, partial, reorganisation })
        })
        .collect();
    out.sort_by(|a, b| (a.unit.code.as_str(), a.unit.id).cmp(&(b.unit.code.as_str(), b.unit.id)));
    Ok(out)
}

fn reorganisation_columns() -> (
    reorganisations::id,
    reorganisations::kind,
    reorganisations::effective_date,
    reorganisations::legal_basis,
    reorganisations::note,
    reorganisations::created_at,
) {
    (
        reorganisations::id,
        reorganisations::kind,
        reorganisations::effective_date,
        reorganisations::legal_basis,
        reorganisations::note,
        reorganisations::created_at,
    )
}

// ---------------------------------------------------------------------------------------------
// Writes. Each runs inside the caller's transaction (`Database::write`).
// ---------------------------------------------------------------------------------------------

/// A unit to open: a village under a commune, or a target of a reorganisation.
#[derive(Debug, Clone)]
pub struct NewUnit {
    pub level: UnitLevel,
    pub code: String,
    pub name: String,
    pub division_type: String,
    pub parent_id: Option<i64>,
    pub valid_from: NaiveDate,
}

#[derive(Insertable)]
#[diesel(table_name = units)]
struct UnitInsert<'a> {
    code: &'a str,
    level: &'a str,
    name: &'a str,
    search_name: String,
    division_type: &'a str,
    parent_id: Option<i64>,
    path: String,
    depth: i32,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    code_list: Option<&'a str>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// Opens a unit after checking its parent and that no unit of its level holds the code from
/// the same day on.
pub fn create(conn: &mut DbConn, new: &NewUnit) -> Result<Unit> {
    crate::reference::bump(conn)?;
    let parent = match new.parent_id {
        Some(pid) => {
            let parent = get(conn, pid).map_err(|e| match e {
                PersistenceError::NotFound(_) => PersistenceError::Conflict(Conflict::InvalidParent { parent_id: pid }),
                other => other,
            })?;
            if !new.level.allowed_parents().contains(&parent.level) {
                return Err(PersistenceError::Conflict(Conflict::InvalidParent { parent_id: pid }));
            }
            if !parent.is_valid_on(new.valid_from) || parent.valid_to.is_some() {
                return Err(PersistenceError::Conflict(Conflict::UnitNotValidOn { unit_id: pid }));
            }
            Some(parent)
        }
        None if new.level.allowed_parents().is_empty() => None,
        None => return Err(PersistenceError::Conflict(Conflict::InvalidParent { parent_id: 0 })),
    };
    let holders: i64 = units::table
        .filter(units::level.eq(new.level.as_str()))
        .filter(units::code.eq(&new.code))
        .filter(units::valid_to.is_null().or(units::valid_to.ge(new.valid_from)))
        .count()
        .get_result(conn)?;
    if holders > 0 {
        return Err(PersistenceError::Conflict(Conflict::CodeInUse { code: new.code.clone() }));
    }
    let now = Utc::now().naive_utc();
    let parent_path = parent.as_ref().map_or("/", |p| p.path.as_str());
    // The real path needs the new id; a placeholder that cannot collide holds the slot.
    let placeholder = format!("{parent_path}?{}:{}", new.level.as_str(), new.code);
    let id: i64 = diesel::insert_into(units::table)
        .values(UnitInsert {
            code: &new.code,
            level: new.level.as_str(),
            name: &new.name,
            search_name: search::fold(&new.name),
            division_type: &new.division_type,
            parent_id: new.parent_id,
            path: placeholder,
            depth: parent.as_ref().map_or(0, |p| p.depth + 1),
            valid_from: Some(new.valid_from),
            valid_to: None,
            code_list: None,
            version: 1,
            created_at: now,
            updated_at: now,
        })
        .returning(units::id)
        .get_result(conn)?;
    let path = format!("{parent_path}{id}/");
    diesel::update(units::table.find(id)).set(units::path.eq(&path)).execute(conn)?;
    crate::stats::place_new_unit(conn, id, &path)?;
    get(conn, id)
}

/// The next free local number for a village of a commune: `<commune code>-NNN`.
pub fn next_village_code(conn: &mut DbConn, commune: &Unit) -> Result<String> {
    let taken: Vec<String> = units::table.filter(units::parent_id.eq(commune.id)).select(units::code).load(conn)?;
    let prefix = format!("{}-", commune.code);
    let highest = taken.iter().filter_map(|c| c.strip_prefix(&prefix)?.parse::<u32>().ok()).max().unwrap_or(0);
    Ok(format!("{prefix}{:03}", highest + 1))
}

fn check_version(unit: &Unit, expected: Option<i32>) -> Result<()> {
    match expected {
        Some(v) if v != unit.version => Err(PersistenceError::StaleVersion),
        _ => Ok(()),
    }
}

/// Bumps the version only if nobody else did since `unit` was read.
fn bump(conn: &mut DbConn, unit: &Unit, now: NaiveDateTime) -> Result<()> {
    let changed = diesel::update(units::table.filter(units::id.eq(unit.id)).filter(units::version.eq(unit.version)))
        .set((units::version.eq(unit.version + 1), units::updated_at.eq(now)))
        .execute(conn)?;
    if changed == 1 { Ok(()) } else { Err(PersistenceError::StaleVersion) }
}

/// Renames a unit from `effective` on; the old name is kept with its period.
pub fn rename(
    conn: &mut DbConn,
    id: i64,
    expected_version: Option<i32>,
    name: &str,
    effective: NaiveDate,
    legal_basis: &str,
) -> Result<Unit> {
    crate::reference::bump(conn)?;
    let unit = get(conn, id)?;
    check_version(&unit, expected_version)?;
    if !unit.is_valid_on(effective) {
        return Err(PersistenceError::Conflict(Conflict::UnitNotValidOn { unit_id: id }));
    }
    let last_rename: Option<NaiveDate> = unit_names::table
        .filter(unit_names::unit_id.eq(id))
        .select(diesel::dsl::max(unit_names::valid_to))
        .get_result(conn)?;
    let current_since = last_rename.and_then(|d| d.checked_add_days(Days::new(1))).or(unit.valid_from);
    if current_since.is_some_and(|since| effective <= since) {
        return Err(PersistenceError::Conflict(Conflict::DateBeforeStart { unit_id: id }));
    }
    let day_before = effective
        .checked_sub_days(Days::new(1))
        .ok_or(PersistenceError::Conflict(Conflict::DateBeforeStart { unit_id: id }))?;
    let now = Utc::now().naive_utc();
    bump(conn, &unit, now)?;
    diesel::insert_into(unit_names::table)
        .values((
            unit_names::unit_id.eq(id),
            unit_names::name.eq(&unit.name),
            unit_names::valid_from.eq(current_since),
            unit_names::valid_to.eq(day_before),
            unit_names::legal_basis.eq(legal_basis),
            unit_names::created_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(units::table.find(id))
        .set((units::name.eq(name), units::search_name.eq(search::fold(name))))
        .execute(conn)?;
    get(conn, id)
}

fn open_children(conn: &mut DbConn, id: i64, after: NaiveDate) -> Result<i64> {
    Ok(units::table
        .filter(units::parent_id.eq(id))
        .filter(units::valid_to.is_null().or(units::valid_to.gt(after)))
        .count()
        .get_result(conn)?)
}

/// Closes a unit: `last_day` is the last day it exists.
pub fn close(
    conn: &mut DbConn,
    id: i64,
    expected_version: Option<i32>,
    last_day: NaiveDate,
    legal_basis: &str,
) -> Result<Unit> {
    crate::reference::bump(conn)?;
    let unit = get(conn, id)?;
    check_version(&unit, expected_version)?;
    if unit.valid_to.is_some() || !unit.is_valid_on(last_day) {
        return Err(PersistenceError::Conflict(Conflict::UnitNotValidOn { unit_id: id }));
    }
    let count = open_children(conn, id, last_day)?;
    if count > 0 {
        return Err(PersistenceError::Conflict(Conflict::OpenChildren { unit_id: id, count }));
    }
    let now = Utc::now().naive_utc();
    bump(conn, &unit, now)?;
    diesel::update(units::table.find(id))
        .set((units::valid_to.eq(last_day), units::closing_basis.eq(legal_basis)))
        .execute(conn)?;
    // Its records now lie where its parent lies.
    crate::stats::remap(conn)?;
    get(conn, id)
}

#[derive(Debug, Clone)]
pub enum Target {
    Existing(i64),
    New(NewUnit),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub source_id: i64,
    pub target_index: usize,
    pub partial: bool,
}

/// A village of a closing commune that goes to one of the targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VillageMove {
    pub village_id: i64,
    pub target_index: usize,
}

#[derive(Debug, Clone)]
pub struct NewReorganisation {
    pub kind: ReorganisationKind,
    pub effective_date: NaiveDate,
    pub legal_basis: String,
    pub note: Option<String>,
    pub sources: Vec<i64>,
    pub targets: Vec<Target>,
    pub links: Vec<Link>,
    /// Villages of the sources that move, with their records, to a target commune.
    pub villages: Vec<VillageMove>,
}

/// A reorganisation with the units it closed and opened, and the lineage it wrote.
#[derive(Debug, Clone)]
pub struct ReorganisationDetail {
    pub reorganisation: Reorganisation,
    pub sources: Vec<Unit>,
    pub targets: Vec<Unit>,
    /// (predecessor id, successor id, partial)
    pub links: Vec<(i64, i64, bool)>,
    /// (the village as it closed, the village as it opened under its new commune)
    pub moved_villages: Vec<(Unit, Unit)>,
}

/// Applies one legal act: closes the sources the day before it takes effect, opens (or keeps)
/// the targets, and writes the lineage. The caller's transaction makes it all or nothing.
pub fn reorganise(conn: &mut DbConn, r: &NewReorganisation) -> Result<ReorganisationDetail> {
    crate::reference::bump(conn)?;
    let day = r.effective_date;
    let day_before = day.checked_sub_days(Days::new(1)).ok_or(PersistenceError::Conflict(Conflict::MixedLevels))?;
    let now = Utc::now().naive_utc();

    let mut seen = std::collections::HashSet::new();
    let mut level: Option<UnitLevel> = None;
    let mut same_level = |l: UnitLevel| -> Result<()> {
        match level {
            Some(existing) if existing != l => Err(PersistenceError::Conflict(Conflict::MixedLevels)),
            _ => {
                level = Some(l);
                Ok(())
            }
        }
    };

    // The villages that move: open villages of the sources, each once.
    let mut villages = Vec::with_capacity(r.villages.len());
    for m in &r.villages {
        let village = get(conn, m.village_id)?;
        let of_a_source = village.parent_id.is_some_and(|p| r.sources.contains(&p));
        if village.level != UnitLevel::Village
            || !of_a_source
            || village.valid_to.is_some()
            || !village.is_valid_on(day_before)
        {
            return Err(PersistenceError::Conflict(Conflict::NotAMovableVillage { unit_id: village.id }));
        }
        if !seen.insert(village.id) {
            return Err(PersistenceError::Conflict(Conflict::RepeatedUnit { unit_id: village.id }));
        }
        villages.push((village, m.target_index));
    }

    let mut sources = Vec::with_capacity(r.sources.len());
    for &id in &r.sources {
        if !seen.insert(id) {
            return Err(PersistenceError::Conflict(Conflict::RepeatedUnit { unit_id: id }));
        }
        let unit = get(conn, id)?;
        same_level(unit.level)?;
        if unit.valid_to.is_some() || !unit.is_valid_on(day_before) {
            return Err(PersistenceError::Conflict(Conflict::UnitNotValidOn { unit_id: id }));
        }
        let moving = villages.iter().filter(|(v, _)| v.parent_id == Some(id)).count();
        let count = open_children(conn, id, day_before)? - i64::try_from(moving).unwrap_or(i64::MAX);
        if count > 0 {
            return Err(PersistenceError::Conflict(Conflict::OpenChildren { unit_id: id, count }));
        }
        sources.push(unit);
    }
    for unit in sources.iter().chain(villages.iter().map(|(v, _)| v)) {
        bump(conn, unit, now)?;
        diesel::update(units::table.find(unit.id)).set(units::valid_to.eq(day_before)).execute(conn)?;
    }

    let mut targets = Vec::with_capacity(r.targets.len());
    for target in &r.targets {
        let unit = match target {
            Target::Existing(id) => {
                if !seen.insert(*id) {
                    return Err(PersistenceError::Conflict(Conflict::RepeatedUnit { unit_id: *id }));
                }
                let unit = get(conn, *id)?;
                if unit.valid_to.is_some() || !unit.is_valid_on(day) {
                    return Err(PersistenceError::Conflict(Conflict::UnitNotValidOn { unit_id: *id }));
                }
                bump(conn, &unit, now)?;
                get(conn, *id)?
            }
            Target::New(new) => {
                let mut new = new.clone();
                new.valid_from = day;
                create(conn, &new)?
            }
        };
        same_level(unit.level)?;
        targets.push(unit);
    }

    let reorganisation: Reorganisation = diesel::insert_into(reorganisations::table)
        .values((
            reorganisations::kind.eq(r.kind.as_str()),
            reorganisations::effective_date.eq(day),
            reorganisations::legal_basis.eq(&r.legal_basis),
            reorganisations::note.eq(&r.note),
            reorganisations::created_at.eq(now),
        ))
        .returning(reorganisation_columns())
        .get_result(conn)?;

    let mut links = Vec::with_capacity(r.links.len());
    for link in &r.links {
        let successor = targets
            .get(link.target_index)
            .map(|t| t.id)
            .ok_or(PersistenceError::NotFound(crate::error::Record::Unit))?;
        if !r.sources.contains(&link.source_id) {
            return Err(PersistenceError::NotFound(crate::error::Record::Unit));
        }
        diesel::insert_into(unit_successions::table)
            .values((
                unit_successions::reorganisation_id.eq(reorganisation.id),
                unit_successions::predecessor_id.eq(link.source_id),
                unit_successions::successor_id.eq(successor),
                unit_successions::partial.eq(link.partial),
            ))
            .execute(conn)
            .map_err(|e| {
                let e = PersistenceError::from(e);
                if e.is_unique_violation() {
                    PersistenceError::Conflict(Conflict::RepeatedUnit { unit_id: link.source_id })
                } else {
                    e
                }
            })?;
        links.push((link.source_id, successor, link.partial));
    }
    let mut moved_villages = Vec::with_capacity(villages.len());
    for (village, target_index) in villages {
        let target = targets.get(target_index).ok_or(PersistenceError::NotFound(crate::error::Record::Unit))?;
        if target.level != UnitLevel::Commune {
            return Err(PersistenceError::Conflict(Conflict::InvalidParent { parent_id: target.id }));
        }
        // `<commune code>-<local>`: the village keeps its local code under its new commune.
        let local = village.code.split_once('-').map_or(village.code.as_str(), |(_, local)| local);
        let opened = create(
            conn,
            &NewUnit {
                level: UnitLevel::Village,
                code: format!("{}-{local}", target.code),
                name: village.name.clone(),
                division_type: village.division_type.clone(),
                parent_id: Some(target.id),
                valid_from: day,
            },
        )?;
        diesel::insert_into(unit_successions::table)
            .values((
                unit_successions::reorganisation_id.eq(reorganisation.id),
                unit_successions::predecessor_id.eq(village.id),
                unit_successions::successor_id.eq(opened.id),
                unit_successions::partial.eq(false),
                unit_successions::village_move.eq(true),
            ))
            .execute(conn)?;
        // The village's records live on in the village that succeeds it.
        crate::registry::rehome(conn, village.id, &opened)?;
        crate::stats::move_registry(conn, village.id, opened.id)?;
        moved_villages.push((get(conn, village.id)?, opened));
    }
    crate::stats::remap(conn)?;
    let sources = get_many(conn, &r.sources)?;
    Ok(ReorganisationDetail { reorganisation, sources, targets, links, moved_villages })
}

pub fn get_reorganisation(conn: &mut DbConn, id: i64) -> Result<ReorganisationDetail> {
    let reorganisation: Reorganisation = reorganisations::table
        .find(id)
        .select(reorganisation_columns())
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(crate::error::Record::Reorganisation))?;
    let links: Vec<(i64, i64, bool)> = unit_successions::table
        .filter(unit_successions::reorganisation_id.eq(id))
        .filter(unit_successions::village_move.eq(false))
        .order(unit_successions::id)
        .select((unit_successions::predecessor_id, unit_successions::successor_id, unit_successions::partial))
        .load(conn)?;
    let moves: Vec<(i64, i64)> = unit_successions::table
        .filter(unit_successions::reorganisation_id.eq(id))
        .filter(unit_successions::village_move.eq(true))
        .order(unit_successions::id)
        .select((unit_successions::predecessor_id, unit_successions::successor_id))
        .load(conn)?;
    let mut moved_villages = Vec::with_capacity(moves.len());
    for (from, to) in moves {
        moved_villages.push((get(conn, from)?, get(conn, to)?));
    }
    let mut source_ids: Vec<i64> = links.iter().map(|l| l.0).collect();
    let mut target_ids: Vec<i64> = links.iter().map(|l| l.1).collect();
    source_ids.sort_unstable();
    source_ids.dedup();
    target_ids.sort_unstable();
    target_ids.dedup();
    let mut sources = get_many(conn, &source_ids)?;
    let mut targets = get_many(conn, &target_ids)?;
    sources.sort_by(|a, b| a.code.cmp(&b.code));
    targets.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(ReorganisationDetail { reorganisation, sources, targets, links, moved_villages })
}

/// The units of these levels in force on `on` under `root` (everywhere when `None`), with
/// their names of that day: the rows and the unit denominators of a report.
pub fn in_force_under(conn: &mut DbConn, root: Option<&str>, on: NaiveDate, levels: &[UnitLevel]) -> Result<Vec<Unit>> {
    let names: Vec<&str> = levels.iter().map(|l| l.as_str()).collect();
    let mut query = units::table
        .filter(units::level.eq_any(names))
        .filter(units::valid_from.is_null().or(units::valid_from.le(on)))
        .filter(units::valid_to.is_null().or(units::valid_to.ge(on)))
        .into_boxed();
    if let Some(root) = root {
        query = query.filter(units::path.gt(root.to_owned())).filter(units::path.lt(subtree_end(root)));
    }
    let mut found = into_units(query.select(UnitRow::as_select()).order((units::code, units::id)).load(conn)?)?;
    let renamed = names_on(conn, &found.iter().map(|u| u.id).collect::<Vec<_>>(), on)?;
    for unit in &mut found {
        if let Some(name) = renamed.get(&unit.id) {
            unit.name = name.clone();
        }
    }
    Ok(found)
}

/// The units in force on `on` directly under `parent`, with their names of that day.
pub fn children_in_force(conn: &mut DbConn, parent: i64, on: NaiveDate) -> Result<Vec<Unit>> {
    let mut found = into_units(
        units::table
            .filter(units::parent_id.eq(parent))
            .filter(units::valid_from.is_null().or(units::valid_from.le(on)))
            .filter(units::valid_to.is_null().or(units::valid_to.ge(on)))
            .select(UnitRow::as_select())
            .order((units::code, units::id))
            .load(conn)?,
    )?;
    let renamed = names_on(conn, &found.iter().map(|u| u.id).collect::<Vec<_>>(), on)?;
    for unit in &mut found {
        if let Some(name) = renamed.get(&unit.id) {
            unit.name = name.clone();
        }
    }
    Ok(found)
}

/// How many units of each of `levels` in force on `on` lie within each of these units, a unit
/// of that level counting itself: the unit denominators of a report, counted in the database
/// on one index, so that the nation's villages are never read out. Keyed by (unit, level);
/// every pair is present.
pub fn count_within(
    conn: &mut DbConn,
    ids: &[i64],
    levels: &[UnitLevel],
    on: NaiveDate,
) -> Result<HashMap<(i64, UnitLevel), i64>> {
    #[derive(QueryableByName)]
    struct Within {
        #[diesel(sql_type = BigInt)]
        id: i64,
        #[diesel(sql_type = Text)]
        level: String,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let mut out = HashMap::with_capacity(ids.len() * levels.len());
    if levels.is_empty() {
        return Ok(out);
    }
    let pg = matches!(conn, DbConn::Pg(_));
    // The levels are the enum's own words, written into the SQL: one statement for all of them.
    // A level above a unit's own has none of its units within it: no subquery for those. The
    // enum lists the levels from the top, so its order is their rank.
    let rank = |level: UnitLevel| level as u8;
    let rank_of_r = format!(
        "CASE r.level {} END",
        UnitLevel::ALL.iter().map(|l| format!("WHEN '{}' THEN {}", l.as_str(), rank(*l))).collect::<Vec<_>>().join(" ")
    );
    let levels_sql: Vec<String> =
        levels.iter().map(|l| format!("SELECT '{}' AS level, {} AS rank", l.as_str(), rank(*l))).collect();
    let from = if pg { "DATE '0001-01-01'" } else { "'0001-01-01'" };
    let to = if pg { "DATE '9999-12-31'" } else { "'9999-12-31'" };
    // `/` sorts just before `0`: a subtree is the range [path, path without its last `/` + `0`).
    // A subquery per unit and level rather than a join: PostgreSQL cannot estimate a range
    // join and scanned every unit of the level (7 ms a report), where each range is one index
    // scan on (level, path, validity). A unit's own level holds only the unit itself: no scan.
    let day = if pg { "$1" } else { "?1" };
    let n = format!(
        "CASE WHEN l.rank < {rank_of_r} THEN 0 \
         WHEN l.rank = {rank_of_r} THEN CASE WHEN COALESCE(r.valid_from, {from}) <= {day} \
         AND COALESCE(r.valid_to, {to}) >= {day} THEN 1 ELSE 0 END \
         ELSE (SELECT COUNT(*) FROM units u WHERE u.level = l.level \
         AND u.path >= r.path AND u.path < substr(r.path, 1, length(r.path) - 1) || '0' \
         AND COALESCE(u.valid_from, {from}) <= {day} AND COALESCE(u.valid_to, {to}) >= {day}) END"
    );
    let select = |list: &str| {
        format!(
            "SELECT r.id AS id, l.level AS level, {n} AS n FROM units r CROSS JOIN ({}) l WHERE {list}",
            levels_sql.join(" UNION ALL "),
        )
    };
    // On PostgreSQL the ids go as one array, so that the text is the same whatever their number.
    let chunks: Vec<&[i64]> = if pg { vec![ids] } else { ids.chunks(400).collect() };
    for chunk in chunks {
        let found: Vec<Within> = match &mut *conn {
            DbConn::Pg(c) => diesel::sql_query(select("r.id = ANY($2)"))
                .bind::<Date, _>(on)
                .bind::<diesel::sql_types::Array<BigInt>, _>(chunk)
                .load(c)?,
            DbConn::Sqlite(c) => {
                let list: Vec<String> = (0..chunk.len()).map(|i| format!("?{}", i + 2)).collect();
                let mut query = diesel::sql_query(select(&format!("r.id IN ({})", list.join(", "))))
                    .into_boxed()
                    .bind::<Date, _>(on);
                for id in chunk {
                    query = query.bind::<BigInt, _>(*id);
                }
                query.load(c)?
            }
        };
        out.extend(found.into_iter().filter_map(|w| Some(((w.id, w.level.parse().ok()?), w.n))));
    }
    Ok(out)
}

/// The units without a parent: every province there ever was.
pub fn tops(conn: &mut DbConn) -> Result<Vec<i64>> {
    Ok(units::table.filter(units::parent_id.is_null()).select(units::id).order(units::id).load(conn)?)
}
