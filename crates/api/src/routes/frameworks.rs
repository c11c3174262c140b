//! `/api/v1/frameworks`: criteria frameworks as versioned documents; publishing and retiring;
//! scoring previews that store nothing.

use super::support::{
    audit, create_once, db, decode_id_cursor, diff, encode_id_cursor, etag, file, format_of, if_match, limit, today,
};
use crate::auth::{Actor, MaybeActor};
use crate::criteria::{applicable, drafts_visible_to, may_see, parse};
use crate::dto::{
    AdoptRequest, ApplicableFramework, ApplicableQuery, DiffQuery, FrameworkDetail, FrameworkDiff, FrameworkListQuery,
    FrameworkOwner, FrameworkPage, FrameworkQuery, FrameworkSummary, FrameworkUploadQuery, NewFrameworkRequest,
    ReportFormat, ScoreRequest, ScoreResponse,
};
use crate::error::{ApiError, FieldError, Issue, OrMissing, Problem};
use crate::extract::JsonBody;
use crate::framework_files;
use crate::i18n::Rule;
use crate::reference::{self, Rendered};
use crate::report_files::{CSV, XLSX};
use crate::scoring::{parse_answers, parse_metrics, score_rejected, shipped_row};
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, post, web};
use chrono::Datelike;
use futures_util::future::LocalBoxFuture;
use std::sync::Arc;
use xhht_domain::{Permission, UnitLevel};
use xhht_evaluation::{
    Context, Framework, FrameworkError, FrameworkRef, FrameworkStatus, LegalDocument, Subject, SubjectType, validate,
};
use xhht_framework_sheets::{CellError, Workbook};
use xhht_persistence::frameworks::{self, FrameworkFilter, FrameworkRow};
use xhht_persistence::units::Unit;
use xhht_persistence::{DbConn, PersistenceError, Record, units};

fn invalid(errors: Vec<FrameworkError>) -> ApiError {
    invalid_in(errors, None)
}

/// The problems of a document; for one uploaded as a workbook, each named by the cell it came
/// from (`'Chỉ tiêu'!F7`) and its message prefixed with where that is.
fn invalid_in(errors: Vec<FrameworkError>, book: Option<&Workbook>) -> ApiError {
    ApiError::FrameworkInvalid(
        errors
            .into_iter()
            .map(|e| {
                let code =
                    serde_json::to_value(e.code).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                match book.and_then(|b| b.locate(&e.path)) {
                    Some(cell) => FieldError::new(
                        cell.a1(),
                        Issue::Message {
                            code,
                            vi: format!("{}: {}", cell.describe_vi(), e.message_vi),
                            en: format!("{}: {}", cell.describe_en(), e.message_en),
                        },
                    ),
                    None => FieldError::new(
                        format!("document{}", e.path),
                        Issue::Message { code, vi: e.message_vi, en: e.message_en },
                    ),
                }
            })
            .collect(),
    )
}

/// Cells of an uploaded workbook that could not be read.
fn unreadable_cells(errors: Vec<CellError>) -> ApiError {
    ApiError::FrameworkInvalid(
        errors
            .into_iter()
            .map(|e| {
                let field = if e.at.sheet.is_empty() { "file".to_owned() } else { e.at.a1() };
                FieldError::new(field, Issue::Message { code: e.code.to_owned(), vi: e.message_vi, en: e.message_en })
            })
            .collect(),
    )
}

fn summary(row: &FrameworkRow, document: &Framework) -> FrameworkSummary {
    FrameworkSummary {
        id: row.id,
        key: row.framework_key.clone(),
        version: row.version,
        status: row.status,
        model_kind: row.model_kind,
        name_vi: row.name_vi.clone(),
        valid_from: row.valid_from,
        valid_to: row.valid_to,
        province_id: row.province_id,
        shipped: row.shipped,
        template: row.template,
        adopted_from: document.adopted_from.clone(),
        usable_for_recognition: document.may_recognise(),
        missing: document.missing.clone(),
        row_version: row.row_version,
        created_at: row.created_at.and_utc(),
        published_at: row.published_at.map(|t| t.and_utc()),
        retired_at: row.retired_at.map(|t| t.and_utc()),
    }
}

