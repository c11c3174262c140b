//! Embedded migrations, one folder per backend with the same migration names.

use crate::db::DbConn;
use crate::error::{PersistenceError, Result};
use diesel::connection::SimpleConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

/// Applies every pending migration; returns the names of those applied.
pub fn run(conn: &mut DbConn) -> Result<Vec<String>> {
    let applied = match conn {
        DbConn::Pg(pg) => pg.run_pending_migrations(POSTGRES),
        DbConn::Sqlite(lite) => {
            // WAL lets readers go on while one writer writes; it is a property of the file.
            lite.batch_execute("PRAGMA journal_mode = WAL;")?;
            lite.run_pending_migrations(SQLITE)
        }
    }
    .map_err(|e| PersistenceError::Unavailable(format!("migration failed: {e}")))?;
    Ok(applied.into_iter().map(|v| v.to_string()).collect())
}
