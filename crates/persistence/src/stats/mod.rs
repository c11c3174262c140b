//! Statistics counters: kept in the same transaction as every write that changes them, read
//! one row per unit a report shows, recomputed from the base tables by [`verify`] and
//! [`rebuild`].
//!
//! Writers say where their records live ([`EvaluationKey`], [`HeldKey`], [`RegistryKey`]:
//! the unit the record is filed in) and collect their changes in [`Deltas`]. Applying them
//! adds each change to the total of every unit whose subtree holds it, on both boundaries:
//! the unit's own ancestors (a report on the boundaries of the time) and the ancestors of the
//! unit it lies in today (a report on today's boundaries), listed in `unit_places`; a total a
//! unit reaches the same way on both (every unit in force) is one row for both. One upsert a
//! table does it, with no lookup first; on PostgreSQL one statement for all three.
//! A report of a province by commune then reads a row per commune and model, however many
//! villages and households lie below.
//!
//! A change to the map moves counters on today's boundaries only ([`remap`]): the records a
//! closed unit holds itself (its total less its children's) leave the totals of its old place
//! for those of its new one.

mod places;
mod read;
mod spread;
mod totals;
mod verify;

pub(crate) use spread::PG_REGISTRY;

pub use places::{move_registry, place_missing, place_new_unit, remap};
pub use read::{HeldRow, RegistryRow, StageRow, held_rows, registry_rows, stage_rows};
pub use verify::{Difference, Filed, ensure_built, rebuild, recompute, recount, stored, verify};

use crate::db::DbConn;
use crate::error::Result;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use xhht_domain::ModelKind;

/// Rows per multi-row statement: well inside both backends' limits on bound parameters.
const CHUNK: usize = 400;

/// The last day of a recognition the framework keeps without limit.
pub fn forever() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// An evaluation's stages, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stages {
    pub registered: i64,
    pub submitted: i64,
    pub inspected: i64,
    pub recognised: i64,
    pub level1: i64,
    pub level2: i64,
    pub level3: i64,
    pub rejected: i64,
    pub revoked: i64,
}

impl Stages {
    fn add(&mut self, other: &Stages) {
        self.registered += other.registered;
        self.submitted += other.submitted;
        self.inspected += other.inspected;
        self.recognised += other.recognised;
        self.level1 += other.level1;
        self.level2 += other.level2;
        self.level3 += other.level3;
        self.rejected += other.rejected;
        self.revoked += other.revoked;
    }

    fn is_zero(&self) -> bool {
        *self == Stages::default()
    }

    /// Every count times `k` (1 to add, -1 to take away).
    fn times(&self, k: i64) -> Stages {
        stages_of(stage_numbers(self).map(|n| n * k))
    }

    /// `n` recognitions at `rank` (1, 2, 3 and above).
    pub fn recognised_at(&mut self, rank: Option<i32>, n: i64) {
        self.recognised += n;
        match rank {
            Some(1) => self.level1 += n,
            Some(2) => self.level2 += n,
            Some(r) if r >= 3 => self.level3 += n,
            _ => {}
        }
    }
}

pub(super) const STAGES: [&str; 9] =
    ["registered", "submitted", "inspected", "recognised", "level1", "level2", "level3", "rejected", "revoked"];
pub(super) fn stage_numbers(s: &Stages) -> [i64; 9] {
    [s.registered, s.submitted, s.inspected, s.recognised, s.level1, s.level2, s.level3, s.rejected, s.revoked]
}

pub(super) fn stages_of(n: [i64; 9]) -> Stages {
    Stages {
        registered: n[0],
        submitted: n[1],
        inspected: n[2],
        recognised: n[3],
        level1: n[4],
        level2: n[5],
        level3: n[6],
        rejected: n[7],
        revoked: n[8],
    }
}

/// What an evaluation counts under.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EvaluationKey {
    pub unit_id: i64,
    pub year: i32,
    pub model_kind: ModelKind,
    pub subgroup: String,
}

/// What a held recognition counts under.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HeldKey {
    pub unit_id: i64,
    pub model_kind: ModelKind,
    pub subgroup: String,
    pub decided_on: NaiveDate,
    pub valid_until: NaiveDate,
}

/// The registries' kinds of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Household,
    Clan,
    Citizen,
    Organisation,
    LearningCentre,
}

