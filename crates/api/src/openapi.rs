//! The OpenAPI document: collected from the handlers by utoipa-actix-web, then completed with
//! the error responses every route can give.

use crate::access::{self, Access};
use crate::error::Problem;
use crate::routes;
use actix_web::App;
use serde_json::{Value, json};
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, Response};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{AppExt, scope};
use xhht_domain::declared::DECLARED_INDICATORS;
use xhht_domain::{ModelKind, UnitCode, UnitLevel};
use xhht_evaluation::Metric;

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
        contact(name = "XHHT maintainers"),
    ),
    servers((url = "http://127.0.0.1:8080", description = "A local server started with `make run`")),
    tags(
        (name = "units", description = "Administrative units (provinces, districts, communes, villages) valid over time, with the 2025 reform's lineage"),
        (name = "reorganisations", description = "Merges and splits of units, with legal basis and lineage"),
        (name = "registries", description = "Citizens, households, organisations, clans, community learning centres (personal data: scoped to the caller's units)"),
        (name = "imports", description = "Bulk imports of the registries from CSV, XLSX, JSON or NDJSON: jobs, per-row errors (JSON, CSV, or the failed rows as a workbook to correct), templates"),
        (name = "evaluations", description = "Registration, self-assessment with evidence, submission, inspection, and the decisions that recognise, reject or revoke"),
        (name = "frameworks", description = "Criteria frameworks as versioned documents; publication; scoring previews"),
        (name = "drives", description = "Yearly registration drives: who is asked to register for the year's titles, who has, who has not yet"),
        (name = "emulation", description = "The emulation movement 2023–2030 (QĐ 1315/QĐ-TTg) and the plans that carry it out: phases, criteria, reviews, rankings and awards"),
        (name = "statistics", description = "Figures against the national and provincial targets, by unit and year, on the boundaries of the time or today's, in JSON, CSV and XLSX; targets; declared figures"),
        (name = "auth", description = "Sign-in with a password or an API key; refresh-token rotation; sign-out"),
        (name = "accounts", description = "Accounts, roles, the units they cover, API keys"),
        (name = "audit", description = "The append-only audit trail"),
        (name = "meta", description = "The API document itself"),
        (name = "health", description = "Liveness and readiness"),
    ),
    components(schemas(Problem, xhht_domain::ModelKind, crate::dto::Breakdown, crate::dto::ReportFormat)),
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

/// The document as utoipa collects it from the handlers, with the shared error responses; its
/// served and committed form is [`to_json`], which adds the rules across fields.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(scope("/api/v1").configure(routes::api_v1))
        .configure(routes::root)
        .split_for_parts();
    complete(api)
}

/// The document as served at `/api/v1/openapi.json` and committed in `api-spec/`.
pub fn document_json() -> String {
    to_json(&document())
}

