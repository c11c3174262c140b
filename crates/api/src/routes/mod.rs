//! Route registration. Every handler is registered with `.service(...)` so that
//! utoipa-actix-web puts it in the OpenAPI document.

pub mod accounts;
pub mod audit;
pub mod auth;
mod decisions;
mod drives;
mod duplicates;
mod emulation;
mod evaluations;
mod frameworks;
pub mod health;
mod imports;
pub mod registry;
pub mod reorganisations;
mod statistics;
mod support;

pub use evaluations::MAX_EVIDENCE_BYTES;
pub use reorganisations::VILLAGE_LOCAL_CODE_MAX;
pub use support::IF_MATCH_MAX_CHARS;
pub mod units;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1`, one scope per collection (each handler's path is relative to it).
/// The router compares a request's first segment with each scope's prefix and then tries one
/// collection's patterns only; in one flat list it ran a regular expression per pattern until
/// one matched, a tenth of the work of a read by id. Within a scope, `by-code` comes before
/// `{id}`, and `me` before `{id}`, so that they are matched first.
pub fn api_v1(cfg: &mut ServiceConfig) {
    cfg.service(
        scope("/units")
            .service(units::list_units)
            .service(units::create_village)
            .service(units::unit_by_code)
            .service(units::get_unit)
            .service(units::rename_unit)
            .service(units::close_unit)
            .service(units::unit_children)
            .service(units::unit_ancestors)
            .service(units::unit_predecessors)
            .service(units::unit_successors),
    )
    .service(
        scope("/reorganisations")
            .service(reorganisations::create_reorganisation)
            .service(reorganisations::get_reorganisation),
    )
    .service(scope("/auth").service(auth::issue_token).service(auth::logout))
    .service(
        scope("/accounts")
            .service(accounts::list_accounts)
            .service(accounts::create_account)
            .service(accounts::own_account)
            .service(accounts::change_own_password)
            .service(accounts::get_account)
            .service(accounts::update_account)
            .service(accounts::reset_password)
            .service(accounts::list_api_keys)
            .service(accounts::create_api_key)
            .service(accounts::revoke_api_key),
    )
    .service(scope("/audit").service(audit::list_audit))
    .service(
        scope("/frameworks")
            .service(frameworks::list_frameworks)
            .service(frameworks::create_framework)
            .service(frameworks::applicable_framework)
            .service(frameworks::get_framework)
            .service(frameworks::diff_framework)
            .service(frameworks::adopt_framework)
            .service(frameworks::publish_framework)
            .service(frameworks::retire_framework)
            .service(frameworks::score_framework),
    )
    .service(
        scope("/drives")
            .service(drives::open_drive)
            .service(drives::list_drives)
            .service(drives::get_drive)
            .service(drives::list_unregistered)
            .service(drives::register_in_drive)
            .service(drives::close_drive),
    )
    .service(
        scope("/emulation-plans")
            .service(emulation::list_plans)
            .service(emulation::create_plan)
            .service(emulation::get_plan)
            .service(emulation::open_review),
    )
    .service(
        scope("/emulation-reviews")
            .service(emulation::get_review)
            .service(emulation::file_report)
            .service(emulation::mark_report)
            .service(emulation::rank_review)
            .service(emulation::close_review),
    )
    .service(scope("/awards").service(emulation::create_awards).service(emulation::list_awards))
    .service(registry::citizens())
    .service(
        scope("/citizen-duplicates")
            .service(duplicates::list_duplicates)
            .service(duplicates::dismiss_duplicate)
            .service(duplicates::merge_duplicate),
    )
    .service(registry::households())
    .service(registry::organisations())
    .service(registry::clans())
    .service(registry::learning_centres())
    .service(
        scope("/imports")
            .service(imports::get_import_template)
            .service(imports::create_import)
            .service(imports::list_imports)
            .service(imports::get_import)
            .service(imports::cancel_import)
            .service(imports::get_import_errors),
    )
    .service(
        scope("/evaluations")
            .service(evaluations::register)
            .service(evaluations::list_evaluations)
            .service(evaluations::get_evaluation)
            .service(evaluations::self_assess)
            .service(evaluations::submit)
            .service(evaluations::inspect)
            .service(evaluations::add_evidence_note)
            .service(evaluations::add_evidence_file)
            .service(evaluations::list_evidence)
            .service(evaluations::evidence_file),
    )
    .service(scope("/decisions").service(decisions::create_decision).service(decisions::get_decision))
    .service(scope("/statistics").service(statistics::get_statistics).service(statistics::get_trends))
    .service(scope("/targets").service(statistics::list_targets).service(statistics::set_targets))
    .service(scope("/declared-indicators").service(statistics::list_declared_indicators))
    .service(scope("/declared-values").service(statistics::list_declared_values).service(statistics::declare_value));
}

pub fn root(cfg: &mut ServiceConfig) {
    cfg.service(health::live).service(health::ready);
}
