//! Cross-cutting request handling: request ids, access log lines and
//! the rendering of every error as problem+json in the caller's language.

use crate::error::{ApiError, FieldError};
use crate::i18n::Lang;
use actix_web::Error;
use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use std::time::Instant;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The request id this middleware assigned; quoted in audit rows, error bodies and logs.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

impl actix_web::FromRequest for RequestId {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        std::future::ready(Ok(req.extensions().get::<RequestId>().cloned().unwrap_or(RequestId(String::new()))))
    }
}

pub async fn problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let started = Instant::now();
    let request_id = uuid::Uuid::now_v7().to_string();
    let lang = Lang::of(req.request());
    let path = req.path().to_owned();
    let method = req.method().clone();

    req.extensions_mut().insert(RequestId(request_id.clone()));
    let refused = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .and_then(|state| crate::startup::query_parameter_problem(state, &req));
    let mut res = match refused {
        Some((name, rule)) => {
            let error = ApiError::InvalidQuery(vec![FieldError::rule(name, rule)]);
            let response = error.render(lang, Some(path.clone()), Some(request_id.clone()));
            req.into_response(response).map_into_boxed_body()
        }
        None => next.call(req).await?.map_into_boxed_body(),
    };

    let status = res.status();
    // With read replicas, the writer's next reads wait for its write (read-your-writes).
    let writer = res.request().extensions().get::<crate::auth::Authenticated>().map(|a| a.0);
    if let Some(account) = writer
        && status.is_success()
        && !matches!(method, actix_web::http::Method::GET | actix_web::http::Method::HEAD)
        && let Some(state) = res.request().app_data::<actix_web::web::Data<crate::state::AppState>>()
        && state.db.has_replicas()
    {
        let db = state.db.clone();
        let noted = actix_web::web::block(move || db.record_write(account).map_err(|e| e.to_string())).await;
        if let Err(error) = noted.map_err(|e| e.to_string()).and_then(|r| r) {
            tracing::warn!(%error, "the end of a write in the log could not be read");
        }
    }
    if status.is_client_error() || status.is_server_error() {
        let error = res
            .response()
            .error()
            .map(|e| e.as_error::<ApiError>().cloned().unwrap_or_else(|| foreign_error(status, &e.to_string())));
        let error = error.or_else(|| (!is_problem(&res)).then(|| foreign_error(status, "")));
        if let Some(error) = error {
            let rendered = error.render(lang, Some(path.clone()), Some(request_id.clone()));
            res = res.into_response(rendered);
        }
    }
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        res.headers_mut().insert(REQUEST_ID, value);
    }
    tracing::info!(
        request_id = %request_id,
        method = %method,
        path = %path,
        status = res.status().as_u16(),
        micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        "request"
    );
    Ok(res)
}

fn is_problem(res: &ServiceResponse<BoxBody>) -> bool {
    res.headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"))
}

/// Errors raised by actix itself (not by our code) get our shape too.
fn foreign_error(status: StatusCode, text: &str) -> ApiError {
    match status.as_u16() {
        404 => ApiError::RouteNotFound,
        405 => ApiError::MethodNotAllowed { allowed: Vec::new() },
        // JSON bodies answer their own 413 (startup::json_config); what actix refuses itself is
        // a raw body over the one limit set for those, the evidence files'.
        413 => ApiError::PayloadTooLarge { limit: crate::routes::MAX_EVIDENCE_BYTES },
        415 => ApiError::UnsupportedMediaType,
        400..=499 => ApiError::InvalidJson(None),
        503 => ApiError::ServiceUnavailable,
        _ => {
            tracing::error!(status = status.as_u16(), error = %text, "unexpected error response");
            ApiError::Internal
        }
    }
}
