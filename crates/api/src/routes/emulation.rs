//! The emulation movement: `/api/v1/emulation-plans` (plans with their phases and each kind
//! of participant's pass/fail criteria), `/api/v1/emulation-reviews` (sơ kết, tổng kết: the
//! participants' reports, the reviewers' marks, the ranking for commendation) and
//! `/api/v1/awards` (commendations and titles given by decision).

use super::support::{audit, create_once, db, diff, encode_id_cursor, etag, file, format_of, if_match};
use crate::auth::Actor;
use crate::criteria::plan_row;
use crate::dto::{
    AwardCount, AwardDto, AwardKind, AwardList, AwardQuery, MarksRequest, NewAwardRequest, NewPlanRequest,
    NewReportRequest, NewReviewRequest, PlanDetail, PlanListQuery, PlanPage, PlanSummary, RankedParticipant, Ranking,
    RankingQuery, ReportDto, ReportFormat, ReviewDto,
};
use crate::error::{ApiError, FieldError, Issue, Problem};
use crate::extract::JsonBody;
use crate::framework_files::{table_csv, table_xlsx};
use crate::i18n::Rule;
use crate::registration::subject;
use crate::report_files::{CSV, XLSX};
use crate::state::AppState;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use std::collections::HashMap;
use xhht_domain::search::fold;
use xhht_domain::{Permission, SubjectKind};
use xhht_evaluation::{EmulationPlan, FrameworkError, Participant, PlanLevel, validate_plan};
use xhht_persistence::drives::subject_names;
use xhht_persistence::emulation::{self, AwardFilter, NewAward, NewReport, PlanRow, Report, Review};
use xhht_persistence::{DbConn, PersistenceError, Record, units};

fn plan_document(row: &PlanRow) -> Result<EmulationPlan, ApiError> {
    serde_json::from_str(&row.document).map_err(|e| {
        tracing::error!(plan = row.id, error = %e, "a stored plan does not parse");
        ApiError::Internal
    })
}

fn plan_summary(row: &PlanRow, plan: &EmulationPlan) -> PlanSummary {
    PlanSummary {
        id: row.id,
        key: row.plan_key.clone(),
        title_vi: row.title_vi.clone(),
        level: plan.level,
        unit_id: row.unit_id,
        shipped: row.shipped,
        missing: plan.missing.clone(),
    }
}

/// The problems of a plan document, as 422 field errors under `document`.
fn invalid_plan(errors: Vec<FrameworkError>) -> ApiError {
    ApiError::Validation(
        errors
            .into_iter()
            .map(|e| {
                FieldError::new(
                    format!("document{}", e.path),
                    Issue::Message { code: e.code.as_str().to_owned(), vi: e.message_vi, en: e.message_en },
                )
            })
            .collect(),
    )
}

