//! End-to-end tests: the real application on a real port, on SQLite and on PostgreSQL.
// Test code states its expectations with expect/unwrap: a failure is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod access;
mod audit;
mod auth;
mod counters;
mod creations;
mod criteria;
mod engagement;
mod errors;
mod frameworks;
mod health;
mod imports;
mod logs;
mod reorganisations;
mod replicas;
mod security;
mod spec;
mod statistics;
mod units;
mod workflow;

fn main() {
    let arguments = libtest_mimic::Arguments::from_args();
    let trials = [
        access::trials(),
        audit::trials(),
        auth::trials(),
        criteria::trials(),
        engagement::trials(),
        counters::trials(),
        creations::trials(),
        errors::trials(),
        frameworks::trials(),
        health::trials(),
        imports::trials(),
        logs::trials(),
        reorganisations::trials(),
        replicas::trials(),
        security::trials(),
        spec::trials(),
        statistics::trials(),
        units::trials(),
        workflow::trials(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !helpers::postgres_runs() {
        eprintln!(
            "PostgreSQL tests are IGNORED: XHHT_TEST_PG_URL is not set (run `make test`, which starts a cluster)"
        );
    }
    libtest_mimic::run(&arguments, trials).exit();
}
