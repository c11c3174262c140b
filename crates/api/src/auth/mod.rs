//! Authentication and authorisation: tokens, passwords, and the `Actor` extractor that every
//! protected handler takes. Nothing here logs a password, a key or a token.

pub mod password;
pub mod throttle;
pub mod token;

use crate::error::ApiError;
use crate::middleware::RequestId;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header::AUTHORIZATION;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use std::net::{IpAddr, Ipv6Addr};
use xhht_domain::{Permission, Role, Scope};
use xhht_persistence::accounts::Session;

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

/// The session of a `sid` claim (`Session::claim` writes it).
fn session_of(claim: &str) -> Option<Session<'_>> {
    match claim.split_once(':')? {
        ("f", family) if !family.is_empty() => Some(Session::Family(family)),
        ("k", id) => id.parse().ok().map(Session::ApiKey),
        _ => None,
    }
}

/// What an account that must still change its one-time password may do: change it, and read
/// its own account. (Signing out takes no access token.)
fn allowed_before_password_change(req: &HttpRequest) -> bool {
    matches!(
        (req.method().as_str(), req.path()),
        ("GET", "/api/v1/accounts/me") | ("POST", "/api/v1/accounts/me/password")
    )
}

/// The address a request comes from: the peer, or for a request from the configured reverse
/// proxy, the address the proxy added last to `X-Forwarded-For`. IPv4 addresses written as
/// IPv6 (`::ffff:10.0.0.1`, as a dual-stack listener reports them) are read as IPv4.
pub fn source_address(req: &HttpRequest, trusted_proxy: Option<IpAddr>) -> IpAddr {
    let peer = req.peer_addr().map_or(IpAddr::V6(Ipv6Addr::UNSPECIFIED), |a| a.ip().to_canonical());
    if trusted_proxy.map(|p| p.to_canonical()) != Some(peer) {
        return peer;
    }
    req.headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .last()
        .and_then(|a| a.trim().parse::<IpAddr>().ok())
        .map_or(peer, |a| a.to_canonical())
}

/// Checks the token's signature and claims (no I/O), then that the account has not changed
/// since the token was issued and that its session has not ended: in one read, or from what
/// the server keeps of a session seen lately (`Database::known_token_state`), which a change to
/// the account or its sessions on any server clears.
async fn authenticate(req: HttpRequest) -> Result<Actor, ApiError> {
    let token = bearer(&req)?.ok_or(ApiError::Unauthorized)?;
    let state = req.app_data::<web::Data<AppState>>().ok_or(ApiError::Internal)?.clone();
    let claims = state.tokens.verify(token).map_err(|_| ApiError::InvalidToken)?;
    let id: i64 = claims.sub.parse().map_err(|_| ApiError::InvalidToken)?;
    let session = session_of(&claims.sid).ok_or(ApiError::InvalidToken)?;
    // A live session seen lately, with nothing changed since, needs no hop to the database.
    let current = match state.db.known_token_state(id, session) {
        Some(known) => Some(known),
        None => {
            let sid = claims.sid.clone();
            web::block(move || {
                let session = session_of(&sid).ok_or(ApiError::InvalidToken)?;
                Ok::<_, ApiError>(state.db.token_state(id, session)?)
            })
            .await??
        }
    };
    match current {
        Some(now) if now.version == claims.ver && !now.disabled && now.session_live => {
            if now.must_change_password && !allowed_before_password_change(&req) {
                return Err(ApiError::PasswordChangeRequired);
            }
        }
        _ => return Err(ApiError::InvalidToken),
    }
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    req.extensions_mut().insert(Authenticated(id));
    Ok(Actor {
        id,
        username: claims.name.clone(),
        roles: claims.roles.clone(),
        scope: claims.scope.clone(),
        request_id,
    })
}

/// The account a request was authenticated as, kept in the request for what runs after the
/// handler (`middleware::problems` notes its writes for read replicas).
#[derive(Clone, Copy, Debug)]
pub struct Authenticated(pub i64);

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
                match authenticate(req).await {
                    Ok(actor) => Ok(MaybeActor(Some(actor))),
                    // Public routes stay public to an account that must still change its
                    // password: it reads them as anyone does.
                    Err(ApiError::PasswordChangeRequired) => Ok(MaybeActor(None)),
                    Err(e) => Err(e),
                }
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
