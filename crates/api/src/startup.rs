//! Building and running the server. `Application::build` binds first (port 0 picks a free
//! port), so tests start the real app on a real port.

use crate::auth::password::{NationalIds, Passwords, random_token};
use crate::auth::throttle::{Throttle, ThrottleLimits};
use crate::auth::token::{Tokens, load_or_create_secret};
use crate::config::Settings;
use crate::error::{ApiError, FieldError, Issue};
use crate::extract::{DUPLICATE_KEY, has_control_character};
use crate::i18n::Rule;
use crate::state::{AppState, AuthPolicy};
use crate::{middleware, openapi, routes, scoring, telemetry};
use actix_web::dev::{ResourceDef, Server};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::Method;
use actix_web::web::{self, Bytes};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, get};
use anyhow::Context;
use std::io::Write as _;
use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::{Config as SwaggerConfig, SwaggerUi};
use xhht_domain::Role;
use xhht_persistence::accounts::{self, NewAccount};
use xhht_persistence::audit::{self, AuditEntry};
use xhht_persistence::db::PoolOptions;
use xhht_persistence::seed::SeedOutcome;
use xhht_persistence::{Database, DatabaseUrl, frameworks, migrate, seed};

/// Creates the first administrator when there is none. Its password is the configured one,
/// or a generated one-time password that is printed once, to the terminal only.
pub fn ensure_admin(db: &Database, passwords: &Passwords, configured: Option<&str>) -> anyhow::Result<()> {
    db.write(|conn| {
        if accounts::admin_exists(conn)? {
            return Ok(());
        }
        let generated = configured.is_none();
        let password = configured.map_or_else(|| random_token(12), str::to_owned);
        let hash = passwords.hash(&password)?;
        let account = accounts::create(
            conn,
            &NewAccount {
                username: "admin".into(),
                display_name: "Quản trị hệ thống".into(),
                kind: "person".into(),
                password_hash: Some(hash),
                must_change_password: generated,
                roles: vec![Role::Admin],
                unit_ids: Vec::new(),
            },
        )?;
        audit::record(
            conn,
            &AuditEntry {
                actor_id: None,
                actor_username: "system".into(),
                request_id: "startup".into(),
                entity: "account",
                entity_id: account.id.to_string(),
                action: "create",
                unit_id: None,
                unit_path: None,
                changes: serde_json::json!({"username": {"before": null, "after": "admin"}, "roles": {"before": null, "after": ["admin"]}}),
            },
        )?;
        if generated {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "\n==============================================================\n\
                 First administrator created.\n  username: admin\n  one-time password: {password}\n\
                 It is shown only now; change it after signing in.\n\
                 ==============================================================\n"
            );
        }
        Ok::<_, anyhow::Error>(())
    })
}

pub struct Application {
    port: u16,
    server: Server,
}

/// What preparing the database did, for the start-up log.
#[derive(Debug)]
pub struct Prepared {
    pub migrations: Vec<String>,
    pub seed: SeedOutcome,
    pub frameworks_added: usize,
    pub targets_added: usize,
    /// The statistics counters were (re)built from the base tables on this start.
    pub counters_built: bool,
    pub elapsed: Duration,
}

/// Migrates and seeds. Safe to run on every start: a second run changes nothing.
pub fn prepare(db: &Database) -> anyhow::Result<Prepared> {
    let started = Instant::now();
    let mut conn = db.conn().context("cannot connect to the database")?;
    let migrations = migrate::run(&mut conn).context("migrations failed")?;
    let seed = seed::run(&mut conn).context("seeding failed")?;
    let shipped: Vec<_> = xhht_evaluation::shipped_frameworks().iter().map(scoring::shipped_row).collect();
    let frameworks_added = frameworks::seed(&mut conn, &shipped).context("seeding the shipped frameworks failed")?;
    seed_plans(&mut conn).context("seeding the shipped emulation plans failed")?;
    // Units seeded here bypass the writes that raise the reference version: other servers'
    // copies of them are not current. (A framework seeded raises it as it is inserted.)
    if matches!(seed, xhht_persistence::seed::SeedOutcome::Loaded { .. }) {
        xhht_persistence::reference::bump(&mut conn).context("raising the reference version failed")?;
    }
    drop(conn);
    let targets_added = db.write(xhht_persistence::targets::seed).context("seeding the national targets failed")?;
    let counters_built =
        db.write(xhht_persistence::stats::ensure_built).context("building the statistics counters failed")?;
    Ok(Prepared { migrations, seed, frameworks_added, targets_added, counters_built, elapsed: started.elapsed() })
}

