//! Access tokens: HS256 JWTs with the algorithm pinned and `exp`, `nbf`, `iss` and `aud`
//! checked. They carry the caller's roles and unit scope, and the account's version: each
//! request compares that version with the account's (one primary-key read), so a disabled
//! account or a changed role takes effect at once. They live 15 minutes by default.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use std::path::Path;
use xhht_domain::{Role, Scope};

pub const ISSUER: &str = "xhht";
pub const AUDIENCE: &str = "xhht-api";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    pub sub: String,
    pub name: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub jti: String,
    pub roles: Vec<Role>,
    pub scope: Scope,
    /// The account's version when the token was issued: any later change to the account
    /// (roles, units, disabling, a new password) makes the token stale.
    pub ver: i32,
    /// The session the token belongs to (`f:` and a refresh-token family, or `k:` and an API
    /// key's id): ending the session ends its access tokens at once.
    pub sid: String,
}

pub struct Tokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub access_ttl_seconds: i64,
}

impl Tokens {
    pub fn new(secret: &[u8], access_ttl_seconds: i64) -> anyhow::Result<Self> {
        anyhow::ensure!(secret.len() >= 32, "the token signing key must have at least 32 bytes");
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = 5;
        Ok(Tokens {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            access_ttl_seconds,
        })
    }

    pub fn issue(
        &self,
        account_id: i64,
        username: &str,
        version: i32,
        roles: &[Role],
        scope: &Scope,
        session: &str,
    ) -> anyhow::Result<String> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: account_id.to_string(),
            name: username.to_owned(),
            iat: now,
            nbf: now,
            exp: now + self.access_ttl_seconds,
            jti: uuid::Uuid::new_v4().to_string(),
            roles: roles.to_vec(),
            scope: scope.clone(),
            ver: version,
            sid: session.to_owned(),
        };
        Ok(encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    pub fn verify(&self, token: &str) -> Result<Claims, jsonwebtoken::errors::Error> {
        decode::<Claims>(token, &self.decoding, &self.validation).map(|data| data.claims)
    }
}

/// The configured key, or the one kept in `data_dir/<file>` (created owner-only on first
/// start).
pub fn load_or_create_secret(configured: Option<&str>, data_dir: &Path, file: &str) -> anyhow::Result<Vec<u8>> {
    if let Some(secret) = configured {
        return Ok(secret.as_bytes().to_vec());
    }
    let path = data_dir.join(file);
    if let Ok(existing) = std::fs::read_to_string(&path) {
        return Ok(existing.trim().as_bytes().to_vec());
    }
    std::fs::create_dir_all(data_dir)?;
    let secret = super::password::random_token(48);
    anyhow::ensure!(!secret.is_empty(), "no random bytes for the signing key");
    write_private(&path, &secret)?;
    tracing::warn!(path = %path.display(), "generated a secret key; keep this file private and backed up");
    Ok(secret.into_bytes())
}

#[cfg(unix)]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(content.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    std::fs::write(path, content)
}
