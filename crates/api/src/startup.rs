//! Building and running the server. `Application::build` binds first (port 0 picks a free
//! port), so tests start the real app on a real port.

use crate::config::Settings;
use crate::error::{ApiError, FieldError, Issue};
use crate::{middleware, openapi, routes, telemetry};
use actix_web::dev::{ResourceDef, Server};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::Method;
use actix_web::web::{self, Bytes};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, get};
use anyhow::Context;
use std::net::TcpListener;
use std::time::{Duration, Instant};
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::{Config as SwaggerConfig, SwaggerUi};
use xhht_persistence::db::PoolOptions;
use xhht_persistence::seed::SeedOutcome;
use xhht_persistence::{Database, DatabaseUrl, migrate, seed};

/// What every handler can reach.
pub struct AppState {
    pub db: Database,
    pub allow_remote_writes: bool,
    spec: Bytes,
    routes: Vec<(ResourceDef, Vec<String>)>,
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
    pub elapsed: Duration,
}

/// Migrates and seeds. Safe to run on every start: a second run changes nothing.
pub fn prepare(db: &Database) -> anyhow::Result<Prepared> {
    let started = Instant::now();
    let mut conn = db.conn().context("cannot connect to the database")?;
    let migrations = migrate::run(&mut conn).context("migrations failed")?;
    let seed = seed::run(&mut conn).context("seeding failed")?;
    Ok(Prepared { migrations, seed, elapsed: started.elapsed() })
}

impl Application {
    pub fn build(settings: &Settings) -> anyhow::Result<Self> {
        telemetry::init(&settings.log);
        let url = DatabaseUrl::parse(&settings.database_url).map_err(anyhow::Error::msg)?;
        let db = Database::connect(&url, &PoolOptions { max_size: settings.pool_size, ..PoolOptions::default() })
            .with_context(|| format!("cannot open {}", url.redacted()))?;
        if settings.auto_migrate {
            let prepared = prepare(&db)?;
            tracing::info!(
                database = %url.redacted(),
                migrations_applied = prepared.migrations.len(),
                seed = ?prepared.seed,
                millis = u64::try_from(prepared.elapsed.as_millis()).unwrap_or(u64::MAX),
                "database ready"
            );
        }
        let listener = TcpListener::bind((settings.host.as_str(), settings.port))
            .with_context(|| format!("cannot listen on {}:{}", settings.host, settings.port))?;
        let port = listener.local_addr()?.port();

        let spec = openapi::document();
        let routes = known_routes(&spec);
        let state = web::Data::new(AppState {
            db,
            allow_remote_writes: settings.allow_remote_writes,
            spec: Bytes::from(openapi::document_json()),
            routes,
        });
        let json_limit = settings.json_limit;
        let mut server = HttpServer::new(move || {
            App::new()
                .into_utoipa_app()
                .app_data(state.clone())
                .app_data(json_config(json_limit))
                .app_data(web::QueryConfig::default().error_handler(|e, req| query_error(e, req).into()))
                .app_data(web::PathConfig::default().error_handler(|e, _| path_error(e).into()))
                .service(scope("/api/v1").configure(routes::api_v1).service(openapi_json))
                .configure(routes::root)
                .default_service(web::to(fallback))
                .into_app()
                .service(SwaggerUi::new("/docs/{_:.*}").config(SwaggerConfig::new(["/api/v1/openapi.json"])))
                .service(web::redirect("/docs", "/docs/"))
                .wrap(actix_web::middleware::from_fn(middleware::problems))
        })
        .listen(listener)?;
        if settings.workers > 0 {
            server = server.workers(settings.workers);
        }
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

/// Unknown route (404) or known route with another method (405, with `Allow`).
async fn fallback(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    let allowed: Vec<String> = state
        .routes
        .iter()
        .filter(|(def, _)| def.is_match(path))
        .flat_map(|(_, methods)| methods.iter().cloned())
        .collect();
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
        JsonPayloadError::Deserialize(err) => ApiError::InvalidJson(err.to_string()),
        other => ApiError::InvalidJson(other.to_string()),
    }
}

fn query_error(e: QueryPayloadError, req: &HttpRequest) -> ApiError {
    let text = match &e {
        QueryPayloadError::Deserialize(err) => err.to_string(),
        other => other.to_string(),
    };
    // serde_urlencoded does not name the field it failed on; find it by the shape of the values.
    let mut problems: Vec<FieldError> = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map(|pairs| pairs.into_inner().into_iter().filter_map(|(k, v)| diagnose(&k, &v)).collect())
        .unwrap_or_default();
    if problems.is_empty() {
        problems.push(FieldError::new("query", Issue::Parse(text)));
    }
    ApiError::InvalidQuery(problems)
}

/// What is wrong with one query parameter of a known shape, if anything.
fn diagnose(key: &str, value: &str) -> Option<FieldError> {
    let issue = match key {
        "as_of" => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_err().then_some(Issue::InvalidDate),
        "limit" | "parent" | "within" => value.parse::<i64>().is_err().then(|| Issue::Parse(value.to_owned())),
        "with_total" => value.parse::<bool>().is_err().then(|| Issue::Parse(value.to_owned())),
        "level" => {
            value.parse::<xhht_domain::UnitLevel>().is_err().then(|| Issue::Other { code: "unknown_level".into() })
        }
        _ => None,
    };
    issue.map(|issue| FieldError::new(key, issue))
}

fn path_error(e: PathError) -> ApiError {
    let text = match &e {
        PathError::Deserialize(err) => err.to_string(),
        other => other.to_string(),
    };
    ApiError::InvalidPath(vec![FieldError::new("path", Issue::Parse(text))])
}
