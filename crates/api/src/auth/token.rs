//! Access tokens: HS256 JWTs with the algorithm pinned and `exp`, `nbf`, `iss` and `aud`
//! checked. They carry the caller's roles and unit scope, and the account's version: each
//! request compares that version with the account's (one primary-key read), so a disabled
//! account or a changed role takes effect at once. They live 15 minutes by default.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
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
    /// Tokens whose signature and claims were checked lately, by their whole text. A client
    /// sends the same token for its lifetime; checking it again (base64, HMAC, JSON) was a
    /// tenth of a token-checked read's work. Only the time limits are compared again.
    verified: Mutex<HashMap<String, Arc<Claims>>>,
}

/// The most checked tokens kept: a few MB, and more clients at once than one server serves.
const VERIFIED_KEPT: usize = 8192;

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
            verified: Mutex::new(HashMap::new()),
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

    /// The token's claims, if its signature and claims hold now.
    pub fn verify(&self, token: &str) -> Result<Arc<Claims>, jsonwebtoken::errors::Error> {
        let now = Utc::now().timestamp();
        let seen = self.verified.lock().ok().and_then(|kept| kept.get(token).cloned());
        if let Some(claims) = seen {
            return if self.in_time(&claims, now) {
                Ok(claims)
            } else {
                Err(jsonwebtoken::errors::ErrorKind::ExpiredSignature.into())
            };
        }
        let claims = Arc::new(decode::<Claims>(token, &self.decoding, &self.validation)?.claims);
        if let Ok(mut kept) = self.verified.lock() {
            if kept.len() >= VERIFIED_KEPT {
                kept.retain(|_, c| self.in_time(c, now));
                if kept.len() >= VERIFIED_KEPT {
                    kept.clear();
                }
            }
            kept.insert(token.to_owned(), claims.clone());
        }
        Ok(claims)
    }

    /// `exp` and `nbf` as `decode` checks them, with the same leeway.
    fn in_time(&self, claims: &Claims, now: i64) -> bool {
        let leeway = self.validation.leeway as i64;
        claims.exp >= now - leeway && claims.nbf <= now + leeway
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

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    fn tokens() -> Tokens {
        Tokens::new(&[7u8; 32], 900).unwrap()
    }

    fn token(tokens: &Tokens) -> String {
        tokens.issue(3, "cán bộ", 1, &[Role::Admin], &Scope::default(), "f:abc").unwrap()
    }

    #[test]
    fn a_token_checked_once_is_accepted_again_and_a_changed_one_is_not() {
        let tokens = tokens();
        let text = token(&tokens);
        assert_eq!(tokens.verify(&text).unwrap().sub, "3");
        assert_eq!(tokens.verify(&text).unwrap().sub, "3");
        // The same claims under a changed signature: the kept token does not vouch for it.
        let mut forged = text.clone();
        let last = forged.pop().unwrap();
        forged.push(if last == 'A' { 'B' } else { 'A' });
        assert!(tokens.verify(&forged).is_err());
    }

    #[test]
    fn a_kept_token_past_its_expiry_is_refused() {
        let tokens = tokens();
        let text = token(&tokens);
        let mut claims = (*tokens.verify(&text).unwrap()).clone();
        claims.exp = Utc::now().timestamp() - tokens.validation.leeway as i64 - 1;
        tokens.verified.lock().unwrap().insert(text.clone(), Arc::new(claims));
        let refused = tokens.verify(&text).unwrap_err();
        assert_eq!(refused.kind(), &jsonwebtoken::errors::ErrorKind::ExpiredSignature);
    }

    #[test]
    fn the_kept_tokens_are_bounded() {
        let tokens = tokens();
        for _ in 0..VERIFIED_KEPT + 10 {
            tokens.verify(&token(&tokens)).unwrap();
        }
        assert!(tokens.verified.lock().unwrap().len() <= VERIFIED_KEPT);
    }
}
