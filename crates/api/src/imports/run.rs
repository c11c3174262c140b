//! Running an import job: the file read once, a page of rows at a time; each page checked
//! (with what its rules read loaded in a few queries) and written in multi-row statements.
//! `atomic` runs in one transaction, rolled back when any row fails; `per_row` commits each
//! page with its valid rows and its errors.

use super::check::{Cache, Checked, Checker, Named, RowProblem, UnitIndex, named_keys};
use super::kinds::ImportKind;
use crate::auth::Actor;
use crate::error::ApiError;
use crate::state::AppState;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use xhht_import_files::read::{FileError, Format, Limits, Row, Rows, open};
use xhht_import_files::{ColumnMap, match_columns};
use xhht_persistence::imports::{self, Outcome, Progress, RowError};
use xhht_persistence::registry::{Keyed, Written, centre, citizen, clan, household, organisation};
use xhht_persistence::{DbConn, PersistenceError};

/// Rows checked and written together.
const PAGE: usize = 2000;
/// Row errors kept for the error file; past them only counted.
pub const MAX_STORED_ERRORS: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Atomic,
    PerRow,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Atomic => "atomic",
            Mode::PerRow => "per_row",
        }
    }
}

/// A job to run.
pub struct Spec {
    pub job_id: i64,
    pub kind: ImportKind,
    pub format: Format,
    pub sheet: Option<String>,
    pub mode: Mode,
    pub dry_run: bool,
    pub path: PathBuf,
    pub actor: Actor,
}

/// A running job as the handlers see it: its progress before the database has it (an atomic
/// job writes its counts only at its end), and the request to stop.
#[derive(Default)]
pub struct Live {
    pub now: Mutex<(&'static str, Progress)>,
    pub cancel: AtomicBool,
}

type Queued = (Arc<AppState>, Spec, Arc<Live>);

/// The jobs of this process: run one at a time, in order, on a thread of their own (not the
/// request handlers' blocking threads, which a long import would hold for minutes).
#[derive(Default)]
pub struct Running {
    jobs: Mutex<HashMap<i64, Arc<Live>>>,
    queue: Mutex<Option<std::sync::mpsc::Sender<Queued>>>,
}

impl Running {
    /// Queues a job.
    pub fn submit(&self, state: Arc<AppState>, spec: Spec) {
        let live = self.start(spec.job_id);
        let mut queue = self.queue.lock().unwrap_or_else(|p| p.into_inner());
        let mut job = (state, spec, live);
        for _ in 0..2 {
            let sender = queue.get_or_insert_with(|| {
                let (send, receive) = std::sync::mpsc::channel::<Queued>();
                let spawned = std::thread::Builder::new().name("imports".into()).spawn(move || {
                    while let Ok((state, spec, live)) = receive.recv() {
                        run(&state, spec, live);
                    }
                });
                if let Err(e) = spawned {
                    tracing::error!(error = %e, "cannot start the import thread");
                }
                send
            });
            match sender.send(job) {
                Ok(()) => return,
                // The thread is gone (it could not start): a new one, once.
                Err(std::sync::mpsc::SendError(back)) => {
                    *queue = None;
                    job = back;
                }
            }
        }
        tracing::error!(job = job.1.job_id, "import not started");
    }

    fn start(&self, id: i64) -> Arc<Live> {
        let live = Arc::new(Live { now: Mutex::new(("queued", Progress::default())), ..Live::default() });
        self.jobs.lock().unwrap_or_else(|p| p.into_inner()).insert(id, live.clone());
        live
    }

    pub fn get(&self, id: i64) -> Option<Arc<Live>> {
        self.jobs.lock().unwrap_or_else(|p| p.into_inner()).get(&id).cloned()
    }