fn detail(row: &FrameworkRow) -> Result<FrameworkDetail, ApiError> {
    let document = parse(row)?;
    let value = serde_json::from_str(&row.document).map_err(|_| ApiError::Internal)?;
    Ok(FrameworkDetail { summary: summary(row, &document), document: value })
}

fn detail_response(status: actix_web::http::StatusCode, d: &FrameworkDetail) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(d.summary.row_version)));
    if status == actix_web::http::StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/frameworks/{}", d.summary.id)));
    }
    response.json(d)
}

/// National frameworks belong to administrators; a provincial one to the officers of its
/// province (and administrators).
fn require_owner(conn: &mut DbConn, actor: &Actor, province_id: Option<i64>) -> Result<(), ApiError> {
    actor.require(Permission::ManageFrameworks)?;
    match province_id {
        None if actor.is_admin() => Ok(()),
        None => Err(ApiError::OutOfScope),
        Some(id) => {
            let unit = units::get(conn, id)?;
            actor.require_in(Permission::ManageFrameworks, &unit.path)
        }
    }
}

/// A version the caller may read; another province's draft is not there for them.
fn readable(conn: &mut DbConn, caller: &MaybeActor, id: i64) -> Result<FrameworkRow, ApiError> {
    let row = frameworks::get(conn, id)?;
    if may_see(row.status, row.province_id, drafts_visible_to(caller).as_deref()) {
        Ok(row)
    } else {
        Err(ApiError::NotFound(Record::Framework))
    }
}

/// Lists framework versions (public: criteria are public law).
#[utoipa::path(
    operation_id = "listFrameworks",
    tag = "frameworks",
    params(FrameworkListQuery),
    security((), ("bearer" = [])),
    responses((status = 200, description = "One page of framework versions, oldest first. A province's drafts are listed only to the accounts that cover the province (and administrators)", body = FrameworkPage))
)]
#[get("")]
pub async fn list_frameworks(
    state: web::Data<AppState>,
    caller: MaybeActor,
    query: web::Query<FrameworkListQuery>,
) -> Result<web::Json<FrameworkPage>, ApiError> {
    let query = query.into_inner();
    let mut problems = Vec::new();
    let limit = limit(query.limit).map_err(|e| problems.push(e)).unwrap_or_default();
    let after = super::support::cursor(&query.cursor)
        .map(decode_id_cursor)
        .transpose()
        .map_err(|e| problems.push(e))
        .unwrap_or_default();
    if !problems.is_empty() {
        return Err(ApiError::InvalidQuery(problems));
    }
    let filter = FrameworkFilter {
        model_kind: query.model_kind,
        status: query.status,
        valid_on: query.valid_on,
        key: query.key,
        template: query.template,
        province_id: query.province_id,
        drafts_of: drafts_visible_to(&caller),
    };
    let rows =
        db(&state, move |database| Ok(database.read(|conn| frameworks::list(conn, &filter, after, limit))?)).await?;
    let items = rows.iter().map(|r| parse(r).map(|d| summary(r, &d))).collect::<Result<Vec<_>, _>>()?;
    let next_cursor = (items.len() as i64 == limit).then(|| items.last().map(|i| encode_id_cursor(i.id))).flatten();
    Ok(web::Json(FrameworkPage { items, next_cursor }))
}

