//! Writing where records live: statements whose text never changes, so that each connection
//! prepares them once, with the rows as one JSON document; the database spreads them through
//! `unit_places` and sums them per total (one statement may not touch a row twice), in key
//! order.

use super::{EvaluationKey, HeldKey, RegistryKey, STAGES, Stages, stage_numbers};
use crate::db::DbConn;
use crate::error::Result;
use diesel::prelude::*;
use diesel::sql_types::Text;
use std::collections::BTreeMap;

/// Adds counters kept where their records live to every total that holds them.
pub(super) fn apply(
    conn: &mut DbConn,
    stages: &BTreeMap<EvaluationKey, Stages>,
    held: &BTreeMap<HeldKey, i64>,
    registry: &BTreeMap<RegistryKey, i64>,
) -> Result<()> {
    let stages = (!stages.is_empty()).then(|| {
        json_rows(stages.iter().map(|(k, s)| {
            let mut row = serde_json::json!({
                "unit_id": k.unit_id, "year": k.year, "model_kind": k.model_kind.as_str(), "subgroup": k.subgroup,
            });
            for (name, n) in STAGES.iter().zip(stage_numbers(s)) {
                row[*name] = n.into();
            }
            row
        }))
    });
    let held = (!held.is_empty()).then(|| {
        json_rows(held.iter().map(|(k, n)| {
            serde_json::json!({
                "unit_id": k.unit_id, "model_kind": k.model_kind.as_str(), "subgroup": k.subgroup,
                "decided_on": k.decided_on, "valid_until": k.valid_until, "held": n,
            })
        }))
    });
    let registry = (!registry.is_empty()).then(|| registry_rows(registry));
    match conn {
        DbConn::Sqlite(c) => {
            if let Some(rows) = &stages {
                Spread::<SqliteEvaluations>::new(rows).execute(c)?;
            }
            if let Some(rows) = &held {
                Spread::<SqliteHeld>::new(rows).execute(c)?;
            }
            if let Some(rows) = &registry {
                Spread::<SqliteRegistry>::new(rows).execute(c)?;
            }
        }
        DbConn::Pg(c) => {
            let empty = "[]".to_owned();
            PgSpread {
                stages: stages.as_ref().unwrap_or(&empty),
                held: held.as_ref().unwrap_or(&empty),
                registry: registry.as_ref().unwrap_or(&empty),
            }
            .execute(c)?;
        }
    }
    Ok(())
}

/// The registry counters' rows as the spreading upserts read them.
pub(super) fn registry_rows(registry: &BTreeMap<RegistryKey, i64>) -> String {
    json_rows(registry.iter().map(|(k, n)| {
        serde_json::json!({"unit_id": k.unit_id, "kind": k.kind.as_str(), "subgroup": k.subgroup, "records": n})
    }))
}

fn json_rows(rows: impl Iterator<Item = serde_json::Value>) -> String {
    serde_json::Value::Array(rows.collect()).to_string()
}

/// The text of a spreading upsert for one table, around its one bound parameter.
trait SpreadSql: 'static {
    const BEFORE: &'static str;
    const AFTER: &'static str;
}

macro_rules! spread_sql {
    ($name:ident, $table:literal, [$($key:literal),*], [$($sum:literal),*]) => {
        struct $name;
        impl SpreadSql for $name {
            const BEFORE: &'static str = concat!(
                "INSERT INTO ", $table, " (boundaries, unit_id, approximate", $(", ", $key,)* $(", ", $sum,)* ") ",
                "SELECT p.boundaries, p.total_id, p.approximate", $(", v.", $key,)* $(", SUM(v.", $sum, ")",)*
                " FROM (SELECT json_extract(value, '$.unit_id') AS unit_id",
                $(", json_extract(value, '$.", $key, "') AS ", $key,)*
                $(", json_extract(value, '$.", $sum, "') AS ", $sum,)*
                " FROM json_each("
            );
            const AFTER: &'static str = concat!(
                ")) AS v JOIN unit_places p ON p.unit_id = v.unit_id",
                // `WHERE true` keeps SQLite from reading the upsert's ON as a join's.
                " WHERE true GROUP BY p.boundaries, p.total_id, p.approximate", $(", v.", $key,)*
                " ORDER BY p.boundaries, p.total_id, p.approximate", $(", v.", $key,)*
                " ON CONFLICT (boundaries, unit_id, approximate", $(", ", $key,)* ", slot) DO UPDATE SET ",
                spread_sql!(@updates $table; $($sum),*)
            );
        }
    };
    (@updates $table:literal; $first:literal $(, $rest:literal)*) => {
        concat!($first, " = ", $table, ".", $first, " + excluded.", $first $(, ", ", $rest, " = ", $table, ".", $rest, " + excluded.", $rest)*)
    };
}

