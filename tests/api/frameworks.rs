//! Criteria frameworks through the API: the shipped ones, scoring previews, new versions,
//! publication rules and who may do what.

use crate::helpers::{TestApp, assert_problem, bearer_client};
use crate::on_both_backends;
use serde_json::{Value, json};

on_both_backends!(shipped_frameworks_are_listed_and_scored, versions_publish_and_retire);

const COMPLETE: &str = include_str!("../../crates/evaluation/tests/fixtures/pass-fail-15.test.json");

async fn find(app: &TestApp, key: &str) -> Value {
    let page = app.get_json(&format!("/api/v1/frameworks?key={key}")).await;
    page["items"][0].clone()
}

fn tt22_answers(total_tc3_1: f64) -> Value {
    // 30 + 30 + 10 + 5 + TC3.1 = 75 + TC3.1
    json!({"TC1.1": {"points": 10}, "TC1.2": {"points": 10}, "TC1.3": {"points": 10},
           "TC2.1": {"points": 10}, "TC2.2": {"points": 5}, "TC2.3": {"points": 10}, "TC2.4": {"points": 5},
           "TC3.1": {"points": total_tc3_1}, "TC3.2": {"points": 0}, "TC3.3": {"points": 0}})
}

async fn shipped_frameworks_are_listed_and_scored(app: &TestApp) {
    let all = app.get_json("/api/v1/frameworks?limit=500&template=false").await;
    let items = all["items"].as_array().unwrap();
    assert_eq!(items.len(), 12);
    let tt22 = find(app, "vn.moet.dvht.huyen.tt22-2020").await;
    assert_eq!(tt22["status"], "published");
    assert_eq!(tt22["usable_for_recognition"], true);
    let tt24 = find(app, "vn.moet.dvht.tinh.tt24-2023").await;
    assert_eq!(tt24["status"], "draft");
    assert_eq!(tt24["usable_for_recognition"], false);
    assert!(!tt24["missing"].as_array().unwrap().is_empty(), "a draft lists what is unknown");

    let provincial = app.get_json("/api/v1/frameworks?model_kind=don_vi_hoc_tap_tinh&status=published").await;
    assert_eq!(provincial["items"].as_array().unwrap().len(), 1, "only TT 22/2020 at provincial level is published");
    let in_2022 = app.get_json("/api/v1/frameworks?valid_on=2022-06-01&model_kind=don_vi_hoc_tap_huyen").await;
    assert_eq!(in_2022["items"][0]["key"], "vn.moet.dvht.huyen.tt22-2020");
    assert_problem(app.get("/api/v1/frameworks?model_kind=nonsense").await, 400, "invalid_query").await;

    let detail = app.get(&format!("/api/v1/frameworks/{}", tt22["id"])).await;
    assert_eq!(detail.headers()["etag"], "\"1\"");
    let detail: Value = detail.json().await.unwrap();
    assert!(detail["document"]["groups"].to_string().contains("Đơn vị học tập"), "Vietnamese texts with diacritics");
    assert_problem(app.get("/api/v1/frameworks/999999").await, 404, "framework_not_found").await;

    // Scoring previews are public and store nothing: 84 → Khá, 85 → Tốt.
    for (tc3_1, level) in [(9.0, "Khá"), (10.0, "Tốt")] {
        let scored = app
            .anonymous
            .post(app.url(&format!("/api/v1/frameworks/{}/score", tt22["id"])))
            .json(&json!({"answers": tt22_answers(tc3_1), "evaluation_date": "2023-03-01"}))
            .send()
            .await
            .unwrap();
        assert_eq!(scored.status(), 200);
        let scored: Value = scored.json().await.unwrap();
        assert_eq!(scored["usable_for_recognition"], true);
        assert!(scored["outcome"].to_string().contains(level), "{level}: {}", scored["outcome"]);
    }
    let wrong_kind = app
        .anonymous
        .post(app.url(&format!("/api/v1/frameworks/{}/score", tt22["id"])))
        .json(&json!({"answers": {"TC1.1": {"yes_no": true}}}))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(wrong_kind, 409, "score_rejected").await;
    assert_eq!(problem["errors"][0]["code"], "wrong_answer_kind");
    let unreadable = app
        .anonymous
        .post(app.url(&format!("/api/v1/frameworks/{}/score", tt22["id"])))
        .json(&json!({"answers": [1, 2]}))
        .send()
        .await
        .unwrap();
    assert_problem(unreadable, 422, "validation_failed").await;
}

