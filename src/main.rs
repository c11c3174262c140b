//! `xhht`: the server and its maintenance commands.
//!
//! - `xhht` or `xhht serve`: migrate, seed, serve (the `make run` path);
//! - `xhht migrate`: migrate and seed, then exit;
//! - `xhht spec`: print the OpenAPI document (what `make spec` writes to api-spec/);
//! - `xhht roles`: print the role × step table of the workflow (as the README has it);
//! - `xhht stats verify`: recompute the statistics counters from the base tables and list
//!   every difference (exit status 1 when there is one); `xhht stats rebuild` repairs them;
//! - `xhht user add …`: create an account and print its one-time password or API key.

use anyhow::Context;
use std::io::Write;
use xhht_api::{Application, Settings, startup};
use xhht_persistence::{Database, DatabaseUrl};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    match command.as_str() {
        "serve" => {
            let settings = Settings::load().context("cannot read the configuration")?;
            let app = Application::build(&settings)?;
            app.run_until_stopped().await?;
        }
        "migrate" => {
            let settings = Settings::load().context("cannot read the configuration")?;
            xhht_api::telemetry::init(&settings.log);
            let url = DatabaseUrl::parse(&settings.database_url).map_err(anyhow::Error::msg)?;
            let db = Database::connect(&url, &Default::default())?;
            let prepared = startup::prepare(&db)?;
            tracing::info!(?prepared, "database ready");
        }
        "user" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            if args.first().map(String::as_str) != Some("add") {
                anyhow::bail!("{}", xhht_api::cli::USAGE);
            }
            let spec = xhht_api::cli::UserSpec::parse(&args[1..])?;
            let settings = Settings::load().context("cannot read the configuration")?;
            xhht_api::telemetry::init("warn");
            let secret = xhht_api::cli::add_user(&settings, &spec)?;
            let what = if spec.service { "API key" } else { "one-time password" };
            let mut out = std::io::stdout().lock();
            writeln!(out, "Account {} created.\n{what} (shown only now): {secret}", spec.username)?;
        }
        "spec" => {
            let mut out = std::io::stdout().lock();
            out.write_all(xhht_api::openapi::document_json().as_bytes())?;
        }
        "stats" => {
            let settings = Settings::load().context("cannot read the configuration")?;
            xhht_api::telemetry::init("warn");
            let url = DatabaseUrl::parse(&settings.database_url).map_err(anyhow::Error::msg)?;
            let db = Database::connect(&url, &Default::default())?;
            let mut out = std::io::stdout().lock();
            match std::env::args().nth(2).as_deref() {
                Some("verify") => {
                    let differences = db.read(xhht_persistence::stats::verify)?;
                    for d in &differences {
                        writeln!(out, "{d}")?;
                    }
                    writeln!(out, "{} difference(s) between the counters and the base tables", differences.len())?;
                    if !differences.is_empty() {
                        std::process::exit(1);
                    }
                }
                Some("rebuild") => {
                    let rows = db.write(xhht_persistence::stats::rebuild)?;
                    writeln!(out, "counters rebuilt from the base tables: {rows} row(s)")?;
                }
                _ => anyhow::bail!("usage: xhht stats verify|rebuild"),
            }
        }
        "roles" => {
            let mut out = std::io::stdout().lock();
            out.write_all(xhht_api::access::role_step_table().as_bytes())?;
        }
        "-h" | "--help" | "help" => {
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "usage: xhht [serve|migrate|spec|roles|stats verify|stats rebuild|user add …]\n{}",
                xhht_api::cli::USAGE
            )?;
        }
        other => anyhow::bail!("unknown command `{other}` (use serve, migrate, spec, roles, stats or user add)"),
    }
    Ok(())
}
