//! The audit trail: who changed what, when, with which request. Append-only: this module has
//! an insert and reads, and nothing that updates or deletes.

use crate::db::{DbConn, subtree_end};
use crate::error::Result;
use crate::schema::audit_log;
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

/// One change, written in the same transaction as the change itself.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub actor_id: Option<i64>,
    pub actor_username: String,
    pub request_id: String,
    pub entity: &'static str,
    pub entity_id: String,
    pub action: &'static str,
    pub unit_id: Option<i64>,
    pub unit_path: Option<String>,
    /// `{"field": {"before": …, "after": …}}` for the fields that changed.
    pub changes: serde_json::Value,
}

/// One row as stored, for multi-row inserts.
#[derive(Insertable)]
#[diesel(table_name = audit_log)]
pub(crate) struct Row<'a> {
    at: NaiveDateTime,
    actor_id: Option<i64>,
    actor_username: &'a str,
    request_id: &'a str,
    entity: &'a str,
    entity_id: &'a str,
    action: &'a str,
    unit_id: Option<i64>,
    unit_path: Option<&'a str>,
    changes: String,
}

/// Appends many rows (a batch of creations, a decision's items) in statements whose text
/// does not depend on how many there are, so that each connection prepares them once: on
/// PostgreSQL one statement of arrays, which is one round trip; on SQLite one row at a time, which
/// costs no round trip. (A multi-row `VALUES` list is parsed and planned anew at every call.)
pub fn record_many(conn: &mut DbConn, entries: &[AuditEntry]) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let at = Utc::now().naive_utc();
    let rows = rows(entries, at);
    match conn {
        DbConn::Pg(pg) => {
            PgRows::new(at, &rows).execute(pg)?;
        }
        DbConn::Sqlite(sqlite) => {
            for row in &rows {
                diesel::insert_into(audit_log::table).values(row).execute(sqlite)?;
            }
        }
    }
    Ok(())
}

/// The entries as stored, written at `at`.
pub(crate) fn rows(entries: &[AuditEntry], at: NaiveDateTime) -> Vec<Row<'_>> {
    entries
        .iter()
        .map(|e| Row {
            at,
            actor_id: e.actor_id,
            actor_username: &e.actor_username,
            request_id: &e.request_id,
            entity: e.entity,
            entity_id: &e.entity_id,
            action: e.action,
            unit_id: e.unit_id,
            unit_path: e.unit_path.as_deref(),
            changes: e.changes.to_string(),
        })
        .collect()
}

/// The rows as one `INSERT … SELECT … FROM unnest(…)`: one array a column, the same text for
/// any number of rows.
pub(crate) struct PgRows<'a> {
    at: NaiveDateTime,
    actor_ids: Vec<Option<i64>>,
    /// actor_username, request_id, entity, entity_id, action, in the table's order.
    texts: [Vec<&'a str>; 5],
    unit_ids: Vec<Option<i64>>,
    unit_paths: Vec<Option<&'a str>>,
    changes: Vec<&'a str>,
}

impl<'a> PgRows<'a> {
    pub(crate) fn new(at: NaiveDateTime, rows: &'a [Row<'a>]) -> Self {
        let texts = |f: fn(&Row<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
        PgRows {
            at,
            actor_ids: rows.iter().map(|r| r.actor_id).collect(),
            texts: [
                texts(|r| r.actor_username),
                texts(|r| r.request_id),
                texts(|r| r.entity),
                texts(|r| r.entity_id),
                texts(|r| r.action),
            ],
            unit_ids: rows.iter().map(|r| r.unit_id).collect(),
            unit_paths: rows.iter().map(|r| r.unit_path).collect(),
            changes: rows.iter().map(|r| r.changes.as_str()).collect(),
        }
    }
}

