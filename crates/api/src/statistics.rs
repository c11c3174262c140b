//! Figures against the targets: the counters of a unit's subtree gathered into rows (the
//! unit's children, its communes, or the unit alone), with each model's denominator from the
//! registries or the map, the share, the target that applies, the gap, and the figures no
//! registry computes. Reads only the counters (`xhht_persistence::stats`), which keep each
//! unit's total: a report reads a row per unit it shows and model, whatever lies below.

use crate::dto::{
    AppliedTarget, AwardCount, AwardKind, BoundariesDto, Breakdown, DeclaredFigure, DeclaredRow, DriveStatistic,
    FigureRow, RegistryFigure, RegistryRow, ReportSection, ReportUnit, StatisticsReport, TrendPoint, TrendReport,
    TrendSection,
};
use crate::error::ApiError;
use chrono::{Datelike, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap};
use xhht_domain::declared::{DECLARED_INDICATORS, declared_indicator};
use xhht_domain::{ModelKind, UnitLevel};
use xhht_persistence::DbConn;
use xhht_persistence::stats::{self, Boundaries, RecordKind, Stages};
use xhht_persistence::targets::{self, Target};
use xhht_persistence::units::{self, Unit};

/// The citizens' target groups of QĐ 324/QĐ-KHVN, in the registry's words.
const TARGET_GROUPS: [&str; 4] = ["resident", "worker", "staff_business", "learner"];

/// What a report is asked for, parsed.
#[derive(Clone, Debug)]
pub struct Request {
    pub unit: Option<Unit>,
    pub year: i32,
    /// The models asked for; every model when `None` (those without any figure are left out).
    pub models: Option<Vec<ModelKind>>,
    pub by: Breakdown,
    pub boundaries: BoundariesDto,
    /// The day recognitions are held on; also the map's day for `of_the_time`.
    pub on: NaiveDate,
}

impl Request {
    /// The day of the map the rows are drawn on.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        map_day(self.boundaries, self.on, today)
    }
}

/// The day of the map a report is drawn on: today's, or that of the `on` day.
pub fn map_day(boundaries: BoundariesDto, on: NaiveDate, today: NaiveDate) -> NaiveDate {
    match boundaries {
        BoundariesDto::Today => today,
        BoundariesDto::OfTheTime => on,
    }
}

fn boundaries(b: BoundariesDto) -> Boundaries {
    match b {
        BoundariesDto::Today => Boundaries::Today,
        BoundariesDto::OfTheTime => Boundaries::OfTheTime,
    }
}

/// The day recognitions count as held for a year: its last day, or today when that is earlier.
pub fn default_on(year: i32, today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).map_or(today, |end| end.min(today))
}

pub fn report_unit(u: &Unit) -> ReportUnit {
    ReportUnit { id: u.id, code: u.code.clone(), name: u.name.clone(), level: u.level.into() }
}

/// The rows of a report, and the units whose totals make its total.
struct Rows {
    units: Vec<Unit>,
    index: HashMap<i64, usize>,
    root: Option<String>,
    /// The report's unit, or for the nation every unit without a parent (provinces closed on
    /// the day included, so that nothing filed under them is lost from the total).
    tops: Vec<i64>,
}

impl Rows {
    fn new(conn: &mut DbConn, units: Vec<Unit>, root: Option<&Unit>) -> Result<Rows, ApiError> {
        let index = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        let tops = match root {
            Some(unit) => vec![unit.id],
            None => units::tops(conn)?,
        };
        Ok(Rows { units, index, root: root.map(|u| u.path.clone()), tops })
    }

