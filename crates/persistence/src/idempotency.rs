//! Creating POSTs accept an `Idempotency-Key`: the first response is stored in the same
//! transaction (or the same statement) as the write, and a retry with the same key and body
//! gets it back unchanged.

use crate::db::DbConn;
use crate::error::{Conflict, PersistenceError, Result};
use crate::schema::idempotency_keys;
use chrono::Utc;
use diesel::prelude::*;
use diesel::sql_types::{Array, Integer, Text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
}

/// The stored response for (`scope`, `key`), if any. A key reused with another request body is
/// a conflict, not a replay.
pub fn find(conn: &mut DbConn, scope: &str, key: &str, request_hash: &str) -> Found {
    let row: Option<(String, i32, String)> = idempotency_keys::table
        .filter(idempotency_keys::scope.eq(scope))
        .filter(idempotency_keys::key.eq(key))
        .select((idempotency_keys::request_hash, idempotency_keys::status, idempotency_keys::body))
        .get_result(conn)
        .optional()?;
    answer(row, request_hash)
}

/// What is kept of a key, as the request with `request_hash` finds it.
fn answer(row: Option<(String, i32, String)>, request_hash: &str) -> Found {
    match row {
        None => Ok(None),
        Some((hash, _, _)) if hash != request_hash => Err(PersistenceError::Conflict(Conflict::IdempotencyKeyReused)),
        Some((_, status, body)) => Ok(Some(StoredResponse { status: u16::try_from(status).unwrap_or(200), body })),
    }
}

/// A key as `find` looks it up: (scope, key, request hash).
pub type Sought<'a> = (&'a str, &'a str, &'a str);

/// What `find` answers for a key: the response kept for it, if any, or the key's conflict.
pub type Found = Result<Option<StoredResponse>>;

/// What `find` answers for each key, in one read (PostgreSQL): for a batch of creations
/// written in one statement, which stores their keys (`NewKey`) without a transaction around
/// the read. A key stored in between makes that statement fail on the key's uniqueness.
pub fn find_many(pg: &mut diesel::PgConnection, sought: &[Sought<'_>]) -> Result<Vec<Found>> {
    let found: Vec<(String, String, String, i32, String)> =
        FindMany { scopes: sought.iter().map(|s| s.0).collect(), keys: sought.iter().map(|s| s.1).collect() }
            .load(pg)?;
    Ok(sought
        .iter()
        .map(|&(scope, key, request_hash)| {
            let row = found.iter().find(|f| f.0 == scope && f.1 == key);
            answer(row.map(|f| (f.2.clone(), f.3, f.4.clone())), request_hash)
        })
        .collect())
}

/// The read of `find_many`: one text however many keys.
struct FindMany<'a> {
    scopes: Vec<&'a str>,
    keys: Vec<&'a str>,
}

impl diesel::query_builder::QueryId for FindMany<'_> {
    type QueryId = FindMany<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::Query for FindMany<'_> {
    type SqlType = (Text, Text, Text, Integer, Text);
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for FindMany<'_> {
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>) -> QueryResult<()> {
        out.push_sql("SELECT k.scope, k.key, k.request_hash, k.status, k.body FROM unnest(");
        out.push_bind_param::<Array<Text>, _>(&self.scopes)?;
        out.push_sql(", ");
        out.push_bind_param::<Array<Text>, _>(&self.keys)?;
        // A lookup by primary key a key, as `find` makes: joined as sets, a plan made while the
        // table was small scanned it whole, and kept doing so as it grew.
        out.push_sql(
            ") AS w (scope, key) CROSS JOIN LATERAL (SELECT * FROM idempotency_keys k \
             WHERE k.scope = w.scope AND k.key = w.key OFFSET 0) k",
        );
        Ok(())
    }
}

impl RunQueryDsl<diesel::PgConnection> for FindMany<'_> {}

/// A key to store with what its request created, in the statement that writes it
/// (`registry::household::write_drawn`).
pub struct NewKey<'a> {
    pub scope: &'a str,
    pub key: &'a str,
    pub request_hash: &'a str,
    pub response: &'a StoredResponse,
}

pub fn store(conn: &mut DbConn, scope: &str, key: &str, request_hash: &str, response: &StoredResponse) -> Result<()> {
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::scope.eq(scope),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(request_hash),
            idempotency_keys::status.eq(i32::from(response.status)),
            idempotency_keys::body.eq(&response.body),
            idempotency_keys::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)
        .map_err(|e| {
            let e = PersistenceError::from(e);
            if e.is_unique_violation() { PersistenceError::Conflict(Conflict::IdempotencyKeyRace) } else { e }
        })?;
    Ok(())
}
