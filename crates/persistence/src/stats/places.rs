//! Where units lie: `unit_current` for closed units, `unit_places` for every unit.

use super::read::read_all;
use super::totals::add_totals;
use super::{Boundaries, CHUNK, Counters, Deltas, EvaluationKey, Filed, HeldKey, RegistryKey, Span, Total};
use crate::db::DbConn;
use crate::error::Result;
use crate::schema::{unit_current, unit_places, unit_successions, units};
use diesel::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The units of a path, from the top: `/1/45/1203/` → 1, 45, 1203.
fn segments(path: &str) -> impl Iterator<Item = i64> + '_ {
    path.split('/').filter_map(|s| s.parse().ok())
}

/// Where a unit lies today: the unit in force it maps to, that unit's path, and whether the
/// mapping went through a partial succession.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Current {
    id: i64,
    path: String,
    approximate: bool,
}

/// The totals a unit's records count in: (span, total unit, approximate).
pub(super) type Places = BTreeSet<(Span, i64, bool)>;

/// A unit counts in its own ancestors on the boundaries of the time (never approximately), and
/// in those of where it lies today; a total it reaches the same way on both is listed once.
fn places_of(path: &str, today: &Current) -> Places {
    let time: BTreeSet<(i64, bool)> = segments(path).map(|id| (id, false)).collect();
    let now: BTreeSet<(i64, bool)> = segments(&today.path).map(|id| (id, today.approximate)).collect();
    let span = |place: &(i64, bool)| match (time.contains(place), now.contains(place)) {
        (true, true) => Span::Both,
        (true, false) => Span::Time,
        _ => Span::Today,
    };
    time.union(&now).map(|place| (span(place), place.0, place.1)).collect()
}

/// The totals a unit's records count in on `boundaries`: (total unit, approximate).
pub(super) fn places_on(places: &Places, boundaries: Boundaries) -> Vec<(i64, bool)> {
    places.iter().filter(|(span, _, _)| span.views().contains(&boundaries)).map(|(_, t, a)| (*t, *a)).collect()
}

/// Every unit's path, and where each closed unit lies today: along its first successor (a
/// whole one when there is one), or where its parent lies when it closed without successor.
pub(super) struct Map {
    pub(super) paths: HashMap<i64, String>,
    pub(super) current: BTreeMap<i64, Current>,
}

impl Map {
    pub(super) fn load(conn: &mut DbConn) -> Result<Map> {
        let all: Vec<(i64, Option<i64>, String, bool)> = units::table
            .select((units::id, units::parent_id, units::path, units::valid_to.is_not_null()))
            .load(conn)?;
        let closed: HashMap<i64, (Option<i64>, String)> = all
            .iter()
            .filter(|(_, _, _, closed)| *closed)
            .map(|(id, parent, path, _)| (*id, (*parent, path.clone())))
            .collect();
        let paths: HashMap<i64, String> = all.into_iter().map(|(id, _, path, _)| (id, path)).collect();
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
        let current = resolved
            .into_iter()
            .map(|(id, (to, exact))| {
                let path = paths.get(&to).cloned().unwrap_or_else(|| closed[&id].1.clone());
                (id, Current { id: to, path, approximate: !exact })
            })
            .collect();
        Ok(Map { paths, current })
    }

    /// Where a unit lies today (units in force are their own place).
    fn today(&self, id: i64) -> Option<Current> {
        self.current
            .get(&id)
            .cloned()
            .or_else(|| self.paths.get(&id).map(|path| Current { id, path: path.clone(), approximate: false }))
    }

