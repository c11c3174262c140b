//! End-to-end tests: the real application on a real port, on SQLite and on PostgreSQL.
// Test code states its expectations with expect/unwrap: a failure is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod access;
mod audit;
mod auth;
mod errors;
mod frameworks;
mod health;
mod logs;
mod reorganisations;
mod spec;
mod units;
mod workflow;
