//! XHHT persistence: one diesel code path for SQLite (the zero-set-up default) and PostgreSQL
//! (production). Queries are written once against `schema.rs`; the few places where the
//! dialects differ branch on [`DbConn`] explicitly.

pub mod accounts;
pub mod audit;
pub mod db;
pub mod drives;
pub mod emulation;
pub mod error;
pub mod evaluations;
pub mod frameworks;
pub mod guesses;
pub mod idempotency;
pub mod imports;
pub mod migrate;
pub mod notices;
pub mod reference;
pub mod registry;
pub mod schema;
pub mod seed;
pub mod stamp;
pub mod stats;
pub mod targets;
pub mod units;

pub use db::{Backend, Database, DatabaseUrl, DbConn, savepoint};
pub use diesel::result as diesel_error;
pub use error::{Conflict, PersistenceError, Record};
