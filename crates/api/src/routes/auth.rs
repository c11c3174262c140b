//! `/api/v1/auth`: sign-in (password or API key), refresh-token rotation, sign-out.

use super::support::db;
use crate::auth::password::{constant_time_eq, random_token, sha256_hex};
use crate::auth::source_address;
use crate::auth::throttle::shared_guess;
use crate::dto::{GrantType, LogoutRequest, TokenRequest, TokenResponse};
use crate::error::{ApiError, FieldError, Issue, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::{TimeDelta, Utc};
use xhht_persistence::DbConn;
use xhht_persistence::accounts::{self, Account, Session};

fn required(field: &str) -> ApiError {
    ApiError::Validation(vec![FieldError::new(field, Issue::Required)])
}

/// Issues an access token in `session`, and for a sign-in with a password a new refresh token
/// in its family.
fn grant(state: &AppState, conn: &mut DbConn, account: &Account, session: Session) -> Result<TokenResponse, ApiError> {
    let scope = accounts::scope_of(conn, &account.roles, &account.unit_ids)?;
    let access = state
        .tokens
        .issue(account.id, &account.username, account.version, &account.roles, &scope, &session.claim())
        .map_err(|e| {
            tracing::error!(error = %e, "cannot sign a token");
            ApiError::Internal
        })?;
    let (refresh_token, refresh_expires_in) = match session {
        Session::Family(family) => {
            let token = random_token(32);
            let ttl = TimeDelta::days(state.auth.refresh_token_days);
            let expires = (Utc::now() + ttl).naive_utc();
            accounts::insert_refresh_token(conn, &sha256_hex(&token), family, account.id, expires)?;
            (Some(token), Some(ttl.num_seconds()))
        }
        Session::ApiKey(_) => (None, None),
    };
    Ok(TokenResponse {
        access_token: access,
        token_type: "Bearer".into(),
        expires_in: state.tokens.access_ttl_seconds,
        refresh_token,
        refresh_expires_in,
        must_change_password: account.must_change_password,
    })
}

/// Checks a password. An unknown name costs the same work as a wrong password and gets the
/// same answer, so that the answers do not tell which accounts exist.
fn password_grant(state: &AppState, username: &str, password: &str) -> Result<TokenResponse, ApiError> {
    state.db.write(|conn| {
        let Some((account, hash)) = accounts::by_username(conn, username)? else {
            state.passwords.verify(password, None);
            return Err(ApiError::InvalidCredentials);
        };
        if !state.passwords.verify(password, hash.as_deref()) {
            return Err(ApiError::InvalidCredentials);
        }
        if account.disabled {
            return Err(ApiError::AccountDisabled);
        }
        let family = uuid::Uuid::new_v4().to_string();
        grant(state, conn, &account, Session::Family(&family))
    })
}

/// Keys look like `xhht_<8 hex>_<secret>`: the prefix finds the row, the hash proves the rest.
fn api_key_grant(state: &AppState, key: &str) -> Result<TokenResponse, ApiError> {
    let prefix = key
        .strip_prefix("xhht_")
        .and_then(|rest| rest.get(..8))
        .filter(|p| p.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or(ApiError::InvalidCredentials)?;
    state.db.write(|conn| {
        let (found, hash) = accounts::find_api_key(conn, prefix)?.ok_or(ApiError::InvalidCredentials)?;
        if !constant_time_eq(&hash, &sha256_hex(key)) {
            return Err(ApiError::InvalidCredentials);
        }
        let account = accounts::get(conn, found.account_id)?;
        if account.disabled {
            return Err(ApiError::AccountDisabled);
        }
        grant(state, conn, &account, Session::ApiKey(found.id))
    })
}

fn refresh_grant(state: &AppState, token: &str) -> Result<Result<TokenResponse, ApiError>, ApiError> {
    let hash = sha256_hex(token);
    // The family is revoked in its own transaction: a refused refresh must still revoke it.
    let outcome = state.db.write(|conn| {
        let Some(stored) = accounts::find_refresh_token(conn, &hash)? else {
            return Ok(Err(None));
        };
        let now = Utc::now().naive_utc();
        let reused = stored.used_at.is_some() || stored.revoked_at.is_some();
        if reused || !accounts::use_refresh_token(conn, &hash)? {
            return Ok(Err(Some(stored.family)));
        }
        if stored.expires_at <= now {
            return Ok(Err(None));
        }
        let account = accounts::get(conn, stored.account_id)?;
        if account.disabled {
            return Ok(Err(Some(stored.family)));
        }
        grant(state, conn, &account, Session::Family(&stored.family)).map(Ok)
    })?;
    match outcome {
        Ok(response) => Ok(Ok(response)),
        Err(family) => {
            if let Some(family) = family {
                tracing::warn!("a used or revoked refresh token was presented; its family is revoked");
                state.db.write(|conn| accounts::revoke_refresh_family(conn, &family).map_err(ApiError::from))?;
            }
            Ok(Err(ApiError::InvalidGrant))
        }
    }
}

/// Signs in with a password or an API key, or exchanges a refresh token (which rotates: a
/// refresh token works once, and a reused one revokes its whole family, and ends its access
/// tokens). Password guesses are limited per source address and per account from each
/// source; past the limit the answer is 429 with `Retry-After`. No account is ever locked.
#[utoipa::path(
    operation_id = "issueToken",
    tag = "auth",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "Tokens", body = TokenResponse),
        (status = 401, description = "Wrong credentials, a disabled account, or an unusable refresh token", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many password guesses from this source; `Retry-After` says when to try again", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/token")]