/// Reads one framework version: its whole document as JSON, the workbook an official edits
/// and uploads back (`format=xlsx`), or its indicators as CSV.
#[utoipa::path(
    operation_id = "getFramework",
    tag = "frameworks",
    params(("id" = i64, Path, description = "Framework version id"), FrameworkQuery, ("If-None-Match" = Option<String>, Header, description = "ETags the client holds: 304 when one of them is current")),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The framework version", content(
            (FrameworkDetail = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ), headers(("ETag" = String, description = "The row version, for If-Match on transitions"),
                   ("Cache-Control" = String, description = "JSON: how long a portal may keep a public version; a province's draft is not kept"))),
        (status = 304, description = "JSON only: an ETag sent in If-None-Match is current",
            headers(("ETag" = String, description = "The current tag"))),
        (status = 404, description = "No framework version with this id, or another province's draft", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A text is longer than an Excel cell holds (32,767 characters): read it as JSON (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_framework(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: MaybeActor,
    id: web::Path<i64>,
    query: web::Query<FrameworkQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let format = format_of(&req, query.format);
    // Checked whatever the format, though only JSON answers 304.
    let tags = super::support::if_none_match(&req)?;
    if format == ReportFormat::Json {
        // Public versions from memory while no reference data changed; a province's draft is
        // read (and its reader checked) every time.
        if let Some(version) = state.db.reference_version()
            && let Some(hit) = state.reference.framework(version, id)
        {
            return Ok(hit.respond(tags.as_deref(), reference::PUBLIC_MAX_AGE));
        }
        let app = state.clone();
        let (rendered, public) = db(&state, move |database| {
            database.read(|conn| {
                let version = xhht_persistence::reference::current(conn)?;
                if let Some(hit) = app.reference.framework(version, id) {
                    return Ok::<_, ApiError>((hit, true));
                }
                let row = readable(conn, &caller, id)?;
                let body = serde_json::to_vec(&detail(&row)?).map_err(|_| ApiError::Internal)?;
                let rendered = Arc::new(Rendered::with_etag(body, row.row_version));
                let public = !(row.status == FrameworkStatus::Draft && row.province_id.is_some());
                if public {
                    app.reference.keep_framework(version, id, rendered.clone());
                }
                Ok((rendered, public))
            })
        })
        .await?;
        return Ok(
            rendered.respond(tags.as_deref(), if public { reference::PUBLIC_MAX_AGE } else { reference::PRIVATE })
        );
    }
    let row = db(&state, move |database| database.read(|conn| readable(conn, &caller, id))).await?;
    let detail = detail(&row)?;
    let name = format!("{}.v{}", row.framework_key, row.version);
    let respond = |body: Vec<u8>, content_type: &'static str, extension: &str| {
        let mut response = file(body, content_type, format!("{name}.{extension}"));
        response.headers_mut().insert(header::ETAG, etag(row.row_version));
        response
    };
    Ok(match format {
        ReportFormat::Json => detail_response(actix_web::http::StatusCode::OK, &detail),
        ReportFormat::Xlsx => respond(xhht_framework_sheets::write(&parse(&row)?).map_err(sheet_error)?, XLSX, "xlsx"),
        ReportFormat::Csv => respond(framework_files::indicators_csv(&parse(&row)?)?, CSV, "csv"),
    })
}

fn sheet_error(e: rust_xlsxwriter::XlsxError) -> ApiError {
    if matches!(e, rust_xlsxwriter::XlsxError::MaxStringLengthExceeded) {
        return ApiError::ReferenceConflict(vec![FieldError::rule("format", Rule::TooLongForExcel)]);
    }
    tracing::error!(error = %e, "cannot write a framework workbook");
    ApiError::Internal
}

/// A new framework version as sent: a JSON request, or a workbook as `GET …?format=xlsx`
/// gives it, edited.
pub enum FrameworkUpload {
    Json(NewFrameworkRequest),
    Workbook(web::Bytes),
}

impl FromRequest for FrameworkUpload {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_workbook = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with(xhht_framework_sheets::XLSX_MEDIA_TYPE));
        if is_workbook {
            let bytes = web::Bytes::from_request(req, payload);
            Box::pin(async move { Ok(FrameworkUpload::Workbook(bytes.await?)) })
        } else {
            let json = JsonBody::<NewFrameworkRequest>::from_request(req, payload);
            Box::pin(async move { Ok(FrameworkUpload::Json(json.await?.into_inner())) })
        }
    }
}