/// Lists emulation plans (public: plans are public documents).
#[utoipa::path(
    operation_id = "listEmulationPlans", tag = "emulation", params(PlanListQuery),
    responses(
        (status = 200, description = "One page of plans, oldest first", body = PlanPage),
        (status = 404, description = "The `within` unit does not exist (`unit_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_plans(
    state: web::Data<AppState>,
    query: web::Query<PlanListQuery>,
) -> Result<web::Json<PlanPage>, ApiError> {
    let q = query.into_inner();
    let (limit, after) = super::support::id_page(q.limit, &q.cursor)?;
    let page = db(&state, move |database| {
        database.read(|conn| {
            let within = q.within.map(|id| units::get(conn, id).map(|u| u.path)).transpose()?;
            let rows = emulation::list_plans(conn, q.level.map(PlanLevel::as_str), within.as_deref(), after, limit)?;
            let next_cursor =
                (rows.len() as i64 == limit).then(|| rows.last().map(|r| encode_id_cursor(r.id))).flatten();
            let items =
                rows.iter().map(|r| plan_document(r).map(|p| plan_summary(r, &p))).collect::<Result<Vec<_>, _>>()?;
            Ok::<_, ApiError>(PlanPage { items, next_cursor })
        })
    })
    .await?;
    Ok(web::Json(page))
}

/// Reads a plan with its phases, participants and criteria.
#[utoipa::path(
    operation_id = "getEmulationPlan", tag = "emulation", params(("id" = i64, Path, description = "Plan id")),
    responses(
        (status = 200, description = "The plan", body = PlanDetail),
        (status = 404, description = "No such plan (`emulation_plan_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_plan(state: web::Data<AppState>, id: web::Path<i64>) -> Result<web::Json<PlanDetail>, ApiError> {
    let id = id.into_inner();
    let row =
        db(&state, move |database| database.read(|conn| Ok::<_, ApiError>(emulation::get_plan(conn, id)?))).await?;
    let plan = plan_document(&row)?;
    let document = serde_json::from_str(&row.document).map_err(|_| ApiError::Internal)?;
    Ok(web::Json(PlanDetail { summary: plan_summary(&row, &plan), document }))
}

/// Records an emulation plan of a unit (a province's, a commune's, or a district's of before
/// 2025): its decision, phases and the pass/fail criteria of each kind of participant.
#[utoipa::path(
    operation_id = "createEmulationPlan", tag = "emulation", request_body = NewPlanRequest, security(("bearer" = [])),
    responses(
        (status = 201, description = "The plan", body = PlanDetail, headers(("Location" = String, description = "The plan's URL"))),
        (status = 409, description = "A plan with this id exists (`plan_exists`), or the unit is not of the plan's level in force on the decision's date (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create_plan(
    state: web::Data<AppState>,
    actor: Actor,
    body: JsonBody<NewPlanRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageEmulation)?;
    let body = body.into_inner();
    let plan: EmulationPlan =
        serde_json::from_value(body.document).map_err(|e| invalid_plan(vec![FrameworkError::parse(&e)]))?;
    validate_plan(&plan).map_err(invalid_plan)?;
    let unit_id = body.unit_id;
    let row = db(&state, move |database| {
        database.write(|conn| {
            let wrong_unit = || ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::PlanUnit)]);
            let unit = match (plan.level.unit_level(), unit_id) {
                (None, None) if actor.is_admin() => None,
                (None, None) => return Err(ApiError::OutOfScope),
                (Some(level), Some(id)) => {
                    let unit = units::get(conn, id).map_err(|e| match e {
                        PersistenceError::NotFound(_) => wrong_unit(),
                        other => other.into(),
                    })?;
                    let day = plan.decision.issued_on.unwrap_or_else(super::support::today);
                    if unit.level != level || !unit.is_valid_on(day) {
                        return Err(wrong_unit());
                    }
                    // A district of before 2025 no longer exists: only those covering the whole
                    // country record its plans as history.
                    actor.require_in(Permission::ManageEmulation, &unit.path)?;
                    Some(unit)
                }
                _ => return Err(wrong_unit()),
            };
            let row = emulation::insert_plan(conn, &plan_row(&plan, unit.as_ref(), false))?;
            audit(
                conn,
                &actor,
                "emulation_plan",
                row.id,
                "create",
                unit.as_ref(),
                diff(None, Some(&plan_summary(&row, &plan))),
            )?;
            Ok::<_, ApiError>(row)
        })
    })
    .await?;
    let plan = plan_document(&row)?;
    let document = serde_json::from_str(&row.document).map_err(|_| ApiError::Internal)?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/emulation-plans/{}", row.id)))
        .json(PlanDetail { summary: plan_summary(&row, &plan), document }))
}

fn criteria_count(plan: &EmulationPlan, kind: &str) -> usize {
    plan.participant(kind).map_or(0, |p| p.criteria.len())
}

fn report_dto(report: &Report, plan: &EmulationPlan) -> ReportDto {
    let json = |text: &str| serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
    ReportDto {
        id: report.id,
        review_id: report.review_id,
        participant_kind: report.participant_kind.clone(),
        subject_type: report.subject_type.parse().unwrap_or(SubjectKind::Unit),
        subject_id: report.subject_id,
        unit_id: report.unit_id,
        answers: json(&report.answers),
        evidence: serde_json::from_str(&report.evidence).unwrap_or_default(),
        marks: report.marks.as_deref().map(json),
        marks_note: report.marks_note.clone(),
        passed: report.passed,
        criteria: criteria_count(plan, &report.participant_kind),
        version: report.version,
    }
}

