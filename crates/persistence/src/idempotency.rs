//! Creating POSTs accept an `Idempotency-Key`: the first response is stored in the same
//! transaction as the write, and a retry with the same key and body gets it back unchanged.

use crate::db::DbConn;
use crate::error::{Conflict, PersistenceError, Result};
use crate::schema::idempotency_keys;
use chrono::Utc;
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
}

/// The stored response for (`scope`, `key`), if any. A key reused with another request body is
/// a conflict, not a replay.
pub fn find(conn: &mut DbConn, scope: &str, key: &str, request_hash: &str) -> Result<Option<StoredResponse>> {
    let row: Option<(String, i32, String)> = idempotency_keys::table
        .filter(idempotency_keys::scope.eq(scope))
        .filter(idempotency_keys::key.eq(key))
        .select((idempotency_keys::request_hash, idempotency_keys::status, idempotency_keys::body))
        .get_result(conn)
        .optional()?;
    match row {
        None => Ok(None),
        Some((hash, _, _)) if hash != request_hash => Err(PersistenceError::Conflict(Conflict::IdempotencyKeyReused)),
        Some((_, status, body)) => Ok(Some(StoredResponse { status: u16::try_from(status).unwrap_or(200), body })),
    }
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
