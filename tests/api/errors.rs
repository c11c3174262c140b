//! Every failure a client can cause is an RFC 9457 problem with a stable code, Vietnamese by
//! default and English on request, and never a 500.

use crate::helpers::{TestApp, assert_problem, bearer_client};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    malformed_requests_get_problems,
    messages_follow_accept_language,
    requests_that_do_not_fit_the_stored_data_are_conflicts
);

async fn malformed_requests_get_problems(app: &TestApp) {
    assert_problem(app.get("/api/v1/units/abc").await, 400, "invalid_path").await;

    let body = assert_problem(app.get("/api/v1/units?as_of=2025-13-01").await, 400, "invalid_query").await;
    assert_eq!(body["errors"][0]["field"], "as_of");
    assert_eq!(body["errors"][0]["code"], "invalid_date");

    let body = assert_problem(app.get("/api/v1/units?level=hamlet").await, 400, "invalid_query").await;
    assert_eq!(body["errors"][0]["field"], "level");

    let body = assert_problem(app.get("/api/v1/units?limit=501").await, 400, "invalid_query").await;
    assert_eq!(body["errors"][0]["field"], "limit");

    assert_problem(app.get("/api/v1/nothing-here").await, 404, "route_not_found").await;
    assert_problem(app.get("/api/v1/units/999999999").await, 404, "unit_not_found").await;

    let wrong_method = app.client.delete(app.url("/api/v1/units/1")).send().await.unwrap();
    assert_eq!(wrong_method.headers()["allow"], "GET, PATCH");
    assert_problem(wrong_method, 405, "method_not_allowed").await;

    let bad_json = app
        .client
        .post(app.url("/api/v1/units"))
        .header("content-type", "application/json")
        .body("{\"parent_id\": ")
        .send()
        .await
        .unwrap();
    assert_problem(bad_json, 400, "invalid_json").await;

    let not_json = app.client.post(app.url("/api/v1/units")).body("parent_id=1").send().await.unwrap();
    assert_problem(not_json, 415, "unsupported_media_type").await;

    let unknown_field = app
        .post_json("/api/v1/units", &json!({"parent_id": 1, "name": "x", "division_type": "thôn", "extra": 1}))
        .await;
    // JSON that does not fit the request is a 422 naming the field, in the project's words.
    let body = assert_problem(unknown_field, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "extra");
    assert_eq!(body["errors"][0]["code"], "unknown_field");

    let invalid = app.post_json("/api/v1/units", &json!({"parent_id": 1, "name": "", "division_type": "phường"})).await;
    let body = assert_problem(invalid, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"name") && fields.contains(&"division_type"), "{fields:?}");

    let huge = "x".repeat(3 * 1024 * 1024);
    let too_large = app
        .client
        .post(app.url("/api/v1/units"))
        .header("content-type", "application/json")
        .body(format!("{{\"name\": \"{huge}\"}}"))
        .send()
        .await
        .unwrap();
    assert_problem(too_large, 413, "payload_too_large").await;

    let long_key = app
        .client
        .post(app.url("/api/v1/units"))
        .header("idempotency-key", "k".repeat(300))
        .json(&json!({"parent_id": 1, "name": "Thôn", "division_type": "thôn"}))
        .send()
        .await
        .unwrap();
    assert_problem(long_key, 400, "invalid_header").await;

    // Nothing above wrote anything.
    let villages = app.get_json("/api/v1/units?level=village&with_total=true").await;
    assert_eq!(villages["total"], 0);
}