fn review_dto(conn: &mut DbConn, review: &Review, plan: &EmulationPlan) -> Result<ReviewDto, ApiError> {
    let phase = plan.phase(&review.phase_id);
    let reports = emulation::reports_of_review(conn, review.id)?;
    Ok(ReviewDto {
        id: review.id,
        plan_id: review.plan_id,
        phase_id: review.phase_id.clone(),
        phase_name_vi: phase.map(|p| p.name_vi.clone()).unwrap_or_default(),
        review_kind: phase.map_or(xhht_evaluation::ReviewKind::SoKet, |p| p.review),
        unit_id: review.unit_id,
        held_on: review.held_on,
        closed: review.closed_at.is_some(),
        version: review.version,
        reports: reports.iter().map(|r| report_dto(r, plan)).collect(),
    })
}

/// The review with its plan, if the caller's units cover the reviewing unit.
fn readable_review(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<(Review, EmulationPlan), ApiError> {
    let review = emulation::get_review(conn, id)?;
    if !actor.scope.can_read(&review.unit_path) {
        return Err(ApiError::NotFound(Record::EmulationReview));
    }
    let plan = plan_document(&emulation::get_plan(conn, review.plan_id)?)?;
    Ok((review, plan))
}

fn open(review: &Review) -> Result<(), ApiError> {
    match review.closed_at {
        Some(_) => Err(PersistenceError::Conflict(xhht_persistence::Conflict::ReviewClosed).into()),
        None => Ok(()),
    }
}

/// Opens the review (sơ kết, tổng kết) of a phase, held by the plan's unit or one under it.
/// The same review asked for again is the one open.
#[utoipa::path(
    operation_id = "openEmulationReview", tag = "emulation", request_body = NewReviewRequest,
    params(("id" = i64, Path, description = "Plan id")), security(("bearer" = [])),
    responses(
        (status = 201, description = "The review", body = ReviewDto, headers(("Location" = String, description = "The review's URL"), ("ETag" = String, description = "The review's version"))),
        (status = 200, description = "The review was open already", body = ReviewDto, headers(("ETag" = String, description = "The review's version"))),
        (status = 404, description = "No such plan (`emulation_plan_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The plan has no such phase, or the unit is not the plan's or under it (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/reviews")]
pub async fn open_review(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<NewReviewRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageEmulation)?;
    let (id, request) = (id.into_inner(), body.into_inner());
    let (review, created) = db(&state, move |database| {
        database.write(|conn| {
            let row = emulation::get_plan(conn, id)?;
            let plan = plan_document(&row)?;
            if plan.phase(&request.phase_id).is_none() {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule("phase_id", Rule::UnknownPhase)]));
            }
            let wrong_unit = || ApiError::ReferenceConflict(vec![FieldError::rule("unit_id", Rule::ReviewUnit)]);
            let unit = units::get(conn, request.unit_id).map_err(|e| match e {
                PersistenceError::NotFound(_) => wrong_unit(),
                other => other.into(),
            })?;
            if row.unit_path.as_deref().is_some_and(|root| !unit.path.starts_with(root)) {
                return Err(wrong_unit());
            }
            actor.require_in(Permission::ManageEmulation, &unit.path)?;
            let (review, created) =
                emulation::open_review(conn, row.id, &request.phase_id, unit.id, &unit.path, request.held_on)?;
            if created {
                let changes =
                    serde_json::json!({"plan_id": row.id, "phase_id": review.phase_id, "held_on": review.held_on});
                audit(conn, &actor, "emulation_review", review.id, "open", Some(&unit), changes)?;
            }
            Ok::<_, ApiError>((review_dto(conn, &review, &plan)?, created))
        })
    })
    .await?;
    let mut response = HttpResponse::build(if created { StatusCode::CREATED } else { StatusCode::OK });
    if created {
        response.insert_header((header::LOCATION, format!("/api/v1/emulation-reviews/{}", review.id)));
    }
    Ok(response.insert_header((header::ETAG, etag(review.version))).json(review))
}

/// Reads a review with its reports and marks.
#[utoipa::path(
    operation_id = "getEmulationReview", tag = "emulation", params(("id" = i64, Path, description = "Review id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The review", body = ReviewDto, headers(("ETag" = String, description = "The review's version, for If-Match on closing"))),
        (status = 404, description = "No such review in the caller's units (`emulation_review_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_review(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let review = db(&state, move |database| {
        database.read(|conn| {
            let (review, plan) = readable_review(conn, &actor, id)?;
            review_dto(conn, &review, &plan)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(review.version))).json(review))
}