spread_sql!(
    SqliteEvaluations,
    "stat_evaluations",
    ["year", "model_kind", "subgroup"],
    ["registered", "submitted", "inspected", "recognised", "level1", "level2", "level3", "rejected", "revoked"]
);
spread_sql!(SqliteHeld, "stat_recognitions", ["model_kind", "subgroup", "decided_on", "valid_until"], ["held"]);
spread_sql!(SqliteRegistry, "stat_registry", ["kind", "subgroup"], ["records"]);

/// One spreading upsert on SQLite.
struct Spread<'a, S> {
    rows: &'a str,
    sql: std::marker::PhantomData<S>,
}

impl<'a, S: SpreadSql> Spread<'a, S> {
    fn new(rows: &'a str) -> Self {
        Spread { rows, sql: std::marker::PhantomData }
    }
}

impl<S: SpreadSql> diesel::query_builder::QueryId for Spread<'_, S> {
    type QueryId = S;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<S: SpreadSql> diesel::query_builder::QueryFragment<diesel::sqlite::Sqlite> for Spread<'_, S> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::sqlite::Sqlite>,
    ) -> QueryResult<()> {
        out.push_sql(S::BEFORE);
        out.push_bind_param::<Text, _>(self.rows)?;
        out.push_sql(S::AFTER);
        Ok(())
    }
}

impl<S> RunQueryDsl<diesel::SqliteConnection> for Spread<'_, S> {}

/// The three spreading upserts in one statement on PostgreSQL, where each statement is a
/// round trip. Each adds to its connection's slot (one of 8 rows per total, set when the pool
/// opens the connection; 0 for a connection opened otherwise), so that concurrent writes under
/// the same units do not queue on the same rows (migration `stat_slots`). The places are looked up per row (`LATERAL … OFFSET 0`): the planner cannot
/// know how few rows the JSON holds, and would otherwise scan every place to hash-join them.
struct PgSpread<'a> {
    stages: &'a str,
    held: &'a str,
    registry: &'a str,
}

/// Each table's spreading upsert as a PostgreSQL common table expression, around its one
/// parameter: the rows. `PG_REGISTRY` is also written beside the creation of records
/// (`registry::household::write_drawn`), which moves no other counter.
const PG_EVALUATIONS: [&str; 2] = [
    "e AS (\
    INSERT INTO stat_evaluations (boundaries, unit_id, approximate, year, model_kind, subgroup, registered, submitted, \
    inspected, recognised, level1, level2, level3, rejected, revoked, slot) \
    SELECT p.boundaries, p.total_id, p.approximate, v.year, v.model_kind, v.subgroup, SUM(v.registered)::bigint, \
    SUM(v.submitted)::bigint, SUM(v.inspected)::bigint, SUM(v.recognised)::bigint, SUM(v.level1)::bigint, \
    SUM(v.level2)::bigint, SUM(v.level3)::bigint, SUM(v.rejected)::bigint, SUM(v.revoked)::bigint, \
    coalesce(nullif(current_setting('xhht.slot', true), ''), '0')::smallint \
    FROM json_to_recordset(",
    "::json) AS v(unit_id bigint, year integer, model_kind text, subgroup text, \
    registered bigint, submitted bigint, inspected bigint, recognised bigint, level1 bigint, level2 bigint, \
    level3 bigint, rejected bigint, revoked bigint) \
    CROSS JOIN LATERAL (SELECT boundaries, total_id, approximate FROM unit_places WHERE unit_id = v.unit_id OFFSET 0) p \
    GROUP BY p.boundaries, p.total_id, p.approximate, v.year, v.model_kind, v.subgroup \
    ORDER BY p.boundaries, p.total_id, p.approximate, v.year, v.model_kind, v.subgroup \
    ON CONFLICT (boundaries, unit_id, approximate, year, model_kind, subgroup, slot) DO UPDATE SET \
    registered = stat_evaluations.registered + excluded.registered, \
    submitted = stat_evaluations.submitted + excluded.submitted, \
    inspected = stat_evaluations.inspected + excluded.inspected, \
    recognised = stat_evaluations.recognised + excluded.recognised, \
    level1 = stat_evaluations.level1 + excluded.level1, level2 = stat_evaluations.level2 + excluded.level2, \
    level3 = stat_evaluations.level3 + excluded.level3, rejected = stat_evaluations.rejected + excluded.rejected, \
    revoked = stat_evaluations.revoked + excluded.revoked)",
];

