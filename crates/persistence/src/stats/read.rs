//! Reading the totals of the units a report shows.

use super::{
    Boundaries, CHUNK, Counters, EvaluationKey, HeldKey, RecordKind, RegistryKey, Span, Stages, Total, stages_of,
};
use crate::db::DbConn;
use crate::error::Result;
use crate::schema::{stat_evaluations, stat_recognitions, stat_registry};
use chrono::NaiveDate;
use diesel::prelude::*;
use xhht_domain::ModelKind;

/// One unit's total of evaluations.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    pub unit_id: i64,
    pub approximate: bool,
    pub year: i32,
    pub model_kind: ModelKind,
    pub subgroup: String,
    pub stages: Stages,
}

type StageTuple = (i64, bool, i32, String, String, (i64, i64, i64, i64, i64, i64, i64, i64, i64));

/// The totals of these units for these years and models.
pub fn stage_rows(
    conn: &mut DbConn,
    boundaries: Boundaries,
    units: &[i64],
    years: &[i32],
    models: &[ModelKind],
) -> Result<Vec<StageRow>> {
    use stat_evaluations as t;
    let names: Vec<&str> = models.iter().map(|m| m.as_str()).collect();
    let mut out = Vec::new();
    for chunk in units.chunks(CHUNK) {
        let raw: Vec<StageTuple> = t::table
            .filter(t::boundaries.eq_any(Span::covering(boundaries)))
            .filter(t::unit_id.eq_any(chunk))
            .filter(t::year.eq_any(years))
            .filter(t::model_kind.eq_any(&names))
            .select((
                t::unit_id,
                t::approximate,
                t::year,
                t::model_kind,
                t::subgroup,
                (
                    t::registered,
                    t::submitted,
                    t::inspected,
                    t::recognised,
                    t::level1,
                    t::level2,
                    t::level3,
                    t::rejected,
                    t::revoked,
                ),
            ))
            .load(conn)?;
        out.extend(raw.into_iter().filter_map(|(unit_id, approximate, year, model, subgroup, s)| {
            Some(StageRow {
                unit_id,
                approximate,
                year,
                model_kind: model.parse().ok()?,
                subgroup,
                stages: stages_of([s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7, s.8]),
            })
        }));
    }
    Ok(out)
}

/// One unit's recognitions held on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldRow {
    pub unit_id: i64,
    pub approximate: bool,
    pub model_kind: ModelKind,
    pub subgroup: String,
    pub held: i64,
}

/// Recognitions held on `on` by these units: decided on or before it and kept at least until it.
pub fn held_rows(
    conn: &mut DbConn,
    boundaries: Boundaries,
    units: &[i64],
    on: NaiveDate,
    models: &[ModelKind],
) -> Result<Vec<HeldRow>> {
    use stat_recognitions as t;
    let names: Vec<&str> = models.iter().map(|m| m.as_str()).collect();
    let mut out = Vec::new();
    for chunk in units.chunks(CHUNK) {
        let raw: Vec<(i64, bool, String, String, i64)> = t::table
            .filter(t::boundaries.eq_any(Span::covering(boundaries)))
            .filter(t::unit_id.eq_any(chunk))
            .filter(t::decided_on.le(on))
            .filter(t::valid_until.ge(on))
            .filter(t::model_kind.eq_any(&names))
            .select((t::unit_id, t::approximate, t::model_kind, t::subgroup, t::held))
            .load(conn)?;
        out.extend(raw.into_iter().filter_map(|(unit_id, approximate, model, subgroup, held)| {
            Some(HeldRow { unit_id, approximate, model_kind: model.parse().ok()?, subgroup, held })
        }));
    }
    Ok(out)
}

/// One unit's records in the registries.
#[derive(Clone, Debug, PartialEq)]
pub struct RegistryRow {
    pub unit_id: i64,
    pub approximate: bool,
    pub kind: RecordKind,
    pub subgroup: String,
    pub records: i64,
}

pub fn registry_rows(conn: &mut DbConn, boundaries: Boundaries, units: &[i64]) -> Result<Vec<RegistryRow>> {
    use stat_registry as t;
    let mut out = Vec::new();
    for chunk in units.chunks(CHUNK) {
        let raw: Vec<(i64, bool, String, String, i64)> = t::table
            .filter(t::boundaries.eq_any(Span::covering(boundaries)))
            .filter(t::unit_id.eq_any(chunk))
            .select((t::unit_id, t::approximate, t::kind, t::subgroup, t::records))
            .load(conn)?;
        out.extend(raw.into_iter().filter_map(|(unit_id, approximate, kind, subgroup, records)| {
            Some(RegistryRow { unit_id, approximate, kind: RecordKind::parse(&kind)?, subgroup, records })
        }));
    }
    Ok(out)
}

