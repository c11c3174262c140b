//! `/api/v1/imports`: bulk imports as jobs. The upload is streamed to disk (never held whole),
//! its headings checked at once, and a job runs it; the job, its errors (JSON, CSV, or the
//! failed rows as a workbook to correct) and its cancellation are read here.

use super::support::{db, encode_id_cursor, file, format_of, idempotency_key};
use crate::auth::Actor;
use crate::dto::*;
use crate::error::{ApiError, FieldError, Issue, Problem};
use crate::i18n::Lang;
use crate::imports::{self, Mode, Spec, check::UnitIndex, kinds::ImportKind};
use crate::report_files::{CSV, XLSX};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use std::io::Write;
use xhht_import_files::read::Format;
use xhht_persistence::imports::{self as jobs, Job, NewJob};
use xhht_persistence::{Conflict, Record};

/// The job, if the caller may see it: its own, or any for an administrator.
fn visible(job: Job, actor: &Actor) -> Result<Job, ApiError> {
    if job.account_id == actor.id || actor.is_admin() { Ok(job) } else { Err(ApiError::NotFound(Record::ImportJob)) }
}

/// The format of the upload: as asked, else by its media type, else by its first bytes.
fn upload_format(req: &HttpRequest, asked: Option<ImportFormat>, head: &[u8]) -> Result<Format, ApiError> {
    let media = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    let named = match media.as_deref() {
        // What says nothing of the format (curl's default among them).
        None | Some("" | "application/octet-stream" | "text/plain" | "application/x-www-form-urlencoded") => None,
        Some(media) => Some(Format::from_media_type(media).ok_or(ApiError::UnsupportedMediaType)?),
    };
    Ok(match (asked.map(imports::format_of), named) {
        (Some(format), _) | (None, Some(format)) => format,
        // Else the first bytes tell.
        (None, None) => Format::sniff(head),
    })
}

/// An upload in the spool that no job has taken yet: removed when dropped, so that every way
/// out of the request before the job exists leaves nothing behind.
struct Upload {
    path: std::path::PathBuf,
    sha256: String,
    size: u64,
    /// The first bytes, to tell the format by.
    head: Vec<u8>,
    /// Taken by a job: no longer removed on drop.
    kept: bool,
}

impl Upload {
    /// Hands the file to the job: renamed to the job's name, no longer removed on drop.
    fn into_job(mut self, to: std::path::PathBuf) -> Result<std::path::PathBuf, ApiError> {
        std::fs::rename(&self.path, &to).map_err(|_| ApiError::Internal)?;
        self.kept = true;
        Ok(to)
    }
}

impl Drop for Upload {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Writes the body to a file in the spool, with its SHA-256 and size.
async fn spool_upload(state: &web::Data<AppState>, mut payload: web::Payload) -> Result<Upload, ApiError> {
    let spool = state.spool.clone();
    std::fs::create_dir_all(&spool.dir).map_err(|_| ApiError::Internal)?;
    let path = spool.dir.join(format!("upload-{}", uuid::Uuid::new_v4()));
    let file = std::fs::File::create(&path).map_err(|_| ApiError::Internal)?;
    let mut upload = Upload { path, sha256: String::new(), size: 0, head: Vec::new(), kept: false };
    let mut out = Some(std::io::BufWriter::with_capacity(1 << 20, file));
    let mut hash = Sha256::new();
    let mut buffered: Vec<u8> = Vec::with_capacity(1 << 20);
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::InvalidJson(None))?;
        upload.size += chunk.len() as u64;
        if upload.size > spool.max_bytes {
            return Err(ApiError::PayloadTooLarge { limit: usize::try_from(spool.max_bytes).unwrap_or(usize::MAX) });
        }
        if upload.head.len() < 4096 {
            let take = chunk.len().min(4096 - upload.head.len());
            upload.head.extend_from_slice(&chunk[..take]);
        }
        hash.update(&chunk);
        buffered.extend_from_slice(&chunk);
        if buffered.len() >= 1 << 20 {
            let (mut writer, data) = (out.take().ok_or(ApiError::Internal)?, std::mem::take(&mut buffered));
            let back = web::block(move || writer.write_all(&data).map(|()| writer)).await;
            out = Some(back.map_err(|_| ApiError::Internal)?.map_err(|_| ApiError::Internal)?);
        }
    }
    let mut writer = out.ok_or(ApiError::Internal)?;
    let finished = web::block(move || writer.write_all(&buffered).and_then(|()| writer.flush())).await;
    finished.map_err(|_| ApiError::Internal)?.map_err(|_| ApiError::Internal)?;
    if upload.size == 0 {
        return Err(ApiError::Validation(vec![FieldError::new("body", Issue::Required)]));
    }
    upload.sha256 = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(upload)
}

fn accepted(job: &Job, req: &HttpRequest, state: &AppState) -> Result<HttpResponse, ApiError> {
    let live = state.imports.get(job.id);
    let dto = imports::job_dto(job, live.as_deref(), Lang::of(req))?;
    Ok(HttpResponse::Accepted().insert_header((header::LOCATION, format!("/api/v1/imports/{}", job.id))).json(dto))
}

