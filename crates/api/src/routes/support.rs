//! Small pieces the handlers share: running database work off the async threads, dates,
//! cursors, ETags and idempotent creation.

use crate::error::{ApiError, FieldError, Issue};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::creations::{self, Created, Idempotency};
use serde::Serialize;
use xhht_persistence::{Database, DbConn};

/// Runs blocking database work on the blocking pool.
pub async fn db<T, F>(state: &web::Data<AppState>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Database) -> Result<T, ApiError> + Send + 'static,
{
    let database = state.db.clone();
    web::block(move || f(&database)).await?
}

/// A read of one record by key (`f` must be one): inline on SQLite when a connection is free
/// (`Database::try_read_inline`), else as `db` runs it. Lists, reports and writes take `db`.
pub async fn point_read<T, F>(state: &web::Data<AppState>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: Fn(&mut xhht_persistence::DbConn) -> Result<T, ApiError> + Send + 'static,
{
    if let Some(done) = state.db.try_read_inline(&f) {
        return done;
    }
    db(state, move |database| database.read(f)).await
}

/// The audit trail's helpers, shared with the modules below the routes.
pub use crate::audit_log::{audit, audit_in, diff};

/// Today in Vietnam (UTC+7): the default `as_of` of every dated read.
pub use crate::workflow::today;

/// The file asked for: `format=`, else the `Accept` header, else JSON.
pub fn format_of(req: &HttpRequest, asked: Option<crate::dto::ReportFormat>) -> crate::dto::ReportFormat {
    asked.unwrap_or_else(|| {
        let accept = req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("");
        if accept.contains("spreadsheetml") {
            crate::dto::ReportFormat::Xlsx
        } else if accept.contains("text/csv") {
            crate::dto::ReportFormat::Csv
        } else {
            crate::dto::ReportFormat::Json
        }
    })
}

pub fn file(body: Vec<u8>, content_type: &'static str, name: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CONTENT_DISPOSITION, super::support::attachment(&name)))
        .body(body)
}

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;

/// `Content-Disposition` of a download (RFC 6266): the name as UTF-8 in `filename*`, and an
/// ASCII `filename` for clients that read only that, with every other character as `_`. A
/// name stored before control characters were refused still makes a valid header.
pub fn attachment(name: &str) -> String {
    let plain = |c: char| c == ' ' || (c.is_ascii_graphic() && c != '"' && c != '\\');
    let ascii: String = name.chars().map(|c| if plain(c) { c } else { '_' }).collect();
    let mut encoded = String::with_capacity(name.len() * 3);
    for byte in name.bytes() {
        // RFC 8187's attr-char; everything else percent-encoded.
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A page of a list ordered by id: its size and the id the cursor names, if one was sent.
pub fn id_page(limit_asked: Option<i64>, cursor_sent: &Option<String>) -> Result<(i64, Option<i64>), ApiError> {
    let size = limit(limit_asked).map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    let from = cursor(cursor_sent).map(decode_id_cursor).transpose().map_err(|e| ApiError::InvalidQuery(vec![e]))?;
    Ok((size, from))
}

pub fn limit(value: Option<i64>) -> Result<i64, FieldError> {
    match value {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(FieldError::new("limit", Issue::Range { min: Some(1), max: Some(MAX_LIMIT) })),
    }
}

/// The `cursor` parameter as given; an empty one (`cursor=`) asks for the first page, as an
/// absent one does.
pub fn cursor(given: &Option<String>) -> Option<&str> {
    given.as_deref().filter(|c| !c.is_empty())
}

/// Opaque cursors: base64url of `code\nid`. Clients pass them back unchanged.
pub fn encode_cursor(code: &str, id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("{code}\n{id}"))
}

pub fn decode_cursor(text: &str) -> Result<(String, i64), FieldError> {
    let bad = || FieldError::new("cursor", Issue::InvalidCursor);
    let bytes = URL_SAFE_NO_PAD.decode(text.as_bytes()).map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let (code, id) = text.split_once('\n').ok_or_else(bad)?;
    Ok((code.to_owned(), id.parse().map_err(|_| bad())?))
}

pub fn etag(version: i32) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}

/// The longest `If-Match` value accepted (the OpenAPI document says the same).
pub const IF_MATCH_MAX_CHARS: usize = 100;

/// The version an update was based on, from `If-Match`. `*` matches any version. Updates
/// without it are refused: a blind write could undo someone else's change.
/// The ETags of `If-None-Match`, checked as `If-Match` is: visible ASCII, not too long.
pub fn if_none_match(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get(header::IF_NONE_MATCH) else { return Ok(None) };
    let value = value.to_str().map_err(|_| bad_header("If-None-Match"))?.trim();
    // Tabs are allowed, as the document's pattern has it for every header text.
    if value.is_empty() || crate::extract::has_control_character(value) {
        return Err(bad_header("If-None-Match"));
    }
    if value.chars().count() > IF_MATCH_MAX_CHARS {
        return Err(ApiError::InvalidHeader(vec![FieldError::new(
            "If-None-Match",
            Issue::Length { min: Some(1), max: Some(IF_MATCH_MAX_CHARS as u64) },
        )]));
    }
    Ok(Some(value.to_owned()))
}

pub fn if_match(req: &HttpRequest) -> Result<Option<i32>, ApiError> {
    let value = req
        .headers()
        .get(header::IF_MATCH)
        .ok_or(ApiError::PreconditionRequired)?
        .to_str()
        .map_err(|_| bad_header("If-Match"))?
        .trim();
    if value.is_empty() {
        return Err(bad_header("If-Match"));
    }
    // The document bounds the header; a longer one is malformed, not merely stale.
    if value.chars().count() > IF_MATCH_MAX_CHARS {
        return Err(ApiError::InvalidHeader(vec![FieldError::new(
            "If-Match",
            Issue::Length { min: Some(1), max: Some(IF_MATCH_MAX_CHARS as u64) },
        )]));
    }
    if value == "*" {
        return Ok(None);
    }
    let tag = value.strip_prefix("W/").unwrap_or(value);
    // A content ETag (`"3-9f2c…"`, reference data) leads with the record's version.
    let tag = tag.trim_matches('"');
    tag.split('-').next().unwrap_or(tag).parse().map(Some).map_err(|_| ApiError::PreconditionFailed)
}

fn bad_header(name: &str) -> ApiError {
    ApiError::InvalidHeader(vec![FieldError::rule(name, crate::i18n::Rule::InvalidHeader)])
}

/// The `Idempotency-Key` of a creating POST, if sent.
pub fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get("idempotency-key") else {
        return Ok(None);
    };
    let key = value.to_str().map_err(|_| bad_header("Idempotency-Key"))?.trim();
    if key.is_empty() || key.len() > 200 {
        return Err(ApiError::InvalidHeader(vec![FieldError::new(
            "Idempotency-Key",
            Issue::Length { min: Some(1), max: Some(200) },
        )]));
    }
    Ok(Some(key.to_owned()))
}