/// Every counter of these units' totals on one boundaries.
pub(super) fn read_all(conn: &mut DbConn, boundaries: Boundaries, ids: &[i64]) -> Result<Counters> {
    let mut out = Counters::default();
    for chunk in ids.chunks(CHUNK) {
        load_counters(conn, Some((boundaries, chunk)), &mut out)?;
    }
    Ok(out)
}

/// The boundaries a stored row adds to: those its span covers, of those asked for.
fn views(span: Span, of: Option<(Boundaries, &[i64])>) -> &'static [Boundaries] {
    match of {
        None => span.views(),
        Some((Boundaries::OfTheTime, _)) => &[Boundaries::OfTheTime],
        Some((Boundaries::Today, _)) => &[Boundaries::Today],
    }
}

/// Stored counters, summed per boundaries: of some units on one boundaries, or all; zero
/// totals left out.
pub(super) fn load_counters(conn: &mut DbConn, of: Option<(Boundaries, &[i64])>, out: &mut Counters) -> Result<()> {
    use stat_evaluations as e;
    let mut q = e::table
        .select((
            e::boundaries,
            e::approximate,
            (e::unit_id, e::year, e::model_kind, e::subgroup),
            (
                e::registered,
                e::submitted,
                e::inspected,
                e::recognised,
                e::level1,
                e::level2,
                e::level3,
                e::rejected,
                e::revoked,
            ),
        ))
        .into_boxed();
    if let Some((b, ids)) = of {
        q = q.filter(e::boundaries.eq_any(Span::covering(b))).filter(e::unit_id.eq_any(ids));
    }
    type StageStored = (String, bool, (i64, i32, String, String), (i64, i64, i64, i64, i64, i64, i64, i64, i64));
    for (span, approximate, (unit_id, year, model, subgroup), s) in q.load::<StageStored>(conn)? {
        let (Some(span), Ok(model_kind)) = (Span::parse(&span), model.parse()) else { continue };
        let stages = stages_of([s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7, s.8]);
        for &boundaries in views(span, of) {
            let key = EvaluationKey { unit_id, year, model_kind, subgroup: subgroup.clone() };
            out.stages.entry(Total { boundaries, approximate, key }).or_default().add(&stages);
        }
    }
    use stat_recognitions as r;
    let mut q = r::table
        .select((
            r::boundaries,
            r::approximate,
            r::unit_id,
            r::model_kind,
            r::subgroup,
            r::decided_on,
            r::valid_until,
            r::held,
        ))
        .into_boxed();
    if let Some((b, ids)) = of {
        q = q.filter(r::boundaries.eq_any(Span::covering(b))).filter(r::unit_id.eq_any(ids));
    }
    type HeldStored = (String, bool, i64, String, String, NaiveDate, NaiveDate, i64);
    for (span, approximate, unit_id, model, subgroup, decided_on, valid_until, held) in q.load::<HeldStored>(conn)? {
        let (Some(span), Ok(model_kind)) = (Span::parse(&span), model.parse()) else { continue };
        for &boundaries in views(span, of) {
            let key = HeldKey { unit_id, model_kind, subgroup: subgroup.clone(), decided_on, valid_until };
            *out.held.entry(Total { boundaries, approximate, key }).or_default() += held;
        }
    }
    use stat_registry as g;
    let mut q =
        g::table.select((g::boundaries, g::approximate, g::unit_id, g::kind, g::subgroup, g::records)).into_boxed();
    if let Some((b, ids)) = of {
        q = q.filter(g::boundaries.eq_any(Span::covering(b))).filter(g::unit_id.eq_any(ids));
    }
    for (span, approximate, unit_id, kind, subgroup, records) in
        q.load::<(String, bool, i64, String, String, i64)>(conn)?
    {
        let (Some(span), Some(kind)) = (Span::parse(&span), RecordKind::parse(&kind)) else { continue };
        for &boundaries in views(span, of) {
            let key = RegistryKey { unit_id, kind, subgroup: subgroup.clone() };
            *out.registry.entry(Total { boundaries, approximate, key }).or_default() += records;
        }
    }
    out.stages.retain(|_, s| !s.is_zero());
    out.held.retain(|_, n| *n != 0);
    out.registry.retain(|_, n| *n != 0);
    Ok(())
}
