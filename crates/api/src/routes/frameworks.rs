//! `/api/v1/frameworks`: criteria frameworks as versioned documents; publishing and retiring;
//! scoring previews that store nothing.

use super::support::{audit, db, decode_id_cursor, diff, encode_id_cursor, etag, if_match, limit, today};
use crate::auth::Actor;
use crate::dto::{
    FrameworkDetail, FrameworkListQuery, FrameworkPage, FrameworkSummary, NewFrameworkRequest, ScoreRequest,
    ScoreResponse,
};
use crate::error::{ApiError, FieldError, Issue, OrMissing, Problem};
use crate::extract::JsonBody;
use crate::i18n::Rule;
use crate::scoring::{parse_answers, parse_metrics, score_rejected, shipped_row};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use xhht_domain::{Permission, UnitLevel};
use xhht_evaluation::{Context, Framework, FrameworkError, FrameworkStatus, Subject, SubjectType, validate};
use xhht_persistence::frameworks::{self, FrameworkFilter, FrameworkRow};
use xhht_persistence::{DbConn, units};

fn invalid(errors: Vec<FrameworkError>) -> ApiError {
    ApiError::FrameworkInvalid(
        errors
            .into_iter()
            .map(|e| {
                let code =
                    serde_json::to_value(e.code).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                FieldError::new(
                    format!("document{}", e.path),
                    Issue::Message { code, vi: e.message_vi, en: e.message_en },
                )
            })
            .collect(),
    )
}

fn parse(row: &FrameworkRow) -> Result<Framework, ApiError> {
    serde_json::from_str(&row.document).map_err(|e| {
        tracing::error!(framework = row.id, error = %e, "a stored framework document does not parse");
        ApiError::Internal
    })
}

fn summary(row: &FrameworkRow, document: &Framework) -> FrameworkSummary {
    FrameworkSummary {
        id: row.id,
        key: row.framework_key.clone(),
        version: row.version,
        status: row.status,
        model_kind: row.model_kind,
        name_vi: row.name_vi.clone(),
        valid_from: row.valid_from,
        valid_to: row.valid_to,
        province_id: row.province_id,
        shipped: row.shipped,
        usable_for_recognition: document.may_recognise(),
        missing: document.missing.clone(),
        row_version: row.row_version,
        created_at: row.created_at.and_utc(),
        published_at: row.published_at.map(|t| t.and_utc()),
        retired_at: row.retired_at.map(|t| t.and_utc()),
    }
}

fn detail(row: &FrameworkRow) -> Result<FrameworkDetail, ApiError> {
    let document = parse(row)?;
    let value = serde_json::from_str(&row.document).map_err(|_| ApiError::Internal)?;
    Ok(FrameworkDetail { summary: summary(row, &document), document: value })
}

fn detail_response(status: actix_web::http::StatusCode, d: &FrameworkDetail) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(d.summary.row_version)));
    if status == actix_web::http::StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/frameworks/{}", d.summary.id)));
    }
    response.json(d)
}

/// National frameworks belong to administrators; a provincial one to the officers of its
/// province (and administrators).
fn require_owner(conn: &mut DbConn, actor: &Actor, province_id: Option<i64>) -> Result<(), ApiError> {
    actor.require(Permission::ManageFrameworks)?;
    match province_id {
        None if actor.is_admin() => Ok(()),
        None => Err(ApiError::OutOfScope),
        Some(id) => {
            let unit = units::get(conn, id)?;
            actor.require_in(Permission::ManageFrameworks, &unit.path)
        }
    }
}

/// Lists framework versions (public: criteria are public law).
#[utoipa::path(
    operation_id = "listFrameworks",
    tag = "frameworks",
    params(FrameworkListQuery),
    responses((status = 200, description = "One page of framework versions, oldest first", body = FrameworkPage))
)]
#[get("/frameworks")]
pub async fn list_frameworks(
    state: web::Data<AppState>,
    query: web::Query<FrameworkListQuery>,
) -> Result<web::Json<FrameworkPage>, ApiError> {
    let query = query.into_inner();
    let mut problems = Vec::new();
    let limit = limit(query.limit).map_err(|e| problems.push(e)).unwrap_or_default();
    let after = super::support::cursor(&query.cursor)
        .map(decode_id_cursor)
        .transpose()
        .map_err(|e| problems.push(e))
        .unwrap_or_default();
    if !problems.is_empty() {
        return Err(ApiError::InvalidQuery(problems));
    }
    let filter = FrameworkFilter {
        model_kind: query.model_kind,
        status: query.status,
        valid_on: query.valid_on,
        key: query.key,
    };
    let rows =
        db(&state, move |database| Ok(database.read(|conn| frameworks::list(conn, &filter, after, limit))?)).await?;
    let items = rows.iter().map(|r| parse(r).map(|d| summary(r, &d))).collect::<Result<Vec<_>, _>>()?;
    let next_cursor = (items.len() as i64 == limit).then(|| items.last().map(|i| encode_id_cursor(i.id))).flatten();
    Ok(web::Json(FrameworkPage { items, next_cursor }))
}

