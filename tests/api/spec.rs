//! The committed OpenAPI document is exactly what the code produces, and what the server serves.

use crate::helpers::{Backend, spawn_app};
use std::collections::HashSet;

const COMMITTED: &str = include_str!("../../api-spec/openapi.json");

pub fn trials() -> Vec<libtest_mimic::Trial> {
    let sync = |name: &str, f: fn()| {
        libtest_mimic::Trial::test(format!("spec::{name}"), move || {
            f();
            Ok(())
        })
    };
    vec![
        sync("committed_document_matches_the_code", committed_document_matches_the_code),
        sync("every_operation_is_named_described_and_has_errors", every_operation_is_named_described_and_has_errors),
        sync("the_readme_states_who_may_take_each_step", the_readme_states_who_may_take_each_step),
        crate::helpers::trial(
            module_path!(),
            "served_document_is_the_committed_one",
            served_document_is_the_committed_one,
        ),
    ]
}

fn committed_document_matches_the_code() {
    let generated = xhht_api::openapi::document_json();
    assert!(generated == COMMITTED, "api-spec/openapi.json is out of date: run `make spec` and commit the result");
}

fn every_operation_is_named_described_and_has_errors() {
    let doc: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    let mut ids = HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path}: no operationId"));
            assert!(ids.insert(id.to_owned()), "duplicate operationId {id}");
            assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{id}: no tag");
            let responses = op["responses"].as_object().unwrap();
            assert!(responses.contains_key("500"), "{id}: no 500 response");
            for (status, response) in responses {
                assert!(
                    response["description"].as_str().is_some_and(|d| !d.is_empty()),
                    "{id} {status}: no description"
                );
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{id} {status}: not a problem"
                    );
                }
            }
        }
    }
    assert!(ids.len() >= 14);
}

async fn served_document_is_the_committed_one() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let served = app.get("/api/v1/openapi.json").await.text().await.unwrap();
    assert!(served == COMMITTED, "the served document differs from api-spec/openapi.json");
}

/// The README's role × step table is the one the workflow's rules give.
fn the_readme_states_who_may_take_each_step() {
    let readme = include_str!("../../README.md");
    let table = xhht_api::access::role_step_table();
    assert!(
        readme.contains(&table),
        "README.md's role × step table is out of date; it should read:\n\n{table}\n(print it with `cargo run -- roles`)"
    );
}
