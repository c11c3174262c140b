//! Configuration: built-in defaults, then an optional TOML file, then `XHHT_*` environment
//! variables. With neither file nor variables the server runs on SQLite at
//! `./data/xhht.sqlite`, on 127.0.0.1:8080.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `sqlite://PATH` (default `sqlite://./data/xhht.sqlite`) or `postgres://…`.
    pub database_url: String,
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
    /// Until accounts exist, writes are accepted from loopback only; this opens them to any
    /// address and is meant for trusted networks only.
    pub allow_remote_writes: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://./data/xhht.sqlite".into(),
            host: "127.0.0.1".into(),
            port: 8080,
            workers: 0,
            pool_size: 8,
            json_limit: 2 * 1024 * 1024,
            log: "info".into(),
            auto_migrate: true,
            allow_remote_writes: false,
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
            .set_default("host", defaults.host)?
            .set_default("port", i64::from(defaults.port))?
            .set_default("workers", 0_i64)?
            .set_default("pool_size", i64::from(defaults.pool_size))?
            .set_default("json_limit", i64::try_from(defaults.json_limit).unwrap_or(i64::MAX))?
            .set_default("log", defaults.log)?
            .set_default("auto_migrate", defaults.auto_migrate)?
            .set_default("allow_remote_writes", defaults.allow_remote_writes)?;
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