/// Creates something at most once per `Idempotency-Key`: the first response is stored with the
/// write, in the same transaction, and replayed for a retry with the same body. Keys belong to
/// the account that sent them (`owner`): another account's request with the same key and body
/// is a request of its own, checked and answered as such, never a replay of someone else's
/// answer.
pub async fn create_once<B, R, F>(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    scope: &'static str,
    owner: i64,
    body: &B,
    collection: &'static str,
    create: F,
) -> Result<HttpResponse, ApiError>
where
    B: Serialize,
    R: Serialize + Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<R, ApiError> + Send + 'static,
{
    let idempotency = idempotency(state, req, scope, owner, body)?;
    let outcome = db(state, move |database| creations::once(database, idempotency.as_ref(), create)).await?;
    Ok(created(outcome, collection))
}

/// The request's `Idempotency-Key`, kept per kind of record (`scope`) and account (`owner`),
/// with the fingerprint of its body.
pub fn idempotency<B: Serialize>(
    state: &AppState,
    req: &HttpRequest,
    scope: &'static str,
    owner: i64,
    body: &B,
) -> Result<Option<Idempotency>, ApiError> {
    Ok(idempotency_key(req)?.map(|key| Idempotency {
        scope: format!("{scope}@{owner}"),
        key,
        hash: state.national_ids.request_fingerprint(scope, &serde_json::to_vec(body).unwrap_or_default()),
    }))
}

/// The answer to a creation: 201 with the record and its `Location`, or the first answer
/// replayed, marked so.
pub fn created(outcome: Created, collection: &'static str) -> HttpResponse {
    let (stored, replayed) = match outcome {
        Created::New(stored) => (stored, false),
        Created::Replayed(stored) => (stored, true),
    };
    let mut response = HttpResponse::build(StatusCode::from_u16(stored.status).unwrap_or(StatusCode::CREATED));
    response.content_type("application/json");
    let id = serde_json::from_str::<serde_json::Value>(&stored.body)
        .ok()
        .and_then(|v| v.get("id").and_then(serde_json::Value::as_i64));
    if let Some(id) = id {
        response.insert_header((header::LOCATION, format!("{collection}/{id}")));
    }
    if replayed {
        response.insert_header(("idempotent-replayed", "true"));
    }
    response.body(stored.body)
}