/// Checks the owner and stores `document` as the next draft version of its id.
fn store_draft(
    conn: &mut DbConn,
    actor: &Actor,
    mut document: Framework,
    province_id: Option<i64>,
    book: Option<&Workbook>,
) -> Result<FrameworkRow, ApiError> {
    if let Some(id) = province_id {
        province_in_force(conn, id, "province_id")?;
    }
    let earlier = frameworks::versions(conn, &document.id)?;
    if let Some(first) = earlier.first()
        && first.province_id != province_id
    {
        return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
            "province_id",
            Rule::OwnerDiffersFromEarlierVersions,
        )]));
    }
    require_owner(conn, actor, province_id)?;
    let next = earlier.last().map_or(1, |r| r.version + 1);
    document.version = u32::try_from(next).unwrap_or(1);
    document.status = FrameworkStatus::Draft;
    // Templates are national starting points; a province's framework is its own criteria.
    if province_id.is_some() {
        document.template = false;
    }
    validate(&document).map_err(|errors| invalid_in(errors, book))?;
    let mut new = shipped_row(&document);
    new.shipped = false;
    new.province_id = province_id;
    let row = frameworks::insert(conn, &new)?;
    let d = detail(&row)?;
    let province = province_id.map(|id| units::get(conn, id)).transpose()?;
    let changes = diff(None, Some(&d.summary));
    audit(conn, actor, "framework", row.id, "create", province.as_ref(), changes)?;
    Ok(row)
}

/// A province in force, or a 409 naming the field.
fn province_in_force(conn: &mut DbConn, id: i64, field: &'static str) -> Result<Unit, ApiError> {
    let not_a_province = || ApiError::ReferenceConflict(vec![FieldError::rule(field, Rule::NotAProvinceInForce)]);
    let unit = units::get(conn, id).or_missing(not_a_province)?;
    if unit.level != UnitLevel::Province || unit.valid_to.is_some() {
        return Err(not_a_province());
    }
    Ok(unit)
}

/// Creates a framework, or the next version of one (same document `id`), as a draft: from a
/// JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
/// (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
/// province in `province_id`). Administrators create national frameworks; provincial
/// officers, their province's.
#[utoipa::path(
    operation_id = "createFramework",
    tag = "frameworks",
    params(FrameworkUploadQuery),
    request_body(content(
        (NewFrameworkRequest = "application/json"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new draft version", body = FrameworkDetail,
            headers(("Location" = String, description = "The version's URL"), ("ETag" = String, description = "The row version"))),
        (status = 415, description = "The body is neither JSON nor an XLSX workbook", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "That version was created at the same moment by someone else, or `province_id` is not a province in force or differs from the earlier versions' (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The document is invalid, or a cell of the workbook cannot be read (`framework_invalid`; for a workbook each error names its cell, e.g. `'Chỉ tiêu'!F7`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create_framework(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<FrameworkUploadQuery>,
    body: FrameworkUpload,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageFrameworks)?;
    let (document, province_id, book) = match body {
        FrameworkUpload::Json(body) => {
            let province_id = match (body.province_id, query.province_id) {
                (Some(a), Some(b)) if a != b => {
                    return Err(ApiError::Validation(vec![FieldError::rule("province_id", Rule::ProvinceDiffers)]));
                }
                (a, b) => a.or(b),
            };
            let document: Framework =
                serde_json::from_value(body.document).map_err(|e| invalid(vec![FrameworkError::parse(&e)]))?;
            (document, province_id, None)
        }
        FrameworkUpload::Workbook(bytes) => {
            let book = xhht_framework_sheets::read(&bytes).map_err(unreadable_cells)?;
            (book.framework.clone(), query.province_id, Some(book))
        }
    };
    let row = db(&state, move |database| {
        database.write(|conn| store_draft(conn, &actor, document, province_id, book.as_ref()))
    })
    .await?;
    Ok(detail_response(actix_web::http::StatusCode::CREATED, &detail(&row)?))
}

/// The framework id of an adopted copy: `tinh-<province code>.<source without "mau.">.<year>`.
fn adopted_key(province: &Unit, source: &str, year: i32) -> String {
    let code: String = province.code.to_ascii_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    format!("tinh-{code}.{}.{year}", source.strip_prefix("mau.").unwrap_or(source))
}

/// The province's copy of `source`: its decision the legal basis, the source's own basis
/// among the related documents, everything the source left unknown still listed as missing.
fn adopted(source: &Framework, province: &Unit, request: &AdoptRequest) -> Framework {
    let decision = &request.decision;
    let mut copy = source.clone();
    copy.id = request.key.clone().unwrap_or_else(|| adopted_key(province, &source.id, decision.issued_on.year()));
    copy.version = 1;
    copy.status = FrameworkStatus::Draft;
    copy.template = false;
    copy.adopted_from = Some(FrameworkRef { id: source.id.clone(), version: source.version });
    copy.name_vi = request
        .name_vi
        .clone()
        .unwrap_or_else(|| format!("Bộ tiêu chí “{}” của {}", source.model_kind.name_vi(), province.name));
    copy.name_en = Some(format!("{} criteria of {}", source.model_kind.name_en(), province.name));
    let mut related = vec![source.legal_basis.clone()];
    related.extend(source.related_documents.iter().filter(|d| d.number != decision.number).cloned());
    copy.related_documents = related;
    copy.legal_basis = LegalDocument {
        number: decision.number.clone(),
        title_vi: decision.title_vi.clone(),
        issuer_vi: decision.issuer_vi.clone(),
        issued_on: Some(decision.issued_on),
        in_force_from: decision.in_force_from,
        articles: decision.articles.clone(),
        signer_vi: Some(decision.signer_vi.clone()),
    };
    copy.valid_from = request.valid_from.or(decision.in_force_from).or(Some(decision.issued_on));
    copy.valid_to = None;
    copy.supersedes = None;
    copy
}

/// Adopts a template, or a national framework, as a draft of the province's own under the
/// province's decision. The officer then completes the draft (a new version through
/// `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.
#[utoipa::path(
    operation_id = "adoptFramework",
    tag = "frameworks",
    params(
        ("id" = i64, Path, description = "The template's or national framework's version id"),
        ("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result"),
    ),
    request_body = AdoptRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The province's draft", body = FrameworkDetail,
            headers(("Location" = String, description = "The draft's URL"))),
        (status = 404, description = "No framework version with this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The framework is a province's own, or retired: only national templates and frameworks in use are adopted (`reference_conflict`); `province_id` is not a province in force (`reference_conflict`); or the province has a framework with this id already (`framework_version_exists`: pass another `key`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/adopt")]
