//! The connection: one `MultiConnection` over SQLite and PostgreSQL, chosen from the URL scheme.

use crate::error::{PersistenceError, Result};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection, R2D2Connection};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Runs the same diesel expression on whichever concrete connection is inside, for the few
/// statements the multi backend cannot express (multi-row INSERT).
#[macro_export]
macro_rules! per_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Pg($c) => $body,
            $crate::db::DbConn::Sqlite($c) => $body,
        }
    };
}

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// The exclusive upper bound of a subtree in byte order: every path below `/1/45/` lies in
/// [`/1/45/`, `/1/450`), because `/` sorts just before `0`. One range scan on an index.
pub fn subtree_end(root: &str) -> String {
    format!("{}0", &root[..root.len().saturating_sub(1)])
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// Where the data lives. `postgres://` or `postgresql://` selects PostgreSQL; `sqlite://PATH`,
/// `sqlite:PATH` or a bare path selects SQLite. The scheme decides, never a connection
/// attempt: SQLite would accept any string as a file name and silently create it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseUrl {
    Postgres(String),
    Sqlite(PathBuf),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> std::result::Result<Self, String> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_owned()));
        }
        let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
        if path.is_empty() || path.contains("://") {
            return Err(format!("unsupported database URL (use postgres://… or sqlite://PATH): {}", redact(url)));
        }
        if path == ":memory:" {
            // Every pooled connection would get its own empty database.
            return Err("an in-memory SQLite database cannot be shared by a pool; use a file".into());
        }
        Ok(DatabaseUrl::Sqlite(PathBuf::from(path)))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DatabaseUrl::Postgres(_) => Backend::Postgres,
            DatabaseUrl::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// The URL without its password, for logs.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Postgres(u) => redact(u),
            DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
        }
    }
}

fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{}:***{}", &url[..scheme_end + 3], user, &url[at..])
        }
        _ => url.to_owned(),
    }
}

pub struct ConnectionManager {
    url: DatabaseUrl,
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> std::result::Result<DbConn, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                diesel::PgConnection::establish(url).map(DbConn::Pg).map_err(r2d2::Error::ConnectionError)
            }
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut conn = diesel::SqliteConnection::establish(&path).map_err(r2d2::Error::ConnectionError)?;
                // SQLite leaves foreign keys off unless asked, per connection.
                conn.batch_execute(
                    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> std::result::Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

pub type Pooled = PooledConnection<ConnectionManager>;

/// The pool plus what a write needs. SQLite allows one writer at a time; taking a process-wide
/// lock before a write transaction avoids SQLITE_BUSY on lock upgrades, which `busy_timeout`
/// cannot cure for deferred transactions.
#[derive(Clone)]
pub struct Database {
    pool: Pool<ConnectionManager>,
    backend: Backend,
    write_lock: Arc<Mutex<()>>,
}

#[derive(Clone, Debug)]
pub struct PoolOptions {
    pub max_size: u32,
    pub connect_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions { max_size: 8, connect_timeout: Duration::from_secs(5) }
    }
}

impl Database {
    pub fn connect(url: &DatabaseUrl, options: &PoolOptions) -> Result<Self> {
        if let DatabaseUrl::Sqlite(path) = url
            && let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| PersistenceError::Unavailable(format!("cannot create {}: {e}", dir.display())))?;
        }
        let pool = Pool::builder()
            .max_size(options.max_size)
            .connection_timeout(options.connect_timeout)
            .build(ConnectionManager { url: url.clone() })
            .map_err(|e| PersistenceError::Unavailable(e.to_string()))?;
        Ok(Database { pool, backend: url.backend(), write_lock: Arc::new(Mutex::new(())) })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn conn(&self) -> Result<Pooled> {
        self.pool.get().map_err(|e| PersistenceError::Unavailable(e.to_string()))
    }

    /// Runs `f` in one transaction: all of it is written, or nothing. `f` may fail with the
    /// caller's own error type (a refused permission, say); that rolls back too.
    pub fn write<T, E, F>(&self, f: F) -> std::result::Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> std::result::Result<T, E>,
        E: From<PersistenceError> + From<diesel::result::Error>,
    {
        let mut pooled = self.conn()?;
        let conn: &mut DbConn = &mut pooled;
        let _guard = match self.backend {
            Backend::Sqlite => Some(self.write_lock.lock().unwrap_or_else(|p| p.into_inner())),
            Backend::Postgres => None,
        };
        conn.transaction(f)
    }

    /// Runs `f` on a pooled connection without a transaction (reads).
    pub fn read<T, E, F>(&self, f: F) -> std::result::Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> std::result::Result<T, E>,
        E: From<PersistenceError>,
    {
        let mut conn = self.conn()?;
        f(&mut conn)
    }

    /// A cheap query that proves the database answers.
    pub fn ping(&self) -> Result<()> {
        let mut conn = self.conn()?;
        conn.ping().map_err(PersistenceError::Database)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_decides_the_backend() {
        assert_eq!(DatabaseUrl::parse("postgres://u:p@h/db").map(|u| u.backend()), Ok(Backend::Postgres));
        assert_eq!(
            DatabaseUrl::parse("sqlite://./data/x.sqlite"),
            Ok(DatabaseUrl::Sqlite(PathBuf::from("./data/x.sqlite")))
        );
        assert_eq!(DatabaseUrl::parse("data/x.sqlite"), Ok(DatabaseUrl::Sqlite(PathBuf::from("data/x.sqlite"))));
        assert!(DatabaseUrl::parse("mysql://h/db").is_err());
        assert!(DatabaseUrl::parse("sqlite://:memory:").is_err());
    }

    #[test]
    fn passwords_never_reach_logs() {
        let url =
            DatabaseUrl::parse("postgres://xhht:s3cret@db:5432/xhht").unwrap_or(DatabaseUrl::Sqlite(PathBuf::new()));
        assert_eq!(url.redacted(), "postgres://xhht:***@db:5432/xhht");
    }
}
