//! Registering a subject for a model and year, and finding the subject a caller names: one
//! rule for `POST /api/v1/evaluations`, the registration drives and the emulation reviews.

use crate::audit_log::{audit, diff};
use crate::auth::{Actor, MaybeActor};
use crate::criteria::{applicable, drafts_visible_to, may_see};
use crate::dto::RegistrationRequest;
use crate::error::{ApiError, FieldError, OrMissing};
use crate::i18n::Rule;
use crate::state::AppState;
use crate::workflow::{AuditView, today};
use xhht_domain::{ModelKind, Permission, SubjectKind, UnitLevel};
use xhht_evaluation::SubjectType;
use xhht_evaluation::workflow;
use xhht_persistence::evaluations::{self, Evaluation, NewEvaluation};
use xhht_persistence::registry::{citizen, clan, household, organisation};
use xhht_persistence::{DbConn, PersistenceError, Record, units};

/// What registration needs to know of a subject the caller can read.
pub struct SubjectInfo {
    pub unit_id: i64,
    pub unit_path: String,
    /// The types an organisation counts as, for indicators that apply only to some.
    pub types: Vec<SubjectType>,
    /// What it counts under in the statistics: a citizen's target group, an organisation's type.
    pub subgroup: String,
}

pub fn subject(
    conn: &mut DbConn,
    actor: &Actor,
    kind: SubjectKind,
    id: i64,
    level: Option<UnitLevel>,
) -> Result<SubjectInfo, ApiError> {
    let missing = || ApiError::ReferenceConflict(vec![FieldError::rule("subject_id", Rule::UnknownSubject)]);
    let info = |unit_id, unit_path, types, subgroup| SubjectInfo { unit_id, unit_path, types, subgroup };
    let (found, deleted) = match kind {
        SubjectKind::Citizen => {
            citizen::get(conn, id).map(|c| (info(c.unit_id, c.unit_path, Vec::new(), c.target_group), c.deleted_at))
        }
        SubjectKind::Household => {
            household::get(conn, id).map(|h| (info(h.unit_id, h.unit_path, Vec::new(), String::new()), h.deleted_at))
        }
        SubjectKind::Clan => {
            clan::get(conn, id).map(|c| (info(c.unit_id, c.unit_path, Vec::new(), String::new()), c.deleted_at))
        }
        SubjectKind::Organisation => organisation::get(conn, id).map(|o| {
            let types = SubjectType::of_organisation(&o.org_type);
            (info(o.unit_id, o.unit_path, types, o.org_type), o.deleted_at)
        }),
        SubjectKind::Unit => units::get(conn, id).and_then(|u| {
            if level.is_some_and(|l| l != u.level) {
                Err(PersistenceError::NotFound(Record::Unit))
            } else {
                Ok((info(u.id, u.path, Vec::new(), String::new()), None))
            }
        }),
    }
    .or_missing(missing)?;
    if deleted.is_some() || !actor.scope.can_read(&found.unit_path) {
        return Err(missing());
    }
    Ok(found)
}

/// Registers one subject, as `POST /api/v1/evaluations` and the registration drives do: the
/// framework named, or the one that applies where the subject is at the end of the year.
pub fn register_subject(
    conn: &mut DbConn,
    app: &AppState,
    actor: &Actor,
    r: &RegistrationRequest,
) -> Result<Evaluation, ApiError> {
    // With a model, the subject is found first (its unit says which framework applies).
    let (compiled, found) = match (r.framework_id, r.model_kind) {
        (Some(id), model) => {
            let compiled = app.frameworks.get(conn, id)?;
            // Another province's draft is not there for this caller, as on GET.
            let visible = drafts_visible_to(&MaybeActor(Some(actor.clone())));
            if !may_see(compiled.framework.status, compiled.province_id, visible.as_deref()) {
                return Err(ApiError::NotFound(Record::Framework));
            }
            if compiled.framework.template {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
                    "framework_id",
                    Rule::TemplateNotRegistrable,
                )]));
            }
            if model.is_some_and(|m| m != compiled.framework.model_kind) {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
                    "model_kind",
                    Rule::FrameworkModelMismatch,
                )]));
            }
            (compiled, None)
        }
        (None, Some(model)) => {
            // The criteria in force at the end of the evaluated year, where the subject is.
            let (kind, level) = model.subject();
            if kind != r.subject_type {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
                    "subject_type",
                    Rule::WrongSubjectType,
                )]));
            }
            let found = subject(conn, actor, kind, r.subject_id, level)?;
            let unit = units::get(conn, found.unit_id)?;
            let target = (model == ModelKind::CongDanHocTap)
                .then(|| serde_json::from_value(serde_json::Value::String(found.subgroup.clone())).ok())
                .flatten();
            let day = chrono::NaiveDate::from_ymd_opt(r.year, 12, 31).unwrap_or_else(today);
            let (row, _) = applicable(conn, model, &unit, day, target)?;
            (app.frameworks.get(conn, row.id)?, Some(found))
        }
        (None, None) => {
            return Err(ApiError::Validation(vec![FieldError::rule("framework_id", Rule::FrameworkOrModelRequired)]));
        }
    };
    let framework = &compiled.framework;
    let (kind, level) = framework.model_kind.subject();
    if kind != r.subject_type {
        return Err(ApiError::ReferenceConflict(vec![FieldError::rule("subject_type", Rule::WrongSubjectType)]));
    }
    workflow::check_registration(framework, r.year, r.requested_level.as_deref())?;
    let found = match found {
        Some(found) => found,
        None => subject(conn, actor, kind, r.subject_id, level)?,
    };
    actor.require_in(Permission::Register, &found.unit_path)?;
    // A province's own criteria govern its subjects only.
    if let Some(province) = compiled.province_id
        && !found.unit_path.starts_with(&format!("/{province}/"))
    {
        return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
            "framework_id",
            Rule::FrameworkOfAnotherProvince,
        )]));
    }
    let names: Vec<&str> = found.types.iter().map(|t| t.name()).collect();
    let ev = evaluations::create(
        conn,
        &NewEvaluation {
            subject_type: kind,
            subject_id: r.subject_id,
            model_kind: framework.model_kind,
            year: r.year,
            framework_id: compiled.id,
            unit_id: found.unit_id,
            unit_path: found.unit_path,
            requested_level: r.requested_level.clone(),
            subject_types: serde_json::to_string(&names).unwrap_or_else(|_| "[]".into()),
            subgroup: found.subgroup,
        },
    )?;
    let unit = units::get(conn, ev.unit_id)?;
    audit(conn, actor, "evaluation", ev.id, "register", Some(&unit), diff(None, Some(&AuditView::of(&ev))))?;
    Ok(ev)
}
