//! Pure domain types of XHHT. Nothing here does I/O: the persistence and API crates build on
//! these types, and the evaluation crate scores against them.

pub mod access;
pub mod declared;
pub mod model;
pub mod names;
pub mod search;
pub mod unit;

pub use access::{Permission, Role, Scope};
pub use model::{DecisionKind, EvaluationStatus, FrameworkStatus, ModelKind, SubjectKind};
pub use names::UnknownName;
pub use unit::{
    DivisionType, LevelError, ReorganisationKind, UnitCode, UnitCodeError, UnitLevel, Validity, ValidityError,
};
