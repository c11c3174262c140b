//! Logging. Lines carry method, path (never the query string, which may hold names), status,
//! duration and the request id; never a request body.

use tracing_subscriber::{EnvFilter, fmt};

/// Installs the global subscriber once; later calls are no-ops (tests build many apps).
pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let _ = fmt().with_env_filter(filter).with_target(false).with_ansi(ansi).try_init();
}