/// Stores the shipped emulation plans, each with the unit that issued it (by its code on the
/// day of the decision).
fn seed_plans(conn: &mut xhht_persistence::DbConn) -> anyhow::Result<usize> {
    let mut rows = Vec::new();
    for plan in xhht_evaluation::shipped_plans() {
        let unit = match (&plan.unit_code, plan.level.unit_level(), plan.decision.issued_on) {
            (Some(code), Some(level), Some(day)) => {
                xhht_persistence::units::by_code(conn, code, day, Some(level))?.into_iter().next()
            }
            _ => None,
        };
        if plan.unit_code.is_some() && unit.is_none() {
            tracing::warn!(plan = %plan.id, "the issuing unit of a shipped plan is not in the seeded units; skipped");
            continue;
        }
        rows.push(crate::criteria::plan_row(&plan, unit.as_ref(), true));
    }
    Ok(xhht_persistence::emulation::seed_plans(conn, &rows)?)
}

impl Application {
    pub fn build(settings: &Settings) -> anyhow::Result<Self> {
        telemetry::init(&settings.log);
        let url = DatabaseUrl::parse(&settings.database_url).map_err(anyhow::Error::msg)?;
        let replicas = settings
            .replica_urls
            .split(',')
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(DatabaseUrl::parse)
            .collect::<Result<Vec<_>, _>>()
            .map_err(anyhow::Error::msg)?;
        let options = PoolOptions { max_size: settings.pool_size, ..PoolOptions::default() };
        let db = Database::connect_with_replicas(&url, &replicas, &options)
            .with_context(|| format!("cannot open {}", url.redacted()))?;
        if settings.auto_migrate {
            let prepared = prepare(&db)?;
            tracing::info!(
                database = %url.redacted(),
                migrations_applied = prepared.migrations.len(),
                seed = ?prepared.seed,
                frameworks_added = prepared.frameworks_added,
                targets_added = prepared.targets_added,
                counters_built = prepared.counters_built,
                millis = u64::try_from(prepared.elapsed.as_millis()).unwrap_or(u64::MAX),
                "database ready"
            );
        }
        let passwords = Passwords::new(settings.argon2_memory_kib, settings.argon2_iterations)?;
        let secret =
            load_or_create_secret(settings.jwt_secret.as_deref(), Path::new(&settings.data_dir), "jwt-secret")?;
        let tokens = Tokens::new(&secret, settings.access_token_seconds)?;
        let id_key = load_or_create_secret(
            settings.national_id_key.as_deref(),
            Path::new(&settings.data_dir),
            "national-id-key",
        )?;
        let national_ids = NationalIds::new(&id_key);
        let trusted_proxy = settings
            .trusted_proxy
            .as_deref()
            .map(|p| {
                p.trim()
                    .parse::<std::net::IpAddr>()
                    .with_context(|| format!("trusted_proxy {p:?} is not an IP address"))
            })
            .transpose()?;
        if settings.auto_migrate {
            ensure_admin(&db, &passwords, settings.admin_password.as_deref())?;
        }
        let listener = TcpListener::bind((settings.host.as_str(), settings.port))
            .with_context(|| format!("cannot listen on {}:{}", settings.host, settings.port))?;
        let port = listener.local_addr()?.port();

        let spool = crate::imports::Spool {
            dir: Path::new(&settings.data_dir).join("imports"),
            max_bytes: settings.import_max_bytes,
        };
        std::fs::create_dir_all(&spool.dir).with_context(|| format!("cannot create {}", spool.dir.display()))?;
        let purged = spool.purge(settings.import_keep_days);
        // Jobs running when the server stopped: an atomic one was rolled back with its
        // transaction; a per-row one kept its committed pages. Both are ended as failed.
        let interrupted = db.write(xhht_persistence::imports::fail_interrupted)?;
        if interrupted > 0 || purged > 0 {
            tracing::info!(interrupted, purged, "import jobs ended by a restart; old uploads removed");
        }
        // What is served without asking the database is trusted only while this runs.
        db.start_watch().context("cannot start the watcher of reference data and accounts")?;
        let spec = openapi::document();
        let routes = known_routes(&spec);
        let query_parameters = known_query_parameters(&spec);
        let creations = crate::creations::Queues::new(&db);
        let state = web::Data::new(AppState {
            db,
            tokens,
            national_ids,
            passwords,
            auth: AuthPolicy { refresh_token_days: settings.refresh_token_days, trusted_proxy },
            throttle: Throttle::new(ThrottleLimits {
                per_source_per_minute: settings.sign_in_per_source_per_minute,
                per_account_per_minute: settings.sign_in_per_account_per_minute,
            }),
            spec: Bytes::from(openapi::to_json(&spec)),
            routes,
            query_parameters,
            frameworks: scoring::Frameworks::default(),
            reference: crate::reference::ReferenceCache::default(),
            imports: crate::imports::Running::default(),
            creations,
            spool,
        });
        let json_limit = settings.json_limit;
        let mut server = HttpServer::new(move || {
            App::new()
                .into_utoipa_app()
                .app_data(state.clone())
                .app_data(json_config(json_limit))
                // Evidence files arrive as raw bodies; the handler enforces the same limit.
                .app_data(web::PayloadConfig::new(routes::MAX_EVIDENCE_BYTES))
                .app_data(web::QueryConfig::default().error_handler(|e, req| query_error(e, req).into()))
                .app_data(web::PathConfig::default().error_handler(|e, req| path_error(e, req).into()))
                .service(scope("/api/v1").configure(routes::api_v1).service(openapi_json))
                .configure(routes::root)
                .default_service(web::to(fallback))
                .into_app()
                .service(SwaggerUi::new("/docs/{_:.*}").config(SwaggerConfig::new(["/api/v1/openapi.json"])))
                .service(web::redirect("/docs", "/docs/"))
                .wrap(actix_web::middleware::from_fn(middleware::problems))
        })
        .listen(listener)?;
        let workers = if settings.workers > 0 {
            settings.workers
        } else {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        };
        // Each worker's blocking threads run the database work: about as many in all as there
        // are pooled connections, not actix's default of hundreds, which only wait for a
        // connection and for the scheduler.
        let pool_size = usize::try_from(settings.pool_size).unwrap_or(1).max(1);
        server = server.workers(workers).worker_max_blocking_threads(pool_size.div_ceil(workers).max(2));
        tracing::info!(address = %format!("{}:{port}", settings.host), "listening");
        Ok(Application { port, server: server.run() })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// The OpenAPI document of this API.
#[utoipa::path(
    operation_id = "getOpenApiDocument",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document", body = Object))
)]
#[get("/openapi.json")]
async fn openapi_json(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(state.spec.clone())
}

