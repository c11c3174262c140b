//! Reference data from memory. Units and criteria frameworks change rarely and are read by
//! every portal, so their JSON is rendered once and kept, with a content ETag, at the
//! reference version it was read at (`xhht_persistence::reference`). While that version is
//! current the copy is served as it is, with no database work: the server knows the version
//! without asking (its own writes raise it as they commit; PostgreSQL announces other
//! servers' writes). A copy is only ever made from the database at the version read in the
//! same connection, so no copy is kept at a version it does not belong to.

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use xhht_domain::UnitLevel;
use xhht_persistence::units::Unit;

/// A rendered representation: the body, and its ETag.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub body: Bytes,
    pub etag: String,
}

impl Rendered {
    /// The body with a strong ETag: `"<row version>-<first 16 hex digits of its SHA-256>"`. The
    /// row version first, so that `If-Match` on a write still compares the record's own
    /// version; the digest, so that the tag changes whenever the body does (a unit's body
    /// carries its parent's name, which changes without the unit's version).
    pub fn new(body: Vec<u8>, row_version: i32) -> Self {
        let digest = Sha256::digest(&body);
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        Rendered { etag: format!("\"{row_version}-{hex}\""), body: Bytes::from(body) }
    }

    /// A body whose ETag is given: a record whose version changes with every change of its body.
    pub fn with_etag(body: Vec<u8>, version: i32) -> Self {
        Rendered { etag: format!("\"{version}\""), body: Bytes::from(body) }
    }

    /// Whether the ETags of an `If-None-Match` (read by `routes::support::if_none_match`)
    /// name this representation (weak comparison, as RFC 9110 has it for GET).
    pub fn not_modified_for(&self, if_none_match: Option<&str>) -> bool {
        let Some(value) = if_none_match else { return false };
        let ours = self.etag.trim_start_matches("W/");
        value.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours)
    }

    pub fn etag_header(&self) -> HeaderValue {
        HeaderValue::from_str(&self.etag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
    }

    /// 304 with the ETag when the client holds this representation, else 200 with the body;
    /// `cache_control` says how long a client may keep it.
    pub fn respond(&self, if_none_match: Option<&str>, cache_control: &'static str) -> actix_web::HttpResponse {
        let fresh = self.not_modified_for(if_none_match);
        let mut response = if fresh { actix_web::HttpResponse::NotModified() } else { actix_web::HttpResponse::Ok() };
        response
            .insert_header((header::ETAG, self.etag_header()))
            .insert_header((header::CACHE_CONTROL, cache_control));
        if fresh { response.finish() } else { response.content_type("application/json").body(self.body.clone()) }
    }
}

/// How long a portal may keep reference data before asking again (with `If-None-Match`).
pub const PUBLIC_MAX_AGE: &str = "public, max-age=300";
/// What a portal may not keep: a province's draft, shown only to its accounts.
pub const PRIVATE: &str = "private, no-cache";

/// Entries kept at most; past it the copy starts again empty (reference reads concentrate on
/// a few thousand units).
const MAX_ENTRIES: usize = 200_000;

/// The key of a lookup by code: the code, the level asked for, the day.
pub type CodeKey = (String, Option<UnitLevel>, NaiveDate);

#[derive(Default)]
struct Snapshot {
    version: i64,
    units: HashMap<i64, Arc<Rendered>>,
    codes: HashMap<CodeKey, i64>,
    frameworks: HashMap<i64, Arc<Rendered>>,
    /// Pages of unit lists, by the request as the handler read it (`PageKey`).
    pages: HashMap<String, Bytes>,
    /// Units as stored, for the rules of writes that name them (`creations`).
    stored_units: HashMap<i64, Unit>,
}

impl Snapshot {
    fn len(&self) -> usize {
        self.units.len() + self.codes.len() + self.frameworks.len() + self.pages.len() + self.stored_units.len()
    }
}