    fn end(&self, id: i64) {
        self.jobs.lock().unwrap_or_else(|p| p.into_inner()).remove(&id);
    }
}

/// Why a job stopped before its end.
enum Stop {
    File(FileError),
    Cancelled,
    /// Atomic: rows failed (or a dry run), so nothing is kept.
    RolledBack,
    Failed(ApiError),
}

impl From<PersistenceError> for Stop {
    fn from(e: PersistenceError) -> Self {
        Stop::Failed(e.into())
    }
}

impl From<xhht_persistence::diesel_error::Error> for Stop {
    fn from(e: xhht_persistence::diesel_error::Error) -> Self {
        Stop::Failed(PersistenceError::from(e).into())
    }
}

impl From<ApiError> for Stop {
    fn from(e: ApiError) -> Self {
        Stop::Failed(e)
    }
}

/// A message in both languages, as jobs and their errors store it (read back by `texts`).
fn bilingual(vi: &str, en: &str) -> String {
    serde_json::json!({"vi": vi, "en": en}).to_string()
}

/// Texts of a file that cannot be read, in both languages.
pub fn file_error_texts(e: &FileError) -> (String, String) {
    match e {
        FileError::NotAWorkbook(_) => (
            "Tệp không phải bảng tính Excel (XLSX) hợp lệ, hoặc đã bị hỏng.".into(),
            "The file is not a valid Excel workbook (XLSX), or it is damaged.".into(),
        ),
        FileError::SheetNotFound { sheet, available } => (
            format!("Bảng tính không có trang “{sheet}”; các trang: {}.", available.join(", ")),
            format!("The workbook has no sheet “{sheet}”; its sheets: {}.", available.join(", ")),
        ),
        FileError::WorkbookTooLarge { limit } => (
            format!("Bảng tính giải nén ra quá {} MB.", limit >> 20),
            format!("The workbook unpacks to more than {} MB.", limit >> 20),
        ),
        FileError::Encoding { row } => (
            format!(
                "Dòng {row}: tệp CSV không ở mã UTF-8 hay UTF-16. Trong Excel, hãy lưu bằng “CSV UTF-8” hoặc “Unicode Text”."
            ),
            format!(
                "Row {row}: the CSV file is neither UTF-8 nor UTF-16. In Excel, save it as “CSV UTF-8” or “Unicode Text”."
            ),
        ),
        FileError::Json { row, detail } => (
            format!("Phần tử {row}: JSON không hợp lệ ({detail})."),
            format!("Element {row}: invalid JSON ({detail})."),
        ),
        FileError::RowTooLong { row, limit } => {
            (format!("Dòng {row} dài quá {limit} byte."), format!("Row {row} is longer than {limit} bytes."))
        }
        FileError::Empty => {
            ("Tệp không có dữ liệu, kể cả dòng tiêu đề.".into(), "The file is empty, without even headings.".into())
        }
        FileError::Io(_) => ("Không đọc được tệp đã tải lên.".into(), "The uploaded file could not be read.".into()),
    }
}

/// Opens the file and matches its headings: what the upload checks before it makes a job.
pub fn open_checked(
    kind: ImportKind,
    format: Format,
    path: &Path,
    sheet: Option<&str>,
) -> Result<(Box<dyn Rows>, ColumnMap), ApiError> {
    let rows = open(format, path, sheet, &kind.keys(), Limits::default()).map_err(|e| {
        let (vi, en) = file_error_texts(&e);
        ApiError::ImportFileUnreadable { vi, en }
    })?;
    let map = match_columns(rows.headings(), kind.columns()).map_err(|missing| ApiError::ImportColumnsMissing {
        errors: missing
            .missing
            .iter()
            .map(|c| {
                crate::error::FieldError::new(
                    c.key,
                    crate::error::Issue::Message {
                        code: "column_missing".into(),
                        vi: format!("Thiếu cột “{}” ({}).", c.heading_vi, c.key),
                        en: format!("The column “{}” ({}) is missing.", c.heading_vi, c.key),
                    },
                )
            })
            .collect(),
        expected: kind.columns().iter().map(|c| format!("{} ({})", c.heading_vi, c.key)).collect(),
    })?;
    Ok((rows, map))
}

/// The errors of a job, kept until they are stored.
struct Errors {
    job: i64,
    headings: Vec<String>,
    pending: Vec<RowError>,
    stored: usize,
}

impl Errors {
    fn add(&mut self, kind: ImportKind, map: &ColumnMap, number: u64, problems: Vec<RowProblem>) {
        for p in problems {
            if self.stored >= MAX_STORED_ERRORS {
                return;
            }
            self.stored += 1;
            let heading = p
                .column
                .and_then(|key| kind.columns().iter().position(|c| c.key == key))
                .and_then(|i| map.positions[i])
                .and_then(|at| self.headings.get(at).cloned());
            // A national ID is kept only as a hash, never in clear, not even in an error.
            let value = if p.column == Some("national_id") { None } else { p.value };
            self.pending.push(RowError {
                job_id: self.job,
                seq: self.stored as i32,
                row_number: number as i64,
                column_key: p.column.map(str::to_owned),
                heading,
                value,
                code: p.code,
                detail: Some(bilingual(&p.vi, &p.en)),
            });
        }
    }