    pub(super) fn places(&self, id: i64) -> Places {
        match (self.paths.get(&id), self.today(id)) {
            (Some(path), Some(today)) => places_of(path, &today),
            _ => Places::new(),
        }
    }
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

/// The places stored for these units (all units when `None`).
pub(super) fn stored_places(conn: &mut DbConn, ids: Option<&[i64]>) -> Result<HashMap<i64, Places>> {
    let mut rows: Vec<(i64, String, i64, bool)> = Vec::new();
    let select = (unit_places::unit_id, unit_places::boundaries, unit_places::total_id, unit_places::approximate);
    match ids {
        None => rows = unit_places::table.select(select).load(conn)?,
        Some(ids) => {
            for chunk in ids.chunks(CHUNK) {
                rows.extend(unit_places::table.filter(unit_places::unit_id.eq_any(chunk)).select(select).load::<(
                    i64,
                    String,
                    i64,
                    bool,
                )>(
                    conn
                )?);
            }
        }
    }
    let mut out: HashMap<i64, Places> = HashMap::new();
    for (unit, boundaries, total, approximate) in rows {
        if let Some(span) = Span::parse(&boundaries) {
            out.entry(unit).or_default().insert((span, total, approximate));
        }
    }
    Ok(out)
}

/// Replaces the places of these units.
pub(super) fn write_places(conn: &mut DbConn, places: &[(i64, Places)]) -> Result<()> {
    for chunk in places.chunks(CHUNK) {
        let ids: Vec<i64> = chunk.iter().map(|(id, _)| *id).collect();
        diesel::delete(unit_places::table.filter(unit_places::unit_id.eq_any(&ids))).execute(conn)?;
        let rows: Vec<_> = chunk
            .iter()
            .flat_map(|(id, set)| {
                set.iter().map(move |(span, total, approximate)| {
                    (
                        unit_places::unit_id.eq(*id),
                        unit_places::boundaries.eq(span.as_str()),
                        unit_places::total_id.eq(*total),
                        unit_places::approximate.eq(*approximate),
                    )
                })
            })
            .collect();
        for rows in rows.chunks(CHUNK) {
            crate::per_backend!(&mut *conn, |c| diesel::insert_into(unit_places::table).values(rows).execute(c))?;
        }
    }
    Ok(())
}

/// Lists where a unit just opened counts: itself and its ancestors, on both boundaries.
pub fn place_new_unit(conn: &mut DbConn, id: i64, path: &str) -> Result<()> {
    let today = Current { id, path: path.to_owned(), approximate: false };
    write_places(conn, &[(id, places_of(path, &today))])
}

/// Lists the places of units that have none (units seeded in bulk); true when some had none.
pub fn place_missing(conn: &mut DbConn) -> Result<bool> {
    let placed: BTreeSet<i64> =
        unit_places::table.select(unit_places::unit_id).distinct().load::<i64>(conn)?.into_iter().collect();
    let all: Vec<i64> = units::table.select(units::id).load(conn)?;
    let missing: Vec<i64> = all.into_iter().filter(|id| !placed.contains(id)).collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let map = Map::load(conn)?;
    let places: Vec<(i64, Places)> = missing.iter().map(|id| (*id, map.places(*id))).collect();
    write_places(conn, &places)?;
    Ok(true)
}

/// Recomputes where every closed unit lies today, and for each whose place changed moves the
/// records it holds itself (its total less its children's, on the boundaries of the time) out
/// of its old place's totals into its new place's. Run after every change to the map (a
/// reorganisation, a unit closed). Returns how many units moved.
pub fn remap(conn: &mut DbConn) -> Result<usize> {
    place_missing(conn)?;
    let map = Map::load(conn)?;
    let old: HashMap<i64, Current> = unit_current::table
        .select((
            unit_current::unit_id,
            unit_current::current_id,
            unit_current::current_path,
            unit_current::approximate,
        ))
        .load::<(i64, i64, String, bool)>(conn)?
        .into_iter()
        .map(|(unit, id, path, approximate)| (unit, Current { id, path, approximate }))
        .collect();
    let changed: Vec<(i64, Current)> =
        map.current.iter().filter(|(id, place)| old.get(id) != Some(place)).map(|(id, p)| (*id, p.clone())).collect();
    if changed.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = changed.iter().map(|(id, _)| *id).collect();
    // What each changed unit holds itself.
    let mut children: Vec<(i64, i64)> = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        children.extend(
            units::table
                .filter(units::parent_id.eq_any(chunk))
                .select((units::id, units::parent_id.assume_not_null()))
                .load::<(i64, i64)>(conn)?,
        );
    }
    // A total counts for its unit, and against its parent's own when the parent moves too.
    let mut sign: HashMap<i64, Vec<(i64, i64)>> = ids.iter().map(|id| (*id, vec![(*id, 1)])).collect();
    let child_ids: Vec<i64> = children.iter().map(|(c, _)| *c).collect();
    for (child, parent) in &children {
        sign.entry(*child).or_default().push((*parent, -1));
    }
    let mut wanted = ids.clone();
    wanted.extend(&child_ids);
    let held_by_time = read_all(conn, Boundaries::OfTheTime, &wanted)?;
    let mut own: HashMap<i64, Filed> = HashMap::new();
    let signs = |unit: i64| sign.get(&unit).cloned().unwrap_or_default();
    for (t, s) in held_by_time.stages {
        for (owner, k) in signs(t.key.unit_id) {
            let key = EvaluationKey { unit_id: owner, ..t.key.clone() };
            own.entry(owner).or_default().stages.entry(key).or_default().add(&s.times(k));
        }
    }
    for (t, n) in held_by_time.held {
        for (owner, k) in signs(t.key.unit_id) {
            let key = HeldKey { unit_id: owner, ..t.key.clone() };
            *own.entry(owner).or_default().held.entry(key).or_default() += n * k;
        }
    }
    for (t, n) in held_by_time.registry {
        for (owner, k) in signs(t.key.unit_id) {
            let key = RegistryKey { unit_id: owner, ..t.key.clone() };
            *own.entry(owner).or_default().registry.entry(key).or_default() += n * k;
        }
    }
    // Out of the old places on today's boundaries, into the new.
    let before = stored_places(conn, Some(&ids))?;
    let mut moves = Counters::default();
    let mut new_places = Vec::with_capacity(changed.len());
    for (id, _) in &changed {
        let after = map.places(*id);
        let old_today = before.get(id).map(|set| places_on(set, Boundaries::Today)).unwrap_or_default();
        for (places, k) in [(old_today, -1), (places_on(&after, Boundaries::Today), 1)] {
            if let Some(own) = own.get(id) {
                for (total, approximate) in places {
                    spread_own(own, (Boundaries::Today, approximate, total), k, &mut moves);
                }
            }
        }
        new_places.push((*id, after));
    }
    add_totals(conn, &moves)?;
    write_places(conn, &new_places)?;
    write_current(conn, &changed)?;
    Ok(changed.len())
}

