//! `/api/v1/statistics`: figures against the targets, by unit and year, in JSON, CSV or XLSX;
//! `/api/v1/targets`: the targets, national and provincial; `/api/v1/declared-…`: figures no
//! registry computes. Figures at commune level and above hold no personal data and are public,
//! as provinces publish them; rows below the commune (villages) follow the caller's units.

use super::support::{create_once, db, file, format_of, today};
use crate::auth::{Actor, MaybeActor};
use crate::dto::{
    BoundariesDto, Breakdown, DeclaredIndicatorList, DeclaredQuery, DeclaredValueDto, DeclaredValueList,
    DeclaredValueRequest, MODELS_MAX_LENGTH, ReportFormat, StatisticsQuery, StatisticsReport, TargetDto, TargetList,
    TargetQuery, TargetSetRequest, TrendQuery, TrendReport,
};
use crate::error::{ApiError, FieldError, Issue, OrMissing, Problem};
use crate::extract::JsonBody;
use crate::i18n::Rule;
use crate::report_files::{self, CSV, XLSX};
use crate::state::AppState;
use crate::statistics::{self, Request};
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use xhht_domain::declared::{DECLARED_INDICATORS, declared_indicator};
use xhht_domain::{ModelKind, Permission, UnitLevel};
use xhht_persistence::targets::{self, Declaration, DeclaredValue, NewTarget, Target};
use xhht_persistence::units::{self, Unit};
use xhht_persistence::{Conflict, DbConn};

/// `gia_dinh_hoc_tap,dong_ho_hoc_tap` → the models; an unknown one is named.
fn parse_models(text: Option<&str>) -> Result<Option<Vec<ModelKind>>, ApiError> {
    let Some(text) = text else { return Ok(None) };
    if text.chars().count() > MODELS_MAX_LENGTH {
        return Err(ApiError::InvalidQuery(vec![FieldError::new(
            "models",
            Issue::Length { min: None, max: Some(MODELS_MAX_LENGTH as u64) },
        )]));
    }
    let mut out = Vec::new();
    for name in text.split(',') {
        match name.parse::<ModelKind>() {
            Ok(model) if !out.contains(&model) => out.push(model),
            Ok(_) => {}
            Err(_) => {
                let allowed = ModelKind::ALL.iter().map(|m| m.as_str().to_owned()).collect();
                return Err(ApiError::InvalidQuery(vec![FieldError::new("models", Issue::NotOneOf { allowed })]));
            }
        }
    }
    Ok(Some(out))
}

fn year_in_range(field: &str, year: i32) -> Result<i32, ApiError> {
    if (2000..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(ApiError::InvalidQuery(vec![FieldError::new(field, Issue::Range { min: Some(2000), max: Some(2100) })]))
    }
}

/// The report's unit: in force on the map's day, and readable by the caller when its rows go
/// below the commune.
fn report_unit(
    conn: &mut DbConn,
    id: Option<i64>,
    map_day: chrono::NaiveDate,
    villages_shown: impl Fn(&Unit) -> bool,
    caller: &MaybeActor,
) -> Result<Option<Unit>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    let unit = units::get(conn, id)?;
    if !unit.is_valid_on(map_day) {
        return Err(ApiError::Conflict(Conflict::UnitNotValidOn { unit_id: unit.id }));
    }
    if villages_shown(&unit) {
        let actor = caller.0.as_ref().ok_or(ApiError::Unauthorized)?;
        if !actor.scope.can_read(&unit.path) {
            return Err(ApiError::OutOfScope);
        }
    }
    Ok(Some(unit))
}

/// Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
/// recognised (by level), rejected, revoked, held on a day, the denominator from the registries
/// or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.
#[utoipa::path(
    operation_id = "getStatistics", tag = "statistics", params(StatisticsQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The report", content(
            (StatisticsReport = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 401, description = "Rows below the commune (villages) need a token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Rows below the commune outside the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit (`unit_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The unit is not in force on the report's map (`unit_not_valid_on_date`): ask on the boundaries of its time, or for its successor", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn get_statistics(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: MaybeActor,
    query: web::Query<StatisticsQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let today = today();
    let year = year_in_range("year", q.year.unwrap_or_else(|| statistics::this_year(today)))?;
    let models = parse_models(q.models.as_deref())?;
    let by = q.by.unwrap_or(Breakdown::Children);
    let boundaries = q.boundaries.unwrap_or(BoundariesDto::Today);
    let on = q.on.unwrap_or_else(|| statistics::default_on(year, today));
    let format = format_of(&req, q.format);
    let unit_id = q.unit;
    let reader = caller.0.as_ref().map(|a| a.id);
    let report = db(&state, move |database| {
        database.read_lagging(reader, |conn| {
            let map_day = statistics::map_day(boundaries, on, today);
            let villages_shown = |u: &Unit| {
                u.level == UnitLevel::Village || (u.level == UnitLevel::Commune && by == Breakdown::Children)
            };
            let unit = report_unit(conn, unit_id, map_day, villages_shown, &caller)?;
            statistics::report(conn, &Request { unit, year, models, by, boundaries, on }, today)
        })
    })
    .await?;
    let name = format!("thong-ke-{}-{}", report.unit.as_ref().map_or("toan-quoc", |u| u.code.as_str()), report.year);
    Ok(match format {
        ReportFormat::Json => HttpResponse::Ok().json(report),
        ReportFormat::Csv => file(report_files::statistics_csv(&report)?, CSV, format!("{name}.csv")),
        ReportFormat::Xlsx => file(report_files::statistics_xlsx(&report)?, XLSX, format!("{name}.xlsx")),
    })
}

/// The totals of each model across a range of years (`years=2021-2026`), for a line chart.
#[utoipa::path(
    operation_id = "getStatisticsTrends", tag = "statistics", params(TrendQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The figures by year", content(
            (TrendReport = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 401, description = "A village's figures need a token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A village outside the caller's units", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit (`unit_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The unit is not in force on the map asked for (`unit_not_valid_on_date`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/trends")]
pub async fn get_trends(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: MaybeActor,
    query: web::Query<TrendQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let bad = || ApiError::InvalidQuery(vec![FieldError::rule("years", Rule::YearRange)]);
    let year = |text: &str| text.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).ok_or_else(bad);
    let (a, b) = q.years.split_once('-').ok_or_else(bad)?;
    let (a, b) = (year(a)?, year(b)?);
    // Either order reads as the same range: the document's pattern cannot tell them apart.
    let (first, last) = (a.min(b), a.max(b));
    let models = parse_models(q.models.as_deref())?;
    let boundaries = q.boundaries.unwrap_or(BoundariesDto::Today);
    let format = format_of(&req, q.format);
    let today = today();
    let unit_id = q.unit;
    let reader = caller.0.as_ref().map(|a| a.id);
    let report = db(&state, move |database| {
        database.read_lagging(reader, |conn| {
            let map_day = statistics::map_day(boundaries, statistics::default_on(last, today), today);
            let unit = report_unit(conn, unit_id, map_day, |u| u.level == UnitLevel::Village, &caller)?;
            statistics::trends(conn, unit.as_ref(), first..=last, models.as_deref(), boundaries, today)
        })
    })
    .await?;
    let name = format!(
        "xu-huong-{}-{}-{}",
        report.unit.as_ref().map_or("toan-quoc", |u| u.code.as_str()),
        report.first_year,
        report.last_year
    );
    Ok(match format {
        ReportFormat::Json => HttpResponse::Ok().json(report),
        ReportFormat::Csv => file(report_files::trends_csv(&report)?, CSV, format!("{name}.csv")),
        ReportFormat::Xlsx => file(report_files::trends_xlsx(&report)?, XLSX, format!("{name}.xlsx")),
    })
}

fn target_dto(t: &Target) -> TargetDto {
    TargetDto {
        id: t.id,
        unit_id: t.unit_id,
        model_kind: t.model_kind,
        subgroup: Some(t.subgroup.clone()).filter(|s| !s.is_empty()),
        target_year: t.target_year,
        value: t.value,
        confidence: t.confidence.clone(),
        legal_number: t.legal_number.clone(),
        legal_issuer: t.legal_issuer.clone(),
        legal_title: t.legal_title.clone(),
        issued_on: t.issued_on,
        note: t.note.clone(),
        shipped: t.shipped,
        created_at: t.created_at.and_utc(),
    }
}

/// The targets in force: the nation's, and those a province set for itself or its communes.
#[utoipa::path(
    operation_id = "listTargets", tag = "statistics", params(TargetQuery),
    responses(
        (status = 200, description = "The targets in force that may apply", body = TargetList),
        (status = 404, description = "No such unit (`unit_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_targets(
    state: web::Data<AppState>,
    query: web::Query<TargetQuery>,
) -> Result<web::Json<TargetList>, ApiError> {
    let q = query.into_inner();
    let items = db(&state, move |database| {
        database.read(|conn| {
            let chain = match q.unit {
                Some(id) => units::get(conn, id)?.path_ids(),
                None => Vec::new(),
            };
            let mut found = targets::in_force(conn, &chain)?;
            found.retain(|t| q.model_kind.is_none_or(|m| t.model_kind == m));
            found.sort_by(|a, b| {
                (a.model_kind, &a.subgroup, a.target_year, a.unit_id).cmp(&(
                    b.model_kind,
                    &b.subgroup,
                    b.target_year,
                    b.unit_id,
                ))
            });
            Ok::<_, ApiError>(found.iter().map(target_dto).collect())
        })
    })
    .await?;
    Ok(web::Json(TargetList { items }))
}

/// The subgroups a model's targets may name: citizens' target groups, organisations' types.
fn subgroup_ok(model: ModelKind, subgroup: Option<&str>) -> bool {
    fn is_a<T: serde::de::DeserializeOwned>(text: &str) -> bool {
        serde_json::from_value::<T>(serde_json::Value::String(text.to_owned())).is_ok()
    }
    let Some(subgroup) = subgroup else { return true };
    match model {
        ModelKind::CongDanHocTap => is_a::<crate::dto::TargetGroup>(subgroup),
        ModelKind::DonViHocTapXa | ModelKind::DonViHocTapHuyen | ModelKind::DonViHocTapTinh => {
            is_a::<crate::dto::OrganisationType>(subgroup)
        }
        _ => false,
    }
}

/// Sets targets for a province, or for one of its communes, from the province's own plan
/// (the act's number, issuer and date). Each supersedes the target in force for the same unit,
/// model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.
#[utoipa::path(
    operation_id = "setTargets", tag = "statistics", request_body = TargetSetRequest, security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    responses(
        (status = 201, description = "The targets set", body = TargetList),
        (status = 409, description = "The unit is not a province or commune in force (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn set_targets(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<TargetSetRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::SetTargets)?;
    body.validate()?;
    let body = body.into_inner();
    let problems: Vec<FieldError> = body
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| !subgroup_ok(item.model_kind, item.subgroup.as_deref()))
        .map(|(i, _)| FieldError::rule(format!("items[{i}].subgroup"), Rule::UnknownSubgroup))
        .collect();
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let request = body.clone();
    create_once(&state, &req, "set_targets", actor.id, &body, "/api/v1/targets", move |conn| {
        let not_fit =
            || ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::NotAProvinceOrCommuneInForce)]);
        let unit = units::get(conn, request.unit_id).or_missing(not_fit)?;
        if !matches!(unit.level, UnitLevel::Province | UnitLevel::Commune) || unit.valid_to.is_some() {
            return Err(not_fit());
        }
        actor.require_in(Permission::SetTargets, &unit.path)?;
        let new: Vec<NewTarget> = request
            .items
            .iter()
            .map(|item| NewTarget {
                unit_id: Some(unit.id),
                unit_path: Some(unit.path.clone()),
                model_kind: item.model_kind,
                subgroup: item.subgroup.clone().unwrap_or_default(),
                target_year: item.target_year,
                value: Some(item.value),
                confidence: "declared".into(),
                legal_number: request.act.number.trim().to_owned(),
                legal_issuer: request.act.issuer.trim().to_owned(),
                legal_title: request.act.title.clone(),
                issued_on: Some(request.act.issued_on),
                note: item.note.clone(),
                shipped: false,
                created_by: Some(actor.id),
            })
            .collect();
        let created = targets::create(conn, &new)?;
        let items: Vec<TargetDto> = created.iter().map(target_dto).collect();
        for item in &items {
            super::support::audit(
                conn,
                &actor,
                "target",
                item.id,
                "create",
                Some(&unit),
                super::support::diff(None, Some(item)),
            )?;
        }
        Ok(TargetList { items })
    })
    .await
}

/// The catalogue of figures declared by the officers responsible (no registry computes them).
#[utoipa::path(
    operation_id = "listDeclaredIndicators", tag = "statistics",
    responses((status = 200, description = "The catalogue", body = DeclaredIndicatorList))
)]
#[get("")]
pub async fn list_declared_indicators() -> web::Json<DeclaredIndicatorList> {
    web::Json(DeclaredIndicatorList { items: DECLARED_INDICATORS.to_vec() })
}