    fn flush(&mut self, conn: &mut DbConn) -> Result<(), PersistenceError> {
        imports::add_errors(conn, &self.pending)?;
        self.pending.clear();
        Ok(())
    }
}

/// The (unit, key) pairs met in a file, each with the row that had it first. A million keys as
/// strings would take a hundred megabytes. Each is kept as a 96-bit fingerprint (two SipHashes
/// under random keys, one cut to 32 bits) beside its row number: 16 bytes a key, so a million
/// take 34 MB in the table, 51 MB while it grows. Two keys of a million share a fingerprint with
/// a chance of about 10^-17.
struct Seen {
    hashers: [std::hash::RandomState; 2],
    rows: HashMap<Print, u32, std::hash::BuildHasherDefault<FirstWord>>,
}

/// A key's fingerprint: already random bits, so the table hashes it by its first word alone.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Print(u64, u32);

impl std::hash::Hash for Print {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
    }
}

/// Keeps the 64-bit word written to it: `Print`'s first.
#[derive(Default)]
struct FirstWord(u64);

impl std::hash::Hasher for FirstWord {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not reached by `Print`, which writes one `u64`; kept a hash all the same.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl Default for Seen {
    fn default() -> Self {
        Seen { hashers: [std::hash::RandomState::new(), std::hash::RandomState::new()], rows: HashMap::default() }
    }
}

impl Seen {
    /// Makes room for the pairs the file will hold, estimated from the share of it read so far:
    /// a table sized once takes a third less at its peak than one that doubles as it fills.
    fn expect(&mut self, rows_read: u64, bytes_read: u64, file_bytes: u64) {
        if bytes_read == 0 {
            return;
        }
        // No row takes fewer than 8 bytes of a file: a bound on a wrong count of bytes read.
        let estimate = (file_bytes as f64 / bytes_read as f64 * rows_read as f64 * 1.02).min(file_bytes as f64 / 8.0);
        let estimate = estimate as usize;
        self.rows.reserve(estimate.saturating_sub(self.rows.len()));
    }

    fn print(&self, unit: i64, key: &str) -> Print {
        use std::hash::BuildHasher;
        let [a, b] = &self.hashers;
        Print(a.hash_one((unit, key)), b.hash_one((unit, key)) as u32)
    }

    /// The row that had the pair first; `None` (and the pair remembered with `row`) if none.
    fn first(&mut self, unit: i64, key: &str, row: u64) -> Option<u64> {
        let print = self.print(unit, key);
        match self.rows.entry(print) {
            std::collections::hash_map::Entry::Occupied(first) => Some(u64::from(*first.get())),
            std::collections::hash_map::Entry::Vacant(slot) => {
                // Rows past 4 billion (beyond any file the size limit lets in) share the last.
                slot.insert(u32::try_from(row).unwrap_or(u32::MAX));
                None
            }
        }
    }
}

/// The reading half of a job: the file, and the checks of its rows with what they read.
struct Reader<'a> {
    rows: Box<dyn Rows>,
    map: &'a ColumnMap,
    checker: Checker<'a>,
    spent: Spent,
}

/// Time spent reading the file, looking up what rows name and checking them (with the
/// writing's, logged when the job ends: where an operator sees what a slow import waited on).
#[derive(Default, Debug)]
struct Spent {
    reading: std::time::Duration,
    lookups: std::time::Duration,
    checking: std::time::Duration,
}

/// A page checked: each row's number and outcome, and (when looked up with the check) the
/// records already under the valid rows' keys.
struct CheckedPage {
    rows: Vec<(u64, Result<Checked, Vec<RowProblem>>)>,
    existing: Option<Existing>,
    bytes_read: u64,
}