impl diesel::query_builder::QueryId for PgRows<'_> {
    type QueryId = PgRows<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl PgRows<'_> {
    /// The INSERT, also written inside a statement that makes what it records
    /// (`registry::household::write_drawn`).
    pub(crate) fn push_insert<'b>(
        &'b self,
        out: &mut diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        use diesel::sql_types::{Array, BigInt, Nullable, Text, Timestamp};
        out.push_sql(
            "INSERT INTO audit_log (at, actor_id, actor_username, request_id, entity, entity_id, action, unit_id, \
             unit_path, changes) SELECT ",
        );
        out.push_bind_param::<Timestamp, _>(&self.at)?;
        out.push_sql(", * FROM unnest(");
        out.push_bind_param::<Array<Nullable<BigInt>>, _>(&self.actor_ids)?;
        for column in &self.texts {
            out.push_sql(", ");
            out.push_bind_param::<Array<Text>, _>(column)?;
        }
        out.push_sql(", ");
        out.push_bind_param::<Array<Nullable<BigInt>>, _>(&self.unit_ids)?;
        out.push_sql(", ");
        out.push_bind_param::<Array<Nullable<Text>>, _>(&self.unit_paths)?;
        out.push_sql(", ");
        out.push_bind_param::<Array<Text>, _>(&self.changes)?;
        out.push_sql(")");
        Ok(())
    }
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for PgRows<'_> {
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>) -> QueryResult<()> {
        self.push_insert(&mut out)
    }
}

impl RunQueryDsl<diesel::PgConnection> for PgRows<'_> {}

pub fn record(conn: &mut DbConn, e: &AuditEntry) -> Result<()> {
    record_many(conn, std::slice::from_ref(e))
}

#[derive(Queryable, Debug, Clone, PartialEq)]
pub struct AuditRecord {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor_id: Option<i64>,
    pub actor_username: String,
    pub request_id: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub unit_id: Option<i64>,
    pub unit_path: Option<String>,
    pub changes: String,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<i64>,
    /// Only changes inside this subtree (a unit path).
    pub within: Option<String>,
    pub since: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    /// The caller's readable subtrees; `None` reads everything (administrators).
    pub scope: Option<Vec<String>>,
}

/// Newest first, before `before` (an id), at most `limit`.
pub fn list(conn: &mut DbConn, f: &AuditFilter, before: Option<i64>, limit: i64) -> Result<Vec<AuditRecord>> {
    let mut query = audit_log::table.into_boxed();
    if let Some(entity) = &f.entity {
        query = query.filter(audit_log::entity.eq(entity.clone()));
    }
    if let Some(id) = &f.entity_id {
        query = query.filter(audit_log::entity_id.eq(id.clone()));
    }
    if let Some(actor) = f.actor_id {
        query = query.filter(audit_log::actor_id.eq(actor));
    }
    if let Some(root) = &f.within {
        query = query.filter(audit_log::unit_path.ge(root.clone())).filter(audit_log::unit_path.lt(subtree_end(root)));
    }
    if let Some(since) = f.since {
        query = query.filter(audit_log::at.ge(since));
    }
    if let Some(until) = f.until {
        query = query.filter(audit_log::at.lt(until));
    }
    if let Some(roots) = &f.scope {
        if roots.is_empty() {
            return Ok(Vec::new());
        }
        let mut condition: Box<
            dyn BoxableExpression<
                    audit_log::table,
                    crate::db::MultiBackend,
                    SqlType = diesel::sql_types::Nullable<diesel::sql_types::Bool>,
                >,
        > = Box::new(audit_log::unit_path.ge(roots[0].clone()).and(audit_log::unit_path.lt(subtree_end(&roots[0]))));
        for root in roots.iter().skip(1) {
            condition = Box::new(
                condition.or(audit_log::unit_path.ge(root.clone()).and(audit_log::unit_path.lt(subtree_end(root)))),
            );
        }
        query = query.filter(condition);
    }
    if let Some(before) = before {
        query = query.filter(audit_log::id.lt(before));
    }
    Ok(query.order(audit_log::id.desc()).limit(limit).load(conn)?)
}