pub async fn adopt_framework(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<AdoptRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageFrameworks)?;
    body.validate()?;
    let request = body.into_inner();
    if let Some(key) = &request.key
        && !xhht_evaluation::is_framework_id(key)
    {
        return Err(ApiError::Validation(vec![FieldError::rule("key", Rule::FrameworkKey)]));
    }
    let id = id.into_inner();
    let body = request.clone();
    create_once(&state, &req, "adopt_framework", actor.id, &body, "/api/v1/frameworks", move |conn| {
        let source_row = frameworks::get(conn, id)?;
        if source_row.province_id.is_some() || source_row.status == FrameworkStatus::Retired {
            return Err(ApiError::ReferenceConflict(vec![FieldError::rule("id", Rule::NotAdoptable)]));
        }
        let province = province_in_force(conn, request.province_id, "province_id")?;
        require_owner(conn, &actor, Some(province.id))?;
        let copy = adopted(&parse(&source_row)?, &province, &request);
        if !frameworks::versions(conn, &copy.id)?.is_empty() {
            return Err(PersistenceError::Conflict(xhht_persistence::Conflict::VersionExists).into());
        }
        validate(&copy).map_err(invalid)?;
        let mut new = shipped_row(&copy);
        new.shipped = false;
        new.province_id = Some(province.id);
        let row = frameworks::insert(conn, &new)?;
        let d = detail(&row)?;
        audit(conn, &actor, "framework", row.id, "adopt", Some(&province), diff(None, Some(&d.summary)))?;
        Ok(d)
    })
    .await
}

/// Which published framework governs the evaluation of a model in a unit on a day: the
/// province's own (adopted by its decision) before the national one.
#[utoipa::path(
    operation_id = "getApplicableFramework",
    tag = "frameworks",
    params(ApplicableQuery),
    responses(
        (status = 200, description = "The framework that applies", body = ApplicableFramework),
        (status = 404, description = "No such unit (`unit_not_found`), or no published framework applies there on that day (`no_applicable_framework`: the message names the templates the province can adopt)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/applicable")]
