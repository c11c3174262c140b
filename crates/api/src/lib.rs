//! The XHHT HTTP API: actix-web handlers, problem+json errors and the OpenAPI document.
//!
//! Handlers stay thin: they parse input into domain types, call persistence inside
//! `web::block`, and map the result to DTOs.

pub mod auth;
pub mod cli;
pub mod config;
pub mod dto;
pub mod error;
pub mod extract;
pub mod i18n;
mod middleware;
pub mod openapi;
mod routes;
pub mod startup;
pub mod telemetry;

pub use config::Settings;
pub use startup::Application;