/// Reads one framework version with its whole document.
#[utoipa::path(
    operation_id = "getFramework",
    tag = "frameworks",
    params(("id" = i64, Path, description = "Framework version id")),
    responses(
        (status = 200, description = "The framework version", body = FrameworkDetail,
            headers(("ETag" = String, description = "The row version, for If-Match on transitions"))),
        (status = 404, description = "No framework version with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/frameworks/{id}")]
pub async fn get_framework(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = db(&state, move |database| database.read(|conn| Ok::<_, ApiError>(frameworks::get(conn, id)?))).await?;
    Ok(detail_response(actix_web::http::StatusCode::OK, &detail(&row)?))
}

/// Creates a framework, or the next version of one (same document `id`), as a draft.
/// Administrators create national frameworks; provincial officers, their province's.
#[utoipa::path(
    operation_id = "createFramework",
    tag = "frameworks",
    request_body = NewFrameworkRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new draft version", body = FrameworkDetail,
            headers(("Location" = String, description = "The version's URL"), ("ETag" = String, description = "The row version"))),
        (status = 409, description = "That version was created at the same moment by someone else, or `province_id` is not a province in force or differs from the earlier versions' (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/frameworks")]
pub async fn create_framework(
    state: web::Data<AppState>,
    actor: Actor,
    body: JsonBody<NewFrameworkRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageFrameworks)?;
    let body = body.into_inner();
    let mut document: Framework =
        serde_json::from_value(body.document).map_err(|e| invalid(vec![FrameworkError::parse(&e)]))?;
    let province_id = body.province_id;
    let row = db(&state, move |database| {
        database.write(|conn| {
            if let Some(id) = province_id {
                let not_a_province =
                    || ApiError::ReferenceConflict(vec![FieldError::rule("province_id", Rule::NotAProvinceInForce)]);
                let unit = units::get(conn, id).or_missing(not_a_province)?;
                if unit.level != UnitLevel::Province || unit.valid_to.is_some() {
                    return Err(not_a_province());
                }
            }
            let earlier = frameworks::versions(conn, &document.id)?;
            if let Some(first) = earlier.first()
                && first.province_id != province_id
            {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
                    "province_id",
                    Rule::OwnerDiffersFromEarlierVersions,
                )]));
            }
            require_owner(conn, &actor, province_id)?;
            let next = earlier.last().map_or(1, |r| r.version + 1);
            document.version = u32::try_from(next).unwrap_or(1);
            document.status = FrameworkStatus::Draft;
            validate(&document).map_err(invalid)?;
            let mut new = shipped_row(&document);
            new.shipped = false;
            new.province_id = province_id;
            let row = frameworks::insert(conn, &new)?;
            let d = detail(&row)?;
            let province = province_id.map(|id| units::get(conn, id)).transpose()?;
            let changes = diff(None, Some(&d.summary));
            audit(conn, &actor, "framework", row.id, "create", province.as_ref(), changes)?;
            Ok(row)
        })
    })
    .await?;
    Ok(detail_response(actix_web::http::StatusCode::CREATED, &detail(&row)?))
}

