//! Import jobs and the errors of their rows. The records a job writes are the registries'
//! (`registry::*::import`); here is only the job's own bookkeeping.

use crate::db::DbConn;
use crate::error::{PersistenceError, Record, Result};
use crate::schema::{import_errors, import_jobs};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = import_jobs)]
pub struct Job {
    pub id: i64,
    pub account_id: i64,
    pub idempotency_key: Option<String>,
    pub kind: String,
    pub format: String,
    pub mode: String,
    pub dry_run: bool,
    pub state: String,
    pub file_name: Option<String>,
    pub file_sha256: String,
    pub file_bytes: i64,
    pub sheet: Option<String>,
    pub bytes_read: i64,
    pub rows_read: i64,
    pub rows_valid: i64,
    pub rows_invalid: i64,
    pub rows_created: i64,
    pub rows_updated: i64,
    pub rows_unchanged: i64,
    pub warnings: String,
    pub failure_code: Option<String>,
    pub failure_detail: Option<String>,
    pub cancel_requested: bool,
    pub created_at: NaiveDateTime,
    pub started_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

impl Job {
    pub fn finished(&self) -> bool {
        matches!(self.state.as_str(), "done" | "failed" | "cancelled")
    }
}

pub struct NewJob<'a> {
    pub account_id: i64,
    pub idempotency_key: Option<&'a str>,
    pub kind: &'a str,
    pub format: &'a str,
    pub mode: &'a str,
    pub dry_run: bool,
    pub file_name: Option<&'a str>,
    pub file_sha256: &'a str,
    pub file_bytes: i64,
    pub sheet: Option<&'a str>,
}

/// Creates a queued job; with an idempotency key already used by the account, returns that
/// job instead (`Ok(Err(job))`).
pub fn create(conn: &mut DbConn, new: &NewJob) -> Result<std::result::Result<Job, Job>> {
    if let Some(key) = new.idempotency_key
        && let Some(job) = import_jobs::table
            .filter(import_jobs::account_id.eq(new.account_id))
            .filter(import_jobs::idempotency_key.eq(key))
            .select(Job::as_select())
            .first(conn)
            .optional()?
    {
        return Ok(Err(job));
    }
    let now = Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(import_jobs::table)
        .values((
            import_jobs::account_id.eq(new.account_id),
            import_jobs::idempotency_key.eq(new.idempotency_key),
            import_jobs::kind.eq(new.kind),
            import_jobs::format.eq(new.format),
            import_jobs::mode.eq(new.mode),
            import_jobs::dry_run.eq(new.dry_run),
            import_jobs::state.eq("queued"),
            import_jobs::file_name.eq(new.file_name),
            import_jobs::file_sha256.eq(new.file_sha256),
            import_jobs::file_bytes.eq(new.file_bytes),
            import_jobs::sheet.eq(new.sheet),
            import_jobs::created_at.eq(now),
            import_jobs::updated_at.eq(now),
        ))
        .returning(import_jobs::id)
        .get_result(conn)?;
    Ok(Ok(get(conn, id)?))
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Job> {
    import_jobs::table
        .find(id)
        .select(Job::as_select())
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(Record::ImportJob))
}

/// Jobs, newest first; of one account, or of everyone (`None`).
pub fn list(conn: &mut DbConn, account: Option<i64>, before: Option<i64>, limit: i64) -> Result<Vec<Job>> {
    let mut query = import_jobs::table.into_boxed();
    if let Some(account) = account {
        query = query.filter(import_jobs::account_id.eq(account));
    }
    if let Some(before) = before {
        query = query.filter(import_jobs::id.lt(before));
    }
    Ok(query.order(import_jobs::id.desc()).limit(limit).select(Job::as_select()).load(conn)?)
}

/// Where a running job has got to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub bytes_read: i64,
    pub rows_read: i64,
    pub rows_valid: i64,
    pub rows_invalid: i64,
    pub rows_created: i64,
    pub rows_updated: i64,
    pub rows_unchanged: i64,
}