/// The participant kind of the plan that `subject_type` can be, or a 409.
fn participant<'a>(
    plan: &'a EmulationPlan,
    kind: &str,
    subject_type: SubjectKind,
) -> Result<&'a Participant, ApiError> {
    plan.participant(kind).filter(|p| p.subject_types.contains(&subject_type)).ok_or_else(|| {
        ApiError::ReferenceConflict(vec![FieldError::rule("participant_kind", Rule::UnknownParticipantKind)])
    })
}

/// Files a participant's report: its answers to its kind's criteria, with evidence. A report
/// not marked yet may be filed again; the last one counts.
#[utoipa::path(
    operation_id = "fileEmulationReport", tag = "emulation", request_body = NewReportRequest,
    params(("id" = i64, Path, description = "Review id")), security(("bearer" = [])),
    responses(
        (status = 201, description = "The report", body = ReportDto, headers(("ETag" = String, description = "The report's version, for If-Match on marking"))),
        (status = 200, description = "The report, filed again", body = ReportDto, headers(("ETag" = String, description = "The report's version, for If-Match on marking"))),
        (status = 404, description = "No such review in the caller's units (`emulation_review_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The review is closed (`review_closed`), the report is marked (`report_marked`), or the participant kind, the subject or a criterion is not the plan's, or the subject is outside the reviewing unit (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/reports")]
pub async fn file_report(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<NewReportRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Register)?;
    body.validate()?;
    let (id, request) = (id.into_inner(), body.into_inner());
    let missing_text: Vec<FieldError> = request
        .evidence
        .iter()
        .enumerate()
        .filter(|(_, e)| e.note.is_none() && e.url.is_none())
        .map(|(i, _)| FieldError::rule(format!("evidence[{i}]"), Rule::EvidenceNoteOrUrl))
        .collect();
    if !missing_text.is_empty() {
        return Err(ApiError::Validation(missing_text));
    }
    let (report, created) = db(&state, move |database| {
        database.write(|conn| {
            let (review, plan) = readable_review(conn, &actor, id)?;
            open(&review)?;
            let kind = participant(&plan, &request.participant_kind, request.subject_type)?;
            let unknown: Vec<FieldError> = request
                .answers
                .keys()
                .map(|k| (format!("answers.{k}"), k))
                .chain(
                    request
                        .evidence
                        .iter()
                        .enumerate()
                        .map(|(i, e)| (format!("evidence[{i}].indicator_id"), &e.indicator_id)),
                )
                .filter(|(_, k)| !kind.criteria.iter().any(|c| &c.id == *k))
                .map(|(field, _)| FieldError::rule(field, Rule::UnknownIndicator))
                .collect();
            if !unknown.is_empty() {
                return Err(ApiError::ReferenceConflict(unknown));
            }
            let found = subject(conn, &actor, request.subject_type, request.subject_id, kind.unit_level)?;
            actor.require_in(Permission::Register, &found.unit_path)?;
            // A review covers the reviewing unit's participants; an account covering the whole
            // country records the reviews of units that no longer exist, whose participants
            // are filed under their successors now.
            if !actor.scope.nationwide && !found.unit_path.starts_with(&review.unit_path) {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule("subject_id", Rule::OutsideReview)]));
            }
            let before = emulation::reports_of_review(conn, review.id)?
                .into_iter()
                .find(|r| r.subject_type == request.subject_type.as_str() && r.subject_id == request.subject_id);
            let (report, created) = emulation::file_report(
                conn,
                &NewReport {
                    review_id: review.id,
                    participant_kind: kind.id.clone(),
                    subject_type: request.subject_type.as_str().to_owned(),
                    subject_id: request.subject_id,
                    unit_id: found.unit_id,
                    unit_path: found.unit_path.clone(),
                    answers: serde_json::to_string(&request.answers).unwrap_or_else(|_| "{}".into()),
                    evidence: serde_json::to_string(&request.evidence).unwrap_or_else(|_| "[]".into()),
                },
            )?;
            let unit = units::get(conn, found.unit_id)?;
            let view = report_dto(&report, &plan);
            let before = before.map(|b| report_dto(&b, &plan));
            let action = if created { "file" } else { "refile" };
            audit(
                conn,
                &actor,
                "emulation_report",
                report.id,
                action,
                Some(&unit),
                diff(before.as_ref(), Some(&view)),
            )?;
            Ok::<_, ApiError>((view, created))
        })
    })
    .await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok(HttpResponse::build(status).insert_header((header::ETAG, etag(report.version))).json(report))
}