/// The records already under a page's keys, for the registry's write.
enum Existing {
    Households(household::Existing),
    Citizens(citizen::Existing),
    Organisations(organisation::Existing),
    Clans(clan::Existing),
    Centres(centre::Existing),
}

impl Reader<'_> {
    /// The next page of rows; `None` at the end of the file.
    fn page(&mut self) -> Result<Option<Vec<Row>>, Stop> {
        let started = std::time::Instant::now();
        let mut page = Vec::with_capacity(PAGE);
        while page.len() < PAGE {
            match self.rows.next_row() {
                Some(Ok(row)) => page.push(row),
                Some(Err(e)) => return Err(Stop::File(e)),
                None => break,
            }
        }
        self.spent.reading += started.elapsed();
        Ok((!page.is_empty()).then_some(page))
    }

    /// Checks a page, with what its rules read loaded first in a few queries; when
    /// `look_up` (a page to write), also finds the records already under its valid rows' keys.
    fn check(&mut self, conn: &mut DbConn, page: Vec<Row>, look_up: bool) -> Result<CheckedPage, Stop> {
        let started = std::time::Instant::now();
        let kind = self.checker.kind;
        let mut named = Named::default();
        for row in &page {
            named_keys(kind, &row.cells, self.map, &mut named);
        }
        let national: Vec<String> =
            named.national_ids.iter().map(|n| self.checker.state.national_ids.hash(n)).collect();
        let households: Vec<&str> = named.households.iter().map(String::as_str).collect();
        let organisations: Vec<&str> = named.organisations.iter().map(String::as_str).collect();
        let citizens: Vec<&str> = named.citizens.iter().map(String::as_str).collect();
        self.checker.cache = Cache::default();
        self.checker.cache.preload(conn, self.checker.actor, &households, &organisations, &national, &citizens)?;
        let checking = std::time::Instant::now();
        self.spent.lookups += checking - started;
        let rows: Vec<(u64, Result<Checked, Vec<RowProblem>>)> = page
            .into_iter()
            .map(|row| (row.number, self.checker.check(conn, row.number, &row.cells, self.map)))
            .collect();
        let looking_up = std::time::Instant::now();
        self.spent.checking += looking_up - checking;
        let existing = if look_up { self.existing(conn, &rows)? } else { None };
        self.spent.lookups += looking_up.elapsed();
        Ok(CheckedPage { rows, existing, bytes_read: self.rows.bytes_read() })
    }

    /// The records already under the keys of a page's valid rows (for citizens, those the
    /// check loaded: a row updating one is checked as its update).
    fn existing(
        &mut self,
        conn: &mut DbConn,
        rows: &[(u64, Result<Checked, Vec<RowProblem>>)],
    ) -> Result<Option<Existing>, PersistenceError> {
        let keys: Vec<(i64, &str)> = rows.iter().filter_map(|(_, c)| c.as_ref().ok().map(Checked::identity)).collect();
        Ok(match self.checker.kind {
            ImportKind::Citizens => Some(Existing::Citizens(std::mem::take(&mut self.checker.cache.citizens))),
            ImportKind::Households => Some(Existing::Households(household::by_external_id(conn, &keys)?)),
            ImportKind::Organisations => Some(Existing::Organisations(organisation::by_external_id(conn, &keys)?)),
            ImportKind::Clans => Some(Existing::Clans(clan::by_external_id(conn, &keys)?)),
            ImportKind::LearningCentres => Some(Existing::Centres(centre::by_external_id(conn, &keys)?)),
            // Written with the caller's rights, not over records found by key.
            ImportKind::Villages | ImportKind::SelfAssessments => None,
        })
    }
}

/// The writing half of a job: what it carries from page to page.
struct Job<'a> {
    spec: &'a Spec,
    live: &'a Live,
    state: &'a AppState,
    map: &'a ColumnMap,
    /// (unit, key), by fingerprint → the row that had it first.
    seen: Seen,
    progress: Progress,
    errors: Errors,
    status: &'static str,
    writing: std::time::Duration,
    /// The size of the uploaded file.
    file_bytes: u64,
}

/// Rows read before `Seen` is sized for the whole file: enough for the reader's buffering to
/// be a small share of the bytes read.
const SIZED_AFTER: i64 = 20_000;