fn known_routes(spec: &utoipa::openapi::OpenApi) -> Vec<(ResourceDef, Vec<String>)> {
    spec.paths
        .paths
        .iter()
        .map(|(path, item)| {
            let mut methods = Vec::new();
            for (name, present) in [
                ("GET", item.get.is_some()),
                ("POST", item.post.is_some()),
                ("PUT", item.put.is_some()),
                ("PATCH", item.patch.is_some()),
                ("DELETE", item.delete.is_some()),
            ] {
                if present {
                    methods.push(name.to_owned());
                }
            }
            (ResourceDef::new(path.as_str()), methods)
        })
        .collect()
}

/// The first segment under `/api/v1/` (`units` of `/api/v1/units/by-code/01`): the collection
/// a path belongs to.
fn collection_of(path: &str) -> &str {
    path.strip_prefix("/api/v1/").unwrap_or(path).split('/').next().unwrap_or_default()
}

fn known_query_parameters(
    spec: &utoipa::openapi::OpenApi,
) -> std::collections::HashMap<String, Vec<crate::state::QueryParameters>> {
    use utoipa::openapi::path::ParameterIn;
    let mut out: std::collections::HashMap<String, Vec<crate::state::QueryParameters>> = Default::default();
    for (path, item) in &spec.paths.paths {
        for (method, operation) in [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ] {
            let Some(operation) = operation else { continue };
            let names = operation
                .parameters
                .iter()
                .flatten()
                .filter_map(|p| match p {
                    utoipa::openapi::RefOr::T(p) if matches!(p.parameter_in, ParameterIn::Query) => {
                        Some(p.name.clone())
                    }
                    _ => None,
                })
                .collect();
            out.entry(collection_of(path).to_owned())
                .or_default()
                .push(crate::state::QueryParameters::new(method, path, names));
        }
    }
    out
}

