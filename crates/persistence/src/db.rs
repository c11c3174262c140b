//! The connection: one `MultiConnection` over SQLite and PostgreSQL, chosen from the URL scheme.

use crate::error::{PersistenceError, Result};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection, R2D2Connection};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Runs the same diesel expression on whichever concrete connection is inside: for the few
/// statements the multi backend cannot express (multi-row INSERT), and for the reads by key
/// that every request makes. Through the multi backend diesel writes a statement's SQL out
/// anew at every call (to key its cache and to collect its binds), a fifth of the work of a
/// read by id on SQLite; a concrete connection finds a statement of fixed shape by its type.
#[macro_export]
macro_rules! per_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Pg($c) => $body,
            $crate::db::DbConn::Sqlite($c) => $body,
        }
    };
}

/// Declares a select expression `$name`: `$column` of the rows that `$from` (a subquery's
/// `FROM … WHERE …)`, correlated with the selected row of `$table`) finds, as one text of
/// `,`-separated values in no order, or NULL when there are none (`list_items`, `ids_in_list`
/// read it). Its text is fixed and its query id static, so that diesel keeps the statement
/// prepared (`diesel::dsl::sql` would have it prepared anew at every call). Only the aggregate
/// differs between the backends.
#[macro_export]
macro_rules! list_of_the_row {
    ($(#[$doc:meta])* $name:ident, $table:path, $column:literal, $from:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, diesel::query_builder::QueryId)]
        struct $name;

        impl diesel::Expression for $name {
            type SqlType = diesel::sql_types::Nullable<diesel::sql_types::Text>;
        }

        impl diesel::expression::ValidGrouping<()> for $name {
            type IsAggregate = diesel::expression::is_aggregate::Never;
        }

        impl diesel::AppearsOnTable<$table> for $name {}

        impl diesel::SelectableExpression<$table> for $name {}

        impl diesel::query_builder::QueryFragment<diesel::sqlite::Sqlite> for $name {
            fn walk_ast<'b>(
                &'b self,
                mut out: diesel::query_builder::AstPass<'_, 'b, diesel::sqlite::Sqlite>,
            ) -> diesel::QueryResult<()> {
                out.push_sql(concat!("(SELECT group_concat(", $column, ", ',')", $from));
                Ok(())
            }
        }

        impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for $name {
            fn walk_ast<'b>(
                &'b self,
                mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
            ) -> diesel::QueryResult<()> {
                out.push_sql(concat!("(SELECT string_agg(", $column, "::text, ',')", $from));
                Ok(())
            }
        }
    };
}

/// The values of a `list_of_the_row!` list.
pub(crate) fn list_items(list: Option<&str>) -> impl Iterator<Item = &str> {
    list.into_iter().flat_map(|l| l.split(','))
}

/// The ids of a `list_of_the_row!` list of ids, sorted.
pub(crate) fn ids_in_list(list: Option<&str>) -> Result<Vec<i64>> {
    let mut ids = list_items(list)
        .map(str::parse)
        .collect::<std::result::Result<Vec<i64>, _>>()
        .map_err(|e| PersistenceError::Database(diesel::result::Error::DeserializationError(Box::new(e))))?;
    ids.sort_unstable();
    Ok(ids)
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
    /// The statistics slot the next PostgreSQL connection writes to (`stats::spread`): the
    /// connections of one pool take them in turn, so that up to 8 of them never share one.
    next_slot: std::sync::atomic::AtomicU32,
}

/// The statistics slots a total is kept in (migration `stat_slots`).
const SLOTS: u32 = 8;

