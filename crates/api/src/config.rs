//! Configuration: built-in defaults, then an optional TOML file, then `XHHT_*` environment
//! variables. With neither file nor variables the server runs on SQLite at
//! `./data/xhht.sqlite`, on 127.0.0.1:8080.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `sqlite://PATH` (default `sqlite://./data/xhht.sqlite`) or `postgres://…`.
    pub database_url: String,
    /// PostgreSQL hot standbys of `database_url`, comma-separated: the reads that may lag go
    /// to them (`XHHT_REPLICA_URLS`).
    pub replica_urls: String,
    pub host: String,
    /// 0 picks a free port (tests).
    pub port: u16,
    /// Actix worker threads; 0 = one per core.
    pub workers: usize,
    pub pool_size: u32,
    /// Largest JSON body accepted, in bytes.
    pub json_limit: usize,
    /// tracing filter, e.g. `info` or `xhht=debug,info`.
    pub log: String,
    /// Migrate and seed on start.
    pub auto_migrate: bool,
    /// Where generated secrets live (the token signing key when none is configured).
    pub data_dir: String,
    /// HS256 signing key for access tokens (at least 32 bytes). When absent, one is generated
    /// into `data_dir/jwt-secret` with owner-only permissions on first start.
    pub jwt_secret: Option<String>,
    /// Key of the national-ID hashes (HMAC). Generated into `data_dir/national-id-key` when
    /// absent. Changing it makes existing hashes unmatchable.
    pub national_id_key: Option<String>,
    pub access_token_seconds: i64,
    pub refresh_token_days: i64,
    /// argon2id cost: memory in KiB and passes.
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    /// Password guesses (sign-in, or the current password when changing it) allowed a minute
    /// from one source address, and at one account from one source; an hour allows six times
    /// as many. Past them the answer is 429 with `Retry-After`. No account is ever locked.
    pub sign_in_per_source_per_minute: u32,
    pub sign_in_per_account_per_minute: u32,
    /// The address of a reverse proxy in front of the server: for requests from it, the source
    /// is the last address of `X-Forwarded-For` (the one the proxy added). Without it every
    /// request comes from the proxy, and shares one allowance.
    pub trusted_proxy: Option<String>,
    /// Largest import file accepted, in bytes (default 1 GiB: 2.5 million citizens as CSV
    /// take about 200 MB). Uploads are streamed to `data_dir/imports`, never held in memory.
    pub import_max_bytes: u64,
    /// Days an upload whose rows had errors is kept, for its error workbook.
    pub import_keep_days: u64,
    /// Password of the first administrator. When absent and no administrator exists, one is
    /// generated and printed once.
    pub admin_password: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://./data/xhht.sqlite".into(),
            replica_urls: String::new(),
            host: "127.0.0.1".into(),
            port: 8080,
            workers: 0,
            pool_size: 8,
            json_limit: 2 * 1024 * 1024,
            log: "info".into(),
            auto_migrate: true,
            data_dir: "./data".into(),
            jwt_secret: None,
            national_id_key: None,
            access_token_seconds: 900,
            refresh_token_days: 14,
            argon2_memory_kib: 19 * 1024,
            argon2_iterations: 2,
            sign_in_per_source_per_minute: 30,
            sign_in_per_account_per_minute: 5,
            trusted_proxy: None,
            import_max_bytes: 1 << 30,
            import_keep_days: 7,
            admin_password: None,
        }
    }
}

impl Settings {
    /// Loads the settings. The file is `XHHT_CONFIG` if set (it must then exist), else
    /// `./xhht.toml` if present.
    pub fn load() -> Result<Self, config::ConfigError> {
        let defaults = Settings::default();
        let mut builder = config::Config::builder()
            .set_default("database_url", defaults.database_url)?
            .set_default("replica_urls", defaults.replica_urls)?
            .set_default("host", defaults.host)?
            .set_default("port", i64::from(defaults.port))?
            .set_default("workers", 0_i64)?
            .set_default("pool_size", i64::from(defaults.pool_size))?
            .set_default("json_limit", i64::try_from(defaults.json_limit).unwrap_or(i64::MAX))?
            .set_default("log", defaults.log)?
            .set_default("auto_migrate", defaults.auto_migrate)?
            .set_default("data_dir", defaults.data_dir)?
            .set_default("access_token_seconds", defaults.access_token_seconds)?
            .set_default("refresh_token_days", defaults.refresh_token_days)?
            .set_default("argon2_memory_kib", i64::from(defaults.argon2_memory_kib))?
            .set_default("argon2_iterations", i64::from(defaults.argon2_iterations))?
            .set_default("sign_in_per_source_per_minute", i64::from(defaults.sign_in_per_source_per_minute))?
            .set_default("sign_in_per_account_per_minute", i64::from(defaults.sign_in_per_account_per_minute))?
            .set_default("import_max_bytes", i64::try_from(defaults.import_max_bytes).unwrap_or(i64::MAX))?
            .set_default("import_keep_days", i64::try_from(defaults.import_keep_days).unwrap_or(i64::MAX))?;
        match std::env::var_os("XHHT_CONFIG") {
            Some(path) => {
                builder = builder.add_source(config::File::from(PathBuf::from(path)).required(true));
            }
            None => {
                builder = builder.add_source(config::File::with_name("xhht.toml").required(false));
            }
        }
        builder
            .add_source(config::Environment::with_prefix("XHHT").prefix_separator("_").try_parsing(true))
            .build()?
            .try_deserialize()
    }
}
