//! Evaluations, their evidence and the decisions that close them. The workflow's rules live in
//! `xhht_evaluation::workflow`; this module stores the states and guards every change with the
//! row's version, so two inspectors cannot overwrite each other. Reads and writes for many
//! evaluations at once (a decision's annexed list) are set-based: a few statements for the
//! whole list, not a few per item.

use crate::db::{DbConn, MultiBackend, subtree_end};
use crate::error::{PersistenceError, Record, Result};
use crate::schema::{citizens, decisions, evaluations, evidence, households, organisations};
use crate::stats;
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Double, Integer, Nullable, Text, Timestamp};
use std::collections::HashMap;
use xhht_domain::{DecisionKind, EvaluationStatus, ModelKind, SubjectKind};

/// Ids per `IN (…)` list and rows per multi-row statement: well inside both backends' limits
/// on bound parameters.
const CHUNK: usize = 500;

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = evaluations)]
pub struct Evaluation {
    pub id: i64,
    #[diesel(deserialize_as = String)]
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    #[diesel(deserialize_as = String)]
    pub model_kind: ModelKind,
    pub year: i32,
    pub framework_id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    #[diesel(deserialize_as = String)]
    pub status: EvaluationStatus,
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
    /// What it counts under in the statistics besides its model: a citizen's target group, an
    /// organisation's type, as the subject was when registered; '' otherwise.
    pub subgroup: String,
}

impl Evaluation {
    /// The statistics counter it counts in.
    pub fn stats_key(&self) -> stats::EvaluationKey {
        stats::EvaluationKey {
            unit_id: self.unit_id,
            year: self.year,
            model_kind: self.model_kind,
            subgroup: self.subgroup.clone(),
        }
    }

    /// The held-recognition counter of its recognition, if it is recognised.
    fn held_key(&self) -> Option<stats::HeldKey> {
        Some(stats::HeldKey {
            unit_id: self.unit_id,
            model_kind: self.model_kind,
            subgroup: self.subgroup.clone(),
            decided_on: self.decided_on?,
            valid_until: self.valid_until.unwrap_or_else(stats::forever),
        })
    }

    /// The answers the result rests on: the inspection team's once they have answered.
    pub fn latest_answers(&self) -> &str {
        self.inspection_answers.as_deref().unwrap_or(&self.self_answers)
    }
}

#[derive(Debug, Clone)]
pub struct NewEvaluation {
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    pub model_kind: ModelKind,
    pub year: i32,
    pub framework_id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    pub requested_level: Option<String>,
    pub subject_types: String,
    pub subgroup: String,
}

pub fn create(conn: &mut DbConn, e: &NewEvaluation) -> Result<Evaluation> {
    let now = Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(evaluations::table)
        .values((
            evaluations::subject_type.eq(e.subject_type.as_str()),
            evaluations::subject_id.eq(e.subject_id),
            evaluations::model_kind.eq(e.model_kind.as_str()),
            evaluations::year.eq(e.year),
            evaluations::framework_id.eq(e.framework_id),
            evaluations::unit_id.eq(e.unit_id),
            evaluations::unit_path.eq(&e.unit_path),
            evaluations::status.eq(EvaluationStatus::Registered.as_str()),
            evaluations::requested_level.eq(&e.requested_level),
            evaluations::self_answers.eq("{}"),
            evaluations::subject_types.eq(&e.subject_types),
            evaluations::subgroup.eq(&e.subgroup),
            evaluations::late.eq(false),
            evaluations::version.eq(1),
            evaluations::created_at.eq(now),
            evaluations::updated_at.eq(now),
        ))
        .returning(evaluations::id)
        .get_result(conn)
        .map_err(|err| {
            let err = PersistenceError::from(err);
            if err.is_unique_violation() { PersistenceError::Conflict(crate::Conflict::AlreadyRegistered) } else { err }
        })?;
    let created = get(conn, id)?;
    let mut deltas = stats::Deltas::default();
    deltas.stages(created.stats_key(), |s| s.registered += 1);
    deltas.apply(conn)?;
    Ok(created)
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Evaluation> {
    evaluations::table
        .find(id)
        .select(Evaluation::as_select())
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(Record::Evaluation))
}

/// The evaluations with these ids that exist, in no particular order.
pub fn get_many(conn: &mut DbConn, ids: &[i64]) -> Result<Vec<Evaluation>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            evaluations::table.filter(evaluations::id.eq_any(chunk)).select(Evaluation::as_select()).load(conn)?,
        );
    }
    Ok(out)
}