impl Job<'_> {
    /// Counts a checked page's rows, refuses a key met earlier in the file, and, when
    /// `write`, writes the valid rows.
    fn apply(&mut self, conn: &mut DbConn, page: CheckedPage, write: bool) -> Result<(), Stop> {
        let kind = self.spec.kind;
        self.progress.bytes_read = page.bytes_read as i64;
        // Once a few pages are read, their bytes a row tell how many the file holds.
        if (self.progress.rows_read..self.progress.rows_read + page.rows.len() as i64).contains(&SIZED_AFTER) {
            let rows = self.progress.rows_read as u64 + page.rows.len() as u64;
            self.seen.expect(rows, page.bytes_read, self.file_bytes);
        }
        let mut valid = Vec::with_capacity(page.rows.len());
        for (number, outcome) in page.rows {
            self.progress.rows_read += 1;
            match outcome {
                Ok(checked) => {
                    let (unit, key) = checked.identity();
                    match self.seen.first(unit, key, number) {
                        Some(first) => {
                            let problem = if kind == ImportKind::SelfAssessments {
                                RowProblem {
                                    column: Some("indicator"),
                                    value: Some(key.to_owned()),
                                    code: "duplicate_answer".into(),
                                    vi: format!("Chỉ tiêu này của hồ sơ đã được trả lời ở dòng {first} của tệp."),
                                    en: format!(
                                        "This indicator of the evaluation is already answered on row {first} of the file."
                                    ),
                                }
                            } else {
                                RowProblem {
                                    column: Some("external_id"),
                                    value: Some(key.to_owned()),
                                    code: "duplicate_external_id".into(),
                                    vi: format!("Mã này đã có ở dòng {first} của tệp, trong cùng đơn vị."),
                                    en: format!("This key is already on row {first} of the file, in the same unit."),
                                }
                            };
                            self.progress.rows_invalid += 1;
                            self.errors.add(kind, self.map, number, vec![problem]);
                        }
                        None => {
                            self.progress.rows_valid += 1;
                            valid.push(checked);
                        }
                    }
                }
                Err(problems) => {
                    self.progress.rows_invalid += 1;
                    self.errors.add(kind, self.map, number, problems);
                }
            }
        }
        let started = std::time::Instant::now();
        if write && !valid.is_empty() {
            self.status = "writing";
            let written = match kind {
                ImportKind::Villages => open_villages(conn, &self.spec.actor, self.spec.job_id, valid)?,
                ImportKind::SelfAssessments => super::answers::save(conn, self.state, &self.spec.actor, valid)?,
                _ => {
                    // A page to write was checked with its lookup (`Reader::check`).
                    let existing = page.existing.ok_or(Stop::Failed(ApiError::Internal))?;
                    write_rows(conn, self.spec.job_id, valid, existing)?
                }
            };
            self.progress.rows_created += written.created as i64;
            self.progress.rows_updated += written.updated as i64;
            self.progress.rows_unchanged += written.unchanged as i64;
        }
        self.writing += started.elapsed();
        *self.live.now.lock().unwrap_or_else(|p| p.into_inner()) = (self.status, self.progress.clone());
        if self.live.cancel.load(Ordering::Relaxed) {
            return Err(Stop::Cancelled);
        }
        Ok(())
    }
}

/// Whether a kind's pages can be checked on a connection of their own, ahead of the write of
/// the page before: its checks read nothing the job itself writes (what a row shares with an
/// earlier one of the file, its key or national ID, is checked from the job's own memory).
/// Clans (a household in two clans), centres (one a commune), villages and answers (which
/// take workflow steps) are checked after the page before is written, in its transaction.
fn checked_ahead(kind: ImportKind) -> bool {
    matches!(kind, ImportKind::Households | ImportKind::Citizens | ImportKind::Organisations)
}