impl ConnectionManager {
    /// One connection, set up as the pool sets up its own.
    pub(crate) fn open(url: &DatabaseUrl) -> std::result::Result<DbConn, r2d2::Error> {
        match url {
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
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> std::result::Result<DbConn, r2d2::Error> {
        let mut conn = Self::open(&self.url)?;
        if let DbConn::Pg(pg) = &mut conn {
            let slot = self.next_slot.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % SLOTS;
            pg.batch_execute(&format!("SET xhht.slot = {slot}")).map_err(r2d2::Error::QueryError)?;
        }
        Ok(conn)
    }

    /// Checked at each checkout, so without a statement: a `SELECT 1` there cost two round
    /// trips per request on PostgreSQL. A server that closed the connection (a restart, an
    /// idle timeout) has left its end of the socket closed, which a non-blocking read of what
    /// it sent finds. A SQLite file has nothing to test.
    fn is_valid(&self, conn: &mut DbConn) -> std::result::Result<(), r2d2::Error> {
        match conn {
            DbConn::Pg(pg) => match pg.notifications_iter().next() {
                Some(Err(error)) => Err(r2d2::Error::QueryError(error)),
                _ => Ok(()),
            },
            DbConn::Sqlite(_) => Ok(()),
        }
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || conn.is_broken() || self.is_valid(conn).is_err()
    }
}

pub type Pooled = PooledConnection<ConnectionManager>;

/// The pool plus what a write needs. SQLite allows one writer at a time; taking a process-wide
/// lock before a write transaction avoids SQLITE_BUSY on lock upgrades, which `busy_timeout`
/// cannot cure for deferred transactions. The lock holds the one connection SQLite writes
/// through: its page cache and prepared statements stay warm from write to write, where a
/// pooled connection, last used before others wrote, read the pages it needed again.
#[derive(Clone)]
pub struct Database {
    pool: Pool<ConnectionManager>,
    backend: Backend,
    write_lock: Arc<Mutex<Option<DbConn>>>,
    url: DatabaseUrl,
    /// What this server knows without asking (see `notices`).
    watch: Arc<crate::notices::Watch>,
    /// PostgreSQL hot standbys for the reads that may lag (`read_lagging`), taken in turn.
    replicas: Arc<Vec<Pool<ConnectionManager>>>,
    next_replica: Arc<std::sync::atomic::AtomicUsize>,
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

/// The SQLite file holds citizens' records: readable by its owner only. It is created so (an
/// empty file is a valid database), and a file or journal left readable by others is
/// narrowed; SQLite gives the `-wal` and `-shm` files it creates the database file's mode.
#[cfg(unix)]
fn owner_only(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
        Ok(_) => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        if let Ok(meta) = std::fs::metadata(&file)
            && meta.permissions().mode() & 0o077 != 0
        {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(meta.permissions().mode() & 0o700))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn owner_only(_path: &std::path::Path) -> std::io::Result<()> {
    Ok(())
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
        if let DatabaseUrl::Sqlite(path) = url {
            owner_only(path)
                .map_err(|e| PersistenceError::Unavailable(format!("cannot secure {}: {e}", path.display())))?;
        }
        let pool = Pool::builder()
            .max_size(options.max_size)
            .connection_timeout(options.connect_timeout)
            .build(ConnectionManager { url: url.clone(), next_slot: Default::default() })
            .map_err(|e| PersistenceError::Unavailable(e.to_string()))?;
        Ok(Database {
            pool,
            backend: url.backend(),
            write_lock: Arc::new(Mutex::new(None)),
            url: url.clone(),
            watch: Arc::default(),
            replicas: Arc::default(),
            next_replica: Arc::default(),
        })
    }

    /// The database with read replicas: PostgreSQL hot standbys of it. Their pools open
    /// lazily, so a replica that is down at start delays nothing (its reads go to the primary).
    pub fn connect_with_replicas(url: &DatabaseUrl, replicas: &[DatabaseUrl], options: &PoolOptions) -> Result<Self> {
        let mut db = Self::connect(url, options)?;
        if replicas.is_empty() {
            return Ok(db);
        }
        if url.backend() != Backend::Postgres || replicas.iter().any(|r| r.backend() != Backend::Postgres) {
            return Err(PersistenceError::Unavailable(
                "read replicas are PostgreSQL standbys of a PostgreSQL primary".into(),
            ));
        }
        let pools = replicas
            .iter()
            .map(|replica| {
                Pool::builder()
                    .max_size(options.max_size)
                    .min_idle(Some(0))
                    .connection_timeout(options.connect_timeout)
                    .build_unchecked(ConnectionManager { url: replica.clone(), next_slot: Default::default() })
            })
            .collect();
        db.replicas = Arc::new(pools);
        Ok(db)
    }

    pub fn has_replicas(&self) -> bool {
        !self.replicas.is_empty()
    }

    /// Runs `f` for a read that may lag behind the last writes (lists, statistics, reports,
    /// reference data): on a replica when there is one, unless `reader` wrote lately and the
    /// replica has not replayed that write yet, or nothing is known of the writes while the
    /// watcher is down; then, or when the replica cannot be reached, on the primary.
    pub fn read_lagging<T, E, F>(&self, reader: Option<i64>, f: F) -> std::result::Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> std::result::Result<T, E>,
        E: From<PersistenceError>,
    {
        if self.replicas.is_empty() || !self.watch.is_live() {
            return self.read(f);
        }
        let turn = self.next_replica.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % self.replicas.len();
        let mut conn = match self.replicas[turn].get() {
            Ok(conn) => conn,
            Err(error) => {
                tracing::warn!(%error, replica = turn, "a read replica cannot be reached; reading from the primary");
                return self.read(f);
            }
        };
        if let Some(written) = reader.and_then(|account| self.watch.written_by(account)) {
            // The reader's own write must be there: read-your-writes.
            let replayed = diesel::select(diesel::dsl::sql::<diesel::sql_types::Text>(
                "coalesce(pg_last_wal_replay_lsn()::text, '0/0')",
            ))
            .get_result::<String>(&mut *conn);
            match replayed.ok().as_deref().and_then(crate::notices::parse_lsn) {
                Some(replayed) if replayed >= written => {}
                _ => return self.read(f),
            }
        }
        f(&mut conn)
    }

    /// After a write by `account` (committed): notes where it ended in the primary's log, here
    /// and, announced, on every server, so that the account's next reads wait for it. Only
    /// with replicas; otherwise every read is the primary's.
    pub fn record_write(&self, account: i64) -> Result<()> {
        if self.replicas.is_empty() {
            return Ok(());
        }
        let mut conn = self.conn()?;
        let DbConn::Pg(pg) = &mut *conn else { return Ok(()) };
        // The insert position, not the write position: with asynchronous commit the write's
        // commit record may still be in the log's buffers, behind what is written out.
        let position: String = diesel::select(diesel::dsl::sql::<diesel::sql_types::Text>(&format!(
            "pg_current_wal_insert_lsn()::text FROM (SELECT pg_notify('{}', '{account} ' || pg_current_wal_insert_lsn()::text)) AS n",
            crate::notices::WRITES_CHANNEL
        )))
        .get_result(pg)?;
        if let Some(position) = crate::notices::parse_lsn(&position) {
            self.watch.wrote(account, position);
        }
        Ok(())
    }

    /// Starts the watcher (`notices::watch`) that keeps what this server knows current, until
    /// this database and its clones are dropped. Without it nothing is known without asking:
    /// `reference_version` is `None` and every token state is read.
    pub fn start_watch(&self) -> std::io::Result<()> {
        self.start_watch_every(crate::notices::RECHECK)
    }

    /// The same, reading the reference version itself every `recheck` (a test that proves the
    /// notifications alone keep it current makes this long).
    pub fn start_watch_every(&self, recheck: Duration) -> std::io::Result<()> {
        crate::notices::watch(self.url.clone(), &self.watch, recheck)
    }

    /// The reference version, when this server knows it without asking the database.
    pub fn reference_version(&self) -> Option<i64> {
        self.watch.version()
    }

    /// A token's account and session as kept, if they were read lately and nothing changed
    /// them since: no database work.
    pub fn known_token_state(
        &self,
        account: i64,
        session: crate::accounts::Session,
    ) -> Option<crate::accounts::TokenState> {
        self.watch.token(&(account, session.claim()))
    }

    /// A token's account and session, read (blocking), and kept while they stay unchanged.
    /// Only a live session is kept: a refusal is read again each time.
    pub fn token_state(
        &self,
        account: i64,
        session: crate::accounts::Session,
    ) -> Result<Option<crate::accounts::TokenState>> {
        let generation = self.watch.generation();
        let mut conn = self.conn()?;
        let state = crate::accounts::token_state(&mut conn, account, session)?;
        if let Some(found) = state
            && found.session_live
            && !found.disabled
        {
            self.watch.keep_token((account, session.claim()), found, generation);
        }
        Ok(state)
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
        match self.backend {
            Backend::Postgres => Self::write_on(&mut *self.conn()?, &self.watch, f),
            Backend::Sqlite => {
                let mut writer = match self.write_lock.lock() {
                    Ok(writer) => writer,
                    // A write panicked on it: the connection may be mid-transaction; a new one.
                    Err(poisoned) => {
                        let mut writer = poisoned.into_inner();
                        *writer = None;
                        writer
                    }
                };
                if writer.as_mut().is_none_or(|conn| conn.is_broken()) {
                    *writer = None;
                }
                let conn = match writer.as_mut() {
                    Some(conn) => conn,
                    None => writer.insert(
                        ConnectionManager::open(&self.url).map_err(|e| PersistenceError::Unavailable(e.to_string()))?,
                    ),
                };
                Self::write_on(conn, &self.watch, f)
            }
        }
    }

    fn write_on<T, E, F>(conn: &mut DbConn, watch: &crate::notices::Watch, f: F) -> std::result::Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> std::result::Result<T, E>,
        E: From<PersistenceError> + From<diesel::result::Error>,
    {
        Self::publishing(watch, || conn.transaction(f))
    }

    /// Runs a write, then tells this server's watch what it changed, if it was committed.
    fn publishing<T, E>(
        watch: &crate::notices::Watch,
        write: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        crate::notices::take_pending();
        let written = write();
        // Published only once committed: nothing is kept at a version whose data could still
        // roll back, and a change to an account is forgotten only when it is in force.
        let pending = crate::notices::take_pending();
        if written.is_ok() {
            watch.publish(pending);
        }
        written
    }

    /// Runs a write that is one statement, atomic by itself, outside a transaction on
    /// PostgreSQL, which saves the round trips of BEGIN and COMMIT; what `f` runs before its
    /// last statement must only read. On SQLite, a transaction like any write's.
    pub fn write_statement<T, E, F>(&self, f: F) -> std::result::Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> std::result::Result<T, E>,
        E: From<PersistenceError> + From<diesel::result::Error>,
    {
        match self.backend {
            Backend::Postgres => Self::publishing(&self.watch, || f(&mut *self.conn()?)),
            Backend::Sqlite => self.write(f),
        }
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

    /// Runs `f` at once on the calling thread if the database is a SQLite file and a pooled
    /// connection is free now; `None` otherwise (PostgreSQL, or every connection busy), when
    /// the caller hands the work to a thread of the blocking pool instead. A read of one
    /// record by key takes SQLite microseconds, less than the hand-off to that pool and back.
    pub fn try_read_inline<T, E, F>(&self, f: F) -> Option<std::result::Result<T, E>>
    where
        F: FnOnce(&mut DbConn) -> std::result::Result<T, E>,
    {
        if self.backend != Backend::Sqlite {
            return None;
        }
        let mut conn = self.pool.try_get()?;
        Some(f(&mut conn))
    }

    /// The most connections the pool opens.
    pub fn pool_size(&self) -> u32 {
        self.pool.max_size()
    }

    /// A cheap query that proves the database answers.
    pub fn ping(&self) -> Result<()> {
        let mut conn = self.conn()?;
        conn.ping().map_err(PersistenceError::Database)
    }
}

/// `n` new ids from the sequence of `table`'s `id` (PostgreSQL), for records whose answers are
/// made before they are written. A sequence never hands out an id twice, drawn or not.
pub fn draw_ids(conn: &mut DbConn, table: &'static str, n: usize) -> Result<Vec<i64>> {
    let DbConn::Pg(pg) = conn else {
        return Err(PersistenceError::Unavailable("ids are drawn ahead on PostgreSQL only".into()));
    };
    let ids: Vec<i64> = DrawIds { table, n: n as i64 }.load(pg)?;
    if ids.len() != n {
        return Err(PersistenceError::Database(diesel::result::Error::NotFound));
    }
    Ok(ids)
}

struct DrawIds {
    table: &'static str,
    n: i64,
}

impl diesel::query_builder::QueryId for DrawIds {
    type QueryId = DrawIds;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::Query for DrawIds {
    type SqlType = diesel::sql_types::BigInt;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for DrawIds {
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>) -> QueryResult<()> {
        // The sequence looked up once, not for every id.
        out.push_sql("SELECT nextval(s.seq) FROM (SELECT pg_get_serial_sequence(");
        out.push_bind_param::<diesel::sql_types::Text, _>(&self.table)?;
        out.push_sql(", 'id')::regclass AS seq) AS s, generate_series(1, ");
        out.push_bind_param::<diesel::sql_types::BigInt, _>(&self.n)?;
        out.push_sql(")");
        Ok(())
    }
}

impl RunQueryDsl<diesel::PgConnection> for DrawIds {}

/// Holds, until the transaction ends, a lock on `claim` (a national ID's hash) that every
/// server on this database shares: two writes that check the same claim against what is
/// written run one after the other, and the second sees the first. SQLite writes one
/// transaction at a time already.
pub fn lock_claim(conn: &mut DbConn, claim: &str) -> Result<()> {
    if let DbConn::Pg(pg) = conn {
        diesel::select(
            diesel::dsl::sql::<diesel::sql_types::Bool>("pg_advisory_xact_lock(hashtextextended(")
                .bind::<diesel::sql_types::Text, _>(claim)
                .sql(", 0)) IS NULL"),
        )
        .execute(pg)?;
    }
    Ok(())
}

/// Runs `f` in a savepoint of the transaction in progress: if it fails, what it wrote is undone
/// and the transaction goes on (on PostgreSQL a failed statement would otherwise abort it whole).
pub fn savepoint<T, E, F>(conn: &mut DbConn, f: F) -> std::result::Result<T, E>
where
    F: FnOnce(&mut DbConn) -> std::result::Result<T, E>,
    E: From<diesel::result::Error>,
{
    conn.transaction(f)
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

    /// A new database, its write-ahead log and shared memory are readable by the owner only,
    /// and an existing file readable by others is narrowed.
    #[cfg(unix)]
    #[test]
    fn the_sqlite_files_are_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("xhht-mode-{}", std::process::id()));
        let path = dir.join("x.sqlite");
        let mode = |suffix: &str| {
            std::fs::metadata(format!("{}{suffix}", path.display())).map(|m| m.permissions().mode() & 0o777).ok()
        };
        let database = Database::connect(&DatabaseUrl::Sqlite(path.clone()), &PoolOptions::default());
        let migrated =
            database.as_ref().ok().and_then(|db| db.conn().ok()).and_then(|mut c| crate::migrate::run(&mut c).ok());
        assert!(migrated.is_some(), "migrated");
        assert_eq!((mode(""), mode("-wal"), mode("-shm")), (Some(0o600), Some(0o600), Some(0o600)));
        drop(database);
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644));
        let again = Database::connect(&DatabaseUrl::Sqlite(path.clone()), &PoolOptions::default());
        assert!(again.is_ok());
        assert_eq!(mode(""), Some(0o600));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn passwords_never_reach_logs() {
        let url =
            DatabaseUrl::parse("postgres://xhht:s3cret@db:5432/xhht").unwrap_or(DatabaseUrl::Sqlite(PathBuf::new()));
        assert_eq!(url.redacted(), "postgres://xhht:***@db:5432/xhht");
    }
}
