//! Route registration. Every handler is registered with `.service(...)` so that
//! utoipa-actix-web puts it in the OpenAPI document.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod frameworks;
pub mod health;
pub mod reorganisations;
mod support;
pub mod units;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1`. `by-code` comes before `{id}`, and `accounts/me` before
/// `accounts/{id}`, so that they are matched first.
pub fn api_v1(cfg: &mut ServiceConfig) {
    cfg.service(units::list_units)
        .service(units::create_village)
        .service(units::unit_by_code)
        .service(units::get_unit)
        .service(units::rename_unit)
        .service(units::close_unit)
        .service(units::unit_children)
        .service(units::unit_ancestors)
        .service(units::unit_predecessors)
        .service(units::unit_successors)
        .service(reorganisations::create_reorganisation)
        .service(reorganisations::get_reorganisation)
        .service(auth::issue_token)
        .service(auth::logout)
        .service(accounts::list_accounts)
        .service(accounts::create_account)
        .service(accounts::own_account)
        .service(accounts::change_own_password)
        .service(accounts::get_account)
        .service(accounts::update_account)
        .service(accounts::reset_password)
        .service(accounts::list_api_keys)
        .service(accounts::create_api_key)
        .service(accounts::revoke_api_key)
        .service(audit::list_audit)
        .service(frameworks::list_frameworks)
        .service(frameworks::create_framework)
        .service(frameworks::get_framework)
        .service(frameworks::publish_framework)
        .service(frameworks::retire_framework)
        .service(frameworks::score_framework);
}

pub fn root(cfg: &mut ServiceConfig) {
    cfg.service(health::live).service(health::ready);
}
