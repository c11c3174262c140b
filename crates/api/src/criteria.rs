//! Criteria documents below the routes: which framework versions a caller may see, which
//! published framework governs an evaluation where, and the rows of emulation plans. Shared by
//! the framework, registration, drive and emulation routes and by start-up.

use crate::auth::MaybeActor;
use crate::error::ApiError;
use chrono::NaiveDate;
use xhht_domain::{ModelKind, Scope};
use xhht_evaluation::{CitizenTargetGroup, EmulationPlan, Framework, FrameworkStatus};
use xhht_persistence::DbConn;
use xhht_persistence::emulation::NewPlan;
use xhht_persistence::frameworks::{self, FrameworkFilter, FrameworkRow};
use xhht_persistence::units::{self, Unit};

/// The document of a stored framework version; one that no longer parses is an internal fault.
pub fn parse(row: &FrameworkRow) -> Result<Framework, ApiError> {
    serde_json::from_str(&row.document).map_err(|e| {
        tracing::error!(framework = row.id, error = %e, "a stored framework document does not parse");
        ApiError::Internal
    })
}

/// The provinces whose drafts the caller may see: `None` for all (administrators). A
/// province's draft is its work in progress, shown to the accounts that cover the province;
/// published and retired versions are public law, and national drafts are public too (they
/// say what the regulations leave unknown).
pub fn drafts_visible_to(caller: &MaybeActor) -> Option<Vec<i64>> {
    match &caller.0 {
        Some(actor) if actor.scope.nationwide => None,
        Some(actor) => Some(provinces_covered(&actor.scope)),
        None => Some(Vec::new()),
    }
}

/// The provinces an account's units include whole.
pub fn provinces_covered(scope: &Scope) -> Vec<i64> {
    scope
        .read
        .iter()
        .filter_map(|root| {
            let ids: Vec<i64> = root.split('/').filter_map(|s| s.parse().ok()).collect();
            (ids.len() == 1).then(|| ids[0])
        })
        .collect()
}

/// Whether a version of this status and owner is there for a caller who sees the drafts of
/// `visible` (all when `None`).
pub fn may_see(status: FrameworkStatus, province_id: Option<i64>, visible: Option<&[i64]>) -> bool {
    match (status, province_id, visible) {
        (FrameworkStatus::Draft, Some(province), Some(provinces)) => provinces.contains(&province),
        _ => true,
    }
}

/// The published framework that governs an evaluation of `model` for a subject in `unit` on
/// `day`: the unit's province's own, else the national one; the latest in force first.
pub fn applicable(
    conn: &mut DbConn,
    model: ModelKind,
    unit: &Unit,
    day: NaiveDate,
    target_group: Option<CitizenTargetGroup>,
) -> Result<(FrameworkRow, i64), ApiError> {
    let province = unit.path_ids().first().copied().unwrap_or(unit.id);
    for row in frameworks::published_in_force(conn, model, province, day)? {
        let document = parse(&row)?;
        if target_group.is_none_or(|group| document.target_group == Some(group)) {
            return Ok((row, province));
        }
    }
    let templates = frameworks::list(
        conn,
        &FrameworkFilter { model_kind: Some(model), template: Some(true), ..FrameworkFilter::default() },
        None,
        50,
    )?;
    let province_name = units::get(conn, province).map(|p| p.name).unwrap_or_default();
    Err(ApiError::NoApplicableFramework {
        model,
        province: province_name,
        day,
        templates: templates.into_iter().filter(|t| t.province_id.is_none()).map(|t| (t.id, t.framework_key)).collect(),
    })
}

/// The row of a plan to store, for a shipped plan or one sent through the API.
pub fn plan_row(plan: &EmulationPlan, unit: Option<&units::Unit>, shipped: bool) -> NewPlan {
    NewPlan {
        plan_key: plan.id.clone(),
        title_vi: plan.title_vi.clone(),
        level: plan.level.as_str().to_owned(),
        unit_id: unit.map(|u| u.id),
        unit_path: unit.map(|u| u.path.clone()),
        document: serde_json::to_string(plan).unwrap_or_default(),
        shipped,
    }
}
