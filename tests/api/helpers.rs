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

pub const ADMIN_PASSWORD: &str = "admin-test-password";

pub struct TestApp {
    pub address: String,
    /// Sends the administrator's access token with every request.
    pub client: reqwest::Client,
    /// Sends no credentials.
    pub anonymous: reqwest::Client,
    pub jwt_secret: String,
    pub database_url: String,
    pub data_dir: String,
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
            db.read(|conn| -> Result<(), xhht_persistence::PersistenceError> {
                if let xhht_persistence::DbConn::Sqlite(c) = conn {
                    c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
                }
                Ok(())
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
    spawn_app_with(backend, |_| {}).await
}

/// The application with settings of the test's own (on top of `test_settings`).
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> Option<TestApp> {
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
    let jwt_secret = format!("test-secret-{}", uuid::Uuid::new_v4().simple());
    let mut settings = test_settings(&database_url, &jwt_secret);
    // Uploads waiting for their import jobs are spooled here: one directory per application.
    settings.data_dir = scratch_dir().join(format!("data-{}", uuid::Uuid::new_v4().simple())).display().to_string();
    adjust(&mut settings);
    let data_dir = settings.data_dir.clone();
    let app = Application::build(&settings).expect("build the application");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let anonymous = reqwest::Client::new();
    let admin_token = login(&anonymous, &address, "admin", ADMIN_PASSWORD).await;
    let client = bearer_client(&admin_token);
    Some(TestApp { address, client, anonymous, jwt_secret, database_url, data_dir, _file: file })
}

pub fn test_settings(database_url: &str, jwt_secret: &str) -> Settings {
    Settings {
        database_url: database_url.to_owned(),
        port: 0,
        workers: 1,
        pool_size: 4,
        log: std::env::var("TEST_LOG").unwrap_or_else(|_| "error".into()),
        jwt_secret: Some(jwt_secret.to_owned()),
        national_id_key: Some(format!("{jwt_secret}-national-id")),
        admin_password: Some(ADMIN_PASSWORD.to_owned()),
        // Cheap hashing keeps the suite fast; production uses the argon2id defaults.
        argon2_memory_kib: 256,
        argon2_iterations: 1,
        // Tests sign many accounts in from one address; tests/api/security.rs tests the limits.
        sign_in_per_source_per_minute: 100_000,
        sign_in_per_account_per_minute: 100_000,
        ..Settings::default()
    }
}

pub fn bearer_client(token: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::AUTHORIZATION, format!("Bearer {token}").parse().expect("header"));
    reqwest::Client::builder().default_headers(headers).build().expect("client")
}

/// Signs in and returns the access token.
pub async fn login(client: &reqwest::Client, address: &str, username: &str, password: &str) -> String {
    let response = client
        .post(format!("{address}/api/v1/auth/token"))
        .json(&serde_json::json!({"grant_type": "password", "username": username, "password": password}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.status(), 200, "sign in as {username}");
    let body: serde_json::Value = response.json().await.expect("token body");
    body["access_token"].as_str().expect("access token").to_owned()
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

    /// Creates an account with these roles on these units (by id), signs it in, replaces its
    /// one-time password (nothing else is allowed before) and signs in again; returns
    /// (account id, access token).
    pub async fn account(&self, username: &str, roles: &[&str], unit_ids: &[i64]) -> (i64, String) {
        let (id, token, password) = self.account_with_one_time_password(username, roles, unit_ids).await;
        let chosen = format!("kx-{}", uuid::Uuid::new_v4().simple());
        let changed = bearer_client(&token)
            .post(self.url("/api/v1/accounts/me/password"))
            .json(&serde_json::json!({"current_password": password, "new_password": chosen}))
            .send()
            .await
            .expect("change the one-time password");
        assert_eq!(changed.status(), 204, "change the one-time password of {username}");
        (id, login(&self.anonymous, &self.address, username, &chosen).await)
    }

    /// Creates an account and signs it in with its one-time password; returns (account id,
    /// access token, the one-time password).
    pub async fn account_with_one_time_password(
        &self,
        username: &str,
        roles: &[&str],
        unit_ids: &[i64],
    ) -> (i64, String, String) {
        let created = self
            .post_json(
                "/api/v1/accounts",
                &serde_json::json!({"username": username, "display_name": username, "kind": "person",
                                    "roles": roles, "unit_ids": unit_ids}),
            )
            .await;
        assert_eq!(created.status(), 201, "create account {username}");
        let created: serde_json::Value = created.json().await.expect("account");
        let password = created["initial_password"].as_str().expect("one-time password").to_owned();
        let token = login(&self.anonymous, &self.address, username, &password).await;
        (created["id"].as_i64().expect("id"), token, password)
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

/// Whether PostgreSQL tests can run: a cluster was started, or they must (and then fail).
pub fn postgres_runs() -> bool {
    pg_admin_url().is_some() || std::env::var("XHHT_REQUIRE_PG").as_deref() == Ok("1")
}

/// A test named `module::name`, run to completion on a runtime of its own.
pub fn trial<F, Fut>(module: &str, name: &str, body: F) -> libtest_mimic::Trial
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()>,
{
    let module = module.trim_start_matches("api::").to_owned();
    libtest_mimic::Trial::test(format!("{module}::{name}"), move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| libtest_mimic::Failed::from(e.to_string()))?;
        runtime.block_on(body());
        Ok(())
    })
}

/// The same test on SQLite and on PostgreSQL; without a cluster the PostgreSQL one is ignored.
pub fn on_both<F, Fut>(module: &str, name: &str, body: F) -> [libtest_mimic::Trial; 2]
where
    F: Fn(TestApp) -> Fut + Send + Sync + Clone + 'static,
    Fut: std::future::Future<Output = ()>,
{
    let on = |backend: Backend, body: F| {
        move || async move {
            let app = spawn_app(backend).await.expect("a PostgreSQL cluster (XHHT_TEST_PG_URL)");
            body(app).await
        }
    };
    [
        trial(module, &format!("{name}::sqlite"), on(Backend::Sqlite, body.clone())),
        trial(module, &format!("{name}::postgres"), on(Backend::Postgres, body)).with_ignored_flag(!postgres_runs()),
    ]
}

/// Declares the module's `trials()`: each named async test body, on each backend.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        pub fn trials() -> Vec<libtest_mimic::Trial> {
            let mut out = Vec::new();
            $(
                out.extend($crate::helpers::on_both(module_path!(), stringify!($name), |app| async move {
                    $name(&app).await
                }));
            )+
            out
        }
    };
}
