use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// What can go wrong below the API. Conflicts carry a stable reason so the API can answer with
/// its own code and message; everything else is an infrastructure failure.
#[derive(Debug, thiserror::Error)]
pub enum PersistenceError {
    #[error("{0} not found")]
    NotFound(Record),
    #[error("conflict: {0:?}")]
    Conflict(Conflict),
    #[error("the record changed since it was read")]
    StaleVersion,
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(#[from] DieselError),
    #[error("seed data is broken: {0}")]
    Seed(String),
}

/// Business conflicts found while writing; the API maps each to a code and a 409/422 answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Another unit of the same level holds this code during an overlapping period.
    CodeInUse { code: String },
    /// The unit is not valid on the date the change needs it.
    UnitNotValidOn { unit_id: i64 },
    /// The unit would close while units under it stay open.
    OpenChildren { unit_id: i64, count: i64 },
    /// The parent cannot hold a unit of this level.
    InvalidParent { parent_id: i64 },
    /// Units in one reorganisation must share a level.
    MixedLevels,
    /// A village to move is not an open village of one of the reorganisation's sources.
    NotAMovableVillage { unit_id: i64 },
    /// A unit appears more than once, or both as a source and as a target.
    RepeatedUnit { unit_id: i64 },
    /// The change is dated on or before the unit's start (or name's start).
    DateBeforeStart { unit_id: i64 },
    /// An `Idempotency-Key` was reused with another request.
    IdempotencyKeyReused,
    /// Two first attempts with one `Idempotency-Key` ran at once; the loser replays the winner.
    IdempotencyKeyRace,
    /// This framework version exists already.
    VersionExists,
    /// The framework version's status does not allow this transition.
    FrameworkStatus { status: xhht_domain::FrameworkStatus },
    /// A citizen with the same national ID number exists.
    DuplicateCitizen { citizen_id: i64 },
    /// The subject is registered for this model and year already.
    AlreadyRegistered,
    /// The registration drive is closed.
    DriveClosed,
    /// The emulation review is closed: its reports and marks no longer change.
    ReviewClosed,
    /// A plan with this key exists already.
    PlanExists,
    /// The report is marked: its answers no longer change.
    ReportMarked,
    /// This decision gave this award to this subject already.
    AwardExists,
    /// The drive has not opened yet.
    DriveNotOpen,
    /// The commune has a community learning centre already.
    CentreExists,
    /// Another account has this username.
    UsernameTaken { username: String },
    /// The possible duplicate was merged or dismissed already.
    DuplicateResolved,
}

/// The kinds of stored record, so that a missing one is reported as what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    Unit,
    Reorganisation,
    Account,
    ApiKey,
    Framework,
    Citizen,
    Household,
    Organisation,
    Clan,
    LearningCentre,
    Evaluation,
    Decision,
    Evidence,
    CitizenDuplicate,
    Drive,
    EmulationPlan,
    EmulationReview,
    EmulationReport,
    Award,
    ImportJob,
}

impl std::fmt::Display for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl PersistenceError {
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, PersistenceError::Database(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)))
    }
}

pub type Result<T> = std::result::Result<T, PersistenceError>;
