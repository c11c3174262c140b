//! Evaluations, their evidence and the decisions that close them. The workflow rules (who may
//! act, what a transition needs) live in the API; this module stores the states and guards
//! every transition with the row's version and expected status, so two inspectors cannot
//! overwrite each other.

use crate::db::{DbConn, MultiBackend, subtree_end};
use crate::error::{Conflict, PersistenceError, Result};
use crate::schema::{citizens, decisions, evaluations, evidence, households, organisations};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Nullable};

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = evaluations)]
pub struct Evaluation {
    pub id: i64,
    pub subject_type: String,
    pub subject_id: i64,
    pub model_kind: String,
    pub year: i32,
    pub framework_id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    pub status: String,
    pub requested_level: Option<String>,
    pub self_answers: String,
    pub inspection_answers: Option<String>,
    pub subject_types: String,
    pub late: bool,
    pub submitted_at: Option<NaiveDateTime>,
    pub inspected_at: Option<NaiveDateTime>,
    pub result_level: Option<String>,
    pub result_rank: Option<i32>,
    pub result_points: Option<f64>,
    pub outcome: Option<String>,
    pub decision_id: Option<i64>,
    pub decided_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub revocation_id: Option<i64>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct NewEvaluation {
    pub subject_type: String,
    pub subject_id: i64,
    pub model_kind: String,
    pub year: i32,
    pub framework_id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    pub requested_level: Option<String>,
    pub subject_types: String,
}

pub fn create(conn: &mut DbConn, e: &NewEvaluation) -> Result<Evaluation> {
    let now = Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(evaluations::table)
        .values((
            evaluations::subject_type.eq(&e.subject_type),
            evaluations::subject_id.eq(e.subject_id),
            evaluations::model_kind.eq(&e.model_kind),
            evaluations::year.eq(e.year),
            evaluations::framework_id.eq(e.framework_id),
            evaluations::unit_id.eq(e.unit_id),
            evaluations::unit_path.eq(&e.unit_path),
            evaluations::status.eq("registered"),
            evaluations::requested_level.eq(&e.requested_level),
            evaluations::self_answers.eq("{}"),
            evaluations::subject_types.eq(&e.subject_types),
            evaluations::late.eq(false),
            evaluations::version.eq(1),
            evaluations::created_at.eq(now),
            evaluations::updated_at.eq(now),
        ))
        .returning(evaluations::id)
        .get_result(conn)
        .map_err(|err| {
            let err = PersistenceError::from(err);
            if err.is_unique_violation() { PersistenceError::Conflict(Conflict::AlreadyRegistered) } else { err }
        })?;
    get(conn, id)
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Evaluation> {
    evaluations::table
        .find(id)
        .select(Evaluation::as_select())
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}

#[derive(Debug, Clone, Default)]
pub struct EvaluationFilter {
    pub scope: Option<Vec<String>>,
    pub year: Option<i32>,
    pub model_kind: Option<String>,
    pub status: Option<String>,
    pub subject_type: Option<String>,
    pub subject_id: Option<i64>,
    pub updated_since: Option<NaiveDateTime>,
}

pub fn list(
    conn: &mut DbConn,
    f: &EvaluationFilter,
    after: Option<(NaiveDateTime, i64)>,
    limit: i64,
) -> Result<Vec<Evaluation>> {
    let mut query = evaluations::table.into_boxed::<MultiBackend>();
    if let Some(roots) = &f.scope {
        let Some((first, rest)) = roots.split_first() else {
            return Ok(Vec::new());
        };
        let mut any: Box<dyn BoxableExpression<evaluations::table, MultiBackend, SqlType = Nullable<Bool>>> = Box::new(
            evaluations::unit_path.ge(first.clone()).and(evaluations::unit_path.lt(subtree_end(first))).nullable(),
        );
        for root in rest {
            any = Box::new(
                any.or(evaluations::unit_path.ge(root.clone()).and(evaluations::unit_path.lt(subtree_end(root)))),
            );
        }
        query = query.filter(any);
    }
    if let Some(year) = f.year {
        query = query.filter(evaluations::year.eq(year));
    }
    if let Some(kind) = &f.model_kind {
        query = query.filter(evaluations::model_kind.eq(kind.clone()));
    }
    if let Some(status) = &f.status {
        query = query.filter(evaluations::status.eq(status.clone()));
    }
    if let Some(subject_type) = &f.subject_type {
        query = query.filter(evaluations::subject_type.eq(subject_type.clone()));
    }
    if let Some(subject_id) = f.subject_id {
        query = query.filter(evaluations::subject_id.eq(subject_id));
    }
    if let Some(since) = f.updated_since {
        query = query.filter(evaluations::updated_at.ge(since));
    }
    if let Some((at, id)) = after {
        query =
            query.filter(evaluations::updated_at.gt(at).or(evaluations::updated_at.eq(at).and(evaluations::id.gt(id))));
    }
    Ok(query
        .order((evaluations::updated_at.asc(), evaluations::id.asc()))
        .limit(limit)
        .select(Evaluation::as_select())
        .load(conn)?)
}

/// Loads the evaluation, checks its version and status, and bumps its version: the start of
/// every change.
pub fn begin_change(conn: &mut DbConn, id: i64, expected: Option<i32>, statuses: &[&str]) -> Result<Evaluation> {
    let current = get(conn, id)?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(PersistenceError::StaleVersion);
    }
    if !statuses.contains(&current.status.as_str()) {
        return Err(PersistenceError::Conflict(Conflict::WrongStatus { status: current.status }));
    }
    let changed = diesel::update(
        evaluations::table.filter(evaluations::id.eq(id)).filter(evaluations::version.eq(current.version)),
    )
    .set((evaluations::version.eq(current.version + 1), evaluations::updated_at.eq(Utc::now().naive_utc())))
    .execute(conn)?;
    if changed != 1 {
        return Err(PersistenceError::StaleVersion);
    }
    Ok(current)
}

pub fn set_self_answers(conn: &mut DbConn, id: i64, answers: &str) -> Result<()> {
    diesel::update(evaluations::table.find(id)).set(evaluations::self_answers.eq(answers)).execute(conn)?;
    Ok(())
}

pub fn set_submitted(conn: &mut DbConn, id: i64, late: bool) -> Result<()> {
    diesel::update(evaluations::table.find(id))
        .set((
            evaluations::status.eq("submitted"),
            evaluations::late.eq(late),
            evaluations::submitted_at.eq(Some(Utc::now().naive_utc())),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_inspection(conn: &mut DbConn, id: i64, answers: &str) -> Result<()> {
    diesel::update(evaluations::table.find(id))
        .set((
            evaluations::status.eq("inspected"),
            evaluations::inspection_answers.eq(Some(answers)),
            evaluations::inspected_at.eq(Some(Utc::now().naive_utc())),
        ))
        .execute(conn)?;
    Ok(())
}

/// The result a decision gave one evaluation.
#[derive(Debug, Clone)]
pub struct Result_ {
    pub status: &'static str,
    pub level: Option<String>,
    pub rank: Option<i32>,
    pub points: Option<f64>,
    pub outcome: Option<String>,
    pub decision_id: i64,
    pub decided_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
}

pub fn set_result(conn: &mut DbConn, id: i64, r: &Result_) -> Result<()> {
    diesel::update(evaluations::table.find(id))
        .set((
            evaluations::status.eq(r.status),
            evaluations::result_level.eq(&r.level),
            evaluations::result_rank.eq(r.rank),
            evaluations::result_points.eq(r.points),
            evaluations::outcome.eq(&r.outcome),
            evaluations::decision_id.eq(Some(r.decision_id)),
            evaluations::decided_on.eq(Some(r.decided_on)),
            evaluations::valid_until.eq(r.valid_until),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_revoked(conn: &mut DbConn, id: i64, revocation_id: i64) -> Result<()> {
    diesel::update(evaluations::table.find(id))
        .set((evaluations::status.eq("revoked"), evaluations::revocation_id.eq(Some(revocation_id))))
        .execute(conn)?;
    Ok(())
}

/// The day the subject was first recognised at level 1 or above of this model (and still
/// holds it): what "12 months at level 1" counts from.
pub fn level1_since(
    conn: &mut DbConn,
    subject_type: &str,
    subject_id: i64,
    model_kind: &str,
) -> Result<Option<NaiveDate>> {
    Ok(evaluations::table
        .filter(evaluations::subject_type.eq(subject_type))
        .filter(evaluations::subject_id.eq(subject_id))
        .filter(evaluations::model_kind.eq(model_kind))
        .filter(evaluations::status.eq("recognised"))
        .filter(evaluations::result_rank.ge(1))
        .select(diesel::dsl::min(evaluations::decided_on))
        .first(conn)?)
}

#[derive(Queryable, Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: i64,
    pub kind: String,
    pub number: String,
    pub decided_on: NaiveDate,
    pub authority: String,
    pub reason: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct NewDecision {
    pub kind: &'static str,
    pub number: String,
    pub decided_on: NaiveDate,
    pub authority: String,
    pub reason: Option<String>,
    pub created_by: Option<i64>,
}

pub fn create_decision(conn: &mut DbConn, d: &NewDecision) -> Result<Decision> {
    Ok(diesel::insert_into(decisions::table)
        .values((
            decisions::kind.eq(d.kind),
            decisions::number.eq(&d.number),
            decisions::decided_on.eq(d.decided_on),
            decisions::authority.eq(&d.authority),
            decisions::reason.eq(&d.reason),
            decisions::created_by.eq(d.created_by),
            decisions::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning((
            decisions::id,
            decisions::kind,
            decisions::number,
            decisions::decided_on,
            decisions::authority,
            decisions::reason,
            decisions::created_by,
            decisions::created_at,
        ))
        .get_result(conn)?)
}

pub fn get_decision(conn: &mut DbConn, id: i64) -> Result<(Decision, Vec<i64>)> {
    let decision: Decision = decisions::table.find(id).first(conn).optional()?.ok_or(PersistenceError::NotFound)?;
    let items: Vec<i64> = evaluations::table
        .filter(evaluations::decision_id.eq(id).or(evaluations::revocation_id.eq(id)))
        .order(evaluations::id)
        .select(evaluations::id)
        .load(conn)?;
    Ok((decision, items))
}

#[derive(Queryable, Debug, Clone, PartialEq)]
pub struct Evidence {
    pub id: i64,
    pub evaluation_id: i64,
    pub indicator_id: String,
    pub kind: String,
    pub note: Option<String>,
    pub url: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Default)]
pub struct NewEvidence {
    pub indicator_id: String,
    pub kind: &'static str,
    pub note: Option<String>,
    pub url: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub content: Option<Vec<u8>>,
    pub sha256: Option<String>,
    pub created_by: Option<i64>,
}

fn evidence_columns() -> (
    evidence::id,
    evidence::evaluation_id,
    evidence::indicator_id,
    evidence::kind,
    evidence::note,
    evidence::url,
    evidence::file_name,
    evidence::content_type,
    evidence::size_bytes,
    evidence::sha256,
    evidence::created_by,
    evidence::created_at,
) {
    (
        evidence::id,
        evidence::evaluation_id,
        evidence::indicator_id,
        evidence::kind,
        evidence::note,
        evidence::url,
        evidence::file_name,
        evidence::content_type,
        evidence::size_bytes,
        evidence::sha256,
        evidence::created_by,
        evidence::created_at,
    )
}

pub fn add_evidence(conn: &mut DbConn, evaluation_id: i64, e: &NewEvidence) -> Result<Evidence> {
    let size = e.content.as_ref().map(|c| i64::try_from(c.len()).unwrap_or(i64::MAX));
    Ok(diesel::insert_into(evidence::table)
        .values((
            evidence::evaluation_id.eq(evaluation_id),
            evidence::indicator_id.eq(&e.indicator_id),
            evidence::kind.eq(e.kind),
            evidence::note.eq(&e.note),
            evidence::url.eq(&e.url),
            evidence::file_name.eq(&e.file_name),
            evidence::content_type.eq(&e.content_type),
            evidence::size_bytes.eq(size),
            evidence::sha256.eq(&e.sha256),
            evidence::content.eq(&e.content),
            evidence::created_by.eq(e.created_by),
            evidence::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(evidence_columns())
        .get_result(conn)?)
}

pub fn list_evidence(conn: &mut DbConn, evaluation_id: i64) -> Result<Vec<Evidence>> {
    Ok(evidence::table
        .filter(evidence::evaluation_id.eq(evaluation_id))
        .order(evidence::id)
        .select(evidence_columns())
        .load(conn)?)
}

pub fn evidence_file(conn: &mut DbConn, evaluation_id: i64, id: i64) -> Result<(Evidence, Vec<u8>)> {
    let (meta, content): (Evidence, Option<Vec<u8>>) = evidence::table
        .filter(evidence::id.eq(id))
        .filter(evidence::evaluation_id.eq(evaluation_id))
        .select((evidence_columns(), evidence::content))
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)?;
    Ok((meta, content.ok_or(PersistenceError::NotFound)?))
}

// ---------------------------------------------------------------------------------------------
// Figures the registry computes for frameworks' metric-bound indicators.
// ---------------------------------------------------------------------------------------------

/// Citizens of a workplace recognised as learning citizens for `year` (optionally only
/// learners), and how many there are.
pub fn recognised_citizens_at(conn: &mut DbConn, organisation: i64, year: i32, learners_only: bool) -> Result<i64> {
    let mut query = citizens::table
        .inner_join(evaluations::table.on(evaluations::subject_id.eq(citizens::id)))
        .filter(evaluations::subject_type.eq("citizen"))
        .filter(evaluations::model_kind.eq("cong_dan_hoc_tap"))
        .filter(evaluations::status.eq("recognised"))
        .filter(evaluations::year.eq(year))
        .filter(citizens::workplace_id.eq(organisation))
        .filter(citizens::deleted_at.is_null())
        .into_boxed();
    if learners_only {
        query = query.filter(citizens::target_group.eq("learner"));
    }
    Ok(query.count().get_result(conn)?)
}

pub fn organisation_counts(conn: &mut DbConn, organisation: i64) -> Result<(i32, Option<i32>)> {
    Ok(organisations::table
        .find(organisation)
        .select((organisations::staff_count, organisations::learner_count))
        .first(conn)?)
}

/// (households recognised as learning families for `year`, all households) in a unit.
pub fn learning_families_in(conn: &mut DbConn, unit: i64, year: i32) -> Result<(i64, i64)> {
    let all: i64 = households::table
        .filter(households::unit_id.eq(unit))
        .filter(households::deleted_at.is_null())
        .count()
        .get_result(conn)?;
    let recognised: i64 = households::table
        .inner_join(evaluations::table.on(evaluations::subject_id.eq(households::id)))
        .filter(evaluations::subject_type.eq("household"))
        .filter(evaluations::model_kind.eq("gia_dinh_hoc_tap"))
        .filter(evaluations::status.eq("recognised"))
        .filter(evaluations::year.eq(year))
        .filter(households::unit_id.eq(unit))
        .filter(households::deleted_at.is_null())
        .count()
        .get_result(conn)?;
    Ok((recognised, all))
}