/// The first query parameter whose name or value holds a control character (NUL cannot reach
/// PostgreSQL), or that the operation does not take (a typo or a filter the route lacks must
/// not be silently ignored: `?within=` where there is no such filter returned everything in
/// scope), and the rule it breaks.
pub(crate) fn query_parameter_problem(
    state: &AppState,
    req: &actix_web::dev::ServiceRequest,
) -> Option<(String, Rule)> {
    let query = req.query_string();
    if query.is_empty() {
        return None;
    }
    // Names and values borrowed from the query string where no escape needs decoding.
    let pairs = form_urlencoded::parse(query.as_bytes());
    if let Some((name, _)) =
        pairs.clone().find(|(name, value)| has_control_character(name) || has_control_character(value))
    {
        return Some((name.into_owned(), Rule::ControlCharacter));
    }
    let path = req.path();
    // The collection's operations only: matching every route took a third of a request.
    let operation = state
        .query_parameters
        .get(collection_of(path))?
        .iter()
        .find(|op| op.method == req.method().as_str() && op.matches(path))?;
    pairs
        .map(|(name, _)| name)
        .find(|name| !operation.names.iter().any(|known| known == name))
        .map(|name| (name.into_owned(), Rule::UnknownParameter))
}

/// Unknown route (404) or known route with another method (405, with `Allow`).
async fn fallback(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    let matching: Vec<&(ResourceDef, Vec<String>)> =
        state.routes.iter().filter(|(def, _)| def.is_match(path)).collect();
    // `/accounts/me` also matches `/accounts/{id}`; the literal route is the resource meant.
    let literal: Vec<&(ResourceDef, Vec<String>)> =
        matching.iter().copied().filter(|(def, _)| !def.pattern().unwrap_or("{").contains('{')).collect();
    let chosen = if literal.is_empty() { matching } else { literal };
    let mut allowed: Vec<String> = chosen.into_iter().flat_map(|(_, methods)| methods.iter().cloned()).collect();
    allowed.sort();
    allowed.dedup();
    if allowed.is_empty() || allowed.iter().any(|m| m == req.method().as_str()) || req.method() == Method::HEAD {
        Err(ApiError::RouteNotFound)
    } else {
        Err(ApiError::MethodNotAllowed { allowed })
    }
}

fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default().limit(limit).error_handler(move |e, _| json_error(e, limit).into())
}