impl RecordKind {
    pub const ALL: [RecordKind; 5] =
        [Self::Household, Self::Clan, Self::Citizen, Self::Organisation, Self::LearningCentre];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Household => "household",
            Self::Clan => "clan",
            Self::Citizen => "citizen",
            Self::Organisation => "organisation",
            Self::LearningCentre => "learning_centre",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The subgroup an organisation counts under among the denominators: its managing level and
/// its type (`commune:enterprise`), so that commune and provincial learning units each divide
/// by their own.
pub fn organisation_subgroup(managing_level: &str, org_type: &str) -> String {
    format!("{managing_level}:{org_type}")
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegistryKey {
    pub unit_id: i64,
    pub kind: RecordKind,
    pub subgroup: String,
}

/// Which boundaries a total follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Boundaries {
    /// The map of the report's day: records where they were filed.
    OfTheTime,
    /// Today's map: records where their units lie today.
    Today,
}

impl Boundaries {
    pub const ALL: [Boundaries; 2] = [Boundaries::OfTheTime, Boundaries::Today];

    pub fn as_str(self) -> &'static str {
        match self {
            Boundaries::OfTheTime => "time",
            Boundaries::Today => "today",
        }
    }
}

/// Which boundaries a stored row counts on: one of them, or both where a unit's place is the
/// same on each (every unit in force), so that most writes touch half the rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Span {
    Both,
    Time,
    Today,
}

impl Span {
    const ALL: [Span; 3] = [Span::Both, Span::Time, Span::Today];

    fn as_str(self) -> &'static str {
        match self {
            Span::Both => "both",
            Span::Time => "time",
            Span::Today => "today",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    fn of(boundaries: Boundaries) -> Span {
        match boundaries {
            Boundaries::OfTheTime => Span::Time,
            Boundaries::Today => Span::Today,
        }
    }

    /// The boundaries a row of this span counts on.
    fn views(self) -> &'static [Boundaries] {
        match self {
            Span::Both => &Boundaries::ALL,
            Span::Time => &[Boundaries::OfTheTime],
            Span::Today => &[Boundaries::Today],
        }
    }

    /// The spans whose rows make up a total on `boundaries`.
    fn covering(boundaries: Boundaries) -> [&'static str; 2] {
        [Span::Both.as_str(), Span::of(boundaries).as_str()]
    }
}

/// A counter in the total of one unit (`key.unit_id`) on one boundaries.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Total<K> {
    pub boundaries: Boundaries,
    /// Reached through a partial succession no village resolved (never on the boundaries of
    /// the time).
    pub approximate: bool,
    pub key: K,
}

/// Changes to the counters, gathered by a write and applied once at its end.
#[derive(Debug, Default)]
pub struct Deltas {
    evaluations: HashMap<EvaluationKey, Stages>,
    held: HashMap<HeldKey, i64>,
    registry: HashMap<RegistryKey, i64>,
}

impl Deltas {
    pub fn stages(&mut self, key: EvaluationKey, change: impl FnOnce(&mut Stages)) {
        change(self.evaluations.entry(key).or_default());
    }

    pub fn held(&mut self, key: HeldKey, n: i64) {
        *self.held.entry(key).or_default() += n;
    }

    pub fn record(&mut self, key: RegistryKey, n: i64) {
        *self.registry.entry(key).or_default() += n;
    }

    /// The registry counters' rows, for a write that moves no other counter (records created)
    /// to spread in a statement of its own making (`spread::PG_REGISTRY`).
    pub(crate) fn registry_rows(self) -> String {
        debug_assert!(self.evaluations.is_empty() && self.held.is_empty());
        let registry: BTreeMap<RegistryKey, i64> = self.registry.into_iter().filter(|(_, n)| *n != 0).collect();
        spread::registry_rows(&registry)
    }

    /// Adds the changes to the totals of every unit that holds them.
    pub fn apply(self, conn: &mut DbConn) -> Result<()> {
        if self.evaluations.is_empty() && self.held.is_empty() && self.registry.is_empty() {
            return Ok(());
        }
        // Sorted, so that concurrent writers take the rows' locks in one order.
        let stages: BTreeMap<EvaluationKey, Stages> =
            self.evaluations.into_iter().filter(|(_, s)| !s.is_zero()).collect();
        let held: BTreeMap<HeldKey, i64> = self.held.into_iter().filter(|(_, n)| *n != 0).collect();
        let registry: BTreeMap<RegistryKey, i64> = self.registry.into_iter().filter(|(_, n)| *n != 0).collect();
        spread::apply(conn, &stages, &held, &registry)
    }
}

/// Counters by total.
#[derive(Debug, Default, PartialEq)]
pub struct Counters {
    pub stages: BTreeMap<Total<EvaluationKey>, Stages>,
    pub held: BTreeMap<Total<HeldKey>, i64>,
    pub registry: BTreeMap<Total<RegistryKey>, i64>,
}
