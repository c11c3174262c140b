//! The version of the reference data: units (their names and lineage) and criteria frameworks.
//! Every write to them raises it in its own transaction.
//!
//! Each server also keeps the version in memory (`Watch`), so that a read of reference data
//! served from a copy needs no database round trip at all:
//! - a write through this server raises it as its transaction commits (`Database::write`), so
//!   the client that wrote reads its write at once;
//! - on PostgreSQL the raise is announced with `NOTIFY`; every server listens (`watch`) and
//!   raises its own copy within milliseconds;
//! - every server also reads the version from the database every half second, which catches a
//!   write from another process on SQLite and any notification lost with a broken connection.
//!
//! While the listener is down the version is not trusted and every read asks the database,
//! as it did before the listener existed.

use crate::db::{DatabaseUrl, DbConn};
use crate::error::Result;
use crate::schema::reference_version;
use diesel::prelude::*;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

/// The channel PostgreSQL announces a new version on; the payload is the version.
pub const CHANNEL: &str = "xhht_reference";

/// How often the watcher looks for a notification (a non-blocking read of the socket).
const POLL: Duration = Duration::from_millis(5);
/// How often the watcher reads the version itself.
pub const RECHECK: Duration = Duration::from_millis(500);
/// How long the watcher waits before connecting again after an error.
const RETRY: Duration = Duration::from_secs(1);

thread_local! {
    /// The version raised by the transaction running on this thread, published by
    /// `Database::write` once it commits.
    static RAISED: Cell<Option<i64>> = const { Cell::new(None) };
}

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
    if let DbConn::Pg(pg) = conn {
        diesel::select(pg_notify(CHANNEL, version.to_string())).execute(pg)?;
    }
    RAISED.with(|raised| raised.set(Some(version)));
    Ok(())
}

diesel::define_sql_function! {
    fn pg_notify(channel: diesel::sql_types::Text, payload: diesel::sql_types::Text);
}

/// Forgets a raise of a transaction that did not commit (called before and after one).
pub(crate) fn take_raised() -> Option<i64> {
    RAISED.with(Cell::take)
}

/// The version as this server knows it.
#[derive(Debug, Default)]
pub struct Watch {
    version: AtomicI64,
    live: AtomicBool,
}

impl Watch {
    /// The version, when it can be trusted without asking the database: the watcher runs and
    /// its connection is up.
    pub fn version(&self) -> Option<i64> {
        if self.live.load(Ordering::Acquire) { Some(self.version.load(Ordering::Acquire)) } else { None }
    }

    /// A version seen: the known one only ever rises.
    pub fn saw(&self, version: i64) {
        self.version.fetch_max(version, Ordering::AcqRel);
    }

    fn set_live(&self, live: bool) {
        self.live.store(live, Ordering::Release);
    }
}

/// Keeps `watch` current until every handle to it is dropped: on its own thread, with a
/// connection of its own (PostgreSQL `LISTEN`), or the database file's (SQLite).
/// It reads the version itself every `recheck`.
pub fn watch(url: DatabaseUrl, watch: &Arc<Watch>, recheck: Duration) -> std::io::Result<()> {
    let weak = Arc::downgrade(watch);
    std::thread::Builder::new().name("reference-watch".into()).spawn(move || {
        while weak.strong_count() > 0 {
            if let Err(error) = follow(&url, &weak, recheck) {
                if let Some(watch) = weak.upgrade() {
                    watch.set_live(false);
                }
                tracing::warn!(%error, "the reference version watcher lost its connection; reads ask the database until it is back");
                std::thread::sleep(RETRY);
            }
        }
    })?;
    Ok(())
}

/// One connection's life: subscribe, read the version, then follow it until an error or until
/// the watch is dropped. Subscribing first means no raise falls between the read and the
/// subscription.
fn follow(
    url: &DatabaseUrl,
    weak: &Weak<Watch>,
    recheck: Duration,
) -> std::result::Result<(), Box<dyn std::error::Error>> {
    let mut conn = crate::db::ConnectionManager::open(url)?;
    if let DbConn::Pg(pg) = &mut conn {
        diesel::sql_query(format!("LISTEN {CHANNEL}")).execute(pg)?;
    }
    let mut checked: Option<Instant> = None;
    loop {
        let Some(watch) = weak.upgrade() else { return Ok(()) };
        if checked.is_none_or(|at| at.elapsed() >= recheck) {
            watch.saw(current(&mut conn)?);
            watch.set_live(true);
            checked = Some(Instant::now());
        }
        if let DbConn::Pg(pg) = &mut conn {
            for notification in pg.notifications_iter() {
                if let Ok(version) = notification?.payload.parse::<i64>() {
                    watch.saw(version);
                }
            }
        }
        drop(watch);
        // Only PostgreSQL has anything to poll for between two checks.
        std::thread::sleep(if matches!(conn, DbConn::Pg(_)) { POLL } else { recheck.min(RECHECK) });
    }
}
