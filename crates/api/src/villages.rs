//! Opening a village under a commune: the rules of `POST /api/v1/units`, shared with imports.

use crate::auth::Actor;
use crate::dto::NewVillageRequest;
use crate::error::{ApiError, FieldError, Issue, OrMissing};
use chrono::NaiveDate;
use validator::Validate;
use xhht_domain::{DivisionType, Permission, UnitCode, UnitLevel};
use xhht_persistence::DbConn;
use xhht_persistence::units::{self, NewUnit, Unit};

/// The request on its own: its fields, the division type (one of the listed names, exactly),
/// and the local code. Every problem is reported, not only the first.
pub fn check(body: &NewVillageRequest) -> Result<DivisionType, ApiError> {
    let mut problems = match body.validate() {
        Ok(()) => Vec::new(),
        Err(e) => match ApiError::from(e) {
            ApiError::Validation(list) => list,
            _ => Vec::new(),
        },
    };
    let division = UnitLevel::Village
        .division_types()
        .contains(&body.division_type.as_str())
        .then(|| DivisionType::parse(UnitLevel::Village, &body.division_type))
        .flatten();
    if division.is_none() {
        problems.push(FieldError::new(
            "division_type",
            Issue::InvalidDivisionType { allowed: UnitLevel::Village.division_types() },
        ));
    }
    if let Some(code) = &body.local_code
        && UnitCode::parse_any(code).is_err()
    {
        problems.push(FieldError::new("local_code", Issue::InvalidUnitCode { width: None }));
    }
    match (division, problems.is_empty()) {
        (Some(division), true) => Ok(division),
        _ => {
            problems.sort_by(|a, b| a.field.cmp(&b.field));
            problems.dedup();
            Err(ApiError::Validation(problems))
        }
    }
}

/// Opens the village, from `valid_from`, if the caller may open villages in the commune; its
/// code is `<commune code>-<local_code>`, or the commune's next number. Returns the village and
/// its commune.
pub fn open(
    conn: &mut DbConn,
    actor: &Actor,
    request: &NewVillageRequest,
    division: DivisionType,
    valid_from: NaiveDate,
) -> Result<(Unit, Unit), ApiError> {
    let commune = units::get(conn, request.parent_id).or_missing(|| {
        ApiError::Conflict(xhht_persistence::Conflict::InvalidParent { parent_id: request.parent_id })
    })?;
    actor.require_in(Permission::ManageVillages, &commune.path)?;
    let code = match &request.local_code {
        Some(local) => format!("{}-{}", commune.code, local),
        None => units::next_village_code(conn, &commune)?,
    };
    let unit = units::create(
        conn,
        &NewUnit {
            level: UnitLevel::Village,
            code,
            name: request.name.trim().to_owned(),
            division_type: division.into_string(),
            parent_id: Some(commune.id),
            valid_from,
        },
    )?;
    Ok((unit, commune))
}
