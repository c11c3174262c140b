//! Audit entries for the writes: who changed what, where, in the write's own transaction.

use crate::auth::Actor;
use crate::error::ApiError;
use serde::Serialize;
use xhht_persistence::DbConn;
use xhht_persistence::audit::{self, AuditEntry};
use xhht_persistence::units::Unit;

/// Fields that change on every write and say nothing about what was changed.
const NOISE: [&str; 3] = ["version", "updated_at", "created_at"];

/// `{"field": {"before": …, "after": …}}` for the top-level fields that differ.
pub fn diff<T: Serialize>(before: Option<&T>, after: Option<&T>) -> serde_json::Value {
    let as_map = |v: Option<&T>| match v.map(serde_json::to_value) {
        Some(Ok(serde_json::Value::Object(map))) => map,
        _ => serde_json::Map::new(),
    };
    let (before, after) = (as_map(before), as_map(after));
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = serde_json::Map::new();
    for key in keys {
        if NOISE.contains(&key.as_str()) {
            continue;
        }
        let (b, a) = (before.get(key), after.get(key));
        if b != a {
            out.insert(
                key.clone(),
                serde_json::json!({"before": b.cloned().unwrap_or_default(), "after": a.cloned().unwrap_or_default()}),
            );
        }
    }
    serde_json::Value::Object(out)
}

/// Appends one audit row in the caller's transaction.
pub fn audit(
    conn: &mut DbConn,
    actor: &Actor,
    entity: &'static str,
    entity_id: impl ToString,
    action: &'static str,
    unit: Option<&Unit>,
    changes: serde_json::Value,
) -> Result<(), ApiError> {
    audit_in(conn, actor, entity, entity_id, action, unit.map(|u| (u.id, u.path.as_str())), changes)
}

/// `audit`, with the unit given by its id and path: what a record already carries, so that
/// recording its change reads nothing.
pub fn audit_in(
    conn: &mut DbConn,
    actor: &Actor,
    entity: &'static str,
    entity_id: impl ToString,
    action: &'static str,
    unit: Option<(i64, &str)>,
    changes: serde_json::Value,
) -> Result<(), ApiError> {
    audit::record(conn, &entry_in(actor, entity, entity_id, action, unit, changes))?;
    Ok(())
}

/// The audit row of `audit_in`, to be written with others (`audit::record_many`).
pub fn entry_in(
    actor: &Actor,
    entity: &'static str,
    entity_id: impl ToString,
    action: &'static str,
    unit: Option<(i64, &str)>,
    changes: serde_json::Value,
) -> AuditEntry {
    AuditEntry {
        actor_id: Some(actor.id),
        actor_username: actor.username.clone(),
        request_id: actor.request_id.clone(),
        entity,
        entity_id: entity_id.to_string(),
        action,
        unit_id: unit.map(|(id, _)| id),
        unit_path: unit.map(|(_, path)| path.to_owned()),
        changes,
    }
}