/// Records progress and the state; says whether a cancellation was asked for meanwhile.
pub fn progress(conn: &mut DbConn, id: i64, state: &str, p: &Progress) -> Result<bool> {
    let now = Utc::now().naive_utc();
    diesel::update(import_jobs::table.find(id))
        .set((
            import_jobs::state.eq(state),
            import_jobs::bytes_read.eq(p.bytes_read),
            import_jobs::rows_read.eq(p.rows_read),
            import_jobs::rows_valid.eq(p.rows_valid),
            import_jobs::rows_invalid.eq(p.rows_invalid),
            import_jobs::rows_created.eq(p.rows_created),
            import_jobs::rows_updated.eq(p.rows_updated),
            import_jobs::rows_unchanged.eq(p.rows_unchanged),
            import_jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(import_jobs::table.find(id).select(import_jobs::cancel_requested).first(conn)?)
}

/// Moves a queued job to `validating`; false when it is no longer queued (cancelled).
pub fn start(conn: &mut DbConn, id: i64) -> Result<bool> {
    let now = Utc::now().naive_utc();
    let changed = diesel::update(import_jobs::table.find(id).filter(import_jobs::state.eq("queued")))
        .set((import_jobs::state.eq("validating"), import_jobs::started_at.eq(now), import_jobs::updated_at.eq(now)))
        .execute(conn)?;
    Ok(changed == 1)
}

/// How a job ended.
pub struct Outcome<'a> {
    pub state: &'a str,
    pub progress: &'a Progress,
    pub warnings: &'a str,
    pub failure_code: Option<&'a str>,
    pub failure_detail: Option<&'a str>,
}

pub fn finish(conn: &mut DbConn, id: i64, o: &Outcome) -> Result<Job> {
    progress(conn, id, o.state, o.progress)?;
    let now = Utc::now().naive_utc();
    diesel::update(import_jobs::table.find(id))
        .set((
            import_jobs::warnings.eq(o.warnings),
            import_jobs::failure_code.eq(o.failure_code),
            import_jobs::failure_detail.eq(o.failure_detail),
            import_jobs::finished_at.eq(now),
            import_jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    get(conn, id)
}

/// Asks a running job to stop; a queued job is cancelled at once. Returns the job as it now is.
pub fn cancel(conn: &mut DbConn, id: i64) -> Result<Job> {
    let now = Utc::now().naive_utc();
    diesel::update(import_jobs::table.find(id).filter(import_jobs::state.eq("queued")))
        .set((
            import_jobs::state.eq("cancelled"),
            import_jobs::cancel_requested.eq(true),
            import_jobs::finished_at.eq(now),
            import_jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(import_jobs::table.find(id).filter(import_jobs::state.eq_any(["validating", "writing"])))
        .set((import_jobs::cancel_requested.eq(true), import_jobs::updated_at.eq(now)))
        .execute(conn)?;
    get(conn, id)
}

/// After a restart: jobs that were running are failed. An atomic job wrote in one transaction
/// that the crash rolled back; a per-row job kept the rows it had committed, and importing the
/// file again writes only the rest (rows are matched on their keys).
pub fn fail_interrupted(conn: &mut DbConn) -> Result<usize> {
    let now = Utc::now().naive_utc();
    Ok(diesel::update(import_jobs::table.filter(import_jobs::state.eq_any(["queued", "validating", "writing"])))
        .set((
            import_jobs::state.eq("failed"),
            import_jobs::failure_code.eq("import_interrupted"),
            import_jobs::finished_at.eq(now),
            import_jobs::updated_at.eq(now),
        ))
        .execute(conn)?)
}

/// On PostgreSQL, has the transaction's lookups use their indexes. An import looks rows up by
/// key in tables it is growing by thousands of rows a page; their statistics are those of
/// before the import (empty, often), and a plan made from them would read the whole table at
/// every page. Switching scans off is enough: the plans the cache keeps use the indexes too.
/// (Forcing custom plans as well made every foreign-key check of every row copied be planned
/// again: a third of the server's time in an import of citizens.) No-op on SQLite, whose
/// planner prefers indexes.
pub fn use_indexes(conn: &mut DbConn) -> Result<()> {
    if let DbConn::Pg(pg) = conn {
        use diesel::connection::SimpleConnection;
        pg.batch_execute("SET LOCAL enable_seqscan = off;")?;
    }
    Ok(())
}

/// Runs an import's checks and lookups of a page on a pooled connection of their own, apart from
/// the job's write, in a transaction held to the indexes as the write's is (`use_indexes`).
pub fn look_up<T, E>(
    db: &crate::Database,
    f: impl FnOnce(&mut DbConn) -> std::result::Result<T, E>,
) -> std::result::Result<T, E>
where
    E: From<PersistenceError> + From<diesel::result::Error>,
{
    db.read(|conn| {
        conn.transaction(|conn| {
            use_indexes(conn)?;
            f(conn)
        })
    })
}

/// After an import: the written table's statistics, so that the next import's lookups (and
/// every other query) are planned for its new size. No-op on SQLite.
pub fn analyze(conn: &mut DbConn, table: &str) -> Result<()> {
    if let DbConn::Pg(pg) = conn
        && ["households", "citizens", "organisations", "clans", "learning_centres", "units"].contains(&table)
    {
        use diesel::connection::SimpleConnection;
        pg.batch_execute(&format!("ANALYZE {table}"))?;
    }
    Ok(())
}

/// One problem with one row.
#[derive(Queryable, Selectable, Insertable, Debug, Clone, PartialEq)]
#[diesel(table_name = import_errors)]
pub struct RowError {
    pub job_id: i64,
    pub seq: i32,
    pub row_number: i64,
    /// The expected column's key; `None` for the row as a whole.
    pub column_key: Option<String>,
    /// The heading as the file has it.
    pub heading: Option<String>,
    pub value: Option<String>,
    pub code: String,
    /// What the message needs besides the code (a limit, a key).
    pub detail: Option<String>,
}

pub fn add_errors(conn: &mut DbConn, errors: &[RowError]) -> Result<()> {
    for chunk in errors.chunks(500) {
        crate::per_backend!(&mut *conn, |c| diesel::insert_into(import_errors::table).values(chunk).execute(c))?;
    }
    Ok(())
}

/// A job's errors in row order, from `after` (a seq) on.
pub fn errors(conn: &mut DbConn, job: i64, after: i32, limit: i64) -> Result<Vec<RowError>> {
    Ok(import_errors::table
        .filter(import_errors::job_id.eq(job))
        .filter(import_errors::seq.gt(after))
        .order(import_errors::seq)
        .limit(limit)
        .select(RowError::as_select())
        .load(conn)?)
}
