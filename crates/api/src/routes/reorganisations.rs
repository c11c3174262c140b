//! `/api/v1/reorganisations`: merges and splits of administrative units, recorded with their
//! legal basis and lineage, all or nothing.

use super::support::{audit, create_once, db, diff};
use crate::auth::Actor;
use crate::dto::{NewReorganisationRequest, ReorganisationDto, ReorganisationKindDto};
use crate::error::{ApiError, FieldError, Issue, OrMissing, Problem};
use crate::extract::JsonBody;
use crate::i18n::Rule;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use xhht_domain::{DivisionType, Permission, ReorganisationKind, UnitCode, UnitCodeError, UnitLevel};
use xhht_persistence::units::{self, Link, NewReorganisation, NewUnit, Target, VillageMove};

/// The longest local code of a village opened by a reorganisation: `<5-digit commune>-<local>`
/// must fit the 20 characters of a unit code.
pub const VILLAGE_LOCAL_CODE_MAX: usize = 14;

fn rule(field: impl Into<String>, rule: Rule) -> FieldError {
    FieldError::rule(field, rule)
}

/// Checks what can be checked without the database and turns the request into the domain
/// command, deriving the links of a merge or a split.
fn parse(
    body: &NewReorganisationRequest,
    validated: Result<(), validator::ValidationErrors>,
) -> Result<NewReorganisation, Vec<FieldError>> {
    let mut problems = match validated {
        Ok(()) => Vec::new(),
        Err(e) => match ApiError::from(e) {
            ApiError::Validation(list) => list,
            _ => Vec::new(),
        },
    };
    let mut targets = Vec::with_capacity(body.targets.len());
    for (i, target) in body.targets.iter().enumerate() {
        match (&target.unit_id, &target.new) {
            (Some(id), None) => targets.push(Target::Existing(*id)),
            (None, Some(new)) => {
                let level = UnitLevel::from(new.level);
                let code = if level == UnitLevel::Village {
                    // The commune prefix is added once the parent is read; with it the code
                    // stays within the 20 characters of a unit code.
                    UnitCode::parse_any(&new.code)
                        .ok()
                        .filter(|_| new.code.len() <= VILLAGE_LOCAL_CODE_MAX)
                        .map(UnitCode::into_string)
                        .ok_or(UnitCodeError::BadVillageCode)
                } else {
                    UnitCode::parse(level, &new.code).map(UnitCode::into_string)
                };
                let code = code
                    .map_err(|_| {
                        let issue = match level {
                            UnitLevel::Village => Issue::Rule(Rule::InvalidLocalCode),
                            _ => Issue::InvalidUnitCode { width: UnitCode::official_width(level) },
                        };
                        problems.push(FieldError::new(format!("targets[{i}].new.code"), issue))
                    })
                    .unwrap_or_default();
                // Exactly one of the level's names, as the document's enumeration lists them.
                let division = level
                    .division_types()
                    .contains(&new.division_type.as_str())
                    .then(|| DivisionType::parse(level, &new.division_type))
                    .flatten();
                if division.is_none() {
                    problems.push(FieldError::new(
                        format!("targets[{i}].new.division_type"),
                        Issue::InvalidDivisionType { allowed: level.division_types() },
                    ));
                }
                match (level, new.parent_id) {
                    (UnitLevel::Province, Some(_)) => {
                        problems.push(rule(format!("targets[{i}].new.parent_id"), Rule::AProvinceHasNoParent))
                    }
                    (UnitLevel::Province, None) | (_, Some(_)) => {}
                    (_, None) => problems.push(FieldError::new(format!("targets[{i}].new.parent_id"), Issue::Required)),
                }
                targets.push(Target::New(NewUnit {
                    level,
                    code,
                    name: new.name.trim().to_owned(),
                    division_type: division.map(DivisionType::into_string).unwrap_or_default(),
                    parent_id: new.parent_id,
                    valid_from: body.effective_date,
                }));
            }
            _ => problems.push(rule(format!("targets[{i}]"), Rule::ExactlyOneOfUnitIdOrNew)),
        }
    }

    let kind = match body.kind {
        ReorganisationKindDto::Merge => ReorganisationKind::Merge,
        ReorganisationKindDto::Split => ReorganisationKind::Split,
        ReorganisationKindDto::Restructure => ReorganisationKind::Restructure,
    };
    let mut links: Vec<Link> = Vec::new();
    for (i, l) in body.links.iter().enumerate() {
        let index = usize::try_from(l.target_index).unwrap_or(usize::MAX);
        if index >= body.targets.len() {
            problems.push(rule(format!("links[{i}].target_index"), Rule::NoSuchTarget));
        }
        if !body.sources.contains(&l.source_id) {
            problems.push(rule(format!("links[{i}].source_id"), Rule::NotASource));
        }
        links.push(Link { source_id: l.source_id, target_index: index, partial: l.partial });
    }
    match kind {
        ReorganisationKind::Merge if body.targets.len() != 1 => {
            problems.push(rule("targets", Rule::MergeNeedsOneTarget))
        }
        ReorganisationKind::Split if body.sources.len() != 1 || body.targets.len() < 2 => {
            problems.push(rule("sources", Rule::SplitNeedsOneSourceAndSeveralTargets))
        }
        ReorganisationKind::Merge if links.is_empty() => {
            links = body.sources.iter().map(|&source_id| Link { source_id, target_index: 0, partial: false }).collect();
        }
        ReorganisationKind::Split if links.is_empty() => {
            links = (0..body.targets.len())
                .filter_map(|target_index| {
                    body.sources.first().map(|&source_id| Link { source_id, target_index, partial: true })
                })
                .collect();
        }
        ReorganisationKind::Restructure if links.is_empty() => problems.push(FieldError::new("links", Issue::Required)),
        _ => {}
    }
    if !links.is_empty() {
        for (i, source) in body.sources.iter().enumerate() {
            if !links.iter().any(|l| l.source_id == *source) {
                problems.push(rule(format!("sources[{i}]"), Rule::SourceWithoutLink));
            }
        }
        for i in 0..body.targets.len() {
            if !links.iter().any(|l| l.target_index == i) {
                problems.push(rule(format!("targets[{i}]"), Rule::TargetWithoutLink));
            }
        }
    }
    if problems.is_empty() {
        Ok(NewReorganisation {
            kind,
            effective_date: body.effective_date,
            legal_basis: body.legal_basis.trim().to_owned(),
            note: body.note.as_ref().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
            sources: body.sources.clone(),
            targets,
            links,
            villages: body
                .villages
                .iter()
                .map(|v| VillageMove {
                    village_id: v.village_id,
                    target_index: usize::try_from(v.target_index).unwrap_or(0),
                })
                .collect(),
        })
    } else {
        problems.sort_by(|a, b| a.field.cmp(&b.field));
        problems.dedup();
        Err(problems)
    }
}

