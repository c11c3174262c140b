//! Emulation plans, their reviews (sơ kết, tổng kết) with the participants' reports and the
//! reviewers' marks, and the awards given by decision. Plan documents are opaque JSON here, as
//! framework documents are: the evaluation crate parses and validates them.

use crate::db::{DbConn, MultiBackend, savepoint, subtree_end};
use crate::error::{Conflict, PersistenceError, Record, Result};
use crate::schema::{awards, emulation_plans, emulation_reports, emulation_reviews};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Nullable};

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = emulation_plans)]
pub struct PlanRow {
    pub id: i64,
    pub plan_key: String,
    pub title_vi: String,
    pub level: String,
    pub unit_id: Option<i64>,
    pub unit_path: Option<String>,
    pub document: String,
    pub shipped: bool,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct NewPlan {
    pub plan_key: String,
    pub title_vi: String,
    pub level: String,
    pub unit_id: Option<i64>,
    pub unit_path: Option<String>,
    pub document: String,
    pub shipped: bool,
}

pub fn insert_plan(conn: &mut DbConn, p: &NewPlan) -> Result<PlanRow> {
    let id: i64 = diesel::insert_into(emulation_plans::table)
        .values((
            emulation_plans::plan_key.eq(&p.plan_key),
            emulation_plans::title_vi.eq(&p.title_vi),
            emulation_plans::level.eq(&p.level),
            emulation_plans::unit_id.eq(p.unit_id),
            emulation_plans::unit_path.eq(&p.unit_path),
            emulation_plans::document.eq(&p.document),
            emulation_plans::shipped.eq(p.shipped),
            emulation_plans::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(emulation_plans::id)
        .get_result(conn)
        .map_err(|e| {
            let e = PersistenceError::from(e);
            if e.is_unique_violation() { PersistenceError::Conflict(Conflict::PlanExists) } else { e }
        })?;
    get_plan(conn, id)
}

pub fn get_plan(conn: &mut DbConn, id: i64) -> Result<PlanRow> {
    emulation_plans::table
        .find(id)
        .select(PlanRow::as_select())
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(Record::EmulationPlan))
}

/// Plans of a level, or issued within a unit's subtree, by id, after a cursor.
pub fn list_plans(
    conn: &mut DbConn,
    level: Option<&str>,
    within: Option<&str>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<PlanRow>> {
    let mut query = emulation_plans::table.into_boxed();
    if let Some(level) = level {
        query = query.filter(emulation_plans::level.eq(level.to_owned()));
    }
    if let Some(root) = within {
        query = query
            .filter(emulation_plans::unit_path.ge(root.to_owned()))
            .filter(emulation_plans::unit_path.lt(subtree_end(root)));
    }
    if let Some(after) = after {
        query = query.filter(emulation_plans::id.gt(after));
    }
    Ok(query.order(emulation_plans::id.asc()).limit(limit).select(PlanRow::as_select()).load(conn)?)
}

/// Stores the shipped plans not stored yet; returns how many were added.
pub fn seed_plans(conn: &mut DbConn, plans: &[NewPlan]) -> Result<usize> {
    let mut added = 0;
    for plan in plans {
        let exists: i64 =
            emulation_plans::table.filter(emulation_plans::plan_key.eq(&plan.plan_key)).count().get_result(conn)?;
        if exists == 0 {
            insert_plan(conn, plan)?;
            added += 1;
        }
    }
    Ok(added)
}

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = emulation_reviews)]
pub struct Review {
    pub id: i64,
    pub plan_id: i64,
    pub phase_id: String,
    pub unit_id: i64,
    pub unit_path: String,
    pub held_on: NaiveDate,
    pub closed_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Opens the review of a phase by a unit; the same review asked again is the one there.
pub fn open_review(
    conn: &mut DbConn,
    plan_id: i64,
    phase_id: &str,
    unit_id: i64,
    unit_path: &str,
    held_on: NaiveDate,
) -> Result<(Review, bool)> {
    let existing = emulation_reviews::table
        .filter(emulation_reviews::plan_id.eq(plan_id))
        .filter(emulation_reviews::phase_id.eq(phase_id))
        .filter(emulation_reviews::unit_id.eq(unit_id))
        .select(Review::as_select())
        .get_result(conn)
        .optional()?;
    if let Some(review) = existing {
        return Ok((review, false));
    }
    let now = Utc::now().naive_utc();
    let inserted = savepoint(conn, |conn| {
        diesel::insert_into(emulation_reviews::table)
            .values((
                emulation_reviews::plan_id.eq(plan_id),
                emulation_reviews::phase_id.eq(phase_id),
                emulation_reviews::unit_id.eq(unit_id),
                emulation_reviews::unit_path.eq(unit_path),
                emulation_reviews::held_on.eq(held_on),
                emulation_reviews::version.eq(1),
                emulation_reviews::created_at.eq(now),
                emulation_reviews::updated_at.eq(now),
            ))
            .returning(emulation_reviews::id)
            .get_result::<i64>(conn)
    });
    match inserted.map_err(PersistenceError::from) {
        Ok(id) => Ok((get_review(conn, id)?, true)),
        // The same review opened at the same moment by another request: that one.
        Err(e) if e.is_unique_violation() => open_review(conn, plan_id, phase_id, unit_id, unit_path, held_on),
        Err(e) => Err(e),
    }
}

pub fn get_review(conn: &mut DbConn, id: i64) -> Result<Review> {
    emulation_reviews::table
        .find(id)
        .select(Review::as_select())
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(Record::EmulationReview))
}

pub fn close_review(conn: &mut DbConn, id: i64, expected: Option<i32>) -> Result<Review> {
    let current = get_review(conn, id)?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(PersistenceError::StaleVersion);
    }
    if current.closed_at.is_some() {
        return Err(PersistenceError::Conflict(Conflict::ReviewClosed));
    }
    let now = Utc::now().naive_utc();
    let changed = diesel::update(
        emulation_reviews::table
            .filter(emulation_reviews::id.eq(id))
            .filter(emulation_reviews::version.eq(current.version)),
    )
    .set((
        emulation_reviews::closed_at.eq(Some(now)),
        emulation_reviews::version.eq(current.version + 1),
        emulation_reviews::updated_at.eq(now),
    ))
    .execute(conn)?;
    if changed != 1 {
        return Err(PersistenceError::StaleVersion);
    }
    get_review(conn, id)
}

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = emulation_reports)]
pub struct Report {
    pub id: i64,
    pub review_id: i64,
    pub participant_kind: String,
    pub subject_type: String,
    pub subject_id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    /// JSON: indicator id → bool.
    pub answers: String,
    /// JSON: a list of evidence items.
    pub evidence: String,
    /// JSON: indicator id → bool, once marked.
    pub marks: Option<String>,
    pub marks_note: Option<String>,
    /// Criteria the reviewers marked passed.
    pub passed: Option<i32>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct NewReport {
    pub review_id: i64,
    pub participant_kind: String,
    pub subject_type: String,
    pub subject_id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    pub answers: String,
    pub evidence: String,
}

/// Files a participant's report, or replaces the answers of one not marked yet. Returns the
/// report and whether it is new.
pub fn file_report(conn: &mut DbConn, r: &NewReport) -> Result<(Report, bool)> {
    let now = Utc::now().naive_utc();
    let existing = emulation_reports::table
        .filter(emulation_reports::review_id.eq(r.review_id))
        .filter(emulation_reports::subject_type.eq(&r.subject_type))
        .filter(emulation_reports::subject_id.eq(r.subject_id))
        .select(Report::as_select())
        .get_result(conn)
        .optional()?;
    if let Some(report) = existing {
        if report.marks.is_some() {
            return Err(PersistenceError::Conflict(Conflict::ReportMarked));
        }
        diesel::update(emulation_reports::table.find(report.id))
            .set((
                emulation_reports::participant_kind.eq(&r.participant_kind),
                emulation_reports::answers.eq(&r.answers),
                emulation_reports::evidence.eq(&r.evidence),
                emulation_reports::version.eq(report.version + 1),
                emulation_reports::updated_at.eq(now),
            ))
            .execute(conn)?;
        return Ok((get_report(conn, report.id)?, false));
    }
    let inserted = savepoint(conn, |conn| {
        diesel::insert_into(emulation_reports::table)
            .values((
                emulation_reports::review_id.eq(r.review_id),
                emulation_reports::participant_kind.eq(&r.participant_kind),
                emulation_reports::subject_type.eq(&r.subject_type),
                emulation_reports::subject_id.eq(r.subject_id),
                emulation_reports::unit_id.eq(r.unit_id),
                emulation_reports::unit_path.eq(&r.unit_path),
                emulation_reports::answers.eq(&r.answers),
                emulation_reports::evidence.eq(&r.evidence),
                emulation_reports::version.eq(1),
                emulation_reports::created_at.eq(now),
                emulation_reports::updated_at.eq(now),
            ))
            .returning(emulation_reports::id)
            .get_result::<i64>(conn)
    });
    match inserted.map_err(PersistenceError::from) {
        Ok(id) => Ok((get_report(conn, id)?, true)),
        // Filed at the same moment by another request: this one replaces its answers.
        Err(e) if e.is_unique_violation() => file_report(conn, r),
        Err(e) => Err(e),
    }
}

pub fn get_report(conn: &mut DbConn, id: i64) -> Result<Report> {
    emulation_reports::table
        .find(id)
        .select(Report::as_select())
        .get_result(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound(Record::EmulationReport))
}

pub fn reports_of_review(conn: &mut DbConn, review_id: i64) -> Result<Vec<Report>> {
    Ok(emulation_reports::table
        .filter(emulation_reports::review_id.eq(review_id))
        .order(emulation_reports::id.asc())
        .select(Report::as_select())
        .load(conn)?)
}

/// Records the reviewers' marks on a report read at `expected`.
pub fn mark_report(
    conn: &mut DbConn,
    id: i64,
    expected: Option<i32>,
    marks: &str,
    note: Option<&str>,
    passed: i32,
) -> Result<Report> {
    let current = get_report(conn, id)?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(PersistenceError::StaleVersion);
    }
    let changed = diesel::update(
        emulation_reports::table
            .filter(emulation_reports::id.eq(id))
            .filter(emulation_reports::version.eq(current.version)),
    )
    .set((
        emulation_reports::marks.eq(Some(marks)),
        emulation_reports::marks_note.eq(note),
        emulation_reports::passed.eq(Some(passed)),
        emulation_reports::version.eq(current.version + 1),
        emulation_reports::updated_at.eq(Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    if changed != 1 {
        return Err(PersistenceError::StaleVersion);
    }
    get_report(conn, id)
}

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[diesel(table_name = awards)]
pub struct Award {
    pub id: i64,
    pub kind: String,
    pub title_vi: String,
    pub subject_type: String,
    pub subject_id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    pub decision_number: String,
    pub decided_on: NaiveDate,
    pub authority_vi: String,
    pub plan_id: Option<i64>,
    pub phase_id: Option<String>,
    pub review_id: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct NewAward {
    pub kind: String,
    pub title_vi: String,
    pub subject_type: String,
    pub subject_id: i64,
    pub unit_id: i64,
    pub unit_path: String,
    pub decision_number: String,
    pub decided_on: NaiveDate,
    pub authority_vi: String,
    pub plan_id: Option<i64>,
    pub phase_id: Option<String>,
    pub review_id: Option<i64>,
    pub created_by: Option<i64>,
}

pub fn insert_award(conn: &mut DbConn, a: &NewAward) -> Result<Award> {
    let id: i64 = diesel::insert_into(awards::table)
        .values((
            awards::kind.eq(&a.kind),
            awards::title_vi.eq(&a.title_vi),
            awards::subject_type.eq(&a.subject_type),
            awards::subject_id.eq(a.subject_id),
            awards::unit_id.eq(a.unit_id),
            awards::unit_path.eq(&a.unit_path),
            awards::decision_number.eq(&a.decision_number),
            awards::decided_on.eq(a.decided_on),
            awards::authority_vi.eq(&a.authority_vi),
            awards::plan_id.eq(a.plan_id),
            awards::phase_id.eq(&a.phase_id),
            awards::review_id.eq(a.review_id),
            awards::created_by.eq(a.created_by),
            awards::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(awards::id)
        .get_result(conn)
        .map_err(|e| {
            let e = PersistenceError::from(e);
            if e.is_unique_violation() { PersistenceError::Conflict(Conflict::AwardExists) } else { e }
        })?;
    awards::table.find(id).select(Award::as_select()).get_result(conn).map_err(Into::into)
}

#[derive(Debug, Clone, Default)]
pub struct AwardFilter {
    /// Subtrees the caller reads; `None` for all.
    pub scope: Option<Vec<String>>,
    pub within: Option<String>,
    pub plan_id: Option<i64>,
    pub phase_id: Option<String>,
    pub year: Option<i32>,
}

/// The awards the filter selects, as a boxed query; `None` when the scope is empty.
fn award_query<'a>(f: &AwardFilter) -> Option<awards::BoxedQuery<'a, MultiBackend>> {
    let mut query = awards::table.into_boxed::<MultiBackend>();
    if let Some(roots) = &f.scope {
        let (first, rest) = roots.split_first()?;
        let mut any: Box<dyn BoxableExpression<awards::table, MultiBackend, SqlType = Nullable<Bool>>> =
            Box::new(awards::unit_path.ge(first.clone()).and(awards::unit_path.lt(subtree_end(first))).nullable());
        for root in rest {
            any = Box::new(any.or(awards::unit_path.ge(root.clone()).and(awards::unit_path.lt(subtree_end(root)))));
        }
        query = query.filter(any);
    }
    if let Some(root) = &f.within {
        query = query.filter(awards::unit_path.ge(root.clone())).filter(awards::unit_path.lt(subtree_end(root)));
    }
    if let Some(plan) = f.plan_id {
        query = query.filter(awards::plan_id.eq(plan));
    }
    if let Some(phase) = &f.phase_id {
        query = query.filter(awards::phase_id.eq(phase.clone()));
    }
    if let Some(year) = f.year {
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
        query = query.filter(awards::decided_on.between(first, last));
    }
    Some(query)
}

/// One page of awards by id, after the cursor.
pub fn list_awards(conn: &mut DbConn, f: &AwardFilter, after: Option<i64>, limit: i64) -> Result<Vec<Award>> {
    let Some(mut query) = award_query(f) else { return Ok(Vec::new()) };
    if let Some(after) = after {
        query = query.filter(awards::id.gt(after));
    }
    Ok(query.order(awards::id.asc()).limit(limit).select(Award::as_select()).load(conn)?)
}

/// How many awards of each kind the filter selects, counted by the database.
pub fn count_awards(conn: &mut DbConn, f: &AwardFilter) -> Result<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for kind in ["bang_khen", "danh_hieu", "giay_khen"] {
        let Some(query) = award_query(f) else { return Ok(Vec::new()) };
        let n: i64 = query.filter(awards::kind.eq(kind)).count().get_result(conn)?;
        if n > 0 {
            out.push((kind.to_owned(), n));
        }
    }
    Ok(out)
}

/// Awards given in a unit's subtree (everywhere without one) in a year, by kind.
pub fn award_counts(conn: &mut DbConn, within: Option<&str>, year: i32) -> Result<Vec<(String, i64)>> {
    count_awards(conn, &AwardFilter { within: within.map(str::to_owned), year: Some(year), ..AwardFilter::default() })
}