const PG_HELD: [&str; 2] = [
    "h AS (\
    INSERT INTO stat_recognitions (boundaries, unit_id, approximate, model_kind, subgroup, decided_on, valid_until, held, \
    slot) \
    SELECT p.boundaries, p.total_id, p.approximate, v.model_kind, v.subgroup, v.decided_on, v.valid_until, \
    SUM(v.held)::bigint, coalesce(nullif(current_setting('xhht.slot', true), ''), '0')::smallint \
    FROM json_to_recordset(",
    "::json) AS v(unit_id bigint, model_kind text, subgroup text, decided_on date, \
    valid_until date, held bigint) \
    CROSS JOIN LATERAL (SELECT boundaries, total_id, approximate FROM unit_places WHERE unit_id = v.unit_id OFFSET 0) p \
    GROUP BY p.boundaries, p.total_id, p.approximate, v.model_kind, v.subgroup, v.decided_on, v.valid_until \
    ORDER BY p.boundaries, p.total_id, p.approximate, v.model_kind, v.subgroup, v.decided_on, v.valid_until \
    ON CONFLICT (boundaries, unit_id, approximate, model_kind, subgroup, decided_on, valid_until, slot) DO UPDATE SET \
    held = stat_recognitions.held + excluded.held)",
];

pub(crate) const PG_REGISTRY: [&str; 2] = [
    "r AS (\
    INSERT INTO stat_registry (boundaries, unit_id, approximate, kind, subgroup, records, slot) \
    SELECT p.boundaries, p.total_id, p.approximate, v.kind, v.subgroup, SUM(v.records)::bigint, coalesce(nullif(current_setting('xhht.slot', true), ''), '0')::smallint \
    FROM json_to_recordset(",
    "::json) AS v(unit_id bigint, kind text, subgroup text, records bigint) \
    CROSS JOIN LATERAL (SELECT boundaries, total_id, approximate FROM unit_places WHERE unit_id = v.unit_id OFFSET 0) p \
    GROUP BY p.boundaries, p.total_id, p.approximate, v.kind, v.subgroup \
    ORDER BY p.boundaries, p.total_id, p.approximate, v.kind, v.subgroup \
    ON CONFLICT (boundaries, unit_id, approximate, kind, subgroup, slot) DO UPDATE SET \
    records = stat_registry.records + excluded.records)",
];

impl diesel::query_builder::QueryId for PgSpread<'_> {
    type QueryId = PgSpread<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for PgSpread<'_> {
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>) -> QueryResult<()> {
        out.push_sql("WITH ");
        let tables = [(self.stages, PG_EVALUATIONS), (self.held, PG_HELD), (self.registry, PG_REGISTRY)];
        for (i, (rows, [before, after])) in tables.into_iter().enumerate() {
            out.push_sql(if i == 0 { "" } else { ", " });
            out.push_sql(before);
            out.push_bind_param::<Text, _>(rows)?;
            out.push_sql(after);
        }
        out.push_sql(" SELECT 1");
        Ok(())
    }
}

impl RunQueryDsl<diesel::PgConnection> for PgSpread<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_spread_through_the_places_and_add_to_what_is_there() {
        assert_eq!(
            format!("{}?{}", SqliteRegistry::BEFORE, SqliteRegistry::AFTER),
            "INSERT INTO stat_registry (boundaries, unit_id, approximate, kind, subgroup, records) \
             SELECT p.boundaries, p.total_id, p.approximate, v.kind, v.subgroup, SUM(v.records) \
             FROM (SELECT json_extract(value, '$.unit_id') AS unit_id, json_extract(value, '$.kind') AS kind, \
             json_extract(value, '$.subgroup') AS subgroup, json_extract(value, '$.records') AS records \
             FROM json_each(?)) AS v JOIN unit_places p ON p.unit_id = v.unit_id \
             WHERE true GROUP BY p.boundaries, p.total_id, p.approximate, v.kind, v.subgroup \
             ORDER BY p.boundaries, p.total_id, p.approximate, v.kind, v.subgroup \
             ON CONFLICT (boundaries, unit_id, approximate, kind, subgroup, slot) DO UPDATE SET \
             records = stat_registry.records + excluded.records"
        );
    }
}
