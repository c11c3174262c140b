//! `xhht user add …`: accounts from the command line (for the first officers, and for scripts
//! that provision service accounts). The secret is printed once and stored only hashed.

use crate::auth::password::{Passwords, new_api_key, random_token, sha256_hex};
use crate::config::Settings;
use crate::startup::prepare;
use anyhow::{Context, bail};
use chrono::{TimeDelta, Utc};
use xhht_domain::{Role, UnitLevel};
use xhht_persistence::accounts::{self, NewAccount};
use xhht_persistence::audit::{self, AuditEntry};
use xhht_persistence::units;
use xhht_persistence::{Database, DatabaseUrl};

#[derive(Debug, Default)]
pub struct UserSpec {
    pub username: String,
    pub display_name: Option<String>,
    pub roles: Vec<Role>,
    /// Unit codes, read as of today in Vietnam (`01`, `00004`).
    pub unit_codes: Vec<String>,
    pub service: bool,
}

impl UserSpec {
    /// The rules an account must meet before it is created.
    pub fn check(&self) -> anyhow::Result<()> {
        if self.username.is_empty() || self.roles.is_empty() {
            bail!("--username and at least one --role are required");
        }
        if self.service && self.roles.contains(&Role::Admin) {
            bail!("service accounts cannot be administrators");
        }
        if !self.roles.contains(&Role::Admin) && self.unit_codes.is_empty() {
            bail!("accounts other than administrators need at least one --unit");
        }
        Ok(())
    }
}

/// Creates the account and returns the secret to show: a one-time password, or an API key.
pub fn add_user(settings: &Settings, spec: &UserSpec) -> anyhow::Result<String> {
    spec.check()?;
    let url = DatabaseUrl::parse(&settings.database_url).map_err(anyhow::Error::msg)?;
    let db = Database::connect(&url, &Default::default())?;
    prepare(&db)?;
    let passwords = Passwords::new(settings.argon2_memory_kib, settings.argon2_iterations)?;
    let today = (Utc::now() + TimeDelta::hours(7)).date_naive();
    db.write(|conn| {
        let mut unit_ids = Vec::new();
        let mut first_unit = None;
        for code in &spec.unit_codes {
            let found = units::by_code(conn, code, today, None)?;
            let unit = match found.as_slice() {
                [one] => one.clone(),
                [] => bail!("no unit holds code {code} today"),
                many => many
                    .iter()
                    .find(|u| u.level != UnitLevel::Village)
                    .cloned()
                    .with_context(|| format!("code {code} is ambiguous"))?,
            };
            unit_ids.push(unit.id);
            first_unit.get_or_insert(unit);
        }
        let (secret, hash) = if spec.service {
            (None, None)
        } else {
            let password = random_token(12);
            let hash = passwords.hash(&password)?;
            (Some(password), Some(hash))
        };
        let account = accounts::create(
            conn,
            &NewAccount {
                username: spec.username.clone(),
                display_name: spec.display_name.clone().unwrap_or_else(|| spec.username.clone()),
                kind: if spec.service { "service" } else { "person" }.into(),
                password_hash: hash,
                must_change_password: !spec.service,
                roles: spec.roles.clone(),
                unit_ids,
            },
        )?;
        let secret = match secret {
            Some(password) => password,
            None => {
                let (prefix, key) = new_api_key();
                accounts::create_api_key(conn, account.id, "command line", &prefix, &sha256_hex(&key))?;
                key
            }
        };
        audit::record(
            conn,
            &AuditEntry {
                actor_id: None,
                actor_username: "command-line".into(),
                request_id: "cli".into(),
                entity: "account",
                entity_id: account.id.to_string(),
                action: "create",
                unit_id: first_unit.as_ref().map(|u| u.id),
                unit_path: first_unit.as_ref().map(|u| u.path.clone()),
                changes: serde_json::json!({
                    "username": {"before": null, "after": account.username},
                    "roles": {"before": null, "after": account.roles},
                    "unit_ids": {"before": null, "after": account.unit_ids},
                }),
            },
        )?;
        Ok(secret)
    })
}