/// The copies, at one reference version.
#[derive(Default)]
pub struct ReferenceCache {
    inner: RwLock<Snapshot>,
}

impl ReferenceCache {
    fn read<T>(&self, version: i64, f: impl FnOnce(&Snapshot) -> Option<T>) -> Option<T> {
        let snapshot = self.inner.read().ok()?;
        if snapshot.version == version { f(&snapshot) } else { None }
    }

    /// Stores into the snapshot of `version`: a newer version starts a new snapshot; a copy
    /// read at an older one (a slow request that overlapped a write) is not kept.
    fn write(&self, version: i64, f: impl FnOnce(&mut Snapshot)) {
        let Ok(mut snapshot) = self.inner.write() else { return };
        if version > snapshot.version || snapshot.len() >= MAX_ENTRIES {
            *snapshot = Snapshot { version, ..Snapshot::default() };
        }
        if snapshot.version == version {
            f(&mut snapshot);
        }
    }

    pub fn unit(&self, version: i64, id: i64) -> Option<Arc<Rendered>> {
        self.read(version, |s| s.units.get(&id).cloned())
    }

    pub fn keep_unit(&self, version: i64, id: i64, rendered: Arc<Rendered>) {
        self.write(version, |s| {
            s.units.insert(id, rendered);
        });
    }

    pub fn code(&self, version: i64, key: &CodeKey) -> Option<i64> {
        self.read(version, |s| s.codes.get(key).copied())
    }

    pub fn keep_code(&self, version: i64, key: CodeKey, id: i64) {
        self.write(version, |s| {
            s.codes.insert(key, id);
        });
    }

    pub fn framework(&self, version: i64, id: i64) -> Option<Arc<Rendered>> {
        self.read(version, |s| s.frameworks.get(&id).cloned())
    }

    pub fn keep_framework(&self, version: i64, id: i64, rendered: Arc<Rendered>) {
        self.write(version, |s| {
            s.frameworks.insert(id, rendered);
        });
    }

    pub fn stored_unit(&self, version: i64, id: i64) -> Option<Unit> {
        self.read(version, |s| s.stored_units.get(&id).cloned())
    }

    pub fn keep_stored_unit(&self, version: i64, unit: Unit) {
        self.write(version, |s| {
            s.stored_units.insert(unit.id, unit);
        });
    }

    pub fn page(&self, version: i64, key: &str) -> Option<Bytes> {
        self.read(version, |s| s.pages.get(key).cloned())
    }

    pub fn keep_page(&self, version: i64, key: String, body: Bytes) {
        self.write(version, |s| {
            s.pages.insert(key, body);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_version_starts_afresh_and_an_older_one_is_not_kept() {
        let cache = ReferenceCache::default();
        let one = Arc::new(Rendered::new(b"{\"id\":1}".to_vec(), 1));
        cache.keep_unit(5, 1, one.clone());
        assert!(cache.unit(5, 1).is_some());
        assert!(cache.unit(6, 1).is_none(), "a write since makes the copy stale");
        cache.keep_unit(6, 2, one.clone());
        assert!(cache.unit(6, 1).is_none() && cache.unit(6, 2).is_some());
        cache.keep_unit(5, 3, one);
        assert!(cache.unit(6, 3).is_none(), "read before the write: not kept");
    }

    #[test]
    fn etags_follow_the_body() {
        let a = Rendered::new("{\"name\":\"Thôn 1\"}".as_bytes().to_vec(), 3);
        let b = Rendered::new("{\"name\":\"Thôn 2\"}".as_bytes().to_vec(), 3);
        assert!(a.etag.starts_with("\"3-") && a.etag != b.etag);
        let tags = format!("\"x\", W/{}", a.etag);
        assert!(a.not_modified_for(Some(&tags)) && !b.not_modified_for(Some(&tags)));
        assert!(a.not_modified_for(Some("*")) && !a.not_modified_for(None));
    }
}
