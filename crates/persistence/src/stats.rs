//! Statistics counters: kept in the same transaction as every write that changes them, read by
//! a range over unit paths, recomputed from the base tables by [`verify`] and [`rebuild`].
//!
//! A counter row belongs to the unit where its records live, and carries that unit's path (a
//! report on the boundaries of the time) and the path of the unit it lies in today (a report
//! on today's boundaries), with `approximate` when that mapping went through a partial
//! succession. Writers collect their changes in [`Deltas`] and apply them once, in multi-row
//! upserts; a decision of 10,000 items writes a few rows per unit, not 10,000.

use crate::db::{DbConn, subtree_end};
use crate::error::Result;
use crate::schema::{stat_evaluations, stat_recognitions, stat_registry, unit_current, unit_successions, units};
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Integer, Text};
use std::collections::{BTreeMap, HashMap};
use xhht_domain::{EvaluationStatus, ModelKind};

/// Rows per multi-row statement: well inside both backends' limits on bound parameters.
const CHUNK: usize = 400;

/// The last day of a recognition the framework keeps without limit.
pub fn forever() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// An evaluation's stages, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stages {
    pub registered: i64,
    pub submitted: i64,
    pub inspected: i64,
    pub recognised: i64,
    pub level1: i64,
    pub level2: i64,
    pub level3: i64,
    pub rejected: i64,
    pub revoked: i64,
}

impl Stages {
    fn add(&mut self, other: &Stages) {
        self.registered += other.registered;
        self.submitted += other.submitted;
        self.inspected += other.inspected;
        self.recognised += other.recognised;
        self.level1 += other.level1;
        self.level2 += other.level2;
        self.level3 += other.level3;
        self.rejected += other.rejected;
        self.revoked += other.revoked;
    }

    fn is_zero(&self) -> bool {
        *self == Stages::default()
    }

    /// `n` recognitions at `rank` (1, 2, 3 and above).
    pub fn recognised_at(&mut self, rank: Option<i32>, n: i64) {
        self.recognised += n;
        match rank {
            Some(1) => self.level1 += n,
            Some(2) => self.level2 += n,
            Some(r) if r >= 3 => self.level3 += n,
            _ => {}
        }
    }
}

/// What an evaluation counts under.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EvaluationKey {
    pub unit_id: i64,
    pub year: i32,
    pub model_kind: ModelKind,
    pub subgroup: String,
}

/// What a held recognition counts under.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HeldKey {
    pub unit_id: i64,
    pub model_kind: ModelKind,
    pub subgroup: String,
    pub decided_on: NaiveDate,
    pub valid_until: NaiveDate,
}

/// The registries' kinds of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Household,
    Clan,
    Citizen,
    Organisation,
    LearningCentre,
}

impl RecordKind {
    pub const ALL: [RecordKind; 5] =
        [Self::Household, Self::Clan, Self::Citizen, Self::Organisation, Self::LearningCentre];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Household => "household",
            Self::Clan => "clan",
            Self::Citizen => "citizen",
            Self::Organisation => "organisation",
            Self::LearningCentre => "learning_centre",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The subgroup an organisation counts under among the denominators: its managing level and
/// its type (`commune:enterprise`), so that commune and provincial learning units each divide
/// by their own.
pub fn organisation_subgroup(managing_level: &str, org_type: &str) -> String {
    format!("{managing_level}:{org_type}")
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegistryKey {
    pub unit_id: i64,
    pub kind: RecordKind,
    pub subgroup: String,
}

/// Changes to the counters, gathered by a write and applied once at its end.
#[derive(Debug, Default)]
pub struct Deltas {
    evaluations: HashMap<EvaluationKey, Stages>,
    held: HashMap<HeldKey, i64>,
    registry: HashMap<RegistryKey, i64>,
}

impl Deltas {
    pub fn stages(&mut self, key: EvaluationKey, change: impl FnOnce(&mut Stages)) {
        change(self.evaluations.entry(key).or_default());
    }

    pub fn held(&mut self, key: HeldKey, n: i64) {
        *self.held.entry(key).or_default() += n;
    }

    pub fn record(&mut self, key: RegistryKey, n: i64) {
        *self.registry.entry(key).or_default() += n;
    }

    /// Writes the changes, in multi-row upserts.
    pub fn apply(self, conn: &mut DbConn) -> Result<()> {
        let mut units: Vec<i64> = self
            .evaluations
            .keys()
            .map(|k| k.unit_id)
            .chain(self.held.keys().map(|k| k.unit_id))
            .chain(self.registry.keys().map(|k| k.unit_id))
            .collect();
        if units.is_empty() {
            return Ok(());
        }
        units.sort_unstable();
        units.dedup();
        let places = places(conn, &units)?;
        let place = |id: i64| places.get(&id).cloned().unwrap_or_default();
        let stages: Vec<(EvaluationKey, Stages)> = self.evaluations.into_iter().filter(|(_, s)| !s.is_zero()).collect();
        for chunk in stages.chunks(CHUNK) {
            upsert_stages(conn, chunk, &place)?;
        }
        let held: Vec<(HeldKey, i64)> = self.held.into_iter().filter(|(_, n)| *n != 0).collect();
        for chunk in held.chunks(CHUNK) {
            upsert_held(conn, chunk, &place)?;
        }
        let registry: Vec<(RegistryKey, i64)> = self.registry.into_iter().filter(|(_, n)| *n != 0).collect();
        for chunk in registry.chunks(CHUNK) {
            upsert_registry(conn, chunk, &place)?;
        }
        Ok(())
    }
}

/// Where a unit's records count: its own path, and the path of the unit it lies in today.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub unit_path: String,
    pub current_path: String,
    pub approximate: bool,
}

/// The places of these units (units in force are their own place today).
pub fn places(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Place>> {
    let mut out = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let paths: Vec<(i64, String)> =
            units::table.filter(units::id.eq_any(chunk)).select((units::id, units::path)).load(conn)?;
        let current: HashMap<i64, (String, bool)> = unit_current::table
            .filter(unit_current::unit_id.eq_any(chunk))
            .select((unit_current::unit_id, unit_current::current_path, unit_current::approximate))
            .load::<(i64, String, bool)>(conn)?
            .into_iter()
            .map(|(id, path, approximate)| (id, (path, approximate)))
            .collect();
        for (id, path) in paths {
            let (current_path, approximate) = current.get(&id).cloned().unwrap_or_else(|| (path.clone(), false));
            out.insert(id, Place { unit_path: path, current_path, approximate });
        }
    }
    Ok(out)
}

/// Numbered or plain placeholders, as each backend writes them.
struct Params {
    pg: bool,
    n: usize,
}

impl Params {
    fn next(&mut self) -> String {
        self.n += 1;
        if self.pg { format!("${}", self.n) } else { "?".to_owned() }
    }