/// Starts an import: the body is the file (CSV, XLSX, JSON array or NDJSON).
#[utoipa::path(
    operation_id = "createImport", tag = "imports", security(("bearer" = [])),
    description = "Starts an import of one kind of record from a file: CSV (UTF-8, UTF-8 with a byte-order mark, or UTF-16 as Excel saves \"Unicode text\"; comma, semicolon or tab), XLSX (the first sheet, or `sheet`), a JSON array of objects, or NDJSON. Columns are matched by their Vietnamese heading or English key, as the template (`GET /api/v1/imports/templates/{kind}.xlsx`) has them. The file is checked for its headings at once; its rows are checked and written by a job, whose state the `Location` gives. Each row's `external_id` identifies its record within its unit: importing the same file again changes nothing, and changed rows update their records.",
    params(ImportQuery, ("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key and file returns the first job")),
    request_body(content(
        (String = "text/csv"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (Vec<Object> = "application/json"),
        (String = "application/x-ndjson"),
    ), description = "The file, as the body"),
    responses(
        (status = 202, description = "The job, queued", body = ImportJobDto, headers(("Location" = String, description = "The job's URL"))),
        (status = 413, description = "The file is larger than the configured limit (`payload_too_large`)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The media type is not one of the four formats (`unsupported_media_type`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body is empty (`validation_failed`); the file cannot be read at all, e.g. a broken workbook or an unknown encoding (`import_file_unreadable`); a required column is missing (`import_columns_missing`: each is named, and the detail lists the columns read); or the Idempotency-Key was used with another file (`idempotency_key_reused`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create_import(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    query: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    actor.require(imports::kind_of(q.kind).permission())?;
    let mut problems = Vec::new();
    for (name, value, max) in [("sheet", &q.sheet, 31u64), ("file_name", &q.file_name, 255)] {
        let Some(value) = value else { continue };
        if value.chars().any(char::is_control) {
            problems.push(FieldError::rule(name, crate::i18n::Rule::ControlCharacter));
        } else if value.is_empty() || value.chars().count() as u64 > max {
            problems.push(FieldError::new(name, Issue::Length { min: Some(1), max: Some(max) }));
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidQuery(problems));
    }
    let key = idempotency_key(&req)?;
    let upload = spool_upload(&state, payload).await?;
    let format = upload_format(&req, q.format, &upload.head)?;
    let kind = imports::kind_of(q.kind);
    let mode = match q.mode {
        Some(ImportMode::PerRow) => Mode::PerRow,
        _ => Mode::Atomic,
    };
    let dry_run = q.dry_run.unwrap_or(false);
    let (checked_path, sheet) = (upload.path.clone(), q.sheet.clone());
    // The headings are checked before a job exists: a file that cannot be read, or lacks a
    // column, is answered at once.
    // So is a first row that cannot be read (a JSON element that is not an object, say).
    web::block(move || {
        let (mut rows, _) = imports::run::open_checked(kind, format, &checked_path, sheet.as_deref())?;
        match rows.next_row() {
            Some(Err(e)) => {
                let (vi, en) = imports::run::file_error_texts(&e);
                Err(ApiError::ImportFileUnreadable { vi, en })
            }
            _ => Ok(()),
        }
    })
    .await
    .map_err(|_| ApiError::Internal)??;
    let (account, file_name, sheet) = (actor.id, q.file_name.clone(), q.sheet.clone());
    let (key_for_db, sha_for_db, size) = (key.clone(), upload.sha256.clone(), upload.size);
    let created = db(&state, move |database| {
        database.write(|conn| {
            let new = NewJob {
                account_id: account,
                idempotency_key: key_for_db.as_deref(),
                kind: kind.as_str(),
                format: format.as_str(),
                mode: mode.as_str(),
                dry_run,
                file_name: file_name.as_deref(),
                file_sha256: &sha_for_db,
                file_bytes: i64::try_from(size).unwrap_or(i64::MAX),
                sheet: sheet.as_deref(),
            };
            Ok::<_, ApiError>(jobs::create(conn, &new)?)
        })
    })
    .await?;
    let job = match created {
        Ok(job) => job,
        Err(earlier) => {
            // A retry: the first job answers, if it was for the same file and request.
            let same = earlier.file_sha256 == upload.sha256
                && earlier.kind == kind.as_str()
                && earlier.mode == mode.as_str()
                && earlier.dry_run == dry_run;
            return if same {
                accepted(&earlier, &req, &state)
            } else {
                Err(ApiError::Conflict(Conflict::IdempotencyKeyReused))
            };
        }
    };
    let upload = upload.into_job(state.spool.upload(job.id))?;
    let spec = Spec { job_id: job.id, kind, format, sheet: q.sheet, mode, dry_run, path: upload, actor };
    state.imports.submit(state.clone().into_inner(), spec);
    accepted(&job, &req, &state)
}

/// The caller's imports, newest first (every account's, for an administrator).
#[utoipa::path(
    operation_id = "listImports", tag = "imports", security(("bearer" = [])), params(ImportListQuery),
    responses((status = 200, description = "One page of jobs", body = ImportJobPage))
)]
#[get("")]
pub async fn list_imports(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    query: web::Query<ImportListQuery>,
) -> Result<web::Json<ImportJobPage>, ApiError> {
    let q = query.into_inner();
    let (limit, before) = super::support::id_page(q.limit, &q.cursor)?;
    let account = (!actor.is_admin()).then_some(actor.id);
    let found =
        db(&state, move |database| database.read(|conn| Ok::<_, ApiError>(jobs::list(conn, account, before, limit)?)))
            .await?;
    let lang = Lang::of(&req);
    let next_cursor = (found.len() as i64 == limit).then(|| found.last().map(|j| encode_id_cursor(j.id))).flatten();
    let items = found
        .iter()
        .map(|j| imports::job_dto(j, state.imports.get(j.id).as_deref(), lang))
        .collect::<Result<_, _>>()?;
    Ok(web::Json(ImportJobPage { items, next_cursor }))
}