fn declared_dto(v: &DeclaredValue) -> DeclaredValueDto {
    DeclaredValueDto {
        id: v.id,
        unit_id: v.unit_id,
        year: v.year,
        indicator: v.indicator.clone(),
        value: v.value,
        source: v.source.clone(),
        version: v.version,
        updated_at: v.updated_at.and_utc(),
    }
}

/// The figures declared for a unit's subtree and a year.
#[utoipa::path(
    operation_id = "listDeclaredValues", tag = "statistics", params(DeclaredQuery),
    responses(
        (status = 200, description = "The declared figures", body = DeclaredValueList),
        (status = 404, description = "No such unit (`unit_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_declared_values(
    state: web::Data<AppState>,
    query: web::Query<DeclaredQuery>,
) -> Result<web::Json<DeclaredValueList>, ApiError> {
    let q = query.into_inner();
    year_in_range("year", q.year)?;
    let items = db(&state, move |database| {
        database.read(|conn| {
            let unit = units::get(conn, q.unit)?;
            Ok::<_, ApiError>(targets::declared(conn, Some(&unit.path), &[q.year])?.iter().map(declared_dto).collect())
        })
    })
    .await?;
    Ok(web::Json(DeclaredValueList { items }))
}

/// Declares a figure for a unit and year, with its source; declaring it again replaces the
/// value (both audited). Safe to retry.
#[utoipa::path(
    operation_id = "declareValue", tag = "statistics", request_body = DeclaredValueRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The figure as declared now", body = DeclaredValueDto),
        (status = 409, description = "The unit does not exist or is not in force (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("")]
pub async fn declare_value(
    state: web::Data<AppState>,
    actor: Actor,
    body: JsonBody<DeclaredValueRequest>,
) -> Result<web::Json<DeclaredValueDto>, ApiError> {
    actor.require(Permission::DeclareFigures)?;
    body.validate()?;
    let body = body.into_inner();
    if declared_indicator(&body.indicator).is_none() {
        let allowed = DECLARED_INDICATORS.iter().map(|i| i.key.to_owned()).collect();
        return Err(ApiError::Validation(vec![FieldError::new("indicator", Issue::NotOneOf { allowed })]));
    }
    let out = db(&state, move |database| {
        database.write(|conn| {
            let not_fit = || ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::UnknownUnit)]);
            let unit = units::get(conn, body.unit_id).or_missing(not_fit)?;
            if unit.valid_to.is_some() {
                return Err(not_fit());
            }
            actor.require_in(Permission::DeclareFigures, &unit.path)?;
            let (before, after) = targets::declare(
                conn,
                &Declaration {
                    unit_id: unit.id,
                    unit_path: &unit.path,
                    year: body.year,
                    indicator: &body.indicator,
                    value: body.value,
                    source: body.source.trim(),
                    by: Some(actor.id),
                },
            )?;
            let (before, after) = (before.as_ref().map(declared_dto), declared_dto(&after));
            let action = if before.is_some() { "update" } else { "create" };
            super::support::audit(
                conn,
                &actor,
                "declared_value",
                after.id,
                action,
                Some(&unit),
                super::support::diff(before.as_ref(), Some(&after)),
            )?;
            Ok::<_, ApiError>(after)
        })
    })
    .await?;
    Ok(web::Json(out))
}