/// Checks pages on a thread of its own, each on a pooled connection outside the job's
/// transaction, one page ahead of the write: the database writes a page while the next one is
/// read, checked and looked up. Sends `Ok(None)` at the end of the file, so that a channel
/// closed without it (the thread panicked) ends the job failed, never done with the pages so
/// far. Gives the reader back at the end, or when the writer stops taking pages.
fn check_ahead<'a>(
    state: &'a AppState,
    dry_run: bool,
    mut reader: Reader<'a>,
    send: std::sync::mpsc::SyncSender<Result<Option<CheckedPage>, Stop>>,
) -> Reader<'a> {
    loop {
        let checked = match reader.page() {
            // A dry run writes nothing, so needs no records to write over.
            Ok(Some(page)) => imports::look_up(&state.db, |conn| reader.check(conn, page, !dry_run)).map(Some),
            Ok(None) => Ok(None),
            Err(stop) => Err(stop),
        };
        let last = !matches!(checked, Ok(Some(_)));
        if send.send(checked).is_err() || last {
            break;
        }
    }
    reader
}

/// Opens the villages that are not there yet, each audited as `POST /api/v1/units` audits it.
fn open_villages(conn: &mut DbConn, actor: &Actor, job: i64, rows: Vec<Checked>) -> Result<Written, ApiError> {
    let mut written = Written::default();
    for row in rows {
        let Checked::Village(v) = row else { continue };
        if v.exists {
            written.unchanged += 1;
            continue;
        }
        let (unit, commune) = crate::villages::open(conn, actor, &v.request, v.division, v.valid_from)?;
        let dto = crate::dto::UnitDto::new(&unit, Some(&commune), None);
        let mut changes = crate::audit_log::diff(None, Some(&dto));
        if let Some(map) = changes.as_object_mut() {
            map.insert("import_job_id".into(), serde_json::json!({"before": null, "after": job}));
        }
        crate::audit_log::audit(conn, actor, "unit", unit.id, "create", Some(&unit), changes)?;
        written.created += 1;
    }
    Ok(written)
}

/// Writes checked rows, all of one kind, with the registry's multi-row import, over the records
/// already under their keys.
fn write_rows(
    conn: &mut DbConn,
    job: i64,
    rows: Vec<Checked>,
    existing: Existing,
) -> Result<Written, PersistenceError> {
    macro_rules! collect {
        ($variant:ident) => {
            rows.into_iter()
                .filter_map(|c| if let Checked::$variant(k) = c { Some(k) } else { None })
                .collect::<Vec<Keyed<_>>>()
        };
    }
    match existing {
        Existing::Households(found) => household::import(conn, job, &collect!(Household), found),
        Existing::Citizens(found) => citizen::import(conn, job, &collect!(Citizen), found),
        Existing::Organisations(found) => organisation::import(conn, job, &collect!(Organisation), found),
        Existing::Clans(found) => clan::import(conn, job, &collect!(Clan), found),
        Existing::Centres(found) => centre::import(conn, job, &collect!(Centre), found),
    }
}

/// Takes checked pages from `next` (on the writer's connection, inside its transaction) and
/// applies them: all in one transaction for `atomic`, a transaction a page for `per_row`.
fn write_pages(
    state: &AppState,
    spec: &Spec,
    job: &mut Job,
    mut next: impl FnMut(&mut DbConn) -> Result<Option<CheckedPage>, Stop>,
) -> Result<(), Stop> {
    match spec.mode {
        Mode::Atomic => state.db.write(|conn| {
            imports::use_indexes(conn)?;
            while let Some(page) = next(conn)? {
                // After the first bad row nothing more is written: the whole file is rolled
                // back at the end; the rest is still checked, so that every error is reported.
                let write = !spec.dry_run && job.progress.rows_invalid == 0;
                job.apply(conn, page, write)?;
            }
            if spec.dry_run || job.progress.rows_invalid > 0 { Err(Stop::RolledBack) } else { Ok(()) }
        }),
        Mode::PerRow => loop {
            let ended = state.db.write(|conn| -> Result<Option<bool>, Stop> {
                imports::use_indexes(conn)?;
                let Some(page) = next(conn)? else { return Ok(None) };
                job.apply(conn, page, !spec.dry_run)?;
                job.errors.flush(conn)?;
                Ok(Some(imports::progress(conn, job.spec.job_id, job.status, &job.progress)?))
            })?;
            match ended {
                None => return Ok(()),
                Some(true) => return Err(Stop::Cancelled),
                Some(false) => {}
            }
        },
    }
}

