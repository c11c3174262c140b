//! The version of the reference data: units (their names and lineage) and criteria frameworks.
//! Every write to them raises it in its own transaction.
//!
//! Each server also keeps the version in memory (`notices::Watch`).

use crate::db::DbConn;
use crate::error::Result;
use crate::schema::reference_version;
use diesel::prelude::*;

/// The current version.
pub fn current(conn: &mut DbConn) -> Result<i64> {
    Ok(reference_version::table.find(1).select(reference_version::version).get_result(conn)?)
}

/// Raises the version; call it in the transaction that changes reference data. On PostgreSQL
/// the other servers are told when the transaction commits (a `NOTIFY` is delivered then).
pub fn bump(conn: &mut DbConn) -> Result<()> {
    diesel::update(reference_version::table.find(1))
        .set(reference_version::version.eq(reference_version::version + 1))
        .execute(conn)?;
    let version = current(conn)?;
    crate::notices::reference_raised(conn, version)?;
    Ok(())
}