#[derive(Debug, Clone, Default)]
pub struct EvaluationFilter {
    pub scope: Option<Vec<String>>,
    /// Only evaluations filed under this subtree (a unit path).
    pub within: Option<String>,
    pub year: Option<i32>,
    pub model_kind: Option<ModelKind>,
    pub status: Option<EvaluationStatus>,
    pub subject_type: Option<SubjectKind>,
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
    if let Some(root) = &f.within {
        query =
            query.filter(evaluations::unit_path.ge(root.clone())).filter(evaluations::unit_path.lt(subtree_end(root)));
    }
    if let Some(year) = f.year {
        query = query.filter(evaluations::year.eq(year));
    }
    if let Some(kind) = f.model_kind {
        query = query.filter(evaluations::model_kind.eq(kind.as_str()));
    }
    if let Some(status) = f.status {
        query = query.filter(evaluations::status.eq(status.as_str()));
    }
    if let Some(subject_type) = f.subject_type {
        query = query.filter(evaluations::subject_type.eq(subject_type.as_str()));
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

/// Loads the evaluation, checks its version and bumps it: the start of every change. In the
/// caller's transaction the row is then the caller's until it commits.
pub fn begin_change(conn: &mut DbConn, id: i64, expected: Option<i32>) -> Result<Evaluation> {
    let current = get(conn, id)?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(PersistenceError::StaleVersion);
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

pub fn set_submitted(conn: &mut DbConn, ev: &Evaluation, late: bool) -> Result<()> {
    diesel::update(evaluations::table.find(ev.id))
        .set((
            evaluations::status.eq(EvaluationStatus::Submitted.as_str()),
            evaluations::late.eq(late),
            evaluations::submitted_at.eq(Some(Utc::now().naive_utc())),
        ))
        .execute(conn)?;
    let mut deltas = stats::Deltas::default();
    deltas.stages(ev.stats_key(), |s| s.submitted += 1);
    deltas.apply(conn)
}

/// Records the inspection team's answers; the first inspection counts in the statistics.
pub fn set_inspection(conn: &mut DbConn, ev: &Evaluation, answers: &str) -> Result<()> {
    diesel::update(evaluations::table.find(ev.id))
        .set((
            evaluations::status.eq(EvaluationStatus::Inspected.as_str()),
            evaluations::inspection_answers.eq(Some(answers)),
            evaluations::inspected_at.eq(Some(Utc::now().naive_utc())),
        ))
        .execute(conn)?;
    if ev.inspected_at.is_none() {
        let mut deltas = stats::Deltas::default();
        deltas.stages(ev.stats_key(), |s| s.inspected += 1);
        deltas.apply(conn)?;
    }
    Ok(())
}

/// What a decision does to one evaluation, as it was read: a row changed since is not
/// touched, and the whole decision fails.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionEffect<'a> {
    pub evaluation: &'a Evaluation,
    /// For recognitions; `None` for rejections and revocations.
    pub granted: Option<Granted>,
}

/// What a recognition grants one evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Granted {
    pub level: String,
    pub rank: i32,
    pub points: Option<f64>,
    /// The scored outcome (JSON) the recognition rests on.
    pub outcome: String,
    pub valid_until: Option<NaiveDate>,
}

/// Applies a decision to its evaluations in multi-row statements. Fails with
/// [`PersistenceError::StaleVersion`] (and changes nothing, once the caller's transaction
/// rolls back) when any evaluation changed since it was read.
pub fn apply_decision(
    conn: &mut DbConn,
    decision_id: i64,
    kind: DecisionKind,
    decided_on: NaiveDate,
    effects: &[DecisionEffect<'_>],
) -> Result<()> {
    let now = Utc::now().naive_utc();
    let pg = matches!(conn, DbConn::Pg(_));
    let mut deltas = stats::Deltas::default();
    for chunk in effects.chunks(CHUNK) {
        let sql = decision_update_sql(pg, kind, chunk.len());
        let status = match kind {
            DecisionKind::Recognition => EvaluationStatus::Recognised,
            DecisionKind::Rejection => EvaluationStatus::Rejected,
            DecisionKind::Revocation => EvaluationStatus::Revoked,
        };
        // Binds follow the SQL's placeholders: the SET clause's, then each row's.
        let changed = crate::per_backend!(&mut *conn, |c| {
            let mut query = diesel::sql_query(sql.as_str())
                .into_boxed()
                .bind::<Text, _>(status.as_str())
                .bind::<BigInt, _>(decision_id)
                .bind::<Timestamp, _>(now);
            if kind != DecisionKind::Revocation {
                query = query.bind::<Date, _>(decided_on);
            }
            for e in chunk {
                query = query.bind::<BigInt, _>(e.evaluation.id).bind::<Integer, _>(e.evaluation.version);
                if kind != DecisionKind::Revocation {
                    let g = e.granted.as_ref();
                    query = query
                        .bind::<Nullable<Text>, _>(g.map(|g| g.level.clone()))
                        .bind::<Nullable<Integer>, _>(g.map(|g| g.rank))
                        .bind::<Nullable<Double>, _>(g.and_then(|g| g.points))
                        .bind::<Nullable<Text>, _>(g.map(|g| g.outcome.clone()))
                        .bind::<Nullable<Date>, _>(g.and_then(|g| g.valid_until));
                }
            }
            query.execute(c)
        })?;
        if changed != chunk.len() {
            return Err(PersistenceError::StaleVersion);
        }
    }
    for e in effects {
        let ev = e.evaluation;
        match (kind, &e.granted) {
            (DecisionKind::Recognition, Some(g)) => {
                deltas.stages(ev.stats_key(), |s| s.recognised_at(Some(g.rank), 1));
                let held = stats::HeldKey {
                    unit_id: ev.unit_id,
                    model_kind: ev.model_kind,
                    subgroup: ev.subgroup.clone(),
                    decided_on,
                    valid_until: g.valid_until.unwrap_or_else(stats::forever),
                };
                deltas.held(held, 1);
            }
            (DecisionKind::Rejection, _) => deltas.stages(ev.stats_key(), |s| s.rejected += 1),
            (DecisionKind::Revocation, _) => {
                deltas.stages(ev.stats_key(), |s| {
                    s.revoked += 1;
                    s.recognised_at(ev.result_rank, -1);
                });
                if let Some(key) = ev.held_key() {
                    deltas.held(key, -1);
                }
            }
            (DecisionKind::Recognition, None) => {}
        }
    }
    deltas.apply(conn)
}

/// `UPDATE … FROM (VALUES …)`: one statement for many rows, each with its own values, guarded by
/// its version. Both backends name the columns of a `VALUES` list `column1`, `column2`, …;
/// PostgreSQL needs the parameters' types, SQLite takes them as they come.
fn decision_update_sql(pg: bool, kind: DecisionKind, rows: usize) -> String {
    let mut n = 0;
    let mut param = |ty: &str| {
        n += 1;
        if pg { format!("CAST(${n} AS {ty})") } else { "?".to_owned() }
    };
    let mut sql = format!(
        "UPDATE evaluations SET status = {}, {} = {}, updated_at = {}, version = evaluations.version + 1",
        param("TEXT"),
        if kind == DecisionKind::Revocation { "revocation_id" } else { "decision_id" },
        param("BIGINT"),
        param("TIMESTAMP"),
    );
    let per_row: &[&str] = if kind == DecisionKind::Revocation {
        &["BIGINT", "INTEGER"]
    } else {
        sql.push_str(&format!(
            ", decided_on = {}, result_level = v.column3, result_rank = v.column4, result_points = v.column5, \
             outcome = v.column6, valid_until = v.column7",
            param("DATE")
        ));
        &["BIGINT", "INTEGER", "TEXT", "INTEGER", "DOUBLE PRECISION", "TEXT", "DATE"]
    };
    let values: Vec<String> =
        (0..rows).map(|_| format!("({})", per_row.iter().map(|ty| param(ty)).collect::<Vec<_>>().join(", "))).collect();
    sql.push_str(&format!(
        " FROM (VALUES {}) AS v WHERE evaluations.id = v.column1 AND evaluations.version = v.column2",
        values.join(", ")
    ));
    sql
}

/// The day each subject was first recognised at level 1 or above of a model, and still holds
/// that recognition: what "12 months at level 1" counts from. Keyed by (subject kind, subject
/// id, model); subjects without such a recognition are absent.
pub fn level1_since(
    conn: &mut DbConn,
    subjects: &[(SubjectKind, i64, ModelKind)],
) -> Result<HashMap<(SubjectKind, i64, ModelKind), NaiveDate>> {
    if let [(kind, id, model)] = subjects {
        // One subject, as in every single step: equalities, whose prepared plan PostgreSQL
        // keeps, where the lists below are planned again at each call (0.15 ms of a decision).
        let since: Option<Option<NaiveDate>> = evaluations::table
            .filter(evaluations::subject_type.eq(kind.as_str()))
            .filter(evaluations::subject_id.eq(id))
            .filter(evaluations::model_kind.eq(model.as_str()))
            .filter(evaluations::status.eq(EvaluationStatus::Recognised.as_str()))
            .filter(evaluations::result_rank.ge(1))
            .select(diesel::dsl::min(evaluations::decided_on))
            .get_result(conn)
            .optional()?;
        return Ok(since.flatten().map(|since| ((*kind, *id, *model), since)).into_iter().collect());
    }
    let mut ids: Vec<i64> = subjects.iter().map(|s| s.1).collect();
    ids.sort_unstable();
    ids.dedup();
    // The index on (subject_type, subject_id, model_kind, status) serves only when its leading
    // column is bound too.
    let mut kinds: Vec<&str> = subjects.iter().map(|s| s.0.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut models: Vec<&str> = subjects.iter().map(|s| s.2.as_str()).collect();
    models.sort_unstable();
    models.dedup();
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(String, i64, String, Option<NaiveDate>)> = evaluations::table
            .filter(evaluations::subject_type.eq_any(&kinds))
            .filter(evaluations::subject_id.eq_any(chunk))
            .filter(evaluations::model_kind.eq_any(&models))
            .filter(evaluations::status.eq(EvaluationStatus::Recognised.as_str()))
            .filter(evaluations::result_rank.ge(1))
            .group_by((evaluations::subject_type, evaluations::subject_id, evaluations::model_kind))
            .select((
                evaluations::subject_type,
                evaluations::subject_id,
                evaluations::model_kind,
                diesel::dsl::min(evaluations::decided_on),
            ))
            .load(conn)?;
        for (kind, id, model, since) in rows {
            if let (Ok(kind), Ok(model), Some(since)) = (kind.parse(), model.parse(), since) {
                out.insert((kind, id, model), since);
            }
        }
    }
    out.retain(|key, _| subjects.contains(key));
    Ok(out)
}

#[derive(Queryable, Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: i64,
    #[diesel(deserialize_as = String)]
    pub kind: DecisionKind,
    pub number: String,
    pub decided_on: NaiveDate,
    pub authority: String,
    pub reason: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct NewDecision {
    pub kind: DecisionKind,
    pub number: String,
    pub decided_on: NaiveDate,
    pub authority: String,
    pub reason: Option<String>,
    pub created_by: Option<i64>,
}

fn decision_columns() -> (
    decisions::id,
    decisions::kind,
    decisions::number,
    decisions::decided_on,
    decisions::authority,
    decisions::reason,
    decisions::created_by,
    decisions::created_at,
) {
    (
        decisions::id,
        decisions::kind,
        decisions::number,
        decisions::decided_on,
        decisions::authority,
        decisions::reason,
        decisions::created_by,
        decisions::created_at,
    )
}

pub fn create_decision(conn: &mut DbConn, d: &NewDecision) -> Result<Decision> {
    Ok(diesel::insert_into(decisions::table)
        .values((
            decisions::kind.eq(d.kind.as_str()),
            decisions::number.eq(&d.number),
            decisions::decided_on.eq(d.decided_on),
            decisions::authority.eq(&d.authority),
            decisions::reason.eq(&d.reason),
            decisions::created_by.eq(d.created_by),
            decisions::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(decision_columns())
        .get_result(conn)?)
}

/// A decision with the (id, unit path) of every evaluation it decided or revoked.
pub fn get_decision(conn: &mut DbConn, id: i64) -> Result<(Decision, Vec<(i64, String)>)> {
    let decision: Decision = decisions::table
        .find(id)
        .select(decision_columns())
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(Record::Decision))?;
    let items = evaluations::table
        .filter(evaluations::decision_id.eq(id).or(evaluations::revocation_id.eq(id)))
        .order(evaluations::id)
        .select((evaluations::id, evaluations::unit_path))
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
    let missing = || PersistenceError::NotFound(Record::Evidence);
    let (meta, content): (Evidence, Option<Vec<u8>>) = evidence::table
        .filter(evidence::id.eq(id))
        .filter(evidence::evaluation_id.eq(evaluation_id))
        .select((evidence_columns(), evidence::content))
        .get_result(conn)
        .optional()?
        .ok_or_else(missing)?;
    Ok((meta, content.ok_or_else(missing)?))
}

// ---------------------------------------------------------------------------------------------
// Figures the registry computes for frameworks' metric-bound indicators: grouped queries for
// many organisations at once; a community's share of learning families, per community.
// ---------------------------------------------------------------------------------------------

/// (staff, learners) of these organisations.
pub fn organisation_sizes(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, (i32, Option<i32>)>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i64, i32, Option<i32>)> = organisations::table
            .filter(organisations::id.eq_any(chunk))
            .select((organisations::id, organisations::staff_count, organisations::learner_count))
            .load(conn)?;
        out.extend(rows.into_iter().map(|(id, staff, learners)| (id, (staff, learners))));
    }
    Ok(out)
}

/// Citizens of each workplace recognised as learning citizens for each year, keyed by
/// (organisation, year): (all of them, the learners among them).
pub fn recognised_citizens_at(
    conn: &mut DbConn,
    organisations: &[i64],
    years: &[i32],
) -> Result<HashMap<(i64, i32), (i64, i64)>> {
    let mut out: HashMap<(i64, i32), (i64, i64)> = HashMap::new();
    for chunk in organisations.chunks(CHUNK) {
        for learners_only in [false, true] {
            // Every target group (the column's CHECK lists them), or the learners alone.
            let groups: &[&str] =
                if learners_only { &["learner"] } else { &["resident", "worker", "staff_business", "learner"] };
            let query = citizens::table
                .inner_join(evaluations::table.on(evaluations::subject_id.eq(citizens::id)))
                .filter(evaluations::subject_type.eq(SubjectKind::Citizen.as_str()))
                .filter(evaluations::model_kind.eq(ModelKind::CongDanHocTap.as_str()))
                .filter(evaluations::status.eq(EvaluationStatus::Recognised.as_str()))
                .filter(evaluations::year.eq_any(years))
                .filter(citizens::workplace_id.eq_any(chunk))
                .filter(citizens::target_group.eq_any(groups))
                .filter(citizens::deleted_at.is_null());
            let rows: Vec<(Option<i64>, i32, i64)> = query
                .group_by((citizens::workplace_id, evaluations::year))
                .select((citizens::workplace_id, evaluations::year, diesel::dsl::count_star()))
                .load(conn)?;
            for (org, year, n) in rows {
                let Some(org) = org else { continue };
                let entry = out.entry((org, year)).or_default();
                if learners_only {
                    entry.1 = n;
                } else {
                    entry.0 = n;
                }
            }
        }
    }
    Ok(out)
}

/// (households recognised as learning families for `year`, all households) under a unit: in
/// its subtree, so that a commune counts the households of its villages.
pub fn learning_families_under(conn: &mut DbConn, unit_path: &str, year: i32) -> Result<(i64, i64)> {
    let all: i64 = households::table
        .filter(households::unit_path.ge(unit_path))
        .filter(households::unit_path.lt(subtree_end(unit_path)))
        .filter(households::deleted_at.is_null())
        .count()
        .get_result(conn)?;
    let recognised: i64 = households::table
        .inner_join(evaluations::table.on(evaluations::subject_id.eq(households::id)))
        .filter(evaluations::subject_type.eq(SubjectKind::Household.as_str()))
        .filter(evaluations::model_kind.eq(ModelKind::GiaDinhHocTap.as_str()))
        .filter(evaluations::status.eq(EvaluationStatus::Recognised.as_str()))
        .filter(evaluations::year.eq(year))
        .filter(households::unit_path.ge(unit_path))
        .filter(households::unit_path.lt(subtree_end(unit_path)))
        .filter(households::deleted_at.is_null())
        .count()
        .get_result(conn)?;
    Ok((recognised, all))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_updates_number_their_parameters_in_order() {
        let sql = decision_update_sql(true, DecisionKind::Recognition, 2);
        assert!(sql.starts_with("UPDATE evaluations SET status = CAST($1 AS TEXT), decision_id = CAST($2 AS BIGINT)"));
        assert!(sql.contains("decided_on = CAST($4 AS DATE)"));
        assert!(sql.contains("(CAST($12 AS BIGINT), CAST($13 AS INTEGER)"));
        assert!(sql.ends_with(
            "CAST($18 AS DATE))) AS v WHERE evaluations.id = v.column1 AND evaluations.version = v.column2"
        ));
        let sqlite = decision_update_sql(false, DecisionKind::Revocation, 3);
        assert_eq!(sqlite.matches('?').count(), 3 + 3 * 2);
        assert!(sqlite.contains("revocation_id = ?"));
    }
}