fn json_error(e: JsonPayloadError, limit: usize) -> ApiError {
    match e {
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::PayloadTooLarge { limit }
        }
        JsonPayloadError::Deserialize(err) => match err.to_string().strip_prefix(DUPLICATE_KEY) {
            Some(rest) => ApiError::Validation(vec![FieldError::rule(
                rest.split('`').next().unwrap_or_default(),
                Rule::DuplicateKey,
            )]),
            None => ApiError::InvalidJson(Some((err.line(), err.column()))),
        },
        _ => ApiError::InvalidJson(None),
    }
}

fn query_error(e: QueryPayloadError, req: &HttpRequest) -> ApiError {
    let text = match &e {
        QueryPayloadError::Deserialize(err) => err.to_string(),
        other => other.to_string(),
    };
    // serde_urlencoded names an unknown parameter, but not the parameter whose value it could
    // not read: that one is found by the shape of the values.
    if let Some(name) = text.strip_prefix("unknown field `").and_then(|rest| rest.split('`').next()) {
        return ApiError::InvalidQuery(vec![FieldError::rule(name, Rule::UnknownParameter)]);
    }
    let mut problems: Vec<FieldError> = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map(|pairs| pairs.into_inner().into_iter().filter_map(|(k, v)| diagnose(&k, &v)).collect())
        .unwrap_or_default();
    if problems.is_empty() {
        tracing::debug!(error = %text, "an unreadable query");
        problems.push(FieldError::new("query", Issue::Unreadable));
    }
    ApiError::InvalidQuery(problems)
}

/// What is wrong with one query parameter of a known shape, if anything.
fn diagnose(key: &str, value: &str) -> Option<FieldError> {
    let not_one_of = |names: &[&str]| Issue::NotOneOf { allowed: names.iter().map(|n| (*n).to_owned()).collect() };
    let issue = match key {
        "as_of" | "valid_on" | "on" => {
            chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_err().then_some(Issue::InvalidDate)
        }
        "limit" | "parent" | "within" | "unit" | "year" | "subject_id" | "actor_id" => {
            value.parse::<i64>().is_err().then_some(Issue::WrongType { expected: "integer" })
        }
        "with_total" => value.parse::<bool>().is_err().then_some(Issue::WrongType { expected: "boolean" }),
        "level" => value.parse::<xhht_domain::UnitLevel>().is_err().then_some(Issue::Rule(Rule::UnknownUnitLevel)),
        "model_kind" => value
            .parse::<xhht_domain::ModelKind>()
            .is_err()
            .then(|| not_one_of(&xhht_domain::ModelKind::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>())),
        "subject_type" => value
            .parse::<xhht_domain::SubjectKind>()
            .is_err()
            .then(|| not_one_of(&xhht_domain::SubjectKind::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>())),
        "updated_since" | "since" | "until" => {
            chrono::DateTime::parse_from_rfc3339(value).is_err().then_some(Issue::Unreadable)
        }
        _ => None,
    };
    issue.map(|issue| FieldError::new(key, issue))
}

fn path_error(e: PathError, req: &HttpRequest) -> ApiError {
    // `PATCH /accounts/me` reaches `/accounts/{id}`, whose id does not parse; but the path is a
    // route of its own that lacks this method: that is a 405, not a bad id.
    if let Some(state) = req.app_data::<web::Data<AppState>>() {
        let path = req.path();
        let literal: Vec<String> = state
            .routes
            .iter()
            .filter(|(def, _)| !def.pattern().unwrap_or("{").contains('{') && def.is_match(path))
            .flat_map(|(_, methods)| methods.iter().cloned())
            .collect();
        if !literal.is_empty() && !literal.iter().any(|m| m == req.method().as_str()) {
            return ApiError::MethodNotAllowed { allowed: literal };
        }
    }
    let text = match &e {
        PathError::Deserialize(err) => err.to_string(),
        other => other.to_string(),
    };
    tracing::debug!(error = %text, "an unreadable path parameter");
    ApiError::InvalidPath(vec![FieldError::new("path", Issue::WrongType { expected: "integer" })])
}
