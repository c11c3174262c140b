//! Adding counters given per total, in multi-row upserts: what a change to the map moves
//! between places.

use super::{Boundaries, CHUNK, Counters, EvaluationKey, HeldKey, RegistryKey, STAGES, Span, Stages, stage_numbers};
use crate::db::DbConn;
use crate::error::Result;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Integer, Text};

/// A value to bind, whatever its SQL type.
#[derive(Clone, Debug)]
enum Value {
    Int(i32),
    Big(i64),
    Text(String),
    Date(NaiveDate),
    Bool(bool),
}

/// A counter table: the columns that tell its rows apart (besides `boundaries`, `unit_id` and
/// `approximate`) and those that add up.
struct Table {
    name: &'static str,
    key: &'static [&'static str],
    sums: &'static [&'static str],
}

const EVALUATIONS: Table = Table { name: "stat_evaluations", key: &["year", "model_kind", "subgroup"], sums: &STAGES };
const HELD: Table =
    Table { name: "stat_recognitions", key: &["model_kind", "subgroup", "decided_on", "valid_until"], sums: &["held"] };
const REGISTRY: Table = Table { name: "stat_registry", key: &["kind", "subgroup"], sums: &["records"] };

/// `unit_id, year, model_kind, subgroup, stages…`
fn evaluation_values(k: &EvaluationKey, s: &Stages) -> Vec<Value> {
    let mut v = vec![
        Value::Big(k.unit_id),
        Value::Int(k.year),
        Value::Text(k.model_kind.as_str().to_owned()),
        Value::Text(k.subgroup.clone()),
    ];
    v.extend(stage_numbers(s).into_iter().map(Value::Big));
    v
}

/// `unit_id, model_kind, subgroup, decided_on, valid_until, held`
fn held_values(k: &HeldKey, n: i64) -> Vec<Value> {
    vec![
        Value::Big(k.unit_id),
        Value::Text(k.model_kind.as_str().to_owned()),
        Value::Text(k.subgroup.clone()),
        Value::Date(k.decided_on),
        Value::Date(k.valid_until),
        Value::Big(n),
    ]
}

/// `unit_id, kind, subgroup, records`
fn registry_values(k: &RegistryKey, n: i64) -> Vec<Value> {
    vec![Value::Big(k.unit_id), Value::Text(k.kind.as_str().to_owned()), Value::Text(k.subgroup.clone()), Value::Big(n)]
}