    /// Every unit whose total the report reads.
    fn ids(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self.units.iter().map(|u| u.id).chain(self.tops.iter().copied()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// One section's (or one record kind's) figures: per row, and the report's total.
#[derive(Clone, Debug, Default)]
struct Slots<T> {
    rows: HashMap<usize, T>,
    total: T,
}

impl<T: Default> Slots<T> {
    /// Adds a unit's total to its row, and to the report's total when it is one of the tops.
    fn add(&mut self, rows: &Rows, unit: i64, f: impl Fn(&mut T)) {
        if let Some(&i) = rows.index.get(&unit) {
            f(self.rows.entry(i).or_default());
        }
        if rows.tops.contains(&unit) {
            f(&mut self.total);
        }
    }
}

/// One section's figures as they add up, before the shares.
#[derive(Clone, Debug, Default)]
struct Tally {
    stages: Stages,
    held: i64,
    denominator: Option<i64>,
    approximate: i64,
}

impl Tally {
    fn add_stages(&mut self, s: &Stages, approximate: bool) {
        self.stages.registered += s.registered;
        self.stages.submitted += s.submitted;
        self.stages.inspected += s.inspected;
        self.stages.recognised += s.recognised;
        self.stages.level1 += s.level1;
        self.stages.level2 += s.level2;
        self.stages.level3 += s.level3;
        self.stages.rejected += s.rejected;
        self.stages.revoked += s.revoked;
        if approximate {
            self.approximate += s.registered;
        }
    }

    fn add_denominator(&mut self, n: i64) {
        *self.denominator.get_or_insert(0) += n;
    }

    /// What `self` holds beyond `part`.
    fn without(&self, part: &Tally) -> Tally {
        let s = &self.stages;
        let p = &part.stages;
        Tally {
            stages: Stages {
                registered: s.registered - p.registered,
                submitted: s.submitted - p.submitted,
                inspected: s.inspected - p.inspected,
                recognised: s.recognised - p.recognised,
                level1: s.level1 - p.level1,
                level2: s.level2 - p.level2,
                level3: s.level3 - p.level3,
                rejected: s.rejected - p.rejected,
                revoked: s.revoked - p.revoked,
            },
            held: self.held - part.held,
            denominator: self.denominator.map(|d| d - part.denominator.unwrap_or(0)),
            approximate: self.approximate - part.approximate,
        }
    }

    fn is_empty(&self) -> bool {
        self.stages == Stages::default() && self.held == 0 && self.denominator.is_none_or(|d| d == 0)
    }
}

/// A section: a model, and for citizens and learning units optionally one subgroup.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct SectionKey {
    model: ModelKind,
    subgroup: Option<String>,
}

/// What a section's share divides by.
enum Denominator {
    Records(RecordKind, Box<dyn Fn(&str) -> bool>),
    Units(UnitLevel),
    None,
}

fn denominator(key: &SectionKey) -> Denominator {
    let sub = key.subgroup.clone();
    match key.model {
        ModelKind::CongDanHocTap => {
            Denominator::Records(RecordKind::Citizen, Box::new(move |g| sub.as_deref().is_none_or(|s| s == g)))
        }
        ModelKind::GiaDinhHocTap => Denominator::Records(RecordKind::Household, Box::new(|_| true)),
        ModelKind::DongHoHocTap => Denominator::Records(RecordKind::Clan, Box::new(|_| true)),
        ModelKind::DonViHocTapXa | ModelKind::DonViHocTapTinh => {
            let level = if key.model == ModelKind::DonViHocTapXa { "commune:" } else { "province:" };
            Denominator::Records(
                RecordKind::Organisation,
                Box::new(move |g| g.strip_prefix(level).is_some_and(|t| sub.as_deref().is_none_or(|s| s == t))),
            )
        }
        ModelKind::DonViHocTapHuyen => Denominator::None,
        ModelKind::CongDongHocTapThon => Denominator::Units(UnitLevel::Village),
        ModelKind::CongDongHocTapXa => Denominator::Units(UnitLevel::Commune),
        ModelKind::CongDongHocTapHuyen => Denominator::Units(UnitLevel::District),
        ModelKind::CongDongHocTapTinh => Denominator::Units(UnitLevel::Province),
    }
}

fn denominator_words(key: &SectionKey) -> (&'static str, &'static str) {
    match key.model {
        ModelKind::CongDanHocTap => match key.subgroup.as_deref() {
            Some("resident") => ("người dân trong xã", "residents"),
            Some("worker") => ("người lao động", "workers"),
            Some("staff_business") => ("cán bộ, công nhân viên, doanh nhân", "staff and business people"),
            Some("learner") => ("học sinh, sinh viên, học viên", "learners"),
            _ => ("công dân", "citizens"),
        },
        ModelKind::GiaDinhHocTap => ("hộ gia đình", "households"),
        ModelKind::DongHoHocTap => ("dòng họ", "clans"),
        ModelKind::DonViHocTapXa => ("cơ quan, tổ chức cấp xã quản lý", "organisations managed by the commune"),
        ModelKind::DonViHocTapTinh => ("cơ quan, tổ chức cấp tỉnh quản lý", "organisations managed by the province"),
        ModelKind::DonViHocTapHuyen => ("(không có trong sổ đăng ký)", "(not in the registries)"),
        ModelKind::CongDongHocTapThon => ("thôn, tổ dân phố", "villages"),
        ModelKind::CongDongHocTapXa => ("xã, phường, đặc khu", "communes"),
        ModelKind::CongDongHocTapHuyen => ("huyện", "districts"),
        ModelKind::CongDongHocTapTinh => ("tỉnh, thành phố", "provinces"),
    }
}

fn section_titles(key: &SectionKey) -> (String, String) {
    let (vi, en) = (key.model.name_vi().to_owned(), key.model.name_en().to_owned());
    match (&key.subgroup, key.model) {
        (None, _) => (vi, en),
        (Some(_), ModelKind::CongDanHocTap) => {
            let (gv, ge) = denominator_words(key);
            (format!("{vi} – {gv}"), format!("{en} – {ge}"))
        }
        (Some(t), _) => (format!("{vi} – {t}"), format!("{en} – {t}")),
    }
}

/// The sections a stage or registry row of this model and subgroup counts in.
fn sections_of(model: ModelKind, subgroup: &str) -> Vec<SectionKey> {
    let mut out = vec![SectionKey { model, subgroup: None }];
    match model {
        ModelKind::CongDanHocTap if TARGET_GROUPS.contains(&subgroup) => {
            out.push(SectionKey { model, subgroup: Some(subgroup.to_owned()) });
        }
        ModelKind::DonViHocTapXa | ModelKind::DonViHocTapHuyen | ModelKind::DonViHocTapTinh if !subgroup.is_empty() => {
            out.push(SectionKey { model, subgroup: Some(subgroup.to_owned()) });
        }
        _ => {}
    }
    out
}

/// Everything the rows of one year need, read in a few indexed reads.
struct Figures {
    tallies: BTreeMap<SectionKey, Slots<Tally>>,
    /// The registries' records of the rows and the total, for the denominators and the
    /// registry table.
    records: Vec<stats::RegistryRow>,
}

impl Slots<Tally> {
    /// The rows' figures added up.
    fn rows_sum(&self) -> Tally {
        let mut out = Tally::default();
        for tally in self.rows.values() {
            out.add_stages(&tally.stages, false);
            out.held += tally.held;
            out.approximate += tally.approximate;
            if let Some(d) = tally.denominator {
                out.add_denominator(d);
            }
        }
        out
    }

    /// What the report's unit holds outside every row: records filed at the unit itself, or
    /// under units not in force on the report's day.
    fn direct(&self) -> Tally {
        self.total.without(&self.rows_sum())
    }
}

/// Gathers the totals of the rows' units and the report's for `years`.
fn gather(
    conn: &mut DbConn,
    rows: &Rows,
    models: &[ModelKind],
    years: &[i32],
    view: Boundaries,
    on: NaiveDate,
    map_day: NaiveDate,
) -> Result<Figures, ApiError> {
    let ids = rows.ids();
    let mut tallies: BTreeMap<SectionKey, Slots<Tally>> = BTreeMap::new();
    for row in stats::stage_rows(conn, view, &ids, years, models)? {
        for key in sections_of(row.model_kind, &row.subgroup) {
            tallies.entry(key).or_default().add(rows, row.unit_id, |t| t.add_stages(&row.stages, row.approximate));
        }
    }
    for row in stats::held_rows(conn, view, &ids, on, models)? {
        for key in sections_of(row.model_kind, &row.subgroup) {
            tallies.entry(key).or_default().add(rows, row.unit_id, |t| t.held += row.held);
        }
    }
    // Denominators: records of the registries, and units of the map.
    let records = stats::registry_rows(conn, view, &ids)?;
    // Organisation types and target groups that have records get their sections too.
    for model in models {
        for record in &records {
            let subgroup = match (model, record.kind) {
                (ModelKind::DonViHocTapXa, RecordKind::Organisation) => record.subgroup.strip_prefix("commune:"),
                (ModelKind::DonViHocTapTinh, RecordKind::Organisation) => record.subgroup.strip_prefix("province:"),
                (ModelKind::CongDanHocTap, RecordKind::Citizen) => Some(record.subgroup.as_str()),
                _ => None,
            };
            for key in subgroup.map(|g| sections_of(*model, g)).unwrap_or_default() {
                tallies.entry(key).or_default();
            }
        }
        tallies.entry(SectionKey { model: *model, subgroup: None }).or_default();
    }
    let mut levels: Vec<UnitLevel> = tallies
        .keys()
        .filter_map(|key| match denominator(key) {
            Denominator::Units(level) => Some(level),
            _ => None,
        })
        .collect();
    levels.sort_unstable();
    levels.dedup();
    let units_counted = units::count_within(conn, &ids, &levels, map_day)?;
    for (key, slots) in tallies.iter_mut() {
        match denominator(key) {
            Denominator::Records(kind, matches) => {
                for record in records.iter().filter(|r| r.kind == kind && matches(&r.subgroup)) {
                    slots.add(rows, record.unit_id, |t| t.add_denominator(record.records));
                }
            }
            Denominator::Units(level) => {
                for ((unit, _), n) in units_counted.iter().filter(|((_, l), _)| *l == level) {
                    slots.add(rows, *unit, |t| t.add_denominator(*n));
                }
            }
            Denominator::None => {}
        }
    }
    Ok(Figures { tallies, records })
}

/// The targets in force that may apply to the rows, ready to pick from.
struct Targets {
    all: Vec<Target>,
}

impl Targets {
    fn load(conn: &mut DbConn, paths: &[&str]) -> Result<Targets, ApiError> {
        let mut ids: Vec<i64> = paths.iter().flat_map(|p| p.split('/').filter_map(|s| s.parse::<i64>().ok())).collect();
        ids.sort_unstable();
        ids.dedup();
        Ok(Targets { all: targets::in_force(conn, &ids)? })
    }

    /// The most specific target for a unit at `path` (the nation's when `None`): the first
    /// milestone not before `year`, set for the unit itself, then its nearest ancestor, then
    /// the nation; the latest act among equals.
    fn applying(&self, path: Option<&str>, key: &SectionKey, year: i32) -> Option<AppliedTarget> {
        let subgroup = key.subgroup.as_deref().unwrap_or("");
        let candidates: Vec<&Target> = self
            .all
            .iter()
            .filter(|t| t.model_kind == key.model && t.subgroup == subgroup && t.target_year >= year)
            .collect();
        let milestone = candidates.iter().map(|t| t.target_year).min()?;
        let at = |unit: Option<i64>| {
            candidates
                .iter()
                .filter(|t| t.target_year == milestone && t.unit_id == unit)
                .max_by_key(|t| (t.issued_on, t.id))
                .copied()
        };
        let chain: Vec<i64> = path.map_or_else(Vec::new, |p| p.split('/').filter_map(|s| s.parse().ok()).collect());
        let chosen = chain.iter().rev().find_map(|id| at(Some(*id))).or_else(|| at(None))?;
        Some(AppliedTarget {
            value: chosen.value,
            target_year: chosen.target_year,
            unit_id: chosen.unit_id,
            legal_number: chosen.legal_number.clone(),
            legal_issuer: chosen.legal_issuer.clone(),
            issued_on: chosen.issued_on,
            confidence: chosen.confidence.clone(),
            note: chosen.note.clone(),
        })
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn figure_row(unit: Option<ReportUnit>, direct: bool, tally: &Tally, target: Option<AppliedTarget>) -> FigureRow {
    let share = tally.denominator.filter(|d| *d > 0).map(|d| round1(tally.stages.recognised as f64 * 100.0 / d as f64));
    let goal = target.as_ref().and_then(|t| t.value);
    let s = &tally.stages;
    FigureRow {
        unit,
        direct,
        registered: s.registered,
        submitted: s.submitted,
        inspected: s.inspected,
        recognised: s.recognised,
        level1: s.level1,
        level2: s.level2,
        level3: s.level3,
        rejected: s.rejected,
        revoked: s.revoked,
        held: tally.held,
        denominator: tally.denominator,
        share,
        gap: share.zip(goal).map(|(share, goal)| round1(goal - share)),
        met: share.zip(goal).map(|(share, goal)| share + 1e-9 >= goal),
        target,
        approximate: tally.approximate,
    }
}

/// The units the rows are made of.
fn row_units(conn: &mut DbConn, req: &Request, map_day: NaiveDate) -> Result<Vec<Unit>, ApiError> {
    let root = req.unit.as_ref();
    Ok(match req.by {
        Breakdown::Itself => Vec::new(),
        Breakdown::Communes => {
            units::in_force_under(conn, root.map(|u| u.path.as_str()), map_day, &[UnitLevel::Commune])?
        }
        Breakdown::Children => match root {
            None => units::in_force_under(conn, None, map_day, &[UnitLevel::Province])?,
            Some(unit) => units::children_in_force(conn, unit.id, map_day)?,
        },
    })
}

/// The report of one year.
pub fn report(conn: &mut DbConn, req: &Request, today: NaiveDate) -> Result<StatisticsReport, ApiError> {
    let map_day = req.as_of(today);
    let root_path = req.unit.as_ref().map(|u| u.path.clone());
    let units = row_units(conn, req, map_day)?;
    let rows = Rows::new(conn, units, req.unit.as_ref())?;
    let models = req.models.clone().unwrap_or_else(|| ModelKind::ALL.to_vec());
    let figures = gather(conn, &rows, &models, &[req.year], boundaries(req.boundaries), req.on, map_day)?;
    let mut paths: Vec<&str> = rows.units.iter().map(|u| u.path.as_str()).collect();
    paths.extend(root_path.as_deref());
    let targets = Targets::load(conn, &paths)?;
    let root_unit = req.unit.as_ref().map(report_unit);
    let mut sections = Vec::new();
    for (key, slots) in &figures.tallies {
        let total = &slots.total;
        if req.models.is_none() && total.is_empty() {
            continue;
        }
        let direct = slots.direct();
        let section_rows = rows
            .units
            .iter()
            .enumerate()
            .map(|(i, unit)| {
                let tally = slots.rows.get(&i).cloned().unwrap_or_default();
                figure_row(Some(report_unit(unit)), false, &tally, targets.applying(Some(&unit.path), key, req.year))
            })
            .chain((!direct.is_empty() && req.by != Breakdown::Itself).then(|| {
                figure_row(root_unit.clone(), true, &direct, targets.applying(root_path.as_deref(), key, req.year))
            }))
            .collect();
        let (title_vi, title_en) = section_titles(key);
        let (denominator_vi, denominator_en) = denominator_words(key);
        sections.push(ReportSection {
            model_kind: key.model,
            subgroup: key.subgroup.clone(),
            title_vi,
            title_en,
            denominator_vi: denominator_vi.to_owned(),
            denominator_en: denominator_en.to_owned(),
            rows: section_rows,
            total: figure_row(root_unit.clone(), false, total, targets.applying(root_path.as_deref(), key, req.year)),
        });
    }
    let registry = registry_figures(&figures.records, &rows, req, root_unit.clone());
    let declared = declared_figures(conn, &rows, req, root_unit.clone())?;
    Ok(StatisticsReport {
        unit: root_unit,
        year: req.year,
        boundaries: req.boundaries,
        as_of: map_day,
        on: req.on,
        generated_at: Utc::now(),
        sections,
        registry,
        declared,
        drives: drive_statistics(conn, root_path.as_deref(), req)?,
        awards: award_counts(conn, root_path.as_deref(), req.year)?,
    })
}

/// Each drive of the year under the report's unit, a row per model.
fn drive_statistics(conn: &mut DbConn, root: Option<&str>, req: &Request) -> Result<Vec<DriveStatistic>, ApiError> {
    let mut out = Vec::new();
    // Counted by the database, whatever the drives' size; the registries as they are on `on`.
    for drive in xhht_persistence::drives::list(conn, None, root, Some(req.year), None, i64::from(i32::MAX))? {
        for model in drive.model_kinds() {
            if req.models.as_ref().is_some_and(|m| !m.contains(&model)) {
                continue;
            }
            let (eligible, registered, recognised) = xhht_persistence::drives::totals(conn, &drive, model, req.on)?;
            out.push(DriveStatistic {
                drive_id: drive.id,
                unit_id: drive.unit_id,
                title_vi: drive.title_vi.clone(),
                model_kind: model,
                target: drive.target,
                eligible,
                registered,
                recognised,
            });
        }
    }
    out.sort_by_key(|d| (d.drive_id, d.model_kind));
    Ok(out)
}

fn award_counts(conn: &mut DbConn, root: Option<&str>, year: i32) -> Result<Vec<AwardCount>, ApiError> {
    Ok(xhht_persistence::emulation::award_counts(conn, root, year)?
        .into_iter()
        .map(|(kind, count)| AwardCount { kind: AwardKind::from_stored(&kind), count })
        .collect())
}

fn registry_figures(
    records: &[stats::RegistryRow],
    rows: &Rows,
    req: &Request,
    root_unit: Option<ReportUnit>,
) -> Vec<RegistryFigure> {
    let labels = |k: RecordKind| match k {
        RecordKind::Household => ("Hộ gia đình", "Households"),
        RecordKind::Clan => ("Dòng họ", "Clans"),
        RecordKind::Citizen => ("Công dân", "Citizens"),
        RecordKind::Organisation => ("Cơ quan, tổ chức", "Organisations"),
        RecordKind::LearningCentre => ("Trung tâm học tập cộng đồng", "Community learning centres"),
    };
    RecordKind::ALL
        .into_iter()
        .map(|kind| {
            let mut slots: Slots<i64> = Slots::default();
            for r in records.iter().filter(|r| r.kind == kind) {
                slots.add(rows, r.unit_id, |n| *n += r.records);
            }
            let direct = slots.total - slots.rows.values().sum::<i64>();
            let mut out_rows: Vec<RegistryRow> = rows
                .units
                .iter()
                .enumerate()
                .map(|(i, u)| RegistryRow {
                    unit: Some(report_unit(u)),
                    direct: false,
                    records: slots.rows.get(&i).copied().unwrap_or(0),
                })
                .collect();
            if direct != 0 && req.by != Breakdown::Itself {
                out_rows.push(RegistryRow { unit: root_unit.clone(), direct: true, records: direct });
            }
            let (label_vi, label_en) = labels(kind);
            RegistryFigure {
                kind: kind.as_str().to_owned(),
                label_vi: label_vi.to_owned(),
                label_en: label_en.to_owned(),
                rows: out_rows,
                total: RegistryRow { unit: root_unit.clone(), direct: false, records: slots.total },
            }
        })
        .collect()
}

/// A declared figure for the unit at `path`: its own declaration, or the sum of the highest
/// declarations below it (a commune's own figure, not its villages' as well).
fn declared_under(values: &[(String, f64)], path: Option<&str>) -> Option<f64> {
    let under: Vec<&(String, f64)> =
        values.iter().filter(|(p, _)| path.is_none_or(|root| p.starts_with(root))).collect();
    let top: Vec<f64> = under
        .iter()
        .filter(|(p, _)| !under.iter().any(|(q, _)| q != p && p.starts_with(q.as_str())))
        .map(|(_, v)| *v)
        .collect();
    (!top.is_empty()).then(|| top.iter().sum())
}

fn declared_figures(
    conn: &mut DbConn,
    rows: &Rows,
    req: &Request,
    root_unit: Option<ReportUnit>,
) -> Result<Vec<DeclaredFigure>, ApiError> {
    let values = targets::declared(conn, rows.root.as_deref(), &[req.year])?;
    let of = |key: &str| -> Vec<(String, f64)> {
        values.iter().filter(|v| v.indicator == key).map(|v| (v.unit_path.clone(), v.value)).collect()
    };
    let population = of("population");
    let mut out = Vec::new();
    for indicator in DECLARED_INDICATORS {
        let mine = of(indicator.key);
        if mine.is_empty() {
            continue;
        }
        let members = indicator.key == "association_members";
        let row = |unit: Option<ReportUnit>, path: Option<&str>| {
            let value = declared_under(&mine, path);
            let share_of_population = if members {
                value
                    .zip(declared_under(&population, path))
                    .filter(|(_, p)| *p > 0.0)
                    .map(|(m, p)| round1(m * 100.0 / p))
            } else {
                None
            };
            DeclaredRow { unit, value, share_of_population }
        };
        out.push(DeclaredFigure {
            key: indicator.key.to_owned(),
            label_vi: indicator.label_vi.to_owned(),
            label_en: indicator.label_en.to_owned(),
            measure: indicator.measure,
            rows: rows.units.iter().map(|u| row(Some(report_unit(u)), Some(&u.path))).collect(),
            total: row(root_unit.clone(), rows.root.as_deref()),
        });
    }
    debug_assert!(values.iter().all(|v| declared_indicator(&v.indicator).is_some()));
    Ok(out)
}

/// The totals of each model across years.
pub fn trends(
    conn: &mut DbConn,
    unit: Option<&Unit>,
    years: std::ops::RangeInclusive<i32>,
    models: Option<&[ModelKind]>,
    boundaries_of: BoundariesDto,
    today: NaiveDate,
) -> Result<TrendReport, ApiError> {
    let root_path = unit.map(|u| u.path.clone());
    let rows = Rows::new(conn, Vec::new(), unit)?;
    let chosen = models.map_or_else(|| ModelKind::ALL.to_vec(), <[ModelKind]>::to_vec);
    let targets = Targets::load(conn, &root_path.iter().map(String::as_str).collect::<Vec<_>>())?;
    let mut sections: BTreeMap<SectionKey, Vec<TrendPoint>> = BTreeMap::new();
    for year in years.clone() {
        let on = default_on(year, today);
        let map_day = map_day(boundaries_of, on, today);
        let figures = gather(conn, &rows, &chosen, &[year], boundaries(boundaries_of), on, map_day)?;
        for (key, slots) in &figures.tallies {
            let row = figure_row(
                unit.map(report_unit),
                false,
                &slots.total,
                targets.applying(root_path.as_deref(), key, year),
            );
            sections.entry(key.clone()).or_default().push(TrendPoint { year, figures: row });
        }
    }
    let sections = sections
        .into_iter()
        .filter(|(_, points)| {
            models.is_some()
                || points.iter().any(|p| {
                    p.figures.registered > 0 || p.figures.held > 0 || p.figures.denominator.is_some_and(|d| d > 0)
                })
        })
        .map(|(key, points)| {
            let (title_vi, title_en) = section_titles(&key);
            TrendSection { model_kind: key.model, subgroup: key.subgroup, title_vi, title_en, points }
        })
        .collect();
    Ok(TrendReport {
        unit: unit.map(report_unit),
        first_year: *years.start(),
        last_year: *years.end(),
        boundaries: boundaries_of,
        generated_at: Utc::now(),
        sections,
    })
}

/// The current year in Vietnam.
pub fn this_year(today: NaiveDate) -> i32 {
    today.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: i64, path: &str) -> Unit {
        Unit {
            id,
            code: id.to_string(),
            level: UnitLevel::Commune,
            name: format!("Xã {id}"),
            division_type: "xã".into(),
            parent_id: None,
            path: path.into(),
            depth: 1,
            valid_from: None,
            valid_to: None,
            code_list: None,
            closing_basis: None,
            version: 1,
            created_at: chrono::NaiveDateTime::default(),
            updated_at: chrono::NaiveDateTime::default(),
        }
    }

    #[test]
    fn the_unit_itself_holds_what_no_row_does() {
        let units = vec![unit(12, "/1/12/"), unit(13, "/1/13/")];
        let index = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        let rows = Rows { units, index, root: Some("/1/".into()), tops: vec![1] };
        let mut slots: Slots<Tally> = Slots::default();
        let registered = |n| move |t: &mut Tally| t.add_stages(&Stages { registered: n, ..Stages::default() }, false);
        slots.add(&rows, 12, registered(3));
        slots.add(&rows, 13, registered(4));
        slots.add(&rows, 14, registered(100));
        slots.add(&rows, 1, registered(10));
        assert_eq!(slots.rows[&0].stages.registered, 3);
        assert_eq!(slots.total.stages.registered, 10, "a row's unit is not one of the tops");
        assert_eq!(slots.direct().stages.registered, 3, "10 in all, 7 of them in the rows");
    }

    #[test]
    fn declared_figures_take_the_highest_declaration_below() {
        let values = vec![("/1/12/".to_owned(), 100.0), ("/1/12/120/".to_owned(), 30.0), ("/1/13/".to_owned(), 50.0)];
        assert_eq!(declared_under(&values, Some("/1/")), Some(150.0), "the commune's own, not its village's too");
        assert_eq!(declared_under(&values, Some("/1/12/120/")), Some(30.0));
        assert_eq!(declared_under(&values, Some("/2/")), None);
        let with_own = vec![("/1/".to_owned(), 1000.0), ("/1/12/".to_owned(), 100.0)];
        assert_eq!(declared_under(&with_own, Some("/1/")), Some(1000.0), "the province's own figure");
    }
}
