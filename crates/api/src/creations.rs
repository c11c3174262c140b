//! Creating records at most once per `Idempotency-Key`, and writing the creations that arrive
//! together in one transaction.
//!
//! Under load, requests to create records of one registry queue while the batch before them
//! is written; the writer then takes the whole queue and writes it in one transaction: one
//! commit and one statistics update for all (and on PostgreSQL one INSERT of households and one
//! of audit rows). On PostgreSQL, households need no transaction: their ids are drawn first,
//! their keys looked up in one read, and the records, audit rows, counters and keys are one
//! statement.
//! At low load a request writes alone, at once. A request the rules refuse is
//! answered alone and writes nothing. If the batch fails as a whole (two requests with one
//! `Idempotency-Key`, a database error), nothing of it stays, and each request is written again
//! alone, so that each gets the answer it would have got alone.

use crate::audit_log::entry_in;
use crate::auth::Actor;
use crate::error::ApiError;
use crate::registries::{DbRefs, Referenced, Refs, Registry, Resource};
use crate::state::AppState;
use actix_web::web;
use std::collections::{HashMap, HashSet};
use std::marker::PhantomData;
use std::sync::{Mutex, MutexGuard};
use tokio::sync::oneshot;
use xhht_persistence::idempotency::{self, NewKey, StoredResponse};
use xhht_persistence::units::Unit;
use xhht_persistence::{Conflict, Database, DbConn};

/// A creation's outcome: written now, or the first answer to the same key replayed.
pub enum Created {
    New(StoredResponse),
    Replayed(StoredResponse),
}

/// An `Idempotency-Key` as kept: it belongs to the account that sent it (`scope` names the
/// kind of record and the account), with the fingerprint of the request it first came with.
#[derive(Clone, Debug)]
pub struct Idempotency {
    pub scope: String,
    pub key: String,
    pub hash: String,
}

/// Creates something at most once per key (blocking): the first response is stored with the
/// write, in the same transaction, and replayed for a retry with the same body.
pub fn once<R, F>(database: &Database, idempotency: Option<&Idempotency>, create: F) -> Result<Created, ApiError>
where
    R: serde::Serialize,
    F: FnOnce(&mut DbConn) -> Result<R, ApiError>,
{
    let attempt = database.write(|conn| {
        if let Some(i) = idempotency
            && let Some(stored) = idempotency::find(conn, &i.scope, &i.key, &i.hash)?
        {
            return Ok(Created::Replayed(stored));
        }
        let stored = stored(&create(conn)?)?;
        if let Some(i) = idempotency {
            idempotency::store(conn, &i.scope, &i.key, &i.hash, &stored)?;
        }
        Ok(Created::New(stored))
    });
    replay_the_winner(database, idempotency, attempt)
}

/// Two first attempts with one key raced on PostgreSQL: the loser reads the winner's answer.
fn replay_the_winner(
    database: &Database,
    idempotency: Option<&Idempotency>,
    attempt: Result<Created, ApiError>,
) -> Result<Created, ApiError> {
    match (attempt, idempotency) {
        (Err(ApiError::Conflict(Conflict::IdempotencyKeyRace)), Some(i)) => database
            .read(|conn| idempotency::find(conn, &i.scope, &i.key, &i.hash))?
            .map(Created::Replayed)
            .ok_or(ApiError::Internal),
        (other, _) => other,
    }
}

/// A created thing's answer as stored for replays: 201 and its JSON.
fn stored<R: serde::Serialize>(created: &R) -> Result<StoredResponse, ApiError> {
    let body = serde_json::to_string(created).map_err(|e| {
        tracing::error!(error = %e, "cannot encode a response");
        ApiError::Internal
    })?;
    Ok(StoredResponse { status: 201, body })
}

/// One request to create a record of registry `R`, checked for the request's shape already.
pub struct Creation<R: Resource> {
    actor: Actor,
    request: R::Request,
    idempotency: Option<Idempotency>,
    /// What it claims that no other creation written beside it may (`Resource::claim`).
    claim: Option<String>,
}

impl<R: Resource> Creation<R> {
    pub fn new(state: &AppState, actor: Actor, request: R::Request, idempotency: Option<Idempotency>) -> Self {
        let claim = R::claim(&request, state);
        Creation { actor, request, idempotency, claim }
    }
}

struct Waiting<R: Resource> {
    creation: Creation<R>,
    answer: oneshot::Sender<Result<Created, ApiError>>,
}

