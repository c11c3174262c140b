//! The OpenAPI document: collected from the handlers by utoipa-actix-web, then completed with
//! the error responses every route can give.

use crate::dto::ModelKindDto;
use crate::error::Problem;
use crate::routes;
use actix_web::App;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, Response};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{AppExt, scope};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "XHHT API",
        version = "1.0.0",
        description = "Open JSON REST API of Vietnam's learning-society programme (xây dựng xã hội học tập): \
administrative units over time, registries, criteria frameworks, evaluations and recognitions. \
Errors are RFC 9457 problem documents with a stable `code`; messages are Vietnamese unless \
`Accept-Language: en` is sent.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    servers((url = "http://127.0.0.1:8080", description = "A local server started with `make run`")),
    tags(
        (name = "units", description = "Administrative units (provinces, districts, communes, villages) valid over time, with the 2025 reform's lineage"),
        (name = "reorganisations", description = "Merges and splits of units, with legal basis and lineage"),
        (name = "registries", description = "Citizens, households, organisations, clans, community learning centres (personal data: scoped to the caller's units)"),
        (name = "evaluations", description = "Registration, self-assessment with evidence, submission, inspection, and the decisions that recognise, reject or revoke"),
        (name = "frameworks", description = "Criteria frameworks as versioned documents; publication; scoring previews"),
        (name = "auth", description = "Sign-in with a password or an API key; refresh-token rotation; sign-out"),
        (name = "accounts", description = "Accounts, roles, the units they cover, API keys"),
        (name = "audit", description = "The append-only audit trail"),
        (name = "meta", description = "The API document itself"),
        (name = "health", description = "Liveness and readiness"),
    ),
    components(schemas(Problem, ModelKindDto)),
    modifiers(&BearerScheme)
)]
struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("Access token from POST /api/v1/auth/token"))
                    .build(),
            ),
        );
    }
}

/// The complete document, as served at `/api/v1/openapi.json` and committed in `api-spec/`.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(scope("/api/v1").configure(routes::api_v1))
        .configure(routes::root)
        .split_for_parts();
    complete(api)
}

/// The document as pretty JSON with a final newline (the committed file's form).
pub fn document_json() -> String {
    let mut text = document().to_pretty_json().unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

fn problem(description: &str) -> RefOr<Response> {
    RefOr::T(
        Response::builder()
            .description(description)
            .content("application/problem+json", Content::new(Some(Ref::from_schema_name("Problem"))))
            .build(),
    )
}

/// Adds the responses that do not depend on the route: bad input, oversized or non-JSON
/// bodies, missing or insufficient credentials, and server-side failures. Route-specific ones (404, 409, 412, 428)
/// are written on the handlers.
fn complete(mut api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    for (path, item) in api.paths.paths.iter_mut() {
        let is_liveness = path == "/health/live";
        for (_, operation) in operations(item) {
            tighten_parameters(operation);
            let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());
            let has_input =
                operation.request_body.is_some() || operation.parameters.as_ref().is_some_and(|p| !p.is_empty());
            let responses = &mut operation.responses.responses;
            let mut add = |status: &str, description: &str| {
                responses.entry(status.to_owned()).or_insert_with(|| problem(description));
            };
            if has_input {
                add("400", "Malformed input: a query, path or header parameter, or JSON that cannot be read");
            }
            if operation.request_body.is_some() {
                add("413", "The body is larger than the configured limit");
                add("415", "The body is not JSON");
                add("422", "The body is well-formed but invalid; `errors` lists the fields");
            }
            if secured {
                add("401", "No valid access token: missing, malformed, tampered with, expired or not yet valid");
                add("403", "The account's role or units do not allow this");
            }
            if !is_liveness {
                add("503", "The database does not answer");
            }
            add("500", "An internal error; it is logged with the request id");
        }
    }
    api
}

/// Header and path parameters whose shape the handler enforces but the derive cannot say.
fn tighten_parameters(operation: &mut Operation) {
    let Some(parameters) = operation.parameters.as_mut() else { return };
    for parameter in parameters.iter_mut() {
        let RefOr::T(parameter) = parameter else { continue };
        let (min, max, pattern) = match parameter.name.as_str() {
            "Idempotency-Key" => (1, 200, None),
            "If-Match" => (1, 100, None),
            "code" => (1, 20, Some("^[A-Za-z0-9.-]{1,20}$")),
            _ => continue,
        };
        parameter.schema = Some(RefOr::T(Schema::Object(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(min))
                .max_length(Some(max))
                .pattern(pattern)
                .build(),
        )));
    }
}

fn operations(item: &mut PathItem) -> Vec<(bool, &mut Operation)> {
    let mut out = Vec::new();
    if let Some(op) = item.get.as_mut() {
        out.push((false, op));
    }
    for op in [item.post.as_mut(), item.put.as_mut(), item.patch.as_mut(), item.delete.as_mut()].into_iter().flatten() {
        out.push((true, op));
    }
    out
}