/// Records one reorganisation (merge, split or many-to-many restructure): closes the sources
/// the day before `effective_date`, opens the targets, and writes the lineage with its legal
/// basis. All or nothing; safe to retry with an `Idempotency-Key`.
#[utoipa::path(
    operation_id = "createReorganisation",
    tag = "reorganisations",
    request_body = NewReorganisationRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The reorganisation, applied", body = ReorganisationDto,
            headers(("Location" = String, description = "The reorganisation's URL"))),
        (status = 404, description = "A source or target unit does not exist", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A unit is not in force on the date, has open units under it that do not move (`unit_has_open_children`), appears twice, is of another level than the rest, cannot be the new unit's parent, or a code is taken; or a village to move is not an open village of a source (`not_a_movable_village`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "A unit changed while the reorganisation was applied", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create_reorganisation(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<NewReorganisationRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Reorganise)?;
    let validated = body.validate();
    let body = body.into_inner();
    let mut command = parse(&body, validated).map_err(ApiError::Validation)?;
    create_once(&state, &req, "create_reorganisation", actor.id, &body, "/api/v1/reorganisations", move |conn| {
        // The caller must cover every unit that closes and every place a unit opens.
        for source in units::get_many(conn, &command.sources)? {
            actor.require_in(Permission::Reorganise, &source.path)?;
        }
        for target in &mut command.targets {
            match target {
                Target::Existing(id) => {
                    let unit = units::get(conn, *id)?;
                    actor.require_in(Permission::Reorganise, &unit.path)?;
                }
                Target::New(new) => match new.parent_id {
                    Some(parent_id) => {
                        let parent = units::get(conn, parent_id).or_missing(|| {
                            ApiError::Conflict(xhht_persistence::Conflict::InvalidParent { parent_id })
                        })?;
                        actor.require_in(Permission::Reorganise, &parent.path)?;
                        // Village codes are local to their commune.
                        if new.level == UnitLevel::Village {
                            new.code = format!("{}-{}", parent.code, new.code);
                        }
                    }
                    // A new province is national business.
                    None if !actor.scope.nationwide => return Err(ApiError::OutOfScope),
                    None => {}
                },
            }
        }
        let detail = units::reorganise(conn, &command)?;
        let dto = ReorganisationDto::new(&detail);
        audit(conn, &actor, "reorganisation", detail.reorganisation.id, "create", None, diff(None, Some(&dto)))?;
        for unit in &detail.sources {
            let changes = serde_json::json!({"valid_to": {"before": null, "after": unit.valid_to}});
            audit(conn, &actor, "unit", unit.id, "close", Some(unit), changes)?;
        }
        for unit in &detail.targets {
            let dto = crate::dto::UnitDto::new(unit, None, None);
            audit(conn, &actor, "unit", unit.id, "reorganise", Some(unit), diff(None, Some(&dto)))?;
        }
        for (from, to) in &detail.moved_villages {
            let changes = serde_json::json!({"valid_to": {"before": null, "after": from.valid_to},
                                             "moved_to": {"before": null, "after": to.id}});
            audit(conn, &actor, "unit", from.id, "move", Some(from), changes)?;
            let dto = crate::dto::UnitDto::new(to, None, None);
            audit(conn, &actor, "unit", to.id, "reorganise", Some(to), diff(None, Some(&dto)))?;
        }
        Ok(dto)
    })
    .await
}

/// Reads one reorganisation with the units it closed and opened.
#[utoipa::path(
    operation_id = "getReorganisation",
    tag = "reorganisations",
    params(("id" = i64, Path, description = "Reorganisation id")),
    responses(
        (status = 200, description = "The reorganisation", body = ReorganisationDto),
        (status = 404, description = "No reorganisation with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_reorganisation(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<ReorganisationDto>, ApiError> {
    let id = id.into_inner();
    let detail = db(&state, move |database| {
        database
            .read(|conn| units::get_reorganisation(conn, id))
            .or_missing(|| ApiError::NotFound(xhht_persistence::Record::Reorganisation))
    })
    .await?;
    Ok(web::Json(ReorganisationDto::new(&detail)))
}