pub async fn applicable_framework(
    state: web::Data<AppState>,
    query: web::Query<ApplicableQuery>,
) -> Result<web::Json<ApplicableFramework>, ApiError> {
    let q = query.into_inner();
    let date = q.date.unwrap_or_else(today);
    let (row, province_id) = db(&state, move |database| {
        database.read(|conn| {
            let unit = units::get(conn, q.unit)?;
            applicable(conn, q.model_kind, &unit, date, q.target_group)
        })
    })
    .await?;
    let owner = if row.province_id.is_some() { FrameworkOwner::Provincial } else { FrameworkOwner::National };
    Ok(web::Json(ApplicableFramework { framework: summary(&row, &parse(&row)?), owner, province_id, date }))
}

/// What changed from another version (`against`) to this one: indicators and groups added,
/// removed and changed, and the framework's own fields; as JSON, CSV or XLSX.
#[utoipa::path(
    operation_id = "diffFramework",
    tag = "frameworks",
    params(("id" = i64, Path, description = "Framework version id"), DiffQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The differences", content(
            (FrameworkDiff = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 404, description = "Either version does not exist, or is another province's draft", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/diff")]
pub async fn diff_framework(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: MaybeActor,
    id: web::Path<i64>,
    query: web::Query<DiffQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, against) = (id.into_inner(), query.against);
    let format = format_of(&req, query.format);
    let (to, from) = db(&state, move |database| {
        database.read(|conn| Ok::<_, ApiError>((readable(conn, &caller, id)?, readable(conn, &caller, against)?)))
    })
    .await?;
    let (to_doc, from_doc) = (parse(&to)?, parse(&from)?);
    let changes = xhht_evaluation::diff(&from_doc, &to_doc);
    let count = |kind| {
        changes
            .iter()
            .filter(|c| c.part == xhht_evaluation::DiffPart::Indicator && c.kind == kind)
            .map(|c| c.id.as_deref())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    let name = format!("so-sanh-{}.v{}-{}.v{}", from.framework_key, from.version, to.framework_key, to.version);
    Ok(match format {
        ReportFormat::Json => HttpResponse::Ok().json(FrameworkDiff {
            from: summary(&from, &from_doc),
            to: summary(&to, &to_doc),
            indicators_added: count(xhht_evaluation::DiffKind::Added),
            indicators_removed: count(xhht_evaluation::DiffKind::Removed),
            indicators_changed: count(xhht_evaluation::DiffKind::Changed),
            changes,
        }),
        ReportFormat::Csv => file(framework_files::diff_csv(&changes)?, CSV, format!("{name}.csv")),
        ReportFormat::Xlsx => {
            let title = format!(
                "Thay đổi từ “{}” (phiên bản {}) đến “{}” (phiên bản {})",
                from_doc.name_vi, from.version, to_doc.name_vi, to.version
            );
            file(framework_files::diff_xlsx(&title, &changes)?, XLSX, format!("{name}.xlsx"))
        }
    })
}

async fn transition(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: i64,
    from: &'static [FrameworkStatus],
    to: FrameworkStatus,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageFrameworks)?;
    let expected = if_match(&req)?;
    let row = db(&state, move |database| {
        database.write(|conn| {
            let before = readable(conn, &MaybeActor(Some(actor.clone())), id)?;
            require_owner(conn, &actor, before.province_id)?;
            let mut document = parse(&before)?;
            document.status = to;
            // Publishing demands a complete document: no unknown parts, every threshold set.
            validate(&document).map_err(|errors| match invalid(errors) {
                ApiError::FrameworkInvalid(list) => ApiError::FrameworkIncomplete(list),
                other => other,
            })?;
            let text = serde_json::to_string(&document).map_err(|_| ApiError::Internal)?;
            let after = frameworks::transition(conn, id, expected, from, to, &text)?;
            let province = after.province_id.map(|p| units::get(conn, p)).transpose()?;
            let (b, a) = (summary(&before, &parse(&before)?), summary(&after, &document));
            let action = if to == FrameworkStatus::Published { "publish" } else { "retire" };
            audit(conn, &actor, "framework", id, action, province.as_ref(), diff(Some(&b), Some(&a)))?;
            Ok::<_, ApiError>(after)
        })
    })
    .await?;
    Ok(detail_response(actix_web::http::StatusCode::OK, &detail(&row)?))
}

/// Publishes a draft version. Only a complete document publishes; a published version never
/// changes again. Needs `If-Match`.
#[utoipa::path(
    operation_id = "publishFramework",
    tag = "frameworks",
    params(
        ("id" = i64, Path, description = "Framework version id"),
        ("If-Match" = String, Header, description = "The ETag read from the version"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The published version", body = FrameworkDetail),
        (status = 404, description = "No framework version with this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The version is not a draft, or the draft is incomplete: unknown parts or unset thresholds (`framework_incomplete`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The version changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/publish")]
pub async fn publish_framework(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    transition(state, req, actor, id.into_inner(), &[FrameworkStatus::Draft], FrameworkStatus::Published).await
}

/// Retires a version; it stays readable so that past evaluations reproduce. Needs `If-Match`.
#[utoipa::path(
    operation_id = "retireFramework",
    tag = "frameworks",
    params(
        ("id" = i64, Path, description = "Framework version id"),
        ("If-Match" = String, Header, description = "The ETag read from the version"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The retired version", body = FrameworkDetail),
        (status = 404, description = "No framework version with this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The version is retired already", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The version changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/retire")]
pub async fn retire_framework(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    transition(
        state,
        req,
        actor,
        id.into_inner(),
        &[FrameworkStatus::Draft, FrameworkStatus::Published],
        FrameworkStatus::Retired,
    )
    .await
}

/// Scores answers against a framework version and returns the outcome; nothing is stored.
/// Portals use it to preview a self-assessment.
#[utoipa::path(
    operation_id = "scoreFramework",
    tag = "frameworks",
    params(("id" = i64, Path, description = "Framework version id")),
    request_body = ScoreRequest,
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The outcome", body = ScoreResponse),
        (status = 404, description = "No framework version with this id, or another province's draft", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The answers do not fit this framework: an unknown indicator or an answer of the wrong kind (`score_rejected`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/score")]
pub async fn score_framework(
    state: web::Data<AppState>,
    caller: MaybeActor,
    id: web::Path<i64>,
    body: JsonBody<ScoreRequest>,
) -> Result<web::Json<ScoreResponse>, ApiError> {
    let body = body.into_inner();
    let answers = parse_answers(body.answers)?;
    let metrics = body.metrics.map(parse_metrics).transpose()?.unwrap_or_default();
    let mut types = Vec::with_capacity(body.subject_types.len());
    for (i, name) in body.subject_types.iter().enumerate() {
        match SubjectType::from_name(name) {
            Some(t) => types.push(t),
            None => {
                let allowed = SubjectType::ALL.iter().map(|t| t.name().to_owned()).collect();
                return Err(ApiError::Validation(vec![FieldError::new(
                    format!("subject_types[{i}]"),
                    Issue::NotOneOf { allowed },
                )]));
            }
        }
    }
    let mut context = Context::on(body.evaluation_date.unwrap_or_else(today));
    context.held_level1_since = body.held_level1_since;
    let id = id.into_inner();
    let app = state.clone();
    let compiled = db(&state, move |database| {
        database.read(|conn| {
            readable(conn, &caller, id)?;
            app.frameworks.get(conn, id)
        })
    })
    .await?;
    let outcome = compiled
        .scorer
        .score_answers(&answers, &metrics, &Subject::new(types), &context)
        .map_err(|e| score_rejected(&e))?;
    let outcome = serde_json::to_value(&outcome).map_err(|_| ApiError::Internal)?;
    Ok(web::Json(ScoreResponse {
        framework_id: id,
        usable_for_recognition: compiled.framework.may_recognise(),
        outcome,
    }))
}
