//! Starts the real application on a real port against a real database: a copy of a migrated,
//! seeded SQLite template, or a PostgreSQL database cloned from a migrated, seeded template in
//! the throw-away cluster that `scripts/test.sh` starts (`XHHT_TEST_PG_URL`).

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use std::path::PathBuf;
use std::sync::OnceLock;
use xhht_api::{Application, Settings};
use xhht_persistence::{Database, DatabaseUrl};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub database_url: String,
    _file: Option<TempFile>,
}

struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xhht-tests-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn sqlite_template() -> &'static PathBuf {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let path = scratch_dir().join("template.sqlite");
        let url = DatabaseUrl::Sqlite(path.clone());
        {
            let db = Database::connect(&url, &Default::default()).expect("open the SQLite template");
            xhht_api::startup::prepare(&db).expect("migrate and seed the SQLite template");
            // Fold the WAL into the main file so that copying that one file copies everything.
            db.read(|conn| match conn {
                xhht_persistence::DbConn::Sqlite(c) => {
                    c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);").map_err(Into::into)
                }
                xhht_persistence::DbConn::Pg(_) => Ok(()),
            })
            .expect("checkpoint the SQLite template");
        }
        path
    })
}

/// The admin URL of the throw-away cluster, if the test script started one.
fn pg_admin_url() -> Option<String> {
    std::env::var("XHHT_TEST_PG_URL").ok().filter(|u| !u.is_empty())
}

fn pg_url_for(admin: &str, database: &str) -> String {
    match admin.rfind('/') {
        Some(i) if i > "postgres://".len() => format!("{}/{database}", &admin[..i]),
        _ => format!("{admin}/{database}"),
    }
}

fn pg_template(admin: &str) -> &'static str {
    static TEMPLATE: OnceLock<&'static str> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = "xhht_template";
        let mut conn = PgConnection::establish(admin).expect("connect to the test cluster");
        // One statement per call: PostgreSQL runs a multi-statement string as one transaction,
        // and CREATE/DROP DATABASE refuse to run inside one.
        conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name}")).expect("drop an old template");
        conn.batch_execute(&format!("CREATE DATABASE {name}")).expect("create the template database");
        let url = DatabaseUrl::parse(&pg_url_for(admin, name)).expect("template URL");
        {
            let db = Database::connect(&url, &Default::default()).expect("open the PostgreSQL template");
            xhht_api::startup::prepare(&db).expect("migrate and seed the PostgreSQL template");
        } // the pool closes here: a template must have no open connections to be cloned
        name
    })
}

pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    let (database_url, file) = match backend {
        Backend::Sqlite => {
            let template = sqlite_template();
            let path = scratch_dir().join(format!("{}.sqlite", uuid::Uuid::new_v4()));
            std::fs::copy(template, &path).expect("copy the SQLite template");
            (format!("sqlite://{}", path.display()), Some(TempFile(path)))
        }
        Backend::Postgres => {
            let Some(admin) = pg_admin_url() else {
                if std::env::var("XHHT_REQUIRE_PG").as_deref() == Ok("1") {
                    panic!("XHHT_REQUIRE_PG=1 but XHHT_TEST_PG_URL is not set: PostgreSQL tests cannot run");
                }
                eprintln!("SKIPPED (PostgreSQL): XHHT_TEST_PG_URL is not set; run `make test` to start a cluster");
                return None;
            };
            let template = pg_template(&admin);
            let name = format!("test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = PgConnection::establish(&admin).expect("connect to the test cluster");
            conn.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template};"))
                .expect("clone the template database");
            (pg_url_for(&admin, &name), None)
        }
    };
    let settings = Settings {
        database_url: database_url.clone(),
        port: 0,
        workers: 1,
        pool_size: 4,
        log: std::env::var("TEST_LOG").unwrap_or_else(|_| "error".into()),
        ..Settings::default()
    };
    let app = Application::build(&settings).expect("build the application");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    Some(TestApp { address, client: reqwest::Client::new(), database_url, _file: file })
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.expect("JSON body")
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client.post(self.url(path)).json(body).send().await.expect("POST")
    }

    /// The unit holding `code` on `day`.
    pub async fn unit_by_code(&self, code: &str, day: &str) -> serde_json::Value {
        self.get_json(&format!("/api/v1/units/by-code/{code}?as_of={day}")).await
    }
}

/// Asserts an RFC 9457 problem with the given status and code, and returns its body.
pub async fn assert_problem(response: reqwest::Response, status: u16, code: &str) -> serde_json::Value {
    assert_eq!(response.status().as_u16(), status);
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: serde_json::Value = response.json().await.expect("problem body");
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], status);
    assert!(body["detail"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(body["request_id"].as_str().is_some());
    body
}

/// Declares `sqlite` and `postgres` tests that run the same async test body on each backend.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            use $crate::helpers::{spawn_app, Backend};

            #[tokio::test]
            async fn sqlite() {
                if let Some(app) = spawn_app(Backend::Sqlite).await {
                    super::$name(&app).await;
                }
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(app) = spawn_app(Backend::Postgres).await {
                    super::$name(&app).await;
                }
            }
        }
    )+};
}
