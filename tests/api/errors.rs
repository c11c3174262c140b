//! Every failure a client can cause is an RFC 9457 problem with a stable code, Vietnamese by
//! default and English on request, and never a 500.

use crate::helpers::{TestApp, assert_problem};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(malformed_requests_get_problems, messages_follow_accept_language);

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
    assert_problem(unknown_field, 400, "invalid_json").await;

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
