//! Request and response bodies. API types are kept apart from database rows: they are the
//! contract, and they change only additively within /api/v1.

use chrono::{DateTime, NaiveDate, Utc};

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;
use xhht_domain::UnitLevel;
use xhht_persistence::units::{FormerName, Lineage, ReorganisationDetail, Unit};

mod accounts;
mod drives;
mod emulation;
mod evaluations;
mod frameworks;
mod imports;
mod registries;
mod statistics;
mod units;

pub use accounts::*;
pub use drives::*;
pub use emulation::*;
pub use evaluations::*;
pub use frameworks::*;
pub use imports::*;
pub use registries::*;
pub use statistics::*;
pub use units::*;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Health {
    /// `ok` (alive) or `ready` (the database answers).
    pub status: String,
    /// `sqlite` or `postgres`; present on readiness.
    pub database: Option<String>,
}

/// An evidence link: `http(s)://`, a host of letters, digits, dots and hyphens (not at its
/// ends), an optional port, then a path, query or fragment of visible ASCII. It is the pattern
/// the document gives the field, written out so that both say exactly the same.
fn web_link(value: &str) -> Result<(), validator::ValidationError> {
    let invalid = || Err(validator::ValidationError::new("invalid_url"));
    let Some(rest) = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://")) else {
        return invalid();
    };
    let end = rest.find([':', '/', '?', '#']).unwrap_or(rest.len());
    let (host, mut rest) = rest.split_at(end);
    let host_ok = host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && host.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && host.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric());
    if !host_ok {
        return invalid();
    }
    if let Some(after) = rest.strip_prefix(':') {
        let digits = after.find(['/', '?', '#']).unwrap_or(after.len());
        if !(1..=5).contains(&digits) || !after[..digits].bytes().all(|b| b.is_ascii_digit()) {
            return invalid();
        }
        rest = &after[digits..];
    }
    if rest.bytes().all(|b| (b'!'..=b'~').contains(&b)) { Ok(()) } else { invalid() }
}

/// Text must have a character that is not white space (Rust's `char::is_whitespace`, which
/// `str::trim` uses). The document states the same with the pattern on these fields, a
/// character class that lists exactly those characters: `\s` would mean other sets in
/// other regex engines.
fn not_blank(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().is_empty() { Err(validator::ValidationError::new("blank")) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::{not_blank, web_link};
    use proptest::prelude::*;
    use regex::Regex;

    /// The pattern the document gives a field of a request body.
    fn pattern(schema: &str, field: &str) -> Regex {
        let document: serde_json::Value = serde_json::from_str(&crate::openapi::document_json()).unwrap_or_default();
        let text = document
            .pointer(&format!("/components/schemas/{schema}/properties/{field}/pattern"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        Regex::new(text).unwrap_or_else(|e| panic!("{schema}.{field}: {e}"))
    }

    #[test]
    fn web_links_accept_and_refuse_examples() {
        for ok in ["https://a", "http://example.gov.vn/ke-hoach.pdf?x=1#p", "https://x-1.vn:8080", "https://a.b:1/"] {
            assert!(web_link(ok).is_ok(), "{ok}");
        }
        for bad in ["ftp://a", "https://", "https://-a", "https://a-", "https://a:", "https://a:123456", "https://a b"]
        {
            assert!(web_link(bad).is_err(), "{bad}");
        }
        for bad in ["https://a/ b", "https://a/đ", "0"] {
            assert!(web_link(bad).is_err(), "{bad}");
        }
    }

    /// Every character: refused (blank for `not_blank`, or a control character the body reader
    /// refuses) exactly when the document's pattern refuses it.
    #[test]
    fn the_blank_pattern_is_str_trim() {
        let visible = pattern("NewVillageRequest", "name");
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let text = c.to_string();
            let allowed = not_blank(&text).is_ok() && !crate::extract::has_control_character(&text);
            assert_eq!(allowed, visible.is_match(&text), "U+{:04X}", u32::from(c));
        }
    }

    static URL_PATTERN: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| pattern("EvidenceRequest", "url"));

    proptest! {
        #[test]
        fn web_link_agrees_with_the_documented_pattern(
            text in "(https?://)?[A-Za-z0-9.:/?#-]{0,12}[ -~đ\\t]{0,4}[A-Za-z0-9/]{0,4}"
        ) {
            prop_assert_eq!(web_link(&text).is_ok(), URL_PATTERN.is_match(&text), "{}", text);
        }
    }
}
