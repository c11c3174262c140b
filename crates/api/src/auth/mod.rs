//! Authentication and authorisation: tokens, passwords, and the `Actor` extractor that every
//! protected handler takes. Nothing here logs a password, a key or a token.

pub mod password;
pub mod token;

use crate::error::ApiError;
use crate::middleware::RequestId;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header::AUTHORIZATION;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use xhht_domain::{Permission, Role, Scope};
use xhht_persistence::accounts;

/// The authenticated caller.
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: i64,
    pub username: String,
    pub roles: Vec<Role>,
    pub scope: Scope,
    pub request_id: String,
}

impl Actor {
    pub fn can(&self, permission: Permission) -> bool {
        self.roles.iter().any(|r| r.grants(permission))
    }

    pub fn is_admin(&self) -> bool {
        self.roles.contains(&Role::Admin)
    }

    /// The role allows it (403 `forbidden` otherwise).
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.can(permission) { Ok(()) } else { Err(ApiError::Forbidden) }
    }

    /// The role allows it and the unit (by path) is inside the account's units still in force.
    pub fn require_in(&self, permission: Permission, unit_path: &str) -> Result<(), ApiError> {
        self.require(permission)?;
        if self.scope.can_write(unit_path) { Ok(()) } else { Err(ApiError::OutOfScope) }
    }
}

fn bearer(req: &HttpRequest) -> Result<Option<&str>, ApiError> {
    let Some(value) = req.headers().get(AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| ApiError::InvalidToken)?;
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
            Ok(Some(token.trim()))
        }
        _ => Err(ApiError::InvalidToken),
    }
}

/// Checks the token's signature and claims (no I/O), then that the account has not changed
/// since the token was issued.
async fn authenticate(req: HttpRequest) -> Result<Actor, ApiError> {
    let token = bearer(&req)?.ok_or(ApiError::Unauthorized)?;
    let state = req.app_data::<web::Data<AppState>>().ok_or(ApiError::Internal)?.clone();
    let claims = state.tokens.verify(token).map_err(|_| ApiError::InvalidToken)?;
    let id: i64 = claims.sub.parse().map_err(|_| ApiError::InvalidToken)?;
    let current = web::block(move || state.db.read(|conn| accounts::token_state(conn, id))).await??;
    match current {
        Some((version, false)) if version == claims.ver => {}
        _ => return Err(ApiError::InvalidToken),
    }
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    Ok(Actor { id, username: claims.name, roles: claims.roles, scope: claims.scope, request_id })
}

/// The caller when the request carries a token, for public routes that show more to those
/// who sign in. A token that is sent must be valid.
#[derive(Clone, Debug)]
pub struct MaybeActor(pub Option<Actor>);

impl FromRequest for MaybeActor {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            if req.headers().contains_key(AUTHORIZATION) {
                authenticate(req).await.map(|actor| MaybeActor(Some(actor)))
            } else {
                Ok(MaybeActor(None))
            }
        })
    }
}

impl FromRequest for Actor {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(authenticate(req.clone()))
    }
}
