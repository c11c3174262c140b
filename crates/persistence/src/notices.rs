//! What a server knows without asking the database, and how it stays true when the data
//! changes, on this server or another sharing the database:
//! - the reference version (units and frameworks, see `reference`): a read served from a copy
//!   needs no round trip;
//! - the state of recently seen tokens' accounts and sessions (`accounts::TokenState`): an
//!   authenticated request needs no read of its own before the handler's;
//! - with read replicas, where in the primary's write-ahead log each account's latest write
//!   ended (`Database::record_write`): a read by that account goes to a replica only once the
//!   replica has replayed it.
//!
//! A change is noticed three ways:
//! - a write through this server publishes it as its transaction commits (`Database::write`),
//!   so the client that wrote sees its write at once;
//! - on PostgreSQL the transaction also sends `NOTIFY`, delivered when it commits; every
//!   server's watcher thread listens and applies it within milliseconds;
//! - the watcher reads the reference version every half second, which catches a write from
//!   another process on SQLite and anything missed while a connection was down; token states
//!   are kept at most `TOKEN_TTL`.
//!
//! While the watcher's connection is down nothing here is trusted: every request asks the
//! database, as it would without it.

use crate::accounts::TokenState;
use crate::db::{DatabaseUrl, DbConn};
use diesel::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock, Weak};
use std::time::{Duration, Instant};

/// The channel of a new reference version; the payload is the version.
pub const REFERENCE_CHANNEL: &str = "xhht_reference";
/// The channel of a change to an account or its sessions; the payload is the account id.
pub const ACCOUNTS_CHANNEL: &str = "xhht_accounts";
/// The channel of an account's write: "<account id> <WAL position>".
pub const WRITES_CHANNEL: &str = "xhht_writes";
/// How long an account's latest write is remembered: longer than any lag a replica is allowed.
pub const WRITE_MEMORY: Duration = Duration::from_secs(300);

/// How often the watcher looks for a notification (a non-blocking read of the socket).
const POLL: Duration = Duration::from_millis(5);
/// How often the watcher reads the reference version itself.
pub const RECHECK: Duration = Duration::from_millis(500);
/// How long the watcher waits before connecting again after an error.
const RETRY: Duration = Duration::from_secs(1);
/// How long a token state is kept: the bound on a change made by another process on SQLite
/// (`xhht user …`), which no notification announces.
pub const TOKEN_TTL: Duration = Duration::from_secs(10);
/// Token states, and accounts' latest writes, kept at most.
const MAX_ENTRIES: usize = 100_000;

diesel::define_sql_function! {
    fn pg_notify(channel: diesel::sql_types::Text, payload: diesel::sql_types::Text);
}

/// What the transaction running on this thread changed, published by `Database::write` once it
/// commits and forgotten if it does not.
#[derive(Default)]
pub(crate) struct Pending {
    pub reference: Option<i64>,
    pub accounts: Vec<i64>,
}

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending::default());
}

pub(crate) fn take_pending() -> Pending {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

fn notify(conn: &mut DbConn, channel: &str, payload: String) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        diesel::select(pg_notify(channel, payload)).execute(pg)?;
    }
    Ok(())
}

/// Call in the transaction that raised the reference version to `version`.
pub(crate) fn reference_raised(conn: &mut DbConn, version: i64) -> QueryResult<()> {
    notify(conn, REFERENCE_CHANNEL, version.to_string())?;
    PENDING.with(|p| p.borrow_mut().reference = Some(version));
    Ok(())
}

/// Call in the transaction that changes an account, its roles or units, or ends a session.
pub(crate) fn account_changed(conn: &mut DbConn, account: i64) -> QueryResult<()> {
    notify(conn, ACCOUNTS_CHANNEL, account.to_string())?;
    PENDING.with(|p| p.borrow_mut().accounts.push(account));
    Ok(())
}

/// The session a token names, as kept: `f:` and a refresh-token family, or `k:` and a key id.
pub type TokenKey = (i64, String);