/// Replaces where these closed units lie today.
pub(super) fn write_current(conn: &mut DbConn, places: &[(i64, Current)]) -> Result<()> {
    for chunk in places.chunks(CHUNK) {
        let ids: Vec<i64> = chunk.iter().map(|(id, _)| *id).collect();
        diesel::delete(unit_current::table.filter(unit_current::unit_id.eq_any(&ids))).execute(conn)?;
        let rows: Vec<_> = chunk
            .iter()
            .map(|(id, c)| {
                (
                    unit_current::unit_id.eq(*id),
                    unit_current::current_id.eq(c.id),
                    unit_current::current_path.eq(c.path.clone()),
                    unit_current::approximate.eq(c.approximate),
                )
            })
            .collect();
        crate::per_backend!(&mut *conn, |c| diesel::insert_into(unit_current::table).values(&rows).execute(c))?;
    }
    Ok(())
}

/// Adds `k` times what a unit holds itself to the total `(boundaries, approximate, unit)`.
fn spread_own(own: &Filed, (boundaries, approximate, unit_id): (Boundaries, bool, i64), k: i64, out: &mut Counters) {
    for (key, s) in &own.stages {
        let total = Total { boundaries, approximate, key: EvaluationKey { unit_id, ..key.clone() } };
        out.stages.entry(total).or_default().add(&s.times(k));
    }
    for (key, n) in &own.held {
        let total = Total { boundaries, approximate, key: HeldKey { unit_id, ..key.clone() } };
        *out.held.entry(total).or_default() += n * k;
    }
    for (key, n) in &own.registry {
        let total = Total { boundaries, approximate, key: RegistryKey { unit_id, ..key.clone() } };
        *out.registry.entry(total).or_default() += n * k;
    }
}

/// Moves the registry counters of a village to the village that succeeds it, with its records
/// (on both boundaries: the records are filed in the new village now).
pub fn move_registry(conn: &mut DbConn, from: i64, to: i64) -> Result<()> {
    let held = read_all(conn, Boundaries::OfTheTime, &[from])?;
    let mut deltas = Deltas::default();
    for (t, n) in held.registry {
        deltas.record(RegistryKey { unit_id: from, ..t.key.clone() }, -n);
        deltas.record(RegistryKey { unit_id: to, ..t.key }, n);
    }
    deltas.apply(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_counts_in_its_ancestors_and_in_those_of_where_it_lies_today() {
        let today = Current { id: 9, path: "/7/9/".into(), approximate: true };
        let places: Vec<_> = places_of("/1/2/3/", &today).into_iter().collect();
        assert_eq!(
            places,
            vec![
                (Span::Time, 1, false),
                (Span::Time, 2, false),
                (Span::Time, 3, false),
                (Span::Today, 7, true),
                (Span::Today, 9, true)
            ]
        );
        let merged = Current { id: 4, path: "/1/4/".into(), approximate: false };
        let places: Vec<_> = places_of("/1/2/3/", &merged).into_iter().collect();
        assert_eq!(
            places,
            vec![(Span::Both, 1, false), (Span::Time, 2, false), (Span::Time, 3, false), (Span::Today, 4, false)],
            "the province it stays in counts it once for both"
        );
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
