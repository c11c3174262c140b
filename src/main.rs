//! `xhht`: the server, its maintenance commands, and the import client. `xhht --help` lists
//! them all; `xhht` alone serves (the `make run` path).

mod import;

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::io::Write;
use xhht_api::{Application, Settings, startup};
use xhht_domain::Role;
use xhht_persistence::{Database, DatabaseUrl};

#[derive(Parser)]
#[command(name = "xhht", version, about = "XHHT: the open JSON REST API of Vietnam's learning-society programme")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate, seed and serve (the default). Settings: ./xhht.toml or XHHT_CONFIG, then XHHT_*.
    Serve,
    /// Migrate and seed the database, then exit.
    Migrate,
    /// Print the OpenAPI document (what `make spec` writes to api-spec/).
    Spec,
    /// Print the role × step table of the workflow (as the README has it).
    Roles,
    /// The statistics counters.
    Stats {
        #[command(subcommand)]
        action: StatsAction,
    },
    /// Accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Import a file into a running server and wait for the job; exit status 2 (with the path of
    /// the error workbook) when rows fail, 1 when the import fails otherwise.
    Import(import::ImportArgs),
}

#[derive(Subcommand)]
enum StatsAction {
    /// Recompute the counters from the base tables and list every difference (exit status 1
    /// when there is one).
    Verify,
    /// Rebuild the counters from the base tables.
    Rebuild,
}

#[derive(Subcommand)]
enum UserAction {
    /// Create an account and print its one-time password, or its API key (--service).
    Add {
        #[arg(long)]
        username: String,
        /// admin, provincial_officer, commune_officer, inspector, association_officer, viewer.
        #[arg(long = "role", required = true, value_parser = parse_role)]
        roles: Vec<Role>,
        /// A unit the account covers, by code as of today (`01`, `00004`); repeatable.
        #[arg(long = "unit")]
        units: Vec<String>,
        /// The display name (the username when absent).
        #[arg(long)]
        name: Option<String>,
        /// A service account, signing in with an API key (for portals and scripts).
        #[arg(long)]
        service: bool,
    },
}

fn parse_role(text: &str) -> Result<Role, String> {
    text.parse::<Role>().map_err(|e| e.to_string())
}

fn database(settings: &Settings) -> anyhow::Result<Database> {
    let url = DatabaseUrl::parse(&settings.database_url).map_err(anyhow::Error::msg)?;
    Ok(Database::connect(&url, &Default::default())?)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = || Settings::load().context("cannot read the configuration");
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(&settings()?)?;
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            let settings = settings()?;
            xhht_api::telemetry::init(&settings.log);
            let prepared = startup::prepare(&database(&settings)?)?;
            tracing::info!(?prepared, "database ready");
        }
        Command::Spec => {
            let mut out = std::io::stdout().lock();
            out.write_all(xhht_api::openapi::document_json().as_bytes())?;
        }
        Command::Roles => {
            let mut out = std::io::stdout().lock();
            out.write_all(xhht_api::access::role_step_table().as_bytes())?;
        }
        Command::Stats { action } => {
            let settings = settings()?;
            xhht_api::telemetry::init("warn");
            let db = database(&settings)?;
            let mut out = std::io::stdout().lock();
            match action {
                StatsAction::Verify => {
                    let differences = db.read(xhht_persistence::stats::verify)?;
                    for d in &differences {
                        writeln!(out, "{d}")?;
                    }
                    writeln!(out, "{} difference(s) between the counters and the base tables", differences.len())?;
                    if !differences.is_empty() {
                        std::process::exit(1);
                    }
                }
                StatsAction::Rebuild => {
                    let rows = db.write(xhht_persistence::stats::rebuild)?;
                    writeln!(out, "counters rebuilt from the base tables: {rows} row(s)")?;
                }
            }
        }
        Command::User { action: UserAction::Add { username, roles, units, name, service } } => {
            let spec = xhht_api::cli::UserSpec { username, display_name: name, roles, unit_codes: units, service };
            spec.check()?;
            let settings = settings()?;
            xhht_api::telemetry::init("warn");
            let secret = xhht_api::cli::add_user(&settings, &spec)?;
            let what = if spec.service { "API key" } else { "one-time password" };
            let mut out = std::io::stdout().lock();
            writeln!(out, "Account {} created.\n{what} (shown only now): {secret}", spec.username)?;
        }
        Command::Import(args) => {
            let code = import::run(args).await?;
            std::process::exit(code);
        }
    }
    Ok(())
}