/// 422 is for a request that is wrong whatever is stored; a request that is valid on its own
/// but names a record that does not exist, or one of the wrong kind, is a 409 conflict with the
/// stored data. Either way nothing is written.
async fn requests_that_do_not_fit_the_stored_data_are_conflicts(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let province = app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap();

    let missing = app.post_json("/api/v1/households", &json!({"label": "Hộ ông An", "unit_id": 999_999_999})).await;
    let body = assert_problem(missing, 409, "reference_conflict").await;
    assert_eq!(body["errors"][0]["field"], "unit_id");
    assert_eq!(body["errors"][0]["code"], "unknown_unit");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("Không có đơn vị"), "{body}");

    let wrong_level = app.post_json("/api/v1/households", &json!({"label": "Hộ ông An", "unit_id": province})).await;
    let body = assert_problem(wrong_level, 409, "reference_conflict").await;
    assert_eq!(body["errors"][0]["code"], "not_a_village_or_commune");

    let no_such_unit = app
        .post_json(
            "/api/v1/accounts",
            &json!({"username": "cb.khong", "display_name": "Không", "kind": "person", "roles": ["admin"],
                    "unit_ids": [999_999_999]}),
        )
        .await;
    assert_problem(no_such_unit, 409, "reference_conflict").await;

    // Blank text is wrong whatever is stored: 422, as the document's pattern says.
    let blank = app.post_json("/api/v1/households", &json!({"label": " \u{3000}\t", "unit_id": commune})).await;
    let body = assert_problem(blank, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["code"], "blank");

    // JSON has one number type: an integral float such as 10845.0 is the integer it equals.
    let created = app.post_json("/api/v1/households", &json!({"label": "Hộ bà Lan", "unit_id": commune as f64})).await;
    assert_eq!(created.status(), 201);
    let household: serde_json::Value = created.json().await.unwrap();
    assert_eq!(household["unit_id"], commune);
    let fraction = app.post_json("/api/v1/households", &json!({"label": "Hộ bà Lan", "unit_id": 1.5})).await;
    let body = assert_problem(fraction, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "unit_id");
    assert_eq!(body["errors"][0]["code"], "wrong_type");

    // An If-Match longer than the document allows is malformed (400), not merely stale (412).
    let long_tag = app
        .client
        .put(app.url(&format!("/api/v1/households/{}", household["id"])))
        .header("if-match", "0".repeat(101))
        .json(&json!({"label": "Hộ bà Lan", "unit_id": commune}))
        .send()
        .await
        .unwrap();
    assert_problem(long_tag, 400, "invalid_header").await;

    // A malformed body is answered as such before the record or its version is looked at.
    let bad_answers = app
        .client
        .put(app.url("/api/v1/evaluations/999999999/self-assessment"))
        .header("if-match", "\"7\"")
        .json(&json!({"answers": {"TC1.CT1": {"percentage": 101}}}))
        .send()
        .await
        .unwrap();
    let body = assert_problem(bad_answers, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["code"], "range");
    let tt22 = app.get_json("/api/v1/frameworks?key=vn.moet.dvht.huyen.tt22-2020").await["items"][0]["id"].clone();
    let metric = app
        .post_json(
            &format!("/api/v1/frameworks/{tt22}/score"),
            &json!({"answers": {}, "metrics": {"share_members_cong_dan_hoc_tap": 150}}),
        )
        .await;
    assert_problem(metric, 422, "validation_failed").await;

    // Accounts: what the caller may not do comes first (403), then units that do not exist
    // (409), then what the request gets wrong (422); and what the stored account forbids is 409.
    let (_, officer) = app.account("tinh.hanoi.kiemtra", &["provincial_officer"], &[province]).await;
    let officer = bearer_client(&officer);
    let grant_admin = officer
        .post(app.url("/api/v1/accounts"))
        .json(&json!({"username": "x.admin", "display_name": "X", "kind": "person", "roles": ["admin"],
                      "unit_ids": [999_999_999]}))
        .send()
        .await
        .unwrap();
    assert_problem(grant_admin, 403, "forbidden").await;
    let service = app
        .post_json(
            "/api/v1/accounts",
            &json!({"username": "dv.dongbo", "display_name": "Đồng bộ", "kind": "service", "roles": ["viewer"],
                    "unit_ids": [commune]}),
        )
        .await;
    assert_eq!(service.status(), 201);
    let service: serde_json::Value = service.json().await.unwrap();
    let patch = |body: serde_json::Value| {
        app.client
            .patch(app.url(&format!("/api/v1/accounts/{}", service["id"])))
            .header("if-match", "*")
            .json(&body)
            .send()
    };
    let body = assert_problem(patch(json!({"roles": ["admin"]})).await.unwrap(), 409, "reference_conflict").await;
    assert_eq!(body["errors"][0]["code"], "service_accounts_cannot_be_admin");
    let body = assert_problem(patch(json!({"unit_ids": []})).await.unwrap(), 409, "reference_conflict").await;
    assert_eq!(body["errors"][0]["code"], "account_has_no_units");
    let body =
        assert_problem(patch(json!({"roles": ["viewer"], "unit_ids": []})).await.unwrap(), 422, "validation_failed")
            .await;
    assert_eq!(body["errors"][0]["code"], "required");

    let page = app.get_json("/api/v1/households").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1, "only the one valid household was written: {page}");
}

async fn messages_follow_accept_language(app: &TestApp) {
    let vi = assert_problem(app.get("/api/v1/units/999999999").await, 404, "unit_not_found").await;
    assert_eq!(vi["detail"], "Không tìm thấy đơn vị hành chính.");
    assert_eq!(vi["title"], "Không tìm thấy");
    assert_eq!(vi["instance"], "/api/v1/units/999999999");

    let en = app
        .client
        .get(app.url("/api/v1/units/999999999"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();
    let en = assert_problem(en, 404, "unit_not_found").await;
    assert_eq!(en["detail"], "Administrative unit not found.");
    assert_eq!(en["title"], "Not Found");

    let en = app.client.get(app.url("/api/v1/units?limit=0")).header("accept-language", "en").send().await.unwrap();
    let en = assert_problem(en, 400, "invalid_query").await;
    assert_eq!(en["errors"][0]["message"], "Value must be between 1 and 500.");
}
