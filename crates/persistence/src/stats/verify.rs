//! Recomputing the counters from the base tables: `xhht stats verify` compares, `rebuild`
//! replaces, and the start builds them once for a database that has none.

use super::places::{Current, Map, Places, place_missing, places_on, stored_places, write_current, write_places};
use super::read::load_counters;
use super::{Boundaries, Counters, Deltas, EvaluationKey, HeldKey, RecordKind, RegistryKey, Stages, Total, forever};
use crate::db::DbConn;
use crate::error::Result;
use crate::schema::{stat_evaluations, stat_recognitions, stat_registry, unit_current, unit_places};
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Integer, Text};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use xhht_domain::EvaluationStatus;

/// Counters by the unit the records are filed in.
#[derive(Debug, Default, PartialEq)]
pub struct Filed {
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

/// The counters of the units records are filed in, counted from the evaluations and the
/// registries: one grouped query a table.
pub fn recount(conn: &mut DbConn) -> Result<Filed> {
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
    let mut out = Filed::default();
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

/// The totals the filed counters make on the map, per boundaries.
fn spread(filed: &Filed, map: &Map) -> Counters {
    let mut out = Counters::default();
    let mut places: HashMap<i64, Vec<(Boundaries, i64, bool)>> = HashMap::new();
    let mut places_of = |id: i64| {
        places
            .entry(id)
            .or_insert_with(|| {
                let set = map.places(id);
                Boundaries::ALL
                    .into_iter()
                    .flat_map(|b| places_on(&set, b).into_iter().map(move |(t, a)| (b, t, a)))
                    .collect()
            })
            .clone()
    };
    for (key, s) in &filed.stages {
        for (boundaries, unit_id, approximate) in places_of(key.unit_id) {
            let total = Total { boundaries, approximate, key: EvaluationKey { unit_id, ..key.clone() } };
            out.stages.entry(total).or_default().add(s);
        }
    }
    for (key, n) in &filed.held {
        for (boundaries, unit_id, approximate) in places_of(key.unit_id) {
            *out.held.entry(Total { boundaries, approximate, key: HeldKey { unit_id, ..key.clone() } }).or_default() +=
                n;
        }
    }
    for (key, n) in &filed.registry {
        for (boundaries, unit_id, approximate) in places_of(key.unit_id) {
            *out.registry
                .entry(Total { boundaries, approximate, key: RegistryKey { unit_id, ..key.clone() } })
                .or_default() += n;
        }
    }
    out.stages.retain(|_, s| !s.is_zero());
    out.held.retain(|_, n| *n != 0);
    out.registry.retain(|_, n| *n != 0);
    out
}

/// The counters as the base tables and the map give them now.
pub fn recompute(conn: &mut DbConn) -> Result<Counters> {
    let map = Map::load(conn)?;
    Ok(spread(&recount(conn)?, &map))
}

/// The counters as stored.
pub fn stored(conn: &mut DbConn) -> Result<Counters> {
    let mut out = Counters::default();
    load_counters(conn, None, &mut out)?;
    Ok(out)
}

/// A counter whose stored value differs from the base tables'.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    Stages {
        total: Total<EvaluationKey>,
        stored: Stages,
        computed: Stages,
    },
    Held {
        total: Total<HeldKey>,
        stored: i64,
        computed: i64,
    },
    Registry {
        total: Total<RegistryKey>,
        stored: i64,
        computed: i64,
    },
    /// A unit whose listed places differ from the map's: its records would count elsewhere.
    Place {
        unit_id: i64,
    },
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = |b: Boundaries, approximate: bool, unit: i64| {
            format!("unit {unit} ({}{})", b.as_str(), if approximate { ", approximate" } else { "" })
        };
        match self {
            Difference::Stages { total: t, stored, computed } => write!(
                f,
                "evaluations in {} year {} {} {:?}: stored {stored:?}, computed {computed:?}",
                at(t.boundaries, t.approximate, t.key.unit_id),
                t.key.year,
                t.key.model_kind,
                t.key.subgroup
            ),
            Difference::Held { total: t, stored, computed } => write!(
                f,
                "held recognitions in {} {} {:?} decided {} kept until {}: stored {stored}, computed {computed}",
                at(t.boundaries, t.approximate, t.key.unit_id),
                t.key.model_kind,
                t.key.subgroup,
                t.key.decided_on,
                t.key.valid_until
            ),
            Difference::Registry { total: t, stored, computed } => write!(
                f,
                "registry in {} {} {:?}: stored {stored}, computed {computed}",
                at(t.boundaries, t.approximate, t.key.unit_id),
                t.key.kind.as_str(),
                t.key.subgroup
            ),
            Difference::Place { unit_id } => write!(f, "unit {unit_id}: its records count elsewhere than the map says"),
        }
    }
}