async fn versions_publish_and_retire(app: &TestApp) {
    // The shipped TT 24/2023 draft cannot be published: the regulations leave parts unknown.
    let tt24 = find(app, "vn.moet.dvht.tinh.tt24-2023").await;
    let refused = app
        .client
        .post(app.url(&format!("/api/v1/frameworks/{}/publish", tt24["id"])))
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    let problem = assert_problem(refused, 409, "framework_incomplete").await;
    assert!(problem["errors"].to_string().contains("missing"), "{problem}");

    // A provincial officer creates a framework for the province; it starts as a draft.
    let hanoi = app.unit_by_code("01", "2025-07-01").await;
    let hcm = app.unit_by_code("79", "2025-07-01").await;
    let (_, officer) = app.account("so.gd.hanoi", &["provincial_officer"], &[hanoi["id"].as_i64().unwrap()]).await;
    let officer = bearer_client(&officer);
    let document: Value = serde_json::from_str(COMPLETE).unwrap();
    let national =
        officer.post(app.url("/api/v1/frameworks")).json(&json!({"document": document})).send().await.unwrap();
    assert_problem(national, 403, "out_of_scope").await;
    let other_province = officer
        .post(app.url("/api/v1/frameworks"))
        .json(&json!({"document": document, "province_id": hcm["id"]}))
        .send()
        .await
        .unwrap();
    assert_problem(other_province, 403, "out_of_scope").await;
    let created = officer
        .post(app.url("/api/v1/frameworks"))
        .json(&json!({"document": document, "province_id": hanoi["id"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    assert_eq!(created["status"], "draft");
    assert_eq!(created["version"], 1);
    assert_eq!(created["province_id"], hanoi["id"]);
    assert_eq!(created["usable_for_recognition"], false);
    let id = created["id"].as_i64().unwrap();

    let no_precondition = officer.post(app.url(&format!("/api/v1/frameworks/{id}/publish"))).send().await.unwrap();
    assert_problem(no_precondition, 428, "precondition_required").await;
    let published = officer
        .post(app.url(&format!("/api/v1/frameworks/{id}/publish")))
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(published.status(), 200);
    let published: Value = published.json().await.unwrap();
    assert_eq!(published["status"], "published");
    assert_eq!(published["usable_for_recognition"], true);
    assert_eq!(published["document"]["status"], "published");
    let again = officer
        .post(app.url(&format!("/api/v1/frameworks/{id}/publish")))
        .header("if-match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert_problem(again, 409, "framework_status_conflict").await;

    // A change is a new version, owned by the same province.
    let v2 = officer
        .post(app.url("/api/v1/frameworks"))
        .json(&json!({"document": document, "province_id": hanoi["id"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(v2.status(), 201);
    let v2: Value = v2.json().await.unwrap();
    assert_eq!(v2["version"], 2);
    let hijack = app.post_json("/api/v1/frameworks", &json!({"document": document})).await;
    let problem = assert_problem(hijack, 409, "reference_conflict").await;
    assert_eq!(problem["errors"][0]["code"], "owner_differs_from_earlier_versions");

    let retired =
        officer.post(app.url(&format!("/api/v1/frameworks/{id}/retire"))).header("if-match", "*").send().await.unwrap();
    assert_eq!(retired.status(), 200);
    let retired: Value = retired.json().await.unwrap();
    assert_eq!(retired["status"], "retired");
    assert_eq!(retired["usable_for_recognition"], false);
    // Still readable, and still scores for reproduction.
    assert_eq!(app.get(&format!("/api/v1/frameworks/{id}")).await.status(), 200);

    // Broken documents are refused with the position of each problem.
    let mut broken = document.clone();
    broken["groups"][0]["indicators"][0]["id"] = json!("");
    broken["id"] = json!("test.fixture.broken");
    let refused = app.post_json("/api/v1/frameworks", &json!({"document": broken})).await;
    let problem = assert_problem(refused, 422, "framework_invalid").await;
    assert!(problem["errors"][0]["field"].as_str().unwrap().starts_with("document/groups/0"), "{problem}");
    let unreadable = app.post_json("/api/v1/frameworks", &json!({"document": {"id": 5}})).await;
    assert_problem(unreadable, 422, "framework_invalid").await;

    // Viewers and commune officers manage no frameworks.
    let commune = app.unit_by_code("00004", "2025-07-01").await;
    let (_, commune_officer) =
        app.account("xa.tieuchi", &["commune_officer"], &[commune["id"].as_i64().unwrap()]).await;
    let denied = bearer_client(&commune_officer)
        .post(app.url("/api/v1/frameworks"))
        .json(&json!({"document": document, "province_id": hanoi["id"]}))
        .send()
        .await
        .unwrap();
    assert_problem(denied, 403, "forbidden").await;

    // Every change is in the audit trail.
    let trail = app.get_json(&format!("/api/v1/audit?entity=framework&entity_id={id}")).await;
    let actions: Vec<&str> = trail["items"].as_array().unwrap().iter().map(|r| r["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["retire", "publish", "create"]);
    assert_eq!(trail["items"][1]["changes"]["status"], json!({"before": "draft", "after": "published"}));
}