/// `api` as pretty JSON with a final newline (the committed file's form), with the rules
/// across fields that utoipa's derive cannot state.
pub fn to_json(api: &utoipa::openapi::OpenApi) -> String {
    let mut value = serde_json::to_value(api).unwrap_or_default();
    for (path, rules) in cross_field_rules() {
        if let (Some(Value::Object(schema)), Value::Object(mut rules)) =
            (value.pointer_mut(&format!("/components/schemas/{path}")), rules)
        {
            rules.values_mut().for_each(open_conditions);
            schema.extend(rules);
        }
    }
    exact_query_patterns(&mut value);
    no_control_characters(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

/// The control characters no text may hold (crate::extract::has_control_character): all of
/// Unicode's but tab, line feed and carriage return.
const CONTROL: &str = "\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F";
/// The pattern of a text that may not be blank, as the derive states it (unanchored: one
/// character that is not white space).
const NOT_BLANK: &str = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";

/// Every free text of the document, in bodies and parameters, and every key of a map, states
/// that it holds no control character: a text that already has a pattern other than "not
/// blank" is narrower still.
fn no_control_characters(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let is_text = match map.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
                _ => false,
            };
            let free = ["format", "enum", "const", "contentMediaType"].iter().all(|k| !map.contains_key(*k));
            if is_text && free {
                let pattern = match map.get("pattern").and_then(Value::as_str) {
                    None => Some(format!("^[^{CONTROL}]*$")),
                    Some(NOT_BLANK) => Some(format!(
                        "^[^{CONTROL}]*[^{CONTROL}\\t\\n\\r \\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^{CONTROL}]*$"
                    )),
                    Some(_) => None,
                };
                if let Some(pattern) = pattern {
                    map.insert("pattern".to_owned(), Value::String(pattern));
                }
            }
            // A map's keys are texts too (an answer's indicator id).
            if matches!(map.get("additionalProperties"), Some(Value::Object(_) | Value::Bool(true)))
                && !map.contains_key("propertyNames")
            {
                map.insert("propertyNames".to_owned(), serde_json::json!({"pattern": format!("^[^{CONTROL}]*$")}));
            }
            for (key, item) in map.iter_mut() {
                if key != "example" && key != "examples" {
                    no_control_characters(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(no_control_characters),
        _ => {}
    }
}

/// `models=` takes model codes only (routes::statistics::parse_models); utoipa's `pattern` is a
/// literal, so the exact one is built here from the codes.
fn exact_query_patterns(document: &mut Value) {
    let one = format!("({})", ModelKind::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>().join("|"));
    let pattern = format!("^{one}(,{one})*$");
    let operations = document["paths"].as_object_mut().into_iter().flat_map(|paths| paths.values_mut());
    let parameters = operations
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .filter_map(|operation| operation.get_mut("parameters").and_then(Value::as_array_mut))
        .flatten();
    for parameter in parameters {
        if parameter["in"] == "query" && parameter["name"] == "models" {
            parameter["schema"]["pattern"] = Value::String(pattern.clone());
        }
    }
}

/// `if`/`then`/`oneOf` rules (JSON Schema 2020-12, which OpenAPI 3.1 uses) that the handlers
/// enforce across fields of a request body, and bounds on fields whose Rust type is read by
/// another crate, so that a client, a validator or a fuzzer knows a valid body from the
/// document alone. Each is keyed by a schema name (or a path inside one) and matches a check
/// in the code named beside it.
fn cross_field_rules() -> Vec<(&'static str, Value)> {
    cross_field_rules_of_requests().into_iter().chain(nullable_thresholds()).collect()
}

/// Says of every `then`/`else` branch that names properties that it leaves the others open, as
/// JSON Schema has it anyway: some example validators (redocly's, integrators run it) take a
/// subschema that names properties as closed, and would find every example wrong.
fn open_conditions(rule: &mut Value) {
    match rule {
        Value::Object(map) => {
            for key in ["then", "else"] {
                if let Some(Value::Object(branch)) = map.get_mut(key)
                    && branch.contains_key("properties")
                {
                    branch.entry("additionalProperties").or_insert(Value::Bool(true));
                }
            }
            map.values_mut().for_each(open_conditions);
        }
        Value::Array(items) => items.iter_mut().for_each(open_conditions),
        _ => {}
    }
}

/// utoipa drops the `null` of an `Option<T>` field when `T` is a type parameter, as in the
/// framework document's `LevelThresholds<T>`; the shipped documents use `null` for a threshold
/// the regulations leave unknown.
fn nullable_thresholds() -> Vec<(&'static str, Value)> {
    [
        ("LevelThresholds_bool/properties/level1", "boolean"),
        ("LevelThresholds_bool/properties/level2", "boolean"),
        ("LevelThresholds_f64/properties/level1", "number"),
        ("LevelThresholds_f64/properties/level2", "number"),
        ("LevelThresholds_u64/properties/level1", "integer"),
        ("LevelThresholds_u64/properties/level2", "integer"),
        ("LevelThresholds_String/properties/level1", "string"),
        ("LevelThresholds_String/properties/level2", "string"),
    ]
    .into_iter()
    .map(|(path, kind)| (path, json!({"type": [kind, "null"]})))
    .collect()
}

fn cross_field_rules_of_requests() -> Vec<(&'static str, Value)> {
    let when = |field: &str, value: &str| json!({"required": [field], "properties": {field: {"const": value}}});
    let never = json!({"not": {}});
    let learning_units = [ModelKind::DonViHocTapXa, ModelKind::DonViHocTapHuyen, ModelKind::DonViHocTapTinh];
    let without_subgroups: Vec<&str> = ModelKind::ALL
        .iter()
        .filter(|m| **m != ModelKind::CongDanHocTap && !learning_units.contains(m))
        .map(|m| m.as_str())
        .collect();
    let learning_units: Vec<&str> = learning_units.iter().map(|m| m.as_str()).collect();
    // routes::reorganisations::parse: the code's shape, the division type and the parent
    // depend on the level of the unit to open.
    let per_level: Vec<Value> = [UnitLevel::Province, UnitLevel::District, UnitLevel::Commune, UnitLevel::Village]
        .into_iter()
        .map(|level| {
            let code = match UnitCode::official_width(level) {
                Some(width) => format!("^[0-9]{{{width}}}$"),
                None => format!("^[A-Za-z0-9.-]{{1,{}}}$", routes::VILLAGE_LOCAL_CODE_MAX),
            };
            let mut then = json!({"properties": {
                "code": {"pattern": code},
                "division_type": {"enum": level.division_types()},
            }});
            if level == UnitLevel::Province {
                then["properties"]["parent_id"] = json!({"type": "null"});
            } else {
                then["required"] = json!(["parent_id"]);
                then["properties"]["parent_id"] = json!({"type": "integer"});
            }
            json!({"if": when("level", level.as_str()), "then": then})
        })
        .collect();
    vec![
        // routes::evaluations::register_subject: a framework, or the model whose applicable
        // framework is used.
        (
            "RegistrationRequest",
            json!({"anyOf": [
                {"required": ["framework_id"], "properties": {"framework_id": {"type": "integer"}}},
                {"required": ["model_kind"], "properties": {"model_kind": {"type": "string"}}},
            ]}),
        ),
        // routes::emulation::file_report: each piece of evidence says something.
        (
            "ReportEvidence",
            json!({"anyOf": [
                {"required": ["note"], "properties": {"note": {"type": "string"}}},
                {"required": ["url"], "properties": {"url": {"type": "string"}}},
            ]}),
        ),
        // routes::emulation::create_awards: a phase is a phase of the plan named.
        (
            "NewAwardRequest",
            json!({"if": {"required": ["phase_id"], "properties": {"phase_id": {"type": "string"}}},
                   "then": {"required": ["plan_id"], "properties": {"plan_id": {"type": "integer"}}}}),
        ),
        // routes::auth::issue_token: each grant names its own credentials.
        (
            "TokenRequest",
            json!({"allOf": [
                {"if": when("grant_type", "password"), "then": {"required": ["username", "password"],
                    "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}},
                {"if": when("grant_type", "api_key"), "then": {"required": ["api_key"],
                    "properties": {"api_key": {"type": "string"}}}},
                {"if": when("grant_type", "refresh_token"), "then": {"required": ["refresh_token"],
                    "properties": {"refresh_token": {"type": "string"}}}},
            ]}),
        ),
        // routes::evaluations::add_evidence_note: a note has text and no link; a link has a
        // URL; files go to their own route.
        (
            "EvidenceRequest",
            json!({"allOf": [
                {"if": when("kind", "note"), "then": {"required": ["note"],
                    "properties": {"note": {"type": "string"}, "url": {"type": "null"}}}},
                {"if": when("kind", "link"), "then": {"required": ["url"], "properties": {"url": {"type": "string"}}}},
                {"if": when("kind", "file"), "then": never},
            ]}),
        ),
        // routes::statistics::subgroup_ok: a target's subgroup is a citizens' target group or an
        // organisations' type, by model; the other models have none.
        (
            "TargetItemRequest",
            json!({"allOf": [
                {"if": when("model_kind", ModelKind::CongDanHocTap.as_str()), "then": {"properties": {"subgroup":
                    {"anyOf": [{"$ref": "#/components/schemas/TargetGroup"}, {"type": "null"}]}}}},
                {"if": {"required": ["model_kind"], "properties": {"model_kind": {"enum": learning_units}}},
                    "then": {"properties": {"subgroup":
                        {"anyOf": [{"$ref": "#/components/schemas/OrganisationType"}, {"type": "null"}]}}}},
                {"if": {"required": ["model_kind"], "properties": {"model_kind": {"enum": without_subgroups}}},
                    "then": {"properties": {"subgroup": {"type": "null"}}}},
            ]}),
        ),
        // routes::statistics::declare_value: a key of the catalogue.
        (
            "DeclaredValueRequest/properties/indicator",
            json!({"enum": DECLARED_INDICATORS.iter().map(|i| i.key).collect::<Vec<_>>()}),
        ),
        // routes::decisions::create_decision: only a recognition goes without a reason, and only
        // a recognition grants a level.
        (
            "DecisionRequest",
            json!({"if": when("kind", "recognition"), "else": {"required": ["reason"],
                "properties": {"reason": {"type": "string"},
                               "items": {"items": {"properties": {"level": {"type": "null"}}}}}}}),
        ),
        // routes::accounts::check_grant: a service account is never an administrator, and
        // every role but `admin` needs units.
        (
            "NewAccountRequest",
            json!({"allOf": [
                {"if": when("kind", "service"), "then": {"properties": {"roles": {"items": {"not": {"const": "admin"}}}}}},
                {"if": {"required": ["roles"], "properties": {"roles": {"contains": {"const": "admin"}}}},
                    "else": {"required": ["unit_ids"], "properties": {"unit_ids": {"minItems": 1}}}},
            ]}),
        ),
        // routes::accounts::update_account: new roles without `admin`, sent with new units,
        // need at least one unit.
        (
            "AccountUpdateRequest",
            json!({"if": {"required": ["roles", "unit_ids"], "properties": {
                    "roles": {"type": "array", "items": {}, "not": {"contains": {"const": "admin"}}},
                    "unit_ids": {"type": "array", "items": {}}}},
                "then": {"properties": {"unit_ids": {"minItems": 1}}}}),
        ),
        // routes::reorganisations::parse: a target is an existing unit or a unit to open, not
        // both. (As if/then/else rather than oneOf: the Python generator makes models of
        // oneOf branches that have properties.)
        (
            "ReorganisationTarget",
            json!({
                "if": {"required": ["unit_id"], "properties": {"unit_id": {"type": "integer"}}},
                "then": {"properties": {"new": {"type": "null"}}},
                "else": {"required": ["new"], "properties": {"new": {"type": "object"}}},
            }),
        ),
        ("NewTargetUnit", json!({"allOf": per_level})),
        // xhht_evaluation::Answer: one key per answer; the engine refuses negative points and
        // percentages outside 0–100 whatever the framework (routes::evaluations::parse_answers
        // bounds counts to the int64 the branch's format says).
        (
            "AnswerDto",
            json!({"maxProperties": 1, "properties": {
                "points": {"minimum": 0},
                "percentage": {"minimum": 0, "maximum": 100},
            }}),
        ),
        // xhht_evaluation::MetricValues: known metrics, each a percentage.
        (
            "ScoreRequest/properties/metrics",
            json!({
                "propertyNames": {"enum": Metric::ALL.map(Metric::name)},
                "additionalProperties": {"type": "number", "minimum": 0, "maximum": 100},
            }),
        ),
    ]
}

/// A 503, with the `Retry-After` the server sends with it.
fn unavailable() -> RefOr<Response> {
    let seconds = utoipa::openapi::header::HeaderBuilder::new()
        .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
        .description(Some("Seconds to wait before trying again"))
        .build();
    RefOr::T(
        Response::builder()
            .description("The database does not answer")
            .header("Retry-After", seconds)
            .content("application/problem+json", Content::new(Some(Ref::from_schema_name("Problem"))))
            .build(),
    )
}

fn problem(description: &str) -> RefOr<Response> {
    RefOr::T(
        Response::builder()
            .description(description)
            .content("application/problem+json", Content::new(Some(Ref::from_schema_name("Problem"))))
            .build(),
    )
}

/// Adds what does not depend on the route: who may call it (from the rules the handlers
/// enforce, see `crate::access`), a summary and a description, `security: []` on the public
/// operations, and the responses to bad input, oversized or non-JSON bodies, missing or
/// insufficient credentials and server-side failures. Route-specific ones (404, 409, 412, 428)
/// are written on the handlers.
fn complete(mut api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    for (path, item) in api.paths.paths.iter_mut() {
        let is_liveness = path == "/health/live";
        for (_, operation) in operations(item) {
            describe_access(operation);
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
                add(
                    "403",
                    "The account's role or units do not allow this, or the account must first change its one-time password",
                );
            }
            add("500", "An internal error; it is logged with the request id");
            if !is_liveness {
                responses.entry("503".to_owned()).or_insert_with(unavailable);
            }
        }
    }
    api
}

/// The summary (the description's first sentence when the handler has none), the description
/// (the summary when the handler has none) with who may call it, and `security: []` where no
/// token is needed.
fn describe_access(operation: &mut Operation) {
    let summary = operation.summary.clone().or_else(|| {
        operation
            .description
            .as_deref()
            .map(|d| d.split_inclusive(". ").next().unwrap_or(d).trim().trim_end_matches('.').to_owned() + ".")
    });
    let mut description = operation.description.clone().or_else(|| summary.clone()).unwrap_or_default();
    let id = operation.operation_id.clone().unwrap_or_default();
    // A missing entry is caught by the test below; the document then says nothing rather than
    // something wrong.
    if let Some(access) = access::access(&id) {
        description.push_str("\n\n");
        description.push_str(&access::describe(access));
        if access == Access::Public {
            operation.security = Some(Vec::new());
        }
    }
    operation.summary = summary;
    operation.description = Some(description);
}

/// Header and path parameters whose shape the handler enforces but the derive cannot say.
fn tighten_parameters(operation: &mut Operation) {
    let Some(parameters) = operation.parameters.as_mut() else { return };
    for parameter in parameters.iter_mut() {
        let RefOr::T(parameter) = parameter else { continue };
        let (min, max, pattern) = match parameter.name.as_str() {
            "Idempotency-Key" => (1, 200, None),
            "If-Match" | "If-None-Match" => (1, routes::IF_MATCH_MAX_CHARS, None),
            "code" => (1, 20, Some("^[A-Za-z0-9.-]{1,20}$")),
            "q" => (0, routes::units::SEARCH_MAX_CHARS, None),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// utoipa registers the schemas of bodies but not those of query parameters: an enum read
    /// only from the query string would leave a `$ref` that no client generator can resolve.
    #[test]
    fn every_reference_resolves() {
        fn refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
            match value {
                Value::Object(map) => {
                    out.extend(map.get("$ref").and_then(Value::as_str));
                    map.values().for_each(|v| refs(v, out));
                }
                Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
                _ => {}
            }
        }
        let document: Value = serde_json::from_str(&document_json()).unwrap_or_default();
        let mut found = Vec::new();
        refs(&document, &mut found);
        assert!(!found.is_empty());
        for reference in found {
            let pointer = reference.trim_start_matches('#');
            assert!(document.pointer(pointer).is_some(), "{reference} resolves to nothing");
        }
    }

    /// Every operation says who may call it, and the public ones need no token, as the
    /// handlers (that take no `Actor`) have it.
    #[test]
    fn every_operation_says_who_may_call_it() {
        let document: Value = serde_json::from_str(&document_json()).unwrap_or_default();
        let mut seen = 0;
        for (path, item) in document["paths"].as_object().into_iter().flatten() {
            for (method, operation) in item.as_object().into_iter().flatten() {
                let id = operation["operationId"].as_str().unwrap_or_default();
                let access = access::access(id).unwrap_or_else(|| panic!("{method} {path}: no access entry"));
                let public = operation["security"].as_array().is_some_and(Vec::is_empty);
                assert_eq!(public, access == Access::Public, "{id}");
                let optional = operation["security"]
                    .as_array()
                    .is_some_and(|s| s.iter().any(|r| r.as_object().is_some_and(serde_json::Map::is_empty)));
                let token_optional = matches!(access, Access::PublicAboveCommune | Access::PublicButProvincialDrafts);
                assert_eq!(optional, token_optional, "{id}: a token is optional");
                assert!(operation["description"].as_str().is_some_and(|d| d.contains("**Who may call it**")), "{id}");
                assert!(operation["summary"].as_str().is_some_and(|s| !s.is_empty()), "{id}");
                seen += 1;
            }
        }
        assert!(seen > 60, "{seen} operations");
    }

    /// A rule whose schema was renamed would silently stop applying, and one that replaced a
    /// keyword utoipa wrote would silently drop what the derive said.
    #[test]
    fn every_cross_field_rule_lands_on_a_schema_and_adds_to_it() {
        let derived = serde_json::to_value(document()).unwrap_or_default();
        let document: Value = serde_json::from_str(&document_json()).unwrap_or_default();
        // Where a rule replaces on purpose: the nullable thresholds' `type`, the metrics' map.
        let replaced = ["type", "additionalProperties", "propertyNames"];
        for (path, rules) in cross_field_rules() {
            let pointer = format!("/components/schemas/{path}");
            let Some(schema) = document.pointer(&pointer) else { panic!("no schema at {path}") };
            let Some(rules) = rules.as_object() else { panic!("the rules for {path} are not an object") };
            for key in rules.keys() {
                assert!(schema.get(key).is_some(), "{path} lacks {key}");
                let before = derived.pointer(&pointer).and_then(|s| s.get(key));
                assert!(before.is_none() || replaced.contains(&key.as_str()), "{path}: {key} would be replaced");
            }
        }
    }
}