/// Runs a job to its end and records how it ended. Blocking: run it off the async threads.
pub fn run(state: &AppState, spec: Spec, live: Arc<Live>) {
    let id = spec.job_id;
    let ended = execute(state, &spec, &live);
    if let Err(e) = ended {
        tracing::error!(job = id, error = ?e, "import job could not record its end");
        let _ = state.db.write(|conn| {
            let p = Progress::default();
            let o = Outcome {
                state: "failed",
                progress: &p,
                warnings: "[]",
                failure_code: Some("internal_error"),
                failure_detail: None,
            };
            imports::finish(conn, id, &o).map(|_| ())
        });
    }
    state.imports.end(id);
}

fn execute(state: &AppState, spec: &Spec, live: &Live) -> Result<(), ApiError> {
    let id = spec.job_id;
    if !state.db.write(|conn| imports::start(conn, id))? {
        // Cancelled while it waited.
        return Ok(());
    }
    *live.now.lock().unwrap_or_else(|p| p.into_inner()) = ("validating", Progress::default());
    let fail = |code: &str, vi: String, en: String, progress: &Progress, warnings: &str| -> Result<(), ApiError> {
        let detail = bilingual(&vi, &en);
        state.db.write(|conn| {
            let o = Outcome {
                state: "failed",
                progress,
                warnings,
                failure_code: Some(code),
                failure_detail: Some(&detail),
            };
            imports::finish(conn, id, &o).map(|_| ())
        })?;
        Ok(())
    };
    let (rows, map) = match open_checked(spec.kind, spec.format, &spec.path, spec.sheet.as_deref()) {
        Ok(opened) => opened,
        Err(e) => {
            let (vi, en) = (e.problem(crate::i18n::Lang::Vi, None, None), e.problem(crate::i18n::Lang::En, None, None));
            return fail(&e.code().as_str(), vi.detail, en.detail, &Progress::default(), "[]");
        }
    };
    let units = state.db.read(|conn| UnitIndex::load(conn, &spec.actor))?;
    let headings = rows.headings().to_vec();
    let mut warnings: Vec<serde_json::Value> =
        map.ignored.iter().map(|h| serde_json::json!({"code": "column_ignored", "column": h})).collect();
    let mut reader = Reader {
        rows,
        map: &map,
        checker: Checker {
            kind: spec.kind,
            actor: &spec.actor,
            state,
            units: &units,
            cache: Cache::default(),
            national_ids: HashMap::new(),
            centres: HashMap::new(),
            answers: Default::default(),
        },
        spent: Spent::default(),
    };
    let mut job = Job {
        spec,
        live,
        state,
        map: &map,
        seen: Seen::default(),
        progress: Progress::default(),
        errors: Errors { job: id, headings, pending: Vec::new(), stored: 0 },
        status: "validating",
        writing: std::time::Duration::ZERO,
        file_bytes: std::fs::metadata(&spec.path).map(|m| m.len()).unwrap_or(0),
    };
    // The checking thread needs a connection besides the writer's.
    let (stopped, reader) = if checked_ahead(spec.kind) && state.db.pool_size() >= 2 {
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(1);
            let checking = std::thread::Builder::new()
                .name("imports-check".into())
                .spawn_scoped(scope, move || check_ahead(state, spec.dry_run, reader, send));
            let checking = match checking {
                Ok(handle) => handle,
                Err(e) => {
                    tracing::error!(error = %e, "cannot start an import's checking thread");
                    return (Err(Stop::Failed(ApiError::Internal)), None);
                }
            };
            let stopped = write_pages(state, spec, &mut job, |_| {
                receive.recv().unwrap_or_else(|_| {
                    tracing::error!(
                        job = spec.job_id,
                        "an import's checking thread stopped before the end of the file"
                    );
                    Err(Stop::Failed(ApiError::Internal))
                })
            });
            drop(receive);
            (stopped, checking.join().ok())
        })
    } else {
        let stopped = write_pages(state, spec, &mut job, |conn| match reader.page()? {
            Some(page) => reader.check(conn, page, !spec.dry_run).map(Some),
            None => Ok(None),
        });
        (stopped, Some(reader))
    };
    if let Some(reader) = &reader {
        warnings.extend(
            reader.rows.unknown_keys().into_iter().map(|k| serde_json::json!({"code": "key_ignored", "column": k})),
        );
    }
    if job.errors.stored >= MAX_STORED_ERRORS {
        warnings.push(serde_json::json!({"code": "errors_truncated", "stored": MAX_STORED_ERRORS}));
    }
    let spent = reader.map(|r| r.spent).unwrap_or_default();
    tracing::info!(
        job = id,
        kind = spec.kind.as_str(),
        rows = job.progress.rows_read,
        reading_ms = spent.reading.as_millis() as u64,
        lookups_ms = spent.lookups.as_millis() as u64,
        checking_ms = spent.checking.as_millis() as u64,
        writing_ms = job.writing.as_millis() as u64,
        "import job ran"
    );
    let mut progress = job.progress.clone();
    let (end, failure): (&str, Option<(String, String, String)>) = match stopped {
        Ok(()) => ("done", None),
        Err(Stop::RolledBack) if spec.dry_run => ("done", None),
        Err(Stop::RolledBack) => (
            "failed",
            Some((
                "import_rows_invalid".into(),
                format!(
                    "{} dòng có lỗi; không dòng nào được ghi. Sửa các dòng lỗi rồi nhập lại cả tệp.",
                    progress.rows_invalid
                ),
                format!(
                    "{} rows have errors; no row was written. Correct them and import the whole file again.",
                    progress.rows_invalid
                ),
            )),
        ),
        Err(Stop::Cancelled) => ("cancelled", None),
        Err(Stop::File(e)) => {
            let (vi, en) = file_error_texts(&e);
            ("failed", Some(("import_file_unreadable".into(), vi, en)))
        }
        Err(Stop::Failed(e)) => {
            tracing::error!(job = id, error = ?e, "import job failed");
            let (vi, en) = (e.problem(crate::i18n::Lang::Vi, None, None), e.problem(crate::i18n::Lang::En, None, None));
            ("failed", Some((e.code().as_str(), vi.detail, en.detail)))
        }
    };
    // An atomic import that did not end done was rolled back: nothing of it is kept.
    if spec.mode == Mode::Atomic && end != "done" {
        (progress.rows_created, progress.rows_updated, progress.rows_unchanged) = (0, 0, 0);
    }
    let warnings = serde_json::Value::Array(warnings).to_string();
    let detail = failure.as_ref().map(|(_, vi, en)| bilingual(vi, en));
    let errors = &mut job.errors;
    state.db.write(|conn| -> Result<(), ApiError> {
        errors.flush(conn)?;
        let outcome = Outcome {
            state: end,
            progress: &progress,
            warnings: &warnings,
            failure_code: failure.as_ref().map(|(code, _, _)| code.as_str()),
            failure_detail: detail.as_deref(),
        };
        let finished = imports::finish(conn, id, &outcome)?;
        // One audit row for the job: who, which file, what came of it. Each record it wrote
        // names the job (import_job_id), so no audit row per record doubles the write.
        let changes = serde_json::json!({
            "kind": finished.kind, "file_name": finished.file_name, "file_sha256": finished.file_sha256,
            "mode": finished.mode, "dry_run": finished.dry_run, "state": finished.state,
            "rows_read": finished.rows_read, "rows_invalid": finished.rows_invalid,
            "rows_created": finished.rows_created, "rows_updated": finished.rows_updated,
            "rows_unchanged": finished.rows_unchanged,
        });
        crate::audit_log::audit(conn, &spec.actor, "import_job", id, "import", None, changes)
    })?;
    if progress.rows_created + progress.rows_updated > 0 {
        let _ = state.db.read(|conn| imports::analyze(conn, spec.kind.table()));
    }
    // The upload is kept only while its errors may be asked for as a workbook.
    if progress.rows_invalid == 0 {
        let _ = std::fs::remove_file(&spec.path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn a_pair_met_again_names_the_row_that_had_it_first() {
        let mut seen = Seen::default();
        for row in 0..100_000u64 {
            assert_eq!(seen.first(7, &format!("H{row}"), row + 2), None);
        }
        assert_eq!(seen.first(7, "H41", 100_002), Some(43));
        // The same key in another unit is another record.
        assert_eq!(seen.first(8, "H41", 100_003), None);
        assert_eq!(seen.first(8, "H41", 100_004), Some(100_003));
        assert_eq!(seen.rows.len(), 100_001);
    }
}