/// What this server knows (see the module's notes).
#[derive(Debug, Default)]
pub struct Watch {
    version: AtomicI64,
    live: AtomicBool,
    tokens: RwLock<HashMap<TokenKey, (TokenState, Instant)>>,
    /// Raised at every change to an account: a state read before it is not kept.
    generation: AtomicU64,
    /// Each account's latest write: its end in the primary's write-ahead log, and when.
    writes: RwLock<HashMap<i64, (u64, Instant)>>,
}

impl Watch {
    /// The reference version, when it can be trusted without asking the database.
    pub fn version(&self) -> Option<i64> {
        if self.live.load(Ordering::Acquire) { Some(self.version.load(Ordering::Acquire)) } else { None }
    }

    /// A version seen: the known one only ever rises.
    pub fn saw(&self, version: i64) {
        self.version.fetch_max(version, Ordering::AcqRel);
    }

    fn set_live(&self, live: bool) {
        let was = self.live.swap(live, Ordering::AcqRel);
        if live && !was {
            // Changes while no one listened were missed: forget what may be stale.
            self.forget_all_tokens();
        }
    }

    /// A token state kept and still fresh.
    pub fn token(&self, key: &TokenKey) -> Option<TokenState> {
        if !self.live.load(Ordering::Acquire) {
            return None;
        }
        let tokens = self.tokens.read().ok()?;
        tokens.get(key).filter(|(_, at)| at.elapsed() < TOKEN_TTL).map(|(state, _)| *state)
    }

    /// The generation to hand back to `keep_token` with a state read after this call.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Keeps a state read from the database, unless an account changed since `generation`.
    pub fn keep_token(&self, key: TokenKey, state: TokenState, generation: u64) {
        if !self.live.load(Ordering::Acquire) {
            return;
        }
        let Ok(mut tokens) = self.tokens.write() else { return };
        // Checked under the lock that `account_changed` takes too.
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if tokens.len() >= MAX_ENTRIES {
            tokens.clear();
        }
        tokens.insert(key, (state, Instant::now()));
    }

    pub(crate) fn account_changed(&self, account: i64) {
        if let Ok(mut tokens) = self.tokens.write() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            tokens.retain(|(id, _), _| *id != account);
        }
    }

    fn forget_all_tokens(&self) {
        if let Ok(mut tokens) = self.tokens.write() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            tokens.clear();
        }
    }

    /// Whether the watcher is up: what it keeps may be trusted.
    pub fn is_live(&self) -> bool {
        self.live.load(Ordering::Acquire)
    }

    /// An account wrote; its write ends at `position` of the primary's log.
    pub fn wrote(&self, account: i64, position: u64) {
        let Ok(mut writes) = self.writes.write() else { return };
        if writes.len() >= MAX_ENTRIES {
            writes.retain(|_, (_, at)| at.elapsed() < WRITE_MEMORY);
        }
        let entry = writes.entry(account).or_insert((position, Instant::now()));
        *entry = (entry.0.max(position), Instant::now());
    }

    /// Where the account's latest write ended, if it wrote lately.
    pub fn written_by(&self, account: i64) -> Option<u64> {
        let writes = self.writes.read().ok()?;
        writes.get(&account).filter(|(_, at)| at.elapsed() < WRITE_MEMORY).map(|(position, _)| *position)
    }

    /// Applies what a committed transaction of this server changed.
    pub(crate) fn publish(&self, pending: Pending) {
        if let Some(version) = pending.reference {
            self.saw(version);
        }
        for account in pending.accounts {
            self.account_changed(account);
        }
    }
}