pub async fn issue_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<TokenRequest>,
) -> Result<web::Json<TokenResponse>, ApiError> {
    body.validate()?;
    let body = body.into_inner();
    match body.grant_type {
        GrantType::Password => {
            let username = body.username.ok_or_else(|| required("username"))?;
            let password = body.password.ok_or_else(|| required("password"))?;
            let source = source_address(&req, state.auth.trusted_proxy);
            state
                .throttle
                .guess(source, &username)
                .map_err(|retry_after_seconds| ApiError::TooManyAttempts { retry_after_seconds })?;
            let tokens = db(&state, {
                let state = state.clone();
                move |database| {
                    // Committed on its own: a refused password must still count.
                    let now = chrono::Utc::now().timestamp();
                    database
                        .write(|conn| shared_guess(conn, &state.throttle, &state.national_ids, source, &username, now))?
                        .map_err(|retry_after_seconds| ApiError::TooManyAttempts { retry_after_seconds })?;
                    password_grant(&state, &username, &password)
                }
            })
            .await?;
            Ok(web::Json(tokens))
        }
        GrantType::ApiKey => {
            let key = body.api_key.ok_or_else(|| required("api_key"))?;
            let tokens = db(&state, {
                let state = state.clone();
                move |_| api_key_grant(&state, &key)
            })
            .await?;
            Ok(web::Json(tokens))
        }
        GrantType::RefreshToken => {
            let token = body.refresh_token.ok_or_else(|| required("refresh_token"))?;
            let tokens = db(&state, {
                let state = state.clone();
                move |_| refresh_grant(&state, &token)
            })
            .await??;
            Ok(web::Json(tokens))
        }
    }
}

/// Signs out: revokes the refresh token's whole family, and with it the access tokens issued in
/// it. Answers 204 whether or not the token was known, so that it cannot be used to probe for
/// tokens.
#[utoipa::path(
    operation_id = "logout",
    tag = "auth",
    request_body = LogoutRequest,
    responses((status = 204, description = "Signed out"))
)]
#[post("/logout")]
pub async fn logout(state: web::Data<AppState>, body: JsonBody<LogoutRequest>) -> Result<HttpResponse, ApiError> {
    body.validate()?;
    let hash = sha256_hex(&body.refresh_token);
    db(&state, move |database| {
        database.write(|conn| {
            if let Some(stored) = accounts::find_refresh_token(conn, &hash)? {
                accounts::revoke_refresh_family(conn, &stored.family)?;
            }
            Ok::<_, ApiError>(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
