//! The XHHT HTTP API: actix-web handlers, problem+json errors and the OpenAPI document.
//!
//! Handlers stay thin: they parse input into domain types, call the rules (the evaluation
//! crate's `workflow`) and persistence inside `web::block`, and map the result to DTOs. Below
//! the routes: `workflow` loads what the rules need for many evaluations at once and renders
//! them; `scoring` keeps compiled frameworks; `state` is what every handler reaches. No route
//! module imports another.

pub mod access;
pub mod audit_log;
pub mod auth;
pub mod cli;
pub mod config;
pub mod creations;
pub mod criteria;
pub mod dto;
pub mod error;
pub mod extract;
mod framework_files;
pub mod i18n;
pub mod imports;
mod middleware;
pub mod openapi;
pub mod reference;
pub mod registration;
pub mod registries;
pub mod report_files;
mod routes;
pub mod scoring;
pub mod startup;
pub mod state;
pub mod statistics;
pub mod telemetry;
pub mod villages;
pub mod workflow;

pub use config::Settings;
pub use startup::Application;
