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
    /// The documented path's segments.
    pub segments: Vec<Segment>,
    pub names: Vec<String>,
}

/// One segment of a documented path: `units`, or a variable with what surrounds it (`{id}`,
/// `{kind}.xlsx`). A variable matches one or more characters, none of them `/`, as the
/// router's does.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    Literal(String),
    Variable { before: String, after: String },
}

impl Segment {
    fn parse(segment: &str) -> Self {
        match (segment.find('{'), segment.rfind('}')) {
            (Some(open), Some(close)) if open < close => {
                Segment::Variable { before: segment[..open].to_owned(), after: segment[close + 1..].to_owned() }
            }
            _ => Segment::Literal(segment.to_owned()),
        }
    }

    fn matches(&self, sent: &str) -> bool {
        match self {
            Segment::Literal(literal) => literal == sent,
            Segment::Variable { before, after } => {
                sent.len() > before.len() + after.len()
                    && sent.starts_with(before.as_str())
                    && sent.ends_with(after.as_str())
            }
        }
    }
}

impl QueryParameters {
    pub fn new(method: &str, path: &str, names: Vec<String>) -> Self {
        QueryParameters { method: method.to_owned(), segments: path.split('/').map(Segment::parse).collect(), names }
    }

    /// Whether a request path is this operation's path. Compared segment by segment: the
    /// router's regular expressions were a tenth of a read served from memory.
    pub fn matches(&self, path: &str) -> bool {
        let mut sent = path.split('/');
        self.segments.iter().all(|documented| sent.next().is_some_and(|segment| documented.matches(segment)))
            && sent.next().is_none()
    }
}

/// Sign-in rules from the configuration.
#[derive(Clone, Debug)]
pub struct AuthPolicy {
    pub refresh_token_days: i64,
    /// Requests from this address carry their source in `X-Forwarded-For`.
    pub trusted_proxy: Option<std::net::IpAddr>,
}

#[cfg(test)]
mod tests {
    use super::QueryParameters;

    fn operation(path: &str) -> QueryParameters {
        QueryParameters::new("GET", path, Vec::new())
    }

    #[test]
    fn a_path_matches_its_operation_segment_by_segment_as_the_router_does() {
        let by_id = operation("/api/v1/units/{id}");
        assert!(by_id.matches("/api/v1/units/5"));
        assert!(!by_id.matches("/api/v1/units/"), "a variable is never empty");
        assert!(!by_id.matches("/api/v1/units/5/"), "no trailing slash");
        assert!(!by_id.matches("/api/v1/units/5/children"));
        assert!(!by_id.matches("/api/v1/units"));
        assert!(!by_id.matches("/api/v1/households/5"));
        let by_code = operation("/api/v1/units/by-code/{code}");
        assert!(by_code.matches("/api/v1/units/by-code/00004"));
        assert!(!by_code.matches("/api/v1/units/by-codes/00004"));
        assert!(!by_id.matches("/api/v1/units/by-code/00004"));
        assert!(operation("/api/v1/accounts/me").matches("/api/v1/accounts/me"));
        let template = operation("/api/v1/imports/templates/{kind}.xlsx");
        assert!(template.matches("/api/v1/imports/templates/households.xlsx"));
        assert!(!template.matches("/api/v1/imports/templates/.xlsx"), "a variable is never empty");
        assert!(!template.matches("/api/v1/imports/templates/households.csv"));
        assert!(!template.matches("/api/v1/imports/templates/households.xlsx/more"));
    }
}
