//! What every handler can reach: the database, the token and password services, the
//! compiled frameworks, and the route table for 404/405 answers.

use crate::auth::password::{NationalIds, Passwords};
use crate::auth::throttle::Throttle;
use crate::auth::token::Tokens;
use crate::scoring::Frameworks;
use actix_web::dev::ResourceDef;
use actix_web::web::Bytes;
use xhht_persistence::Database;

/// What every handler can reach.
pub struct AppState {
    pub db: Database,
    pub tokens: Tokens,
    pub national_ids: NationalIds,
    pub passwords: Passwords,
    pub auth: AuthPolicy,
    /// Password guesses, counted per source and per account from each source.
    pub throttle: Throttle,
    /// The OpenAPI document as served.
    pub(crate) spec: Bytes,
    /// Every documented route and its methods: what a 404 or a 405 answers.
    pub(crate) routes: Vec<(ResourceDef, Vec<String>)>,
    /// The query parameters each documented operation takes, by collection (the path's first
    /// segment under `/api/v1/`): a request naming another is refused, so that a typo is not
    /// silently ignored.
    pub(crate) query_parameters: std::collections::HashMap<String, Vec<QueryParameters>>,
    /// Frameworks compiled for scoring, kept between requests.
    pub frameworks: Frameworks,
    /// Units and frameworks as rendered JSON, at the reference version they were read at.
    pub reference: crate::reference::ReferenceCache,
    /// Import jobs of this process, and where their uploads wait.
    pub imports: crate::imports::Running,
    /// Record creations waiting to be written together.
    pub creations: crate::creations::Queues,
    pub spool: crate::imports::Spool,
}

/// The query parameters one documented operation takes.
pub(crate) struct QueryParameters {
    pub method: String,
    /// The path up to its first variable: a request path without it cannot match.
    pub prefix: String,
    pub route: ResourceDef,
    pub names: Vec<String>,
}

/// Sign-in rules from the configuration.
#[derive(Clone, Debug)]
pub struct AuthPolicy {
    pub refresh_token_days: i64,
    /// Requests from this address carry their source in `X-Forwarded-For`.
    pub trusted_proxy: Option<std::net::IpAddr>,
}