/// Records the reviewers' marks on a report: every criterion of its kind, passed or not.
/// Needs `If-Match` with the report's version.
#[utoipa::path(
    operation_id = "markEmulationReport", tag = "emulation", request_body = MarksRequest,
    params(
        ("id" = i64, Path, description = "Review id"),
        ("report_id" = i64, Path, description = "Report id"),
        ("If-Match" = String, Header, description = "The report's version"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The marked report", body = ReportDto),
        (status = 404, description = "No such review in the caller's units, or no such report in it", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The review is closed (`review_closed`), or a mark names a criterion the kind does not have (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The report changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/{id}/reports/{report_id}/marks")]
pub async fn mark_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    path: web::Path<(i64, i64)>,
    body: JsonBody<MarksRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageEmulation)?;
    body.validate()?;
    let expected = if_match(&req)?;
    let ((id, report_id), request) = (path.into_inner(), body.into_inner());
    let report = db(&state, move |database| {
        database.write(|conn| {
            let (review, plan) = readable_review(conn, &actor, id)?;
            actor.require_in(Permission::ManageEmulation, &review.unit_path)?;
            open(&review)?;
            let report = emulation::get_report(conn, report_id)?;
            if report.review_id != review.id {
                return Err(ApiError::NotFound(Record::EmulationReport));
            }
            let criteria = plan.participant(&report.participant_kind).map(|p| p.criteria.clone()).unwrap_or_default();
            let unknown: Vec<FieldError> = request
                .marks
                .keys()
                .filter(|k| !criteria.iter().any(|c| &c.id == *k))
                .map(|k| FieldError::rule(format!("marks.{k}"), Rule::UnknownIndicator))
                .collect();
            if !unknown.is_empty() {
                return Err(ApiError::ReferenceConflict(unknown));
            }
            let unmarked: Vec<FieldError> = criteria
                .iter()
                .filter(|c| !request.marks.contains_key(&c.id))
                .map(|c| FieldError::rule(format!("marks.{}", c.id), Rule::UnmarkedCriterion))
                .collect();
            if !unmarked.is_empty() {
                return Err(ApiError::Validation(unmarked));
            }
            let passed = i32::try_from(request.marks.values().filter(|m| **m).count()).unwrap_or(i32::MAX);
            let marks = serde_json::to_string(&request.marks).unwrap_or_else(|_| "{}".into());
            let after = emulation::mark_report(conn, report.id, expected, &marks, request.note.as_deref(), passed)?;
            let unit = units::get(conn, review.unit_id)?;
            let (b, a) = (report_dto(&report, &plan), report_dto(&after, &plan));
            audit(conn, &actor, "emulation_report", report.id, "mark", Some(&unit), diff(Some(&b), Some(&a)))?;
            Ok::<_, ApiError>(a)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(report.version))).json(report))
}

const RANKING_HEADINGS: [&str; 8] =
    ["Hạng", "Loại đối tượng", "Loại", "Mã", "Tên", "Tiêu chí đạt", "Số tiêu chí", "Đề nghị khen thưởng"];

/// The marked reports ranked for commendation: criteria passed (most first), then name;
/// those that passed every criterion are proposed. JSON, CSV or XLSX.
#[utoipa::path(
    operation_id = "rankEmulationReview", tag = "emulation",
    params(("id" = i64, Path, description = "Review id"), RankingQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The ranking", content(
            (Ranking = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 404, description = "No such review in the caller's units (`emulation_review_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/ranking")]
pub async fn rank_review(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    query: web::Query<RankingQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, q) = (id.into_inner(), query.into_inner());
    let format = format_of(&req, q.format);
    let ranking = db(&state, move |database| {
        database.read(|conn| {
            let (review, plan) = readable_review(conn, &actor, id)?;
            let reports: Vec<Report> = emulation::reports_of_review(conn, review.id)?
                .into_iter()
                .filter(|r| q.participant_kind.as_deref().is_none_or(|k| k == r.participant_kind))
                .collect();
            let names = names_of(conn, reports.iter().map(|r| (r.subject_type.as_str(), r.subject_id)))?;
            let unmarked = reports.iter().filter(|r| r.passed.is_none()).count();
            let mut items: Vec<RankedParticipant> = reports
                .iter()
                .filter_map(|r| {
                    let passed = r.passed?;
                    let criteria = criteria_count(&plan, &r.participant_kind);
                    Some(RankedParticipant {
                        rank: 0,
                        participant_kind: r.participant_kind.clone(),
                        subject_type: r.subject_type.parse().unwrap_or(SubjectKind::Unit),
                        subject_id: r.subject_id,
                        name: names.get(&(r.subject_type.clone(), r.subject_id)).cloned().unwrap_or_default(),
                        passed,
                        criteria,
                        proposed: criteria > 0 && usize::try_from(passed).is_ok_and(|p| p == criteria),
                        report_id: r.id,
                    })
                })
                .collect();
            // Within each kind of participant (their criteria differ): those proposed first, then
            // the share of criteria passed; equal results share a place, listed by name.
            let share =
                |p: &RankedParticipant| if p.criteria == 0 { 0.0 } else { f64::from(p.passed) / p.criteria as f64 };
            items.sort_by(|a, b| {
                a.participant_kind
                    .cmp(&b.participant_kind)
                    .then_with(|| {
                        (b.proposed, share(b)).partial_cmp(&(a.proposed, share(a))).unwrap_or(std::cmp::Ordering::Equal)
                    })
                    .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
                    .then_with(|| a.subject_id.cmp(&b.subject_id))
            });
            let mut first_of_kind = 0;
            for i in 0..items.len() {
                let same_kind = i > 0 && items[i].participant_kind == items[i - 1].participant_kind;
                if !same_kind {
                    first_of_kind = i;
                }
                let same_result =
                    same_kind && (items[i].proposed, items[i].passed) == (items[i - 1].proposed, items[i - 1].passed);
                items[i].rank = if same_result { items[i - 1].rank } else { i - first_of_kind + 1 };
            }
            Ok::<_, ApiError>(Ranking { review_id: review.id, items, unmarked })
        })
    })
    .await?;
    let rows: Vec<Vec<String>> = ranking
        .items
        .iter()
        .map(|p| {
            vec![
                p.rank.to_string(),
                p.participant_kind.clone(),
                p.subject_type.name_vi().to_owned(),
                p.subject_id.to_string(),
                p.name.clone(),
                p.passed.to_string(),
                p.criteria.to_string(),
                if p.proposed { "Có".into() } else { String::new() },
            ]
        })
        .collect();
    let name = format!("xep-hang-thi-dua-{}", ranking.review_id);
    Ok(match format {
        ReportFormat::Json => HttpResponse::Ok().json(&ranking),
        ReportFormat::Csv => file(table_csv(&RANKING_HEADINGS, &rows)?, CSV, format!("{name}.csv")),
        ReportFormat::Xlsx => file(
            table_xlsx("Kết quả xếp hạng thi đua", "Xếp hạng", &RANKING_HEADINGS, &rows)?,
            XLSX,
            format!("{name}.xlsx"),
        ),
    })
}

/// Names of subjects given as (type, id).
fn names_of<'a>(
    conn: &mut DbConn,
    subjects: impl Iterator<Item = (&'a str, i64)>,
) -> Result<HashMap<(String, i64), String>, ApiError> {
    let mut by_kind: HashMap<SubjectKind, Vec<i64>> = HashMap::new();
    for (kind, id) in subjects {
        if let Ok(kind) = kind.parse::<SubjectKind>() {
            by_kind.entry(kind).or_default().push(id);
        }
    }
    let mut out = HashMap::new();
    for (kind, ids) in by_kind {
        for (id, name) in subject_names(conn, kind, &ids)? {
            out.insert((kind.as_str().to_owned(), id), name);
        }
    }
    Ok(out)
}

/// Closes a review: its reports and marks no longer change. Needs `If-Match`.
#[utoipa::path(
    operation_id = "closeEmulationReview", tag = "emulation",
    params(("id" = i64, Path, description = "Review id"), ("If-Match" = String, Header, description = "The review's version")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The closed review", body = ReviewDto),
        (status = 404, description = "No such review in the caller's units (`emulation_review_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closed already (`review_closed`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The review changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/close")]
pub async fn close_review(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageEmulation)?;
    let expected = if_match(&req)?;
    let id = id.into_inner();
    let review = db(&state, move |database| {
        database.write(|conn| {
            let (review, plan) = readable_review(conn, &actor, id)?;
            actor.require_in(Permission::ManageEmulation, &review.unit_path)?;
            let closed = emulation::close_review(conn, review.id, expected)?;
            let unit = units::get(conn, review.unit_id)?;
            let changes = serde_json::json!({"closed": {"before": false, "after": true},
                                             "reports": emulation::reports_of_review(conn, review.id)?.len()});
            audit(conn, &actor, "emulation_review", review.id, "close", Some(&unit), changes)?;
            review_dto(conn, &closed, &plan)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(review.version))).json(review))
}

fn counts(awards: &[AwardDto]) -> Vec<AwardCount> {
    [AwardKind::BangKhen, AwardKind::GiayKhen, AwardKind::DanhHieu]
        .into_iter()
        .map(|kind| AwardCount { kind, count: awards.iter().filter(|a| a.kind == kind).count() as i64 })
        .filter(|c| c.count > 0)
        .collect()
}

fn award_dtos(conn: &mut DbConn, rows: &[emulation::Award]) -> Result<Vec<AwardDto>, ApiError> {
    let names = names_of(conn, rows.iter().map(|a| (a.subject_type.as_str(), a.subject_id)))?;
    Ok(rows
        .iter()
        .map(|a| AwardDto {
            id: a.id,
            kind: AwardKind::from_stored(&a.kind),
            title_vi: a.title_vi.clone(),
            subject_type: a.subject_type.parse().unwrap_or(SubjectKind::Unit),
            subject_id: a.subject_id,
            name: names.get(&(a.subject_type.clone(), a.subject_id)).cloned().unwrap_or_default(),
            unit_id: a.unit_id,
            decision_number: a.decision_number.clone(),
            decided_on: a.decided_on,
            authority_vi: a.authority_vi.clone(),
            plan_id: a.plan_id,
            phase_id: a.phase_id.clone(),
            review_id: a.review_id,
        })
        .collect())
}

/// Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
/// the plan, phase and review they reward; all or nothing.
#[utoipa::path(
    operation_id = "createAwards", tag = "emulation", request_body = NewAwardRequest, security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    responses(
        (status = 201, description = "The awards recorded", body = AwardList),
        (status = 404, description = "No such plan (`emulation_plan_not_found`), or no such review in the caller's units (`emulation_review_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The decision gave this award to a recipient already (`award_exists`); a recipient is not in the caller's units, the phase is not the plan's, or the review is another plan's (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create_awards(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<NewAwardRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::Decide)?;
    body.validate()?;
    let body = body.into_inner();
    if body.phase_id.is_some() && body.plan_id.is_none() {
        return Err(ApiError::Validation(vec![FieldError::rule("phase_id", Rule::PhaseWithoutPlan)]));
    }
    let request = body.clone();
    create_once(&state, &req, "create_awards", actor.id, &body, "/api/v1/awards", move |conn| {
        if let Some(plan_id) = request.plan_id {
            let plan = plan_document(&emulation::get_plan(conn, plan_id)?)?;
            if request.phase_id.as_deref().is_some_and(|p| plan.phase(p).is_none()) {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule("phase_id", Rule::UnknownPhase)]));
            }
        }
        if let Some(review_id) = request.review_id {
            let (review, _) = readable_review(conn, &actor, review_id)?;
            let other_phase = request.phase_id.as_deref().is_some_and(|p| p != review.phase_id);
            if request.plan_id.is_some_and(|p| p != review.plan_id) || other_phase {
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule("review_id", Rule::ReviewOfAnotherPlan)]));
            }
        }
        let mut rows = Vec::with_capacity(request.recipients.len());
        for (i, recipient) in request.recipients.iter().enumerate() {
            let found = subject(conn, &actor, recipient.subject_type, recipient.subject_id, None).map_err(|e| match e {
                ApiError::ReferenceConflict(_) => {
                    ApiError::ReferenceConflict(vec![FieldError::rule(format!("recipients[{i}]"), Rule::UnknownSubject)])
                }
                other => other,
            })?;
            actor.require_in(Permission::Decide, &found.unit_path)?;
            let award = emulation::insert_award(
                conn,
                &NewAward {
                    kind: request.kind.as_str().to_owned(),
                    title_vi: request.title_vi.clone(),
                    subject_type: recipient.subject_type.as_str().to_owned(),
                    subject_id: recipient.subject_id,
                    unit_id: found.unit_id,
                    unit_path: found.unit_path.clone(),
                    decision_number: request.decision_number.clone(),
                    decided_on: request.decided_on,
                    authority_vi: request.authority_vi.clone(),
                    plan_id: request.plan_id,
                    phase_id: request.phase_id.clone(),
                    review_id: request.review_id,
                    created_by: Some(actor.id),
                },
            )?;
            let unit = units::get(conn, found.unit_id)?;
            audit(conn, &actor, "award", award.id, "create", Some(&unit), serde_json::json!({
                "kind": award.kind, "decision_number": award.decision_number, "subject_type": award.subject_type, "subject_id": award.subject_id}))?;
            rows.push(award);
        }
        let items = award_dtos(conn, &rows)?;
        Ok(AwardList { counts: counts(&items), items, next_cursor: None })
    })
    .await
}

