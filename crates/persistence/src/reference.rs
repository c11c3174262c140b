//! The version of the reference data: units (their names and lineage) and criteria frameworks.
//! Every write to them raises it in its own transaction, so a copy read at the current version
//! is current, on every server sharing the database.

use crate::db::DbConn;
use crate::error::Result;
use crate::schema::reference_version;
use diesel::prelude::*;

/// The current version.
pub fn current(conn: &mut DbConn) -> Result<i64> {
    Ok(reference_version::table.find(1).select(reference_version::version).get_result(conn)?)
}

/// Raises the version; call it in the transaction that changes reference data.
pub fn bump(conn: &mut DbConn) -> Result<()> {
    diesel::update(reference_version::table.find(1))
        .set(reference_version::version.eq(reference_version::version + 1))
        .execute(conn)?;
    Ok(())
}