async fn transition(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: i64,
    from: &'static [FrameworkStatus],
    to: FrameworkStatus,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageFrameworks)?;
    let expected = if_match(&req)?;
    let row = db(&state, move |database| {
        database.write(|conn| {
            let before = frameworks::get(conn, id)?;
            require_owner(conn, &actor, before.province_id)?;
            let mut document = parse(&before)?;
            document.status = to;
            // Publishing demands a complete document: no unknown parts, every threshold set.
            validate(&document).map_err(|errors| match invalid(errors) {
                ApiError::FrameworkInvalid(list) => ApiError::FrameworkIncomplete(list),
                other => other,
            })?;
            let text = serde_json::to_string(&document).map_err(|_| ApiError::Internal)?;
            let after = frameworks::transition(conn, id, expected, from, to, &text)?;
            let province = after.province_id.map(|p| units::get(conn, p)).transpose()?;
            let (b, a) = (summary(&before, &parse(&before)?), summary(&after, &document));
            let action = if to == FrameworkStatus::Published { "publish" } else { "retire" };
            audit(conn, &actor, "framework", id, action, province.as_ref(), diff(Some(&b), Some(&a)))?;
            Ok::<_, ApiError>(after)
        })
    })
    .await?;
    Ok(detail_response(actix_web::http::StatusCode::OK, &detail(&row)?))
}

/// Publishes a draft version. Only a complete document publishes; a published version never
/// changes again. Needs `If-Match`.
#[utoipa::path(
    operation_id = "publishFramework",
    tag = "frameworks",
    params(
        ("id" = i64, Path, description = "Framework version id"),
        ("If-Match" = String, Header, description = "The ETag read from the version"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The published version", body = FrameworkDetail),
        (status = 404, description = "No framework version with this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The version is not a draft, or the draft is incomplete: unknown parts or unset thresholds (`framework_incomplete`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The version changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/frameworks/{id}/publish")]
pub async fn publish_framework(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    transition(state, req, actor, id.into_inner(), &[FrameworkStatus::Draft], FrameworkStatus::Published).await
}

/// Retires a version; it stays readable so that past evaluations reproduce. Needs `If-Match`.
#[utoipa::path(
    operation_id = "retireFramework",
    tag = "frameworks",
    params(
        ("id" = i64, Path, description = "Framework version id"),
        ("If-Match" = String, Header, description = "The ETag read from the version"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The retired version", body = FrameworkDetail),
        (status = 404, description = "No framework version with this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The version is retired already", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The version changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/frameworks/{id}/retire")]
pub async fn retire_framework(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    transition(
        state,
        req,
        actor,
        id.into_inner(),
        &[FrameworkStatus::Draft, FrameworkStatus::Published],
        FrameworkStatus::Retired,
    )
    .await
}

/// Scores answers against a framework version and returns the outcome; nothing is stored.
/// Portals use it to preview a self-assessment.
#[utoipa::path(
    operation_id = "scoreFramework",
    tag = "frameworks",
    params(("id" = i64, Path, description = "Framework version id")),
    request_body = ScoreRequest,
    responses(
        (status = 200, description = "The outcome", body = ScoreResponse),
        (status = 404, description = "No framework version with this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The answers do not fit this framework: an unknown indicator or an answer of the wrong kind (`score_rejected`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/frameworks/{id}/score")]
pub async fn score_framework(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: JsonBody<ScoreRequest>,
) -> Result<web::Json<ScoreResponse>, ApiError> {
    let body = body.into_inner();
    let answers = parse_answers(body.answers)?;
    let metrics = body.metrics.map(parse_metrics).transpose()?.unwrap_or_default();
    let mut types = Vec::with_capacity(body.subject_types.len());
    for (i, name) in body.subject_types.iter().enumerate() {
        match SubjectType::from_name(name) {
            Some(t) => types.push(t),
            None => {
                let allowed = SubjectType::ALL.iter().map(|t| t.name().to_owned()).collect();
                return Err(ApiError::Validation(vec![FieldError::new(
                    format!("subject_types[{i}]"),
                    Issue::NotOneOf { allowed },
                )]));
            }
        }
    }
    let mut context = Context::on(body.evaluation_date.unwrap_or_else(today));
    context.held_level1_since = body.held_level1_since;
    let id = id.into_inner();
    let app = state.clone();
    let compiled = db(&state, move |database| database.read(|conn| app.frameworks.get(conn, id))).await?;
    let outcome = compiled
        .scorer
        .score_answers(&answers, &metrics, &Subject::new(types), &context)
        .map_err(|e| score_rejected(&e))?;
    let outcome = serde_json::to_value(&outcome).map_err(|_| ApiError::Internal)?;
    Ok(web::Json(ScoreResponse {
        framework_id: id,
        usable_for_recognition: compiled.framework.may_recognise(),
        outcome,
    }))
}