/// The creations of one registry waiting to be written, and how many writers take them: at
/// most one on SQLite, which writes one transaction at a time anyway; on PostgreSQL two where a
/// batch is a transaction of six round trips, so that a batch is written while the next one
/// forms, and one where it is a single statement. (More writers make smaller batches, and
/// each batch costs the same round trips: with 8 clients, 4 writers created 20 % fewer records
/// a second than 2.)
///
/// A request waits for its answer without holding a thread. A writer is a blocking task that
/// writes what is waiting, batch after batch, until nothing is: under load it never sleeps
/// between batches, and no request wakes a thread of its own to write.
pub struct Queue<R: Resource> {
    pending: Mutex<Pending<R>>,
    most_writers: usize,
    /// Ids drawn for the registry's records and not yet given (`draw_ids`).
    spare_ids: Mutex<Vec<i64>>,
}

struct Pending<R: Resource> {
    waiting: Vec<Waiting<R>>,
    writers: usize,
}

/// A lock whose holder panicked is taken as it is: what it guards stays consistent (a list
/// that was taken whole, or nothing).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The registries whose creations are written in batches. Clans and community learning
/// centres are not: their rules read what an earlier creation wrote (a household in two clans,
/// one centre per commune).
pub struct Queues {
    pub citizens: Queue<crate::registries::Citizens>,
    pub households: Queue<crate::registries::Households>,
    pub organisations: Queue<crate::registries::Organisations>,
}

impl Queues {
    pub fn new(database: &Database) -> Self {
        Queues { citizens: Queue::new(database), households: Queue::new(database), organisations: Queue::new(database) }
    }
}

impl<R: Resource> Queue<R> {
    pub fn new(database: &Database) -> Self {
        let most_writers = match database.backend() {
            xhht_persistence::Backend::Sqlite => 1,
            // A batch written in one statement (`Resource::DRAWN_FROM`): one writer, which
            // makes the largest batches (8,200 creations a second against 6,600 with two).
            xhht_persistence::Backend::Postgres if R::DRAWN_FROM.is_some() => 1,
            xhht_persistence::Backend::Postgres => 2.min(database.pool_size() as usize).max(1),
        };
        Queue {
            pending: Mutex::new(Pending { waiting: Vec::new(), writers: 0 }),
            most_writers,
            spare_ids: Mutex::new(Vec::new()),
        }
    }

    /// Creates the record in a batch with the creations waiting beside it.
    pub async fn submit(&self, state: &web::Data<AppState>, creation: Creation<R>) -> Result<Created, ApiError> {
        let (answer, answered) = oneshot::channel();
        let start_a_writer = {
            let mut pending = lock(&self.pending);
            pending.waiting.push(Waiting { creation, answer });
            let start = pending.writers < self.most_writers;
            if start {
                pending.writers += 1;
            }
            start
        };
        if start_a_writer {
            // Counted above, so the turn exists before its task does: if the task is dropped
            // unrun (a runtime shutting down), the turn still ends.
            let turn = WriterTurn::<R> { app: state.clone(), ended: false, registry: PhantomData };
            // Detached: the writer answers each creation through its channel.
            drop(actix_web::rt::task::spawn_blocking(move || turn.write_while_waiting()));
        }
        // A writer that panicked dropped the answer: the request fails, and nothing of its
        // batch was committed.
        answered.await.unwrap_or(Err(ApiError::Internal))
    }
}

/// A writer counted in its registry's queue, until it finds the queue empty. One that ends
/// otherwise (it panicked, or its task never ran) answers what still waits with an error
/// rather than leave it to wait for the next request.
struct WriterTurn<R: Resource> {
    app: web::Data<AppState>,
    ended: bool,
    registry: PhantomData<fn() -> R>,
}

impl<R: Resource> WriterTurn<R> {
    /// A writer's work (blocking): the batches waiting, one after the other, until none is.
    fn write_while_waiting(mut self) {
        let app = self.app.clone();
        let Some(queue) = R::queue(&app) else { return };
        loop {
            let batch = {
                let mut pending = lock(&queue.pending);
                if pending.waiting.is_empty() {
                    // Under the same lock a request checks for a writer: none is left waiting.
                    pending.writers -= 1;
                    self.ended = true;
                    return;
                }
                std::mem::take(&mut pending.waiting)
            };
            write_batch(&app, batch);
        }
    }
}

impl<R: Resource> Drop for WriterTurn<R> {
    fn drop(&mut self) {
        if !self.ended
            && let Some(queue) = R::queue(&self.app)
        {
            let mut pending = lock(&queue.pending);
            pending.writers -= 1;
            // Dropping an answer's sender answers `Internal`.
            pending.waiting.clear();
        }
    }
}

/// Creates one record alone, in a transaction of its own.
pub fn alone<R: Resource>(state: &AppState, creation: Creation<R>) -> Result<Created, ApiError> {
    let Creation { actor, request, idempotency, claim } = creation;
    once(&state.db, idempotency.as_ref(), |conn| {
        if let Some(claim) = &claim {
            xhht_persistence::db::lock_claim(conn, claim)?;
        }
        let fields = R::fields(&mut DbRefs(conn), &actor, &request, state, None)?;
        let row = R::create(conn, &fields)?;
        let dto = R::created_dtos(conn, std::slice::from_ref(&row))?.pop().ok_or(ApiError::Internal)?;
        let changes = crate::audit_log::diff(None, Some(&dto));
        crate::audit_log::audit_in(conn, &actor, R::ENTITY, R::meta(&row).0, "create", R::filed_in(&row), changes)?;
        Ok(dto)
    })
}