/// The keys on either side whose values differ.
fn differences<K: Ord + Clone, V: Copy + Default + PartialEq>(
    stored: &BTreeMap<K, V>,
    computed: &BTreeMap<K, V>,
    make: impl Fn(K, V, V) -> Difference,
) -> Vec<Difference> {
    let keys: BTreeSet<&K> = stored.keys().chain(computed.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (s, c) = (stored.get(k).copied().unwrap_or_default(), computed.get(k).copied().unwrap_or_default());
            (s != c).then(|| make(k.clone(), s, c))
        })
        .collect()
}

/// Compares the stored counters and places with the base tables and the map.
pub fn verify(conn: &mut DbConn) -> Result<Vec<Difference>> {
    let map = Map::load(conn)?;
    let computed = spread(&recount(conn)?, &map);
    let stored = stored(conn)?;
    let mut out = differences(&stored.stages, &computed.stages, |total, stored, computed| Difference::Stages {
        total,
        stored,
        computed,
    });
    out.extend(differences(&stored.held, &computed.held, |total, stored, computed| Difference::Held {
        total,
        stored,
        computed,
    }));
    out.extend(differences(&stored.registry, &computed.registry, |total, stored, computed| Difference::Registry {
        total,
        stored,
        computed,
    }));
    let listed = stored_places(conn, None)?;
    let mut ids: Vec<i64> = map.paths.keys().copied().collect();
    ids.sort_unstable();
    out.extend(
        ids.into_iter()
            .filter(|id| listed.get(id).cloned().unwrap_or_default() != map.places(*id))
            .map(|unit_id| Difference::Place { unit_id }),
    );
    Ok(out)
}

/// The counters' dataset marker: a database migrated before the counters existed (or with an
/// older way of counting) is counted once, on start.
const COUNTERS: &str = "statistics-counters";
const COUNTERS_VERSION: &str = "2";

/// Builds the counters from the base tables unless they were built already (then lists the
/// places of units seeded since); true when built.
pub fn ensure_built(conn: &mut DbConn) -> Result<bool> {
    use crate::schema::seed_datasets;
    let built: Option<String> = seed_datasets::table
        .filter(seed_datasets::name.eq(COUNTERS))
        .select(seed_datasets::checksum)
        .get_result(conn)
        .optional()?;
    if built.as_deref() == Some(COUNTERS_VERSION) {
        place_missing(conn)?;
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

/// Replaces every counter with the base tables' figures, and the map of units with a fresh
/// one. Returns how many counts (per unit records are filed in) were spread.
pub fn rebuild(conn: &mut DbConn) -> Result<usize> {
    diesel::delete(stat_evaluations::table).execute(conn)?;
    diesel::delete(stat_recognitions::table).execute(conn)?;
    diesel::delete(stat_registry::table).execute(conn)?;
    diesel::delete(unit_places::table).execute(conn)?;
    diesel::delete(unit_current::table).execute(conn)?;
    let map = Map::load(conn)?;
    let current: Vec<(i64, Current)> = map.current.iter().map(|(id, c)| (*id, c.clone())).collect();
    write_current(conn, &current)?;
    let mut ids: Vec<i64> = map.paths.keys().copied().collect();
    ids.sort_unstable();
    let places: Vec<(i64, Places)> = ids.iter().map(|id| (*id, map.places(*id))).collect();
    write_places(conn, &places)?;
    let filed = recount(conn)?;
    let written = filed.stages.len() + filed.held.len() + filed.registry.len();
    let mut deltas = Deltas::default();
    for (key, stages) in filed.stages {
        deltas.stages(key, |s| s.add(&stages));
    }
    for (key, n) in filed.held {
        deltas.held(key, n);
    }
    for (key, n) in filed.registry {
        deltas.record(key, n);
    }
    deltas.apply(conn)?;
    if matches!(conn, DbConn::Pg(_)) {
        // The planner's picture of tables just filled, before the first report reads them.
        diesel::connection::SimpleConnection::batch_execute(
            conn,
            "ANALYZE unit_places, unit_current, stat_evaluations, stat_recognitions, stat_registry",
        )?;
    }
    Ok(written)
}
