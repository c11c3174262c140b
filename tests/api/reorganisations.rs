//! Merges and splits: one call closes the sources, opens the targets and writes the lineage,
//! all or nothing.

use crate::helpers::{TestApp, assert_problem};
use crate::on_both_backends;
use serde_json::{Value, json};

on_both_backends!(
    merge_closes_sources_and_writes_lineage,
    failed_reorganisation_writes_nothing,
    split_and_restructure_rules
);

async fn village(app: &TestApp, commune: &Value, name: &str) -> Value {
    let response = app
        .post_json(
            "/api/v1/units",
            &json!({"parent_id": commune["id"], "name": name, "division_type": "thôn", "valid_from": "2025-07-01"}),
        )
        .await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

async fn merge_closes_sources_and_writes_lineage(app: &TestApp) {
    let commune = app.unit_by_code("00025", "2025-07-01").await;
    let a = village(app, &commune, "Thôn Đông").await;
    let b = village(app, &commune, "Thôn Tây").await;
    let response = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({
                "kind": "merge", "effective_date": "2026-01-01",
                "legal_basis": "Nghị quyết số 12/NQ-HĐND",
                "sources": [a["id"], b["id"]],
                "targets": [{"new": {"level": "village", "code": "DT", "name": "Thôn Đông Tây",
                                     "division_type": "thôn", "parent_id": commune["id"]}}]
            }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let reorganisation: Value = response.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/reorganisations/{}", reorganisation["id"]));
    let target = &reorganisation["targets"][0];
    assert_eq!(target["code"], "00025-DT");
    assert_eq!(target["valid_from"], "2026-01-01");
    assert_eq!(reorganisation["links"].as_array().unwrap().len(), 2);

    for source in [&a, &b] {
        let unit = app.get_json(&format!("/api/v1/units/{}", source["id"])).await;
        assert_eq!(unit["valid_to"], "2025-12-31");
        let successors = app.get_json(&format!("/api/v1/units/{}/successors", source["id"])).await;
        assert_eq!(successors["items"][0]["unit"]["id"], target["id"]);
        assert_eq!(successors["items"][0]["partial"], false);
        assert_eq!(successors["items"][0]["legal_basis"], "Nghị quyết số 12/NQ-HĐND");
    }
    let predecessors = app.get_json(&format!("/api/v1/units/{}/predecessors", target["id"])).await;
    assert_eq!(predecessors["items"].as_array().unwrap().len(), 2);

    let read = app.get_json(&location).await;
    assert_eq!(read["kind"], "merge");
    assert_eq!(read["sources"].as_array().unwrap().len(), 2);

    let children_before = app.get_json(&format!("/api/v1/units/{}/children?as_of=2025-12-31", commune["id"])).await;
    assert_eq!(children_before["items"].as_array().unwrap().len(), 2);
    let children_after = app.get_json(&format!("/api/v1/units/{}/children?as_of=2026-01-01", commune["id"])).await;
    assert_eq!(children_after["items"].as_array().unwrap().len(), 1);

    // Applying the same act again is refused: the sources are closed.
    let again = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({"kind": "merge", "effective_date": "2026-01-01", "legal_basis": "x",
                    "sources": [a["id"], b["id"]], "targets": [{"unit_id": target["id"]}]}),
        )
        .await;
    assert_problem(again, 409, "unit_not_valid_on_date").await;

    let missing = app.get("/api/v1/reorganisations/999999").await;
    assert_problem(missing, 404, "reorganisation_not_found").await;
}

async fn failed_reorganisation_writes_nothing(app: &TestApp) {
    // Two communes; the second has an open village, so it cannot close.
    let first = app.unit_by_code("00070", "2025-07-01").await;
    let second = app.unit_by_code("00082", "2025-07-01").await;
    village(app, &second, "Thôn Giữ").await;
    let hanoi = app.unit_by_code("01", "2025-07-01").await;
    let response = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({
                "kind": "merge", "effective_date": "2026-07-01", "legal_basis": "Nghị quyết thử",
                "sources": [first["id"], second["id"]],
                "targets": [{"new": {"level": "commune", "code": "99990", "name": "Phường Thử",
                                     "division_type": "phường", "parent_id": hanoi["id"]}}]
            }),
        )
        .await;
    assert_problem(response, 409, "unit_has_open_children").await;

    let first_again = app.get_json(&format!("/api/v1/units/{}", first["id"])).await;
    assert_eq!(first_again["valid_to"], Value::Null, "the first source was not closed");
    assert_eq!(first_again["version"], first["version"]);
    let nothing = app.get("/api/v1/units/by-code/99990?as_of=2026-07-01").await;
    assert_problem(nothing, 404, "unit_not_found").await;
    let lineage = app.get_json(&format!("/api/v1/units/{}/successors", first["id"])).await;
    assert_eq!(lineage["items"].as_array().unwrap().len(), 0);

    // A target code held by another open unit is refused as well, and nothing is closed.
    let taken = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({
                "kind": "merge", "effective_date": "2026-07-01", "legal_basis": "Nghị quyết thử",
                "sources": [first["id"]],
                "targets": [{"new": {"level": "commune", "code": "00004", "name": "Trùng mã",
                                     "division_type": "phường", "parent_id": hanoi["id"]}}]
            }),
        )
        .await;
    assert_problem(taken, 409, "unit_code_in_use").await;
    let first_again = app.get_json(&format!("/api/v1/units/{}", first["id"])).await;
    assert_eq!(first_again["valid_to"], Value::Null);
}

async fn split_and_restructure_rules(app: &TestApp) {
    let commune = app.unit_by_code("00091", "2025-07-01").await;
    let whole = village(app, &commune, "Thôn Lớn").await;
    let new_village = |code: &str, name: &str| json!({"new": {"level": "village", "code": code, "name": name, "division_type": "thôn", "parent_id": commune["id"]}});

    let one_target = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({"kind": "split", "effective_date": "2026-01-01", "legal_basis": "QĐ",
                    "sources": [whole["id"]], "targets": [new_village("A", "Thôn A")]}),
        )
        .await;
    let problem = assert_problem(one_target, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["code"], "split_needs_one_source_and_several_targets");

    let no_links = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({"kind": "restructure", "effective_date": "2026-01-01", "legal_basis": "QĐ",
                    "sources": [whole["id"]], "targets": [new_village("A", "Thôn A")]}),
        )
        .await;
    let problem = assert_problem(no_links, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "links");

    let split = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({"kind": "split", "effective_date": "2026-01-01", "legal_basis": "QĐ 3/QĐ-UBND",
                    "sources": [whole["id"]], "targets": [new_village("A", "Thôn A"), new_village("B", "Thôn B")]}),
        )
        .await;
    assert_eq!(split.status(), 201);
    let successors = app.get_json(&format!("/api/v1/units/{}/successors", whole["id"])).await;
    let items = successors["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|s| s["partial"] == true));
}