/// Writes a batch and answers each of its creations.
fn write_batch<R: Resource>(state: &AppState, batch: Vec<Waiting<R>>) {
    // A creation that claims what an earlier one in the batch claims (a national ID) is
    // checked after that one is written, alone, as it would have been.
    let mut claimed = HashSet::new();
    let (together, after): (Vec<_>, Vec<_>) =
        batch.into_iter().partition(|w| w.creation.claim.as_ref().is_none_or(|c| claimed.insert(c.clone())));
    // On PostgreSQL a registry that draws its ids writes its records, audit rows, counters and
    // keys in one statement; with no claim to lock, that needs no transaction, and a batch of
    // one is written so too.
    let drawn = R::DRAWN_FROM.filter(|_| state.db.backend() == xhht_persistence::Backend::Postgres);
    let one_statement = drawn.is_some() && together.iter().all(|w| w.creation.claim.is_none());
    let alone_now = match together.len() {
        0 => together,
        1 if !one_statement => together,
        n => {
            let creations: Vec<&Creation<R>> = together.iter().map(|w| &w.creation).collect();
            let written = if one_statement {
                state.db.write_statement(|conn| write_together(conn, state, &creations, drawn))
            } else {
                state.db.write(|conn| write_together(conn, state, &creations, drawn))
            };
            match written {
                Ok(answers) => {
                    for (w, answer) in together.into_iter().zip(answers) {
                        let _ = w.answer.send(answer);
                    }
                    Vec::new()
                }
                Err(_) => {
                    tracing::info!(creations = n, "a batch of creations failed as a whole; each is written alone");
                    together
                }
            }
        }
    };
    for Waiting { creation, answer } in alone_now.into_iter().chain(after) {
        let _ = answer.send(alone(state, creation));
    }
}

/// The batch in the caller's transaction: each creation's answer, or an error that undoes all.
/// `drawn`: the table whose ids are drawn for the records, written with their audit rows,
/// counters and keys in one statement (`Resource::DRAWN_FROM`), which is all such a batch
/// writes (with no claim to lock, the caller runs it without a transaction).
fn write_together<R: Resource>(
    conn: &mut DbConn,
    state: &AppState,
    creations: &[&Creation<R>],
    drawn: Option<&'static str>,
) -> Result<Vec<Result<Created, ApiError>>, ApiError> {
    let mut claims: Vec<&String> = creations.iter().filter_map(|c| c.claim.as_ref()).collect();
    claims.sort_unstable();
    for claim in claims {
        xhht_persistence::db::lock_claim(conn, claim)?;
    }
    let mut answers: Vec<Option<Result<Created, ApiError>>> = creations.iter().map(|_| None).collect();
    let mut checked = Vec::with_capacity(creations.len());
    let found = stored_for_keys(conn, creations, drawn)?;
    {
        let mut refs = BatchRefs { conn, state, units: HashMap::new() };
        for ((i, c), found) in creations.iter().enumerate().zip(found) {
            match found {
                Some(Ok(Some(stored))) => {
                    answers[i] = Some(Ok(Created::Replayed(stored)));
                    continue;
                }
                Some(Err(e)) => {
                    answers[i] = Some(Err(e.into()));
                    continue;
                }
                Some(Ok(None)) | None => {}
            }
            match R::fields(&mut refs, &c.actor, &c.request, state, None) {
                Ok(fields) => checked.push((i, fields)),
                Err(refused) => answers[i] = Some(Err(refused)),
            }
        }
    }
    if !checked.is_empty() {
        let fields: Vec<&R::Fields> = checked.iter().map(|(_, f)| f).collect();
        let rows = match drawn {
            Some(table) => {
                // What PostgreSQL keeps of a timestamp, so that the answer shows what a read will.
                let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now().naive_utc(), 6);
                let ids = draw_ids::<R>(conn, state, table, fields.len())?;
                R::drawn(&ids, &fields, now)
            }
            None => R::create_many(conn, &fields)?,
        };
        if rows.len() != fields.len() {
            return Err(ApiError::Internal);
        }
        let dtos = R::created_dtos(conn, &rows)?;
        let mut entries = Vec::with_capacity(rows.len());
        let mut responses = Vec::with_capacity(rows.len());
        for (((i, _), row), dto) in checked.iter().zip(&rows).zip(&dtos) {
            let c = creations[*i];
            let changes = crate::audit_log::diff(None, Some(dto));
            entries.push(entry_in(&c.actor, R::ENTITY, R::meta(row).0, "create", R::filed_in(row), changes));
            responses.push((*i, stored(dto)?));
        }
        let keyed = responses.iter().filter_map(|(i, response)| {
            creations[*i].idempotency.as_ref().map(|k| NewKey {
                scope: &k.scope,
                key: &k.key,
                request_hash: &k.hash,
                response,
            })
        });
        if drawn.is_some() {
            R::write_drawn(conn, &rows, &entries, &keyed.collect::<Vec<_>>())?;
        } else {
            for k in keyed {
                idempotency::store(conn, k.scope, k.key, k.request_hash, k.response)?;
            }
            xhht_persistence::audit::record_many(conn, &entries)?;
        }
        for (i, response) in responses {
            answers[i] = Some(Ok(Created::New(response)));
        }
    }
    Ok(answers.into_iter().map(|a| a.unwrap_or(Err(ApiError::Internal))).collect())
}