/// Opaque cursors over ids (newest-first lists).
pub fn encode_id_cursor(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(id.to_string())
}

/// A page of rows kept from reads in id order, for lists filtered after the read (by what the
/// caller may see): `batch(after)` reads the next rows after the id `after` and returns those
/// kept and the last id it read (`None` at the end). Reads on until `limit` rows are kept; the
/// cursor of the next page comes with a full page.
pub fn filtered_page<R>(
    limit: i64,
    mut after: i64,
    mut batch: impl FnMut(i64) -> Result<(Vec<R>, Option<i64>), ApiError>,
    id: impl Fn(&R) -> i64,
) -> Result<(Vec<R>, Option<String>), ApiError> {
    let limit = usize::try_from(limit).unwrap_or(0);
    let mut items = Vec::with_capacity(limit);
    while items.len() < limit {
        let (kept, last) = batch(after)?;
        let room = limit - items.len();
        items.extend(kept.into_iter().take(room));
        match last {
            Some(last) => after = last,
            None => break,
        }
    }
    let next_cursor = if items.len() == limit { items.last().map(|r| encode_id_cursor(id(r))) } else { None };
    Ok((items, next_cursor))
}

pub fn decode_id_cursor(text: &str) -> Result<i64, FieldError> {
    URL_SAFE_NO_PAD
        .decode(text.as_bytes())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| FieldError::new("cursor", Issue::InvalidCursor))
}

/// Cursors over (updated_at, id): lists that sync page by page never miss a row. The instant
/// keeps every digit the database stored (SQLite keeps nanoseconds): a cursor rounded to the
/// microsecond would sort before its own row, and the next page would start with it again.
pub fn encode_position(at: chrono::NaiveDateTime, id: i64) -> String {
    let utc = at.and_utc();
    let nanos = utc.timestamp_nanos_opt().unwrap_or_else(|| utc.timestamp_micros().saturating_mul(1000));
    URL_SAFE_NO_PAD.encode(format!("{nanos}:{id}"))
}

pub fn decode_position(text: &str) -> Result<(chrono::NaiveDateTime, i64), FieldError> {
    let bad = || FieldError::new("cursor", Issue::InvalidCursor);
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(text).map_err(|_| bad())?).map_err(|_| bad())?;
    let (nanos, id) = raw.split_once(':').ok_or_else(bad)?;
    let at = chrono::DateTime::from_timestamp_nanos(nanos.parse().map_err(|_| bad())?);
    Ok((at.naive_utc(), id.parse().map_err(|_| bad())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows 1..=25, read five at a time, odd ones kept: pages fill across batches, stop in the
    /// middle of one, and the last page has no cursor.
    #[test]
    fn filtered_pages_read_on_until_full() {
        let read = |after: i64| -> Result<(Vec<i64>, Option<i64>), ApiError> {
            let rows: Vec<i64> = (after + 1..=25).take(5).collect();
            Ok((rows.iter().copied().filter(|r| r % 2 == 1).collect(), rows.last().copied()))
        };
        let (first, cursor) = filtered_page(4, 0, read, |r| *r).unwrap_or_default();
        assert_eq!(first, [1, 3, 5, 7]);
        assert_eq!(cursor.as_deref().map(decode_id_cursor), Some(Ok(7)));
        let (rest, cursor) = filtered_page(100, 7, read, |r| *r).unwrap_or_default();
        assert_eq!(rest, [9, 11, 13, 15, 17, 19, 21, 23, 25]);
        assert_eq!(cursor, None);
    }

    /// Files uploaded before control characters were refused still download: the header is
    /// valid whatever the stored name holds.
    #[test]
    fn any_stored_name_makes_a_valid_header() {
        for name in ["a\u{1}b\"c\\.pdf", "dòng\r\nmới\u{7f}.xlsx", "", "Biên bản.pdf"] {
            let value = attachment(name);
            assert!(HeaderValue::from_str(&value).is_ok(), "{value}");
            assert!(value.is_ascii(), "{value}");
        }
        assert_eq!(attachment("a\u{1}b\"c.pdf"), "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%01b%22c.pdf");
    }
}