    fn row(&mut self, width: usize) -> String {
        format!("({})", (0..width).map(|_| self.next()).collect::<Vec<_>>().join(", "))
    }
}

/// `INSERT … VALUES … ON CONFLICT (key) DO UPDATE SET c = t.c + excluded.c`, which both
/// backends understand.
fn upsert_sql(pg: bool, table: &str, columns: &[&str], key: &[&str], added: &[&str], rows: usize) -> String {
    let mut params = Params { pg, n: 0 };
    let values: Vec<String> = (0..rows).map(|_| params.row(columns.len())).collect();
    let updates: Vec<String> = added.iter().map(|c| format!("{c} = {table}.{c} + excluded.{c}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES {} ON CONFLICT ({}) DO UPDATE SET {}",
        columns.join(", "),
        values.join(", "),
        key.join(", "),
        updates.join(", ")
    )
}

const STAGES: [&str; 9] =
    ["registered", "submitted", "inspected", "recognised", "level1", "level2", "level3", "rejected", "revoked"];

fn upsert_stages(conn: &mut DbConn, rows: &[(EvaluationKey, Stages)], place: &dyn Fn(i64) -> Place) -> Result<()> {
    let pg = matches!(conn, DbConn::Pg(_));
    let mut columns = vec!["unit_id", "year", "model_kind", "subgroup", "unit_path", "current_path", "approximate"];
    columns.extend(STAGES);
    let sql = upsert_sql(
        pg,
        "stat_evaluations",
        &columns,
        &["unit_id", "year", "model_kind", "subgroup"],
        &STAGES,
        rows.len(),
    );
    crate::per_backend!(&mut *conn, |c| {
        let mut query = diesel::sql_query(sql.as_str()).into_boxed();
        for (key, s) in rows {
            let p = place(key.unit_id);
            query = query
                .bind::<BigInt, _>(key.unit_id)
                .bind::<Integer, _>(key.year)
                .bind::<Text, _>(key.model_kind.as_str())
                .bind::<Text, _>(key.subgroup.clone())
                .bind::<Text, _>(p.unit_path)
                .bind::<Text, _>(p.current_path)
                .bind::<Bool, _>(p.approximate);
            for n in [
                s.registered,
                s.submitted,
                s.inspected,
                s.recognised,
                s.level1,
                s.level2,
                s.level3,
                s.rejected,
                s.revoked,
            ] {
                query = query.bind::<BigInt, _>(n);
            }
        }
        query.execute(c)
    })?;
    Ok(())
}

fn upsert_held(conn: &mut DbConn, rows: &[(HeldKey, i64)], place: &dyn Fn(i64) -> Place) -> Result<()> {
    let pg = matches!(conn, DbConn::Pg(_));
    let sql = upsert_sql(
        pg,
        "stat_recognitions",
        &[
            "unit_id",
            "model_kind",
            "subgroup",
            "decided_on",
            "valid_until",
            "unit_path",
            "current_path",
            "approximate",
            "held",
        ],
        &["unit_id", "model_kind", "subgroup", "decided_on", "valid_until"],
        &["held"],
        rows.len(),
    );
    crate::per_backend!(&mut *conn, |c| {
        let mut query = diesel::sql_query(sql.as_str()).into_boxed();
        for (key, n) in rows {
            let p = place(key.unit_id);
            query = query
                .bind::<BigInt, _>(key.unit_id)
                .bind::<Text, _>(key.model_kind.as_str())
                .bind::<Text, _>(key.subgroup.clone())
                .bind::<Date, _>(key.decided_on)
                .bind::<Date, _>(key.valid_until)
                .bind::<Text, _>(p.unit_path)
                .bind::<Text, _>(p.current_path)
                .bind::<Bool, _>(p.approximate)
                .bind::<BigInt, _>(*n);
        }
        query.execute(c)
    })?;
    Ok(())
}

fn upsert_registry(conn: &mut DbConn, rows: &[(RegistryKey, i64)], place: &dyn Fn(i64) -> Place) -> Result<()> {
    let pg = matches!(conn, DbConn::Pg(_));
    let sql = upsert_sql(
        pg,
        "stat_registry",
        &["unit_id", "kind", "subgroup", "unit_path", "current_path", "approximate", "records"],
        &["unit_id", "kind", "subgroup"],
        &["records"],
        rows.len(),
    );
    crate::per_backend!(&mut *conn, |c| {
        let mut query = diesel::sql_query(sql.as_str()).into_boxed();
        for (key, n) in rows {
            let p = place(key.unit_id);
            query = query
                .bind::<BigInt, _>(key.unit_id)
                .bind::<Text, _>(key.kind.as_str())
                .bind::<Text, _>(key.subgroup.clone())
                .bind::<Text, _>(p.unit_path)
                .bind::<Text, _>(p.current_path)
                .bind::<Bool, _>(p.approximate)
                .bind::<BigInt, _>(*n);
        }
        query.execute(c)
    })?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Where closed units lie today.
// ---------------------------------------------------------------------------------------------

/// Recomputes where every closed unit lies today, and moves the counters of those whose place
/// changed. Run after every change to the map (a reorganisation, a unit closed); the units are
/// a few tens of thousands, and only rows whose place changed are written.
pub fn remap(conn: &mut DbConn) -> Result<usize> {
    let closed: Vec<(i64, Option<i64>, String)> = units::table
        .filter(units::valid_to.is_not_null())
        .select((units::id, units::parent_id, units::path))
        .load(conn)?;
    let closed: HashMap<i64, (Option<i64>, String)> =
        closed.into_iter().map(|(id, parent, path)| (id, (parent, path))).collect();
    // Successors in the order they were recorded: the first is where a split unit's own
    // records are attributed.
    let edges: Vec<(i64, i64, bool)> = unit_successions::table
        .order(unit_successions::id)
        .select((unit_successions::predecessor_id, unit_successions::successor_id, unit_successions::partial))
        .load(conn)?;
    let mut successors: HashMap<i64, Vec<(i64, bool)>> = HashMap::new();
    for (from, to, partial) in edges {
        successors.entry(from).or_default().push((to, partial));
    }
    let mut resolved: HashMap<i64, (i64, bool)> = HashMap::with_capacity(closed.len());
    for &id in closed.keys() {
        resolve(id, &closed, &successors, &mut resolved, 0);
    }
    let mut open_paths: HashMap<i64, String> = HashMap::new();
    let mut wanted: Vec<i64> = resolved.values().map(|(c, _)| *c).filter(|c| !closed.contains_key(c)).collect();
    wanted.sort_unstable();
    wanted.dedup();
    for chunk in wanted.chunks(CHUNK) {
        open_paths.extend(units::table.filter(units::id.eq_any(chunk)).select((units::id, units::path)).load::<(
            i64,
            String,
        )>(
            conn
        )?);
    }
    let new: BTreeMap<i64, (i64, String, bool)> = resolved
        .iter()
        .map(|(&id, &(current, exact))| {
            let path = open_paths.get(&current).cloned().unwrap_or_else(|| closed[&id].1.clone());
            (id, (current, path, !exact))
        })
        .collect();
    let old: HashMap<i64, (i64, String, bool)> = unit_current::table
        .select((
            unit_current::unit_id,
            unit_current::current_id,
            unit_current::current_path,
            unit_current::approximate,
        ))
        .load::<(i64, i64, String, bool)>(conn)?
        .into_iter()
        .map(|(id, c, p, a)| (id, (c, p, a)))
        .collect();
    let changed: Vec<(i64, (i64, String, bool))> =
        new.into_iter().filter(|(id, place)| old.get(id) != Some(place)).collect();
    for chunk in changed.chunks(CHUNK) {
        let ids: Vec<i64> = chunk.iter().map(|(id, _)| *id).collect();
        diesel::delete(unit_current::table.filter(unit_current::unit_id.eq_any(&ids))).execute(conn)?;
        let rows: Vec<_> = chunk
            .iter()
            .map(|(id, (current, path, approximate))| {
                (
                    unit_current::unit_id.eq(*id),
                    unit_current::current_id.eq(*current),
                    unit_current::current_path.eq(path.clone()),
                    unit_current::approximate.eq(*approximate),
                )
            })
            .collect();
        crate::per_backend!(&mut *conn, |c| diesel::insert_into(unit_current::table).values(&rows).execute(c))?;
    }
    for (id, (_, path, approximate)) in &changed {
        diesel::update(stat_evaluations::table.filter(stat_evaluations::unit_id.eq(id)))
            .set((stat_evaluations::current_path.eq(path), stat_evaluations::approximate.eq(approximate)))
            .execute(conn)?;
        diesel::update(stat_recognitions::table.filter(stat_recognitions::unit_id.eq(id)))
            .set((stat_recognitions::current_path.eq(path), stat_recognitions::approximate.eq(approximate)))
            .execute(conn)?;
        diesel::update(stat_registry::table.filter(stat_registry::unit_id.eq(id)))
            .set((stat_registry::current_path.eq(path), stat_registry::approximate.eq(approximate)))
            .execute(conn)?;
    }
    Ok(changed.len())
}

/// (unit in force, exact) for a closed unit: along its first successor (a whole one when
/// there is one), or where its parent lies when it closed without successor.
fn resolve(
    id: i64,
    closed: &HashMap<i64, (Option<i64>, String)>,
    successors: &HashMap<i64, Vec<(i64, bool)>>,
    resolved: &mut HashMap<i64, (i64, bool)>,
    depth: usize,
) -> (i64, bool) {
    if !closed.contains_key(&id) {
        return (id, true);
    }
    if let Some(&done) = resolved.get(&id) {
        return done;
    }
    // A cycle or an absurdly long chain: the unit stays where it was, approximately.
    if depth > 64 {
        return (id, false);
    }
    let out = match successors.get(&id).and_then(|list| list.iter().find(|(_, p)| !p).or(list.first())) {
        Some(&(next, partial)) => {
            let (current, exact) = resolve(next, closed, successors, resolved, depth + 1);
            (current, exact && !partial)
        }
        None => match closed.get(&id).and_then(|(parent, _)| *parent) {
            Some(parent) => resolve(parent, closed, successors, resolved, depth + 1),
            None => (id, false),
        },
    };
    resolved.insert(id, out);
    out
}

/// Moves the registry counters of a village to the village that succeeds it, with its records.
pub fn move_registry(conn: &mut DbConn, from: i64, to: i64) -> Result<()> {
    let place = places(conn, &[to])?.remove(&to).unwrap_or_default();
    diesel::update(stat_registry::table.filter(stat_registry::unit_id.eq(from)))
        .set((
            stat_registry::unit_id.eq(to),
            stat_registry::unit_path.eq(&place.unit_path),
            stat_registry::current_path.eq(&place.current_path),
            stat_registry::approximate.eq(place.approximate),
        ))
        .execute(conn)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Reading.
// ---------------------------------------------------------------------------------------------

/// Which boundaries a report uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boundaries {
    /// The map of the report's day: records where they were filed.
    OfTheTime,
    /// Today's map: records where their units lie today.
    Today,
}

/// One counter row, at its path on the chosen boundaries.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    pub path: String,
    pub approximate: bool,
    pub year: i32,
    pub model_kind: ModelKind,
    pub subgroup: String,
    pub stages: Stages,
}

type StageTuple = (String, bool, i32, String, String, [i64; 9]);

/// The stage counters under `root` (everything when `None`) for these years and models.
pub fn stage_rows(
    conn: &mut DbConn,
    boundaries: Boundaries,
    root: Option<&str>,
    years: &[i32],
    models: &[ModelKind],
) -> Result<Vec<StageRow>> {
    use stat_evaluations as t;
    let names: Vec<&str> = models.iter().map(|m| m.as_str()).collect();
    let stages = (
        t::registered,
        t::submitted,
        t::inspected,
        t::recognised,
        t::level1,
        t::level2,
        t::level3,
        t::rejected,
        t::revoked,
    );
    let (lo, hi) = bounds(root);
    type Raw = (String, bool, i32, String, String, (i64, i64, i64, i64, i64, i64, i64, i64, i64));
    let raw: Vec<Raw> = match boundaries {
        Boundaries::OfTheTime => t::table
            .filter(t::year.eq_any(years))
            .filter(t::unit_path.ge(lo))
            .filter(t::unit_path.lt(hi))
            .filter(t::model_kind.eq_any(&names))
            .select((t::unit_path, t::approximate, t::year, t::model_kind, t::subgroup, stages))
            .load(conn)?,
        Boundaries::Today => t::table
            .filter(t::year.eq_any(years))
            .filter(t::current_path.ge(lo))
            .filter(t::current_path.lt(hi))
            .filter(t::model_kind.eq_any(&names))
            .select((t::current_path, t::approximate, t::year, t::model_kind, t::subgroup, stages))
            .load(conn)?,
    };
    // The time view is never approximate: records are where they were filed.
    let exact = boundaries == Boundaries::OfTheTime;
    Ok(raw
        .into_iter()
        .filter_map(|(path, approximate, year, model, subgroup, s)| {
            let tuple: StageTuple =
                (path, approximate && !exact, year, model, subgroup, [s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7, s.8]);
            stage_row(tuple)
        })
        .collect())
}

fn stage_row((path, approximate, year, model, subgroup, s): StageTuple) -> Option<StageRow> {
    Some(StageRow {
        path,
        approximate,
        year,
        model_kind: model.parse().ok()?,
        subgroup,
        stages: Stages {
            registered: s[0],
            submitted: s[1],
            inspected: s[2],
            recognised: s[3],
            level1: s[4],
            level2: s[5],
            level3: s[6],
            rejected: s[7],
            revoked: s[8],
        },
    })
}

/// The range of paths under `root` ("" and "\u{10FFFF}" around everything when `None`).
fn bounds(root: Option<&str>) -> (String, String) {
    match root {
        Some(root) => (root.to_owned(), subtree_end(root)),
        // Every path starts with '/', and '0' sorts after it.
        None => ("/".to_owned(), "0".to_owned()),
    }
}

/// Recognitions held on `on` under `root`: decided on or before it and kept at least until it.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldRow {
    pub path: String,
    pub approximate: bool,
    pub model_kind: ModelKind,
    pub subgroup: String,
    pub held: i64,
}

pub fn held_rows(
    conn: &mut DbConn,
    boundaries: Boundaries,
    root: Option<&str>,
    on: NaiveDate,
    models: &[ModelKind],
) -> Result<Vec<HeldRow>> {
    use stat_recognitions as t;
    let names: Vec<&str> = models.iter().map(|m| m.as_str()).collect();
    let (lo, hi) = bounds(root);
    let raw: Vec<(String, bool, String, String, i64)> = match boundaries {
        Boundaries::OfTheTime => t::table
            .filter(t::unit_path.ge(lo))
            .filter(t::unit_path.lt(hi))
            .filter(t::decided_on.le(on))
            .filter(t::valid_until.ge(on))
            .filter(t::model_kind.eq_any(&names))
            .select((t::unit_path, t::approximate, t::model_kind, t::subgroup, t::held))
            .load(conn)?,
        Boundaries::Today => t::table
            .filter(t::current_path.ge(lo))
            .filter(t::current_path.lt(hi))
            .filter(t::decided_on.le(on))
            .filter(t::valid_until.ge(on))
            .filter(t::model_kind.eq_any(&names))
            .select((t::current_path, t::approximate, t::model_kind, t::subgroup, t::held))
            .load(conn)?,
    };
    let exact = boundaries == Boundaries::OfTheTime;
    Ok(raw
        .into_iter()
        .filter_map(|(path, approximate, model, subgroup, held)| {
            Some(HeldRow { path, approximate: approximate && !exact, model_kind: model.parse().ok()?, subgroup, held })
        })
        .collect())
}

/// The registries' records under `root`.
#[derive(Clone, Debug, PartialEq)]
pub struct RegistryRow {
    pub path: String,
    pub approximate: bool,
    pub kind: RecordKind,
    pub subgroup: String,
    pub records: i64,
}

pub fn registry_rows(conn: &mut DbConn, boundaries: Boundaries, root: Option<&str>) -> Result<Vec<RegistryRow>> {
    use stat_registry as t;
    let (lo, hi) = bounds(root);
    let raw: Vec<(String, bool, String, String, i64)> = match boundaries {
        Boundaries::OfTheTime => t::table
            .filter(t::unit_path.ge(lo))
            .filter(t::unit_path.lt(hi))
            .select((t::unit_path, t::approximate, t::kind, t::subgroup, t::records))
            .load(conn)?,
        Boundaries::Today => t::table
            .filter(t::current_path.ge(lo))
            .filter(t::current_path.lt(hi))
            .select((t::current_path, t::approximate, t::kind, t::subgroup, t::records))
            .load(conn)?,
    };
    let exact = boundaries == Boundaries::OfTheTime;
    Ok(raw
        .into_iter()
        .filter_map(|(path, approximate, kind, subgroup, records)| {
            Some(RegistryRow {
                path,
                approximate: approximate && !exact,
                kind: RecordKind::parse(&kind)?,
                subgroup,
                records,
            })
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Recomputing from the base tables.
// ---------------------------------------------------------------------------------------------

/// Every counter as the base tables give it now: one grouped query a table.
#[derive(Debug, Default, PartialEq)]
pub struct Counters {
    pub stages: BTreeMap<EvaluationKey, Stages>,
    pub held: BTreeMap<HeldKey, i64>,
    pub registry: BTreeMap<RegistryKey, i64>,
}

#[derive(QueryableByName)]
struct StageCount {
    #[diesel(sql_type = BigInt)]
    unit_id: i64,
    #[diesel(sql_type = Integer)]
    year: i32,
    #[diesel(sql_type = Text)]
    model_kind: String,
    #[diesel(sql_type = Text)]
    subgroup: String,
    #[diesel(sql_type = BigInt)]
    registered: i64,
    #[diesel(sql_type = BigInt)]
    submitted: i64,
    #[diesel(sql_type = BigInt)]
    inspected: i64,
    #[diesel(sql_type = BigInt)]
    recognised: i64,
    #[diesel(sql_type = BigInt)]
    level1: i64,
    #[diesel(sql_type = BigInt)]
    level2: i64,
    #[diesel(sql_type = BigInt)]
    level3: i64,
    #[diesel(sql_type = BigInt)]
    rejected: i64,
    #[diesel(sql_type = BigInt)]
    revoked: i64,
}

#[derive(QueryableByName)]
struct HeldCount {
    #[diesel(sql_type = BigInt)]
    unit_id: i64,
    #[diesel(sql_type = Text)]
    model_kind: String,
    #[diesel(sql_type = Text)]
    subgroup: String,
    #[diesel(sql_type = Date)]
    decided_on: NaiveDate,
    #[diesel(sql_type = diesel::sql_types::Nullable<Date>)]
    valid_until: Option<NaiveDate>,
    #[diesel(sql_type = BigInt)]
    held: i64,
}

#[derive(QueryableByName)]
struct RecordCount {
    #[diesel(sql_type = BigInt)]
    unit_id: i64,
    #[diesel(sql_type = Text)]
    subgroup: String,
    #[diesel(sql_type = BigInt)]
    records: i64,
}

/// The counters recomputed from the evaluations and the registries.
pub fn recompute(conn: &mut DbConn) -> Result<Counters> {
    let recognised = EvaluationStatus::Recognised.as_str();
    let stage_sql = format!(
        "SELECT unit_id, year, model_kind, subgroup, COUNT(*) AS registered, \
         SUM(CASE WHEN submitted_at IS NOT NULL THEN 1 ELSE 0 END) AS submitted, \
         SUM(CASE WHEN inspected_at IS NOT NULL THEN 1 ELSE 0 END) AS inspected, \
         SUM(CASE WHEN status = '{recognised}' THEN 1 ELSE 0 END) AS recognised, \
         SUM(CASE WHEN status = '{recognised}' AND result_rank = 1 THEN 1 ELSE 0 END) AS level1, \
         SUM(CASE WHEN status = '{recognised}' AND result_rank = 2 THEN 1 ELSE 0 END) AS level2, \
         SUM(CASE WHEN status = '{recognised}' AND result_rank >= 3 THEN 1 ELSE 0 END) AS level3, \
         SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS rejected, \
         SUM(CASE WHEN status = 'revoked' THEN 1 ELSE 0 END) AS revoked \
         FROM evaluations GROUP BY unit_id, year, model_kind, subgroup"
    );
    // COUNT and SUM of integers are BIGINT on both backends.
    let mut out = Counters::default();
    for row in diesel::sql_query(stage_sql).load::<StageCount>(conn)? {
        let Ok(model_kind) = row.model_kind.parse() else { continue };
        let stages = Stages {
            registered: row.registered,
            submitted: row.submitted,
            inspected: row.inspected,
            recognised: row.recognised,
            level1: row.level1,
            level2: row.level2,
            level3: row.level3,
            rejected: row.rejected,
            revoked: row.revoked,
        };
        out.stages
            .insert(EvaluationKey { unit_id: row.unit_id, year: row.year, model_kind, subgroup: row.subgroup }, stages);
    }
    let held_sql = format!(
        "SELECT unit_id, model_kind, subgroup, decided_on, valid_until, COUNT(*) AS held FROM evaluations \
         WHERE status = '{recognised}' AND decided_on IS NOT NULL \
         GROUP BY unit_id, model_kind, subgroup, decided_on, valid_until"
    );
    for row in diesel::sql_query(held_sql).load::<HeldCount>(conn)? {
        let Ok(model_kind) = row.model_kind.parse() else { continue };
        let key = HeldKey {
            unit_id: row.unit_id,
            model_kind,
            subgroup: row.subgroup,
            decided_on: row.decided_on,
            valid_until: row.valid_until.unwrap_or_else(forever),
        };
        *out.held.entry(key).or_default() += row.held;
    }
    let count = "COUNT(*)";
    let concat = "managing_level || ':' || org_type";
    for (kind, sql) in [
        (
            RecordKind::Household,
            format!(
                "SELECT unit_id, '' AS subgroup, {count} AS records FROM households WHERE deleted_at IS NULL GROUP BY unit_id"
            ),
        ),
        (
            RecordKind::Clan,
            format!(
                "SELECT unit_id, '' AS subgroup, {count} AS records FROM clans WHERE deleted_at IS NULL GROUP BY unit_id"
            ),
        ),
        (
            RecordKind::Citizen,
            format!(
                "SELECT unit_id, target_group AS subgroup, {count} AS records FROM citizens WHERE deleted_at IS NULL GROUP BY unit_id, target_group"
            ),
        ),
        (
            RecordKind::Organisation,
            format!(
                "SELECT unit_id, {concat} AS subgroup, {count} AS records FROM organisations WHERE deleted_at IS NULL GROUP BY unit_id, managing_level, org_type"
            ),
        ),
        (
            RecordKind::LearningCentre,
            format!(
                "SELECT unit_id, '' AS subgroup, {count} AS records FROM learning_centres WHERE deleted_at IS NULL GROUP BY unit_id"
            ),
        ),
    ] {
        for row in diesel::sql_query(sql).load::<RecordCount>(conn)? {
            out.registry.insert(RegistryKey { unit_id: row.unit_id, kind, subgroup: row.subgroup }, row.records);
        }
    }
    Ok(out)
}

/// The counters as stored.
pub fn stored(conn: &mut DbConn) -> Result<Counters> {
    let mut out = Counters::default();
    use stat_evaluations as e;
    type StageStored = (i64, i32, String, String, (i64, i64, i64, i64, i64, i64, i64, i64, i64));
    let rows: Vec<StageStored> = e::table
        .select((
            e::unit_id,
            e::year,
            e::model_kind,
            e::subgroup,
            (
                e::registered,
                e::submitted,
                e::inspected,
                e::recognised,
                e::level1,
                e::level2,
                e::level3,
                e::rejected,
                e::revoked,
            ),
        ))
        .load(conn)?;
    for (unit_id, year, model, subgroup, s) in rows {
        let Ok(model_kind) = model.parse() else { continue };
        let stages = Stages {
            registered: s.0,
            submitted: s.1,
            inspected: s.2,
            recognised: s.3,
            level1: s.4,
            level2: s.5,
            level3: s.6,
            rejected: s.7,
            revoked: s.8,
        };
        if !stages.is_zero() {
            out.stages.insert(EvaluationKey { unit_id, year, model_kind, subgroup }, stages);
        }
    }
    use stat_recognitions as r;
    let rows: Vec<(i64, String, String, NaiveDate, NaiveDate, i64)> =
        r::table.select((r::unit_id, r::model_kind, r::subgroup, r::decided_on, r::valid_until, r::held)).load(conn)?;
    for (unit_id, model, subgroup, decided_on, valid_until, held) in rows {
        let Ok(model_kind) = model.parse() else { continue };
        if held != 0 {
            out.held.insert(HeldKey { unit_id, model_kind, subgroup, decided_on, valid_until }, held);
        }
    }
    use stat_registry as g;
    let rows: Vec<(i64, String, String, i64)> =
        g::table.select((g::unit_id, g::kind, g::subgroup, g::records)).load(conn)?;
    for (unit_id, kind, subgroup, records) in rows {
        if let Some(kind) = RecordKind::parse(&kind)
            && records != 0
        {
            out.registry.insert(RegistryKey { unit_id, kind, subgroup }, records);
        }
    }
    Ok(out)
}

/// A counter whose stored value differs from the base tables'.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    Stages {
        key: EvaluationKey,
        stored: Stages,
        computed: Stages,
    },
    Held {
        key: HeldKey,
        stored: i64,
        computed: i64,
    },
    Registry {
        key: RegistryKey,
        stored: i64,
        computed: i64,
    },
    /// A place that no longer matches the map (the counters of a unit point elsewhere than
    /// the unit lies today).
    Place {
        unit_id: i64,
    },
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Difference::Stages { key, stored, computed } => write!(
                f,
                "evaluations unit {} year {} {} {:?}: stored {stored:?}, computed {computed:?}",
                key.unit_id, key.year, key.model_kind, key.subgroup
            ),
            Difference::Held { key, stored, computed } => write!(
                f,
                "held recognitions unit {} {} {:?} decided {} kept until {}: stored {stored}, computed {computed}",
                key.unit_id, key.model_kind, key.subgroup, key.decided_on, key.valid_until
            ),
            Difference::Registry { key, stored, computed } => write!(
                f,
                "registry unit {} {} {:?}: stored {stored}, computed {computed}",
                key.unit_id,
                key.kind.as_str(),
                key.subgroup
            ),
            Difference::Place { unit_id } => write!(f, "unit {unit_id}: its counters lie elsewhere than the map says"),
        }
    }
}

/// Compares the stored counters with the base tables.
pub fn verify(conn: &mut DbConn) -> Result<Vec<Difference>> {
    let (stored, computed) = (stored(conn)?, recompute(conn)?);
    let mut out = Vec::new();
    let stages_keys: std::collections::BTreeSet<&EvaluationKey> =
        stored.stages.keys().chain(computed.stages.keys()).collect();
    for key in stages_keys {
        let (s, c) = (
            stored.stages.get(key).copied().unwrap_or_default(),
            computed.stages.get(key).copied().unwrap_or_default(),
        );
        if s != c {
            out.push(Difference::Stages { key: key.clone(), stored: s, computed: c });
        }
    }
    let held_keys: std::collections::BTreeSet<&HeldKey> = stored.held.keys().chain(computed.held.keys()).collect();
    for key in held_keys {
        let (s, c) = (stored.held.get(key).copied().unwrap_or(0), computed.held.get(key).copied().unwrap_or(0));
        if s != c {
            out.push(Difference::Held { key: key.clone(), stored: s, computed: c });
        }
    }
    let registry_keys: std::collections::BTreeSet<&RegistryKey> =
        stored.registry.keys().chain(computed.registry.keys()).collect();
    for key in registry_keys {
        let (s, c) = (stored.registry.get(key).copied().unwrap_or(0), computed.registry.get(key).copied().unwrap_or(0));
        if s != c {
            out.push(Difference::Registry { key: key.clone(), stored: s, computed: c });
        }
    }
    out.extend(misplaced(conn)?.into_iter().map(|unit_id| Difference::Place { unit_id }));
    Ok(out)
}

/// Units whose counter rows carry another place than the units' own.
fn misplaced(conn: &mut DbConn) -> Result<Vec<i64>> {
    type Placed = (i64, String, String, bool);
    let mut rows: Vec<Placed> = stat_evaluations::table
        .select((
            stat_evaluations::unit_id,
            stat_evaluations::unit_path,
            stat_evaluations::current_path,
            stat_evaluations::approximate,
        ))
        .distinct()
        .load(conn)?;
    rows.extend(
        stat_recognitions::table
            .select((
                stat_recognitions::unit_id,
                stat_recognitions::unit_path,
                stat_recognitions::current_path,
                stat_recognitions::approximate,
            ))
            .distinct()
            .load::<Placed>(conn)?,
    );
    rows.extend(
        stat_registry::table
            .select((
                stat_registry::unit_id,
                stat_registry::unit_path,
                stat_registry::current_path,
                stat_registry::approximate,
            ))
            .distinct()
            .load::<Placed>(conn)?,
    );
    let mut ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    ids.sort_unstable();
    ids.dedup();
    let places = places(conn, &ids)?;
    let mut wrong: Vec<i64> = rows
        .into_iter()
        .filter(|(id, unit_path, current_path, approximate)| {
            places.get(id).is_none_or(|p| {
                p.unit_path != *unit_path || p.current_path != *current_path || p.approximate != *approximate
            })
        })
        .map(|r| r.0)
        .collect();
    wrong.sort_unstable();
    wrong.dedup();
    Ok(wrong)
}

/// The counters' dataset marker: a database migrated before the counters existed (or with an
/// older way of counting) is counted once, on start.
const COUNTERS: &str = "statistics-counters";
const COUNTERS_VERSION: &str = "1";

/// Builds the counters from the base tables unless they were built already; true when built.
pub fn ensure_built(conn: &mut DbConn) -> Result<bool> {
    use crate::schema::seed_datasets;
    let built: Option<String> = seed_datasets::table
        .filter(seed_datasets::name.eq(COUNTERS))
        .select(seed_datasets::checksum)
        .get_result(conn)
        .optional()?;
    if built.as_deref() == Some(COUNTERS_VERSION) {
        return Ok(false);
    }
    let rows = rebuild(conn)?;
    diesel::delete(seed_datasets::table.filter(seed_datasets::name.eq(COUNTERS))).execute(conn)?;
    diesel::insert_into(seed_datasets::table)
        .values((
            seed_datasets::name.eq(COUNTERS),
            seed_datasets::checksum.eq(COUNTERS_VERSION),
            seed_datasets::row_count.eq(i64::try_from(rows).unwrap_or(i64::MAX)),
            seed_datasets::loaded_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Replaces every counter with the base tables' figures, and the map of closed units with
/// a fresh one. Returns how many counter rows were written.
pub fn rebuild(conn: &mut DbConn) -> Result<usize> {
    diesel::delete(stat_evaluations::table).execute(conn)?;
    diesel::delete(stat_recognitions::table).execute(conn)?;
    diesel::delete(stat_registry::table).execute(conn)?;
    remap(conn)?;
    let computed = recompute(conn)?;
    let written = computed.stages.len() + computed.held.len() + computed.registry.len();
    let mut deltas = Deltas::default();
    for (key, stages) in computed.stages {
        deltas.stages(key, |s| s.add(&stages));
    }
    for (key, n) in computed.held {
        deltas.held(key, n);
    }
    for (key, n) in computed.registry {
        deltas.record(key, n);
    }
    deltas.apply(conn)?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upserts_add_to_what_is_there() {
        let sql =
            upsert_sql(true, "stat_registry", &["unit_id", "kind", "records"], &["unit_id", "kind"], &["records"], 2);
        assert_eq!(
            sql,
            "INSERT INTO stat_registry (unit_id, kind, records) VALUES ($1, $2, $3), ($4, $5, $6) \
             ON CONFLICT (unit_id, kind) DO UPDATE SET records = stat_registry.records + excluded.records"
        );
        assert!(upsert_sql(false, "t", &["a", "b"], &["a"], &["b"], 1).contains("VALUES (?, ?)"));
    }

    #[test]
    fn a_split_unit_goes_to_its_first_successor_approximately() {
        let closed: HashMap<i64, (Option<i64>, String)> = [
            (1, (None, "/1/".to_owned())),
            (2, (Some(1), "/1/2/".to_owned())),
            (3, (Some(2), "/1/2/3/".to_owned())),
            (4, (Some(2), "/1/2/4/".to_owned())),
        ]
        .into();
        let successors: HashMap<i64, Vec<(i64, bool)>> =
            [(1, vec![(10, false)]), (3, vec![(30, true), (31, true)]), (4, vec![(40, false)])].into();
        let mut resolved = HashMap::new();
        assert_eq!(resolve(1, &closed, &successors, &mut resolved, 0), (10, true), "a whole merge");
        assert_eq!(resolve(3, &closed, &successors, &mut resolved, 0), (30, false), "a split: first successor");
        assert_eq!(resolve(4, &closed, &successors, &mut resolved, 0), (40, true));
        assert_eq!(resolve(2, &closed, &successors, &mut resolved, 0), (10, true), "no successor: its parent's place");
        assert_eq!(resolve(99, &closed, &successors, &mut resolved, 0), (99, true), "in force: itself");
    }
}