const AWARD_HEADINGS: [&str; 9] =
    ["Hình thức", "Nội dung", "Loại", "Mã", "Tên", "Số quyết định", "Ngày", "Cấp quyết định", "Giai đoạn"];

/// Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
/// JSON, CSV or XLSX.
#[utoipa::path(
    operation_id = "listAwards", tag = "emulation", params(AwardQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The awards and their counts", content(
            (AwardList = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 404, description = "The `unit` does not exist (`unit_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_awards(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    query: web::Query<AwardQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let format = format_of(&req, q.format);
    let (limit, after) = super::support::id_page(q.limit, &q.cursor)?;
    let list = db(&state, move |database| {
        database.read(|conn| {
            let within = q.unit.map(|id| units::get(conn, id).map(|u| u.path)).transpose()?;
            let filter = AwardFilter {
                scope: (!actor.scope.nationwide).then(|| actor.scope.read.clone()),
                within,
                plan_id: q.plan_id,
                phase_id: q.phase_id.clone(),
                year: q.year,
            };
            let rows = emulation::list_awards(conn, &filter, after, limit)?;
            let next_cursor =
                (rows.len() as i64 == limit).then(|| rows.last().map(|a| encode_id_cursor(a.id))).flatten();
            let items = award_dtos(conn, &rows)?;
            let counts = emulation::count_awards(conn, &filter)?
                .into_iter()
                .map(|(kind, count)| AwardCount { kind: AwardKind::from_stored(&kind), count })
                .collect();
            Ok::<_, ApiError>(AwardList { items, counts, next_cursor })
        })
    })
    .await?;
    let rows: Vec<Vec<String>> = list
        .items
        .iter()
        .map(|a| {
            vec![
                a.kind.name_vi().to_owned(),
                a.title_vi.clone(),
                a.subject_type.name_vi().to_owned(),
                a.subject_id.to_string(),
                a.name.clone(),
                a.decision_number.clone(),
                a.decided_on.format("%d/%m/%Y").to_string(),
                a.authority_vi.clone(),
                a.phase_id.clone().unwrap_or_default(),
            ]
        })
        .collect();
    Ok(match format {
        ReportFormat::Json => HttpResponse::Ok().json(&list),
        ReportFormat::Csv => file(table_csv(&AWARD_HEADINGS, &rows)?, CSV, "khen-thuong.csv".into()),
        ReportFormat::Xlsx => {
            file(table_xlsx("Khen thưởng", "Khen thưởng", &AWARD_HEADINGS, &rows)?, XLSX, "khen-thuong.xlsx".into())
        }
    })
}