/// Keeps `watch` current until every handle to it is dropped: on its own thread, with a
/// connection of its own (PostgreSQL `LISTEN`), or the database file's (SQLite). It reads the
/// reference version itself every `recheck`.
pub fn watch(url: DatabaseUrl, watch: &Arc<Watch>, recheck: Duration) -> std::io::Result<()> {
    let weak = Arc::downgrade(watch);
    std::thread::Builder::new().name("xhht-watch".into()).spawn(move || {
        while weak.strong_count() > 0 {
            if let Err(error) = follow(&url, &weak, recheck) {
                if let Some(watch) = weak.upgrade() {
                    watch.set_live(false);
                }
                tracing::warn!(%error, "the watcher lost its connection; requests ask the database until it is back");
                std::thread::sleep(RETRY);
            }
        }
    })?;
    Ok(())
}

/// One connection's life: subscribe, read the version, then follow the changes until an error
/// or until the watch is dropped. Subscribing first means no change falls between the read and
/// the subscription.
fn follow(url: &DatabaseUrl, weak: &Weak<Watch>, recheck: Duration) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = crate::db::ConnectionManager::open(url)?;
    if let DbConn::Pg(pg) = &mut conn {
        diesel::sql_query(format!("LISTEN {REFERENCE_CHANNEL}")).execute(pg)?;
        diesel::sql_query(format!("LISTEN {ACCOUNTS_CHANNEL}")).execute(pg)?;
        diesel::sql_query(format!("LISTEN {WRITES_CHANNEL}")).execute(pg)?;
    }
    let mut checked: Option<Instant> = None;
    loop {
        let Some(watch) = weak.upgrade() else { return Ok(()) };
        if checked.is_none_or(|at| at.elapsed() >= recheck) {
            watch.saw(crate::reference::current(&mut conn)?);
            watch.set_live(true);
            checked = Some(Instant::now());
        }
        if let DbConn::Pg(pg) = &mut conn {
            for notification in pg.notifications_iter() {
                let notification = notification?;
                if notification.channel == WRITES_CHANNEL {
                    let mut parts = notification.payload.split(' ');
                    let account = parts.next().and_then(|a| a.parse::<i64>().ok());
                    if let (Some(account), Some(position)) = (account, parts.next().and_then(parse_lsn)) {
                        watch.wrote(account, position);
                    }
                    continue;
                }
                let Ok(number) = notification.payload.parse::<i64>() else { continue };
                match notification.channel.as_str() {
                    REFERENCE_CHANNEL => watch.saw(number),
                    ACCOUNTS_CHANNEL => watch.account_changed(number),
                    _ => {}
                }
            }
        }
        drop(watch);
        // Only PostgreSQL has anything to poll for between two checks.
        std::thread::sleep(if matches!(conn, DbConn::Pg(_)) { POLL } else { recheck.min(RECHECK) });
    }
}

/// A position in the write-ahead log as PostgreSQL writes it (`16/B374D848`).
pub fn parse_lsn(text: &str) -> Option<u64> {
    let (high, low) = text.trim().split_once('/')?;
    Some((u64::from_str_radix(high, 16).ok()? << 32) | u64::from_str_radix(low, 16).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_positions_compare_as_numbers() {
        assert_eq!(parse_lsn("0/16B3748"), Some(0x16B3748));
        assert!(parse_lsn("1/0") > parse_lsn("0/FFFFFFFF"));
        assert_eq!(parse_lsn("junk"), None);
    }

    #[test]
    fn an_account_change_forgets_its_tokens_and_a_state_read_before_is_not_kept() {
        let watch = Watch::default();
        watch.set_live(true);
        let state = TokenState { version: 1, disabled: false, must_change_password: false, session_live: true };
        let before = watch.generation();
        watch.keep_token((7, "f:a".into()), state, before);
        assert_eq!(watch.token(&(7, "f:a".into())), Some(state));
        let read_at = watch.generation();
        watch.account_changed(7);
        assert_eq!(watch.token(&(7, "f:a".into())), None);
        watch.keep_token((7, "f:a".into()), state, read_at);
        assert_eq!(watch.token(&(7, "f:a".into())), None, "read before the change: not kept");
        watch.set_live(false);
        watch.keep_token((8, "k:1".into()), state, watch.generation());
        assert_eq!(watch.token(&(8, "k:1".into())), None, "nothing is kept or served while not live");
    }
}
