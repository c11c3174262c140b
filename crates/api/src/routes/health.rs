//! Liveness and readiness for load balancers and orchestrators.

use super::support::db;
use crate::dto::Health;
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use actix_web::{get, web};

/// The process is up.
#[utoipa::path(
    operation_id = "healthLive",
    tag = "health",
    responses((status = 200, description = "The process answers", body = Health))
)]
#[get("/health/live")]
pub async fn live() -> web::Json<Health> {
    web::Json(Health { status: "ok".into(), database: None })
}

/// The process is up and its database answers.
#[utoipa::path(
    operation_id = "healthReady",
    tag = "health",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/health/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<web::Json<Health>, ApiError> {
    let backend = state.db.backend();
    db(&state, |database| database.ping().map_err(|_| ApiError::ServiceUnavailable)).await?;
    Ok(web::Json(Health { status: "ready".into(), database: Some(backend.as_str().into()) }))
}