/// Rows to add to one table, given per total (`boundaries, unit_id, approximate, key…,
/// sums…`): moves between places, and rebuilds.
struct Upsert {
    table: &'static Table,
    rows: Vec<Vec<Value>>,
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

impl Upsert {
    /// `INSERT … VALUES … ON CONFLICT (key) DO UPDATE SET c = t.c + excluded.c`, which both
    /// backends understand.
    fn sql(&self, params: &mut Params) -> String {
        let t = self.table;
        let width = self.rows.first().map_or(0, Vec::len);
        let values: Vec<String> = self.rows.iter().map(|_| params.row(width)).collect();
        let updates: Vec<String> = t.sums.iter().map(|c| format!("{c} = {0}.{c} + excluded.{c}", t.name)).collect();
        format!(
            "INSERT INTO {} (boundaries, unit_id, approximate, {}, {}) VALUES {} \
             ON CONFLICT (boundaries, unit_id, approximate, {}, slot) DO UPDATE SET {}",
            t.name,
            t.key.join(", "),
            t.sums.join(", "),
            values.join(", "),
            t.key.join(", "),
            updates.join(", ")
        )
    }
}

/// Runs the upserts: one statement each on SQLite, where a statement costs little; on
/// PostgreSQL, where each is a round trip, one statement for all when no table comes twice
/// (two parts of one statement may not touch the same row).
fn execute(conn: &mut DbConn, upserts: Vec<Upsert>) -> Result<()> {
    let pg = matches!(conn, DbConn::Pg(_));
    let mut tables: Vec<&str> = upserts.iter().map(|u| u.table.name).collect();
    tables.sort_unstable();
    tables.dedup();
    let together = pg && tables.len() == upserts.len() && upserts.len() > 1;
    let statements: Vec<(String, Vec<&Value>)> = if together {
        let mut params = Params { pg, n: 0 };
        let parts: Vec<String> =
            upserts.iter().enumerate().map(|(i, u)| format!("u{i} AS ({})", u.sql(&mut params))).collect();
        let binds = upserts.iter().flat_map(|u| u.rows.iter().flatten()).collect();
        vec![(format!("WITH {} SELECT 1", parts.join(", ")), binds)]
    } else {
        upserts.iter().map(|u| (u.sql(&mut Params { pg, n: 0 }), u.rows.iter().flatten().collect())).collect()
    };
    for (sql, binds) in statements {
        crate::per_backend!(&mut *conn, |c| {
            let mut query = diesel::sql_query(sql.as_str()).into_boxed();
            for value in &binds {
                query = match value {
                    Value::Int(n) => query.bind::<Integer, _>(*n),
                    Value::Big(n) => query.bind::<BigInt, _>(*n),
                    Value::Text(s) => query.bind::<Text, _>(s.as_str()),
                    Value::Date(d) => query.bind::<Date, _>(*d),
                    Value::Bool(b) => query.bind::<Bool, _>(*b),
                };
            }
            query.execute(c)
        })?;
    }
    Ok(())
}

/// Adds counters given per total, summed per row first.
pub(super) fn add_totals(conn: &mut DbConn, totals: &Counters) -> Result<()> {
    let mut upserts = Vec::new();
    let lead = |b: Boundaries, unit_id: i64, approximate: bool| {
        vec![Value::Text(Span::of(b).as_str().to_owned()), Value::Big(unit_id), Value::Bool(approximate)]
    };
    let stage_rows: Vec<Vec<Value>> = totals
        .stages
        .iter()
        .filter(|(_, s)| !s.is_zero())
        .map(|(t, s)| {
            let mut v = lead(t.boundaries, t.key.unit_id, t.approximate);
            v.extend(evaluation_values(&t.key, s).into_iter().skip(1));
            v
        })
        .collect();
    let held_rows: Vec<Vec<Value>> = totals
        .held
        .iter()
        .filter(|(_, n)| **n != 0)
        .map(|(t, n)| {
            let mut v = lead(t.boundaries, t.key.unit_id, t.approximate);
            v.extend(held_values(&t.key, *n).into_iter().skip(1));
            v
        })
        .collect();
    let registry_rows: Vec<Vec<Value>> = totals
        .registry
        .iter()
        .filter(|(_, n)| **n != 0)
        .map(|(t, n)| {
            let mut v = lead(t.boundaries, t.key.unit_id, t.approximate);
            v.extend(registry_values(&t.key, *n).into_iter().skip(1));
            v
        })
        .collect();
    for (table, rows) in [(&EVALUATIONS, stage_rows), (&HELD, held_rows), (&REGISTRY, registry_rows)] {
        for chunk in rows.chunks(CHUNK) {
            upserts.push(Upsert { table, rows: chunk.to_vec() });
        }
    }
    execute(conn, upserts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upserts_add_to_what_is_there() {
        let upsert = Upsert { table: &REGISTRY, rows: vec![vec![Value::Bool(false); 6]; 2] };
        assert_eq!(
            upsert.sql(&mut Params { pg: true, n: 0 }),
            "INSERT INTO stat_registry (boundaries, unit_id, approximate, kind, subgroup, records) \
             VALUES ($1, $2, $3, $4, $5, $6), ($7, $8, $9, $10, $11, $12) \
             ON CONFLICT (boundaries, unit_id, approximate, kind, subgroup, slot) DO UPDATE SET \
             records = stat_registry.records + excluded.records"
        );
    }
}