/// What each creation's `Idempotency-Key` finds stored (`None`: it has none). A batch drawn on
/// PostgreSQL looks them all up in one read, outside a transaction: its statement stores the
/// new keys, and fails whole if another request stored one of them in between (each creation
/// is then written alone, and finds it). Otherwise key by key, in the batch's transaction.
fn stored_for_keys<R: Resource>(
    conn: &mut DbConn,
    creations: &[&Creation<R>],
    drawn: Option<&'static str>,
) -> Result<Vec<Option<idempotency::Found>>, ApiError> {
    if let (Some(_), DbConn::Pg(pg)) = (drawn, &mut *conn) {
        let sought: Vec<idempotency::Sought> = creations
            .iter()
            .filter_map(|c| c.idempotency.as_ref())
            .map(|k| (k.scope.as_str(), k.key.as_str(), k.hash.as_str()))
            .collect();
        if sought.is_empty() {
            return Ok(creations.iter().map(|_| None).collect());
        }
        let mut found = idempotency::find_many(pg, &sought)?.into_iter();
        return Ok(creations.iter().map(|c| c.idempotency.as_ref().and_then(|_| found.next())).collect());
    }
    Ok(creations
        .iter()
        .map(|c| c.idempotency.as_ref().map(|k| idempotency::find(conn, &k.scope, &k.key, &k.hash)))
        .collect())
}

/// Ids drawn beyond a batch's need, for the batches after it: a statement fewer for most
/// batches (a fifth more creations a second on PostgreSQL with 8 clients). An id drawn
/// and not given is a gap in the numbering, as a rolled-back insert leaves; ids given from a
/// block are not in the order the records were written in, as they are not across servers.
const ID_BLOCK: usize = 32;

/// `n` ids for new records of `table`, from those its queue drew before, drawing more when
/// they run out.
fn draw_ids<R: Resource>(
    conn: &mut DbConn,
    state: &AppState,
    table: &'static str,
    n: usize,
) -> Result<Vec<i64>, ApiError> {
    let Some(queue) = R::queue(state) else { return Ok(xhht_persistence::db::draw_ids(conn, table, n)?) };
    let mut spare = lock(&queue.spare_ids);
    if spare.len() < n {
        let more = xhht_persistence::db::draw_ids(conn, table, n - spare.len() + ID_BLOCK)?;
        spare.extend(more);
    }
    Ok(spare.drain(..n).collect())
}

/// The database read for a batch: each unit once, however many of its creations name it, and
/// from memory while the reference data stays at the version it was read at.
struct BatchRefs<'c> {
    conn: &'c mut DbConn,
    state: &'c AppState,
    units: HashMap<i64, Option<Unit>>,
}

impl Refs for BatchRefs<'_> {
    fn unit(&mut self, id: i64) -> Result<Option<Unit>, ApiError> {
        if let Some(unit) = self.units.get(&id) {
            return Ok(unit.clone());
        }
        // Taken before the read, so that what is kept under it is at least as new as it.
        let version = self.state.db.reference_version();
        if let Some(unit) = version.and_then(|v| self.state.reference.stored_unit(v, id)) {
            return Ok(Some(unit));
        }
        let unit = DbRefs(&mut *self.conn).unit(id)?;
        if let (Some(version), Some(unit)) = (version, &unit) {
            self.state.reference.keep_stored_unit(version, unit.clone());
        }
        self.units.insert(id, unit.clone());
        Ok(unit)
    }

    fn record(&mut self, registry: Registry, id: i64) -> Result<Option<Referenced>, ApiError> {
        DbRefs(&mut *self.conn).record(registry, id)
    }

    fn twins(&mut self, national_id_hash: &str) -> Result<Vec<(i64, String)>, ApiError> {
        DbRefs(&mut *self.conn).twins(national_id_hash)
    }
}