async fn job_of(state: &web::Data<AppState>, actor: Actor, id: i64) -> Result<Job, ApiError> {
    db(state, move |database| database.read(|conn| visible(jobs::get(conn, id)?, &actor))).await
}

/// One import: its state, counts, progress and timing.
#[utoipa::path(
    operation_id = "getImport", tag = "imports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Job id")),
    responses(
        (status = 200, description = "The job", body = ImportJobDto),
        (status = 404, description = "No such job of the caller's (`import_job_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_import(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<web::Json<ImportJobDto>, ApiError> {
    let job = job_of(&state, actor, id.into_inner()).await?;
    Ok(web::Json(imports::job_dto(&job, state.imports.get(job.id).as_deref(), Lang::of(&req))?))
}

/// Cancels an import. A queued job stops at once; a running one at the end of its page of
/// rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.
#[utoipa::path(
    operation_id = "cancelImport", tag = "imports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Job id")),
    responses(
        (status = 202, description = "Cancellation asked for; the job as it now is", body = ImportJobDto),
        (status = 404, description = "No such job of the caller's (`import_job_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The job has ended (`import_finished`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/{id}")]
pub async fn cancel_import(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let job = db(&state, move |database| {
        database.write(|conn| {
            let job = visible(jobs::get(conn, id)?, &actor)?;
            if job.finished() {
                return Err(ApiError::ImportFinished { state: job.state });
            }
            Ok(jobs::cancel(conn, id)?)
        })
    })
    .await?;
    if let Some(live) = state.imports.get(id) {
        live.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let dto = imports::job_dto(&job, state.imports.get(id).as_deref(), Lang::of(&req))?;
    Ok(HttpResponse::Accepted().json(dto))
}

/// The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
/// with an error column and the bad cells in red, to correct and upload again.
#[utoipa::path(
    operation_id = "getImportErrors", tag = "imports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Job id"), ImportErrorsQuery),
    responses(
        (status = 200, description = "The errors, in row order", content(
            (ImportErrorList = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 404, description = "No such job of the caller's (`import_job_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/errors")]
pub async fn get_import_errors(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    query: web::Query<ImportErrorsQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let lang = Lang::of(&req);
    let format = format_of(&req, query.format);
    let upload = state.spool.upload(id);
    let (job, errors) = db(&state, move |database| {
        database.read(|conn| {
            let job = visible(jobs::get(conn, id)?, &actor)?;
            let errors = jobs::errors(conn, id, 0, imports::run::MAX_STORED_ERRORS as i64)?;
            Ok::<_, ApiError>((job, errors))
        })
    })
    .await?;
    let name = format!("loi-nhap-{id}");
    Ok(match format {
        ReportFormat::Json => HttpResponse::Ok().json(ImportErrorList {
            job_id: id,
            rows_invalid: job.rows_invalid,
            items: errors.iter().map(|e| imports::error_dto(e, lang)).collect(),
        }),
        ReportFormat::Csv => file(imports::errors_csv(&errors, lang)?, CSV, format!("{name}.csv")),
        ReportFormat::Xlsx => {
            let body = web::block(move || imports::errors_xlsx(&job, &upload, &errors, lang)).await??;
            file(body, XLSX, format!("{name}.xlsx"))
        }
    })
}

/// The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
/// row, instructions, and drop-down lists of the values and of the caller's units.
#[utoipa::path(
    operation_id = "getImportTemplate", tag = "imports", security(("bearer" = [])),
    params(("kind" = ImportKindParam, Path, description = "What the template is for")),
    responses(
        (status = 200, description = "The template", content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    )
)]
#[get("/templates/{kind}.xlsx")]
pub async fn get_import_template(
    state: web::Data<AppState>,
    actor: Actor,
    kind: web::Path<ImportKindParam>,
) -> Result<HttpResponse, ApiError> {
    let kind: ImportKind = imports::kind_of(kind.into_inner());
    actor.require(kind.permission())?;
    let body = db(&state, move |database| {
        let units = database.read(|conn| UnitIndex::load(conn, &actor))?;
        imports::template_xlsx(kind, &units)
    })
    .await?;
    Ok(file(body, XLSX, format!("mau-nhap-{}.xlsx", kind.as_str())))
}
