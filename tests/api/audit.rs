//! Every write leaves one audit row with the actor, the request id and the fields before and
//! after; a failed write leaves none.

use crate::helpers::{TestApp, bearer_client};
use crate::on_both_backends;
use serde_json::{Value, json};

on_both_backends!(writes_are_audited_and_failures_are_not);

async fn rows(app: &TestApp, entity: &str, id: &Value) -> Vec<Value> {
    let id = id.as_i64().map(|i| i.to_string()).unwrap_or_else(|| id.as_str().unwrap_or_default().to_owned());
    let page = app.get_json(&format!("/api/v1/audit?entity={entity}&entity_id={id}")).await;
    page["items"].as_array().unwrap().clone()
}

async fn total(app: &TestApp) -> usize {
    let mut count = 0;
    let mut cursor = String::new();
    loop {
        let page = app.get_json(&format!("/api/v1/audit?limit=500{cursor}")).await;
        count += page["items"].as_array().unwrap().len();
        match page["next_cursor"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => return count,
        }
    }
}

async fn writes_are_audited_and_failures_are_not(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await;
    let (officer_id, officer) =
        app.account("ghi.nhat.ky", &["commune_officer"], &[commune["id"].as_i64().unwrap()]).await;
    let officer = bearer_client(&officer);

    // Account creation is audited, without any secret; so is the change of the one-time password.
    let created = rows(app, "account", &json!(officer_id)).await;
    assert_eq!(created.len(), 2);
    assert!(created.iter().any(|r| r["action"] == "change_password"));
    let created: Vec<Value> = created.into_iter().filter(|r| r["action"] != "change_password").collect();
    assert_eq!(created[0]["actor_username"], "admin");
    assert_eq!(created[0]["action"], "create");
    assert_eq!(created[0]["changes"]["username"]["after"], "ghi.nhat.ky");
    assert!(!created[0].to_string().contains("password\":{\"before\":null,\"after\":\""), "no password in a diff");

    // Create, rename, close by the commune officer.
    let response = officer
        .post(app.url("/api/v1/units"))
        .json(&json!({"parent_id": commune["id"], "name": "Thôn Nhật Ký", "division_type": "thôn", "valid_from": "2025-08-01"}))
        .send()
        .await
        .unwrap();
    let request_id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    let village: Value = response.json().await.unwrap();
    let after_create = rows(app, "unit", &village["id"]).await;
    assert_eq!(after_create.len(), 1);
    assert_eq!(after_create[0]["actor_id"], officer_id);
    assert_eq!(after_create[0]["actor_username"], "ghi.nhat.ky");
    assert_eq!(after_create[0]["request_id"], request_id);
    assert_eq!(after_create[0]["changes"]["name"], json!({"before": null, "after": "Thôn Nhật Ký"}));
    assert_eq!(after_create[0]["unit_id"], village["id"]);

    let rename = officer
        .patch(app.url(&format!("/api/v1/units/{}", village["id"])))
        .header("if-match", "\"1\"")
        .json(&json!({"name": "Thôn Đổi Tên", "effective_date": "2026-01-01", "legal_basis": "QĐ 1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(rename.status(), 200);
    let after_rename = rows(app, "unit", &village["id"]).await;
    assert_eq!(after_rename.len(), 2);
    assert_eq!(after_rename[0]["action"], "rename");
    assert_eq!(after_rename[0]["changes"]["name"], json!({"before": "Thôn Nhật Ký", "after": "Thôn Đổi Tên"}));
    assert!(after_rename[0]["changes"].get("version").is_none(), "noise fields are left out");

    // Failed writes leave nothing: a stale If-Match, an out-of-scope write, a bad body.
    let before = total(app).await;
    let stale = officer
        .patch(app.url(&format!("/api/v1/units/{}", village["id"])))
        .header("if-match", "\"1\"")
        .json(&json!({"name": "Không ghi", "effective_date": "2026-02-01", "legal_basis": "QĐ 2"}))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 412);
    let elsewhere = app.unit_by_code("00103", "2025-07-01").await;
    let refused = officer
        .post(app.url("/api/v1/units"))
        .json(&json!({"parent_id": elsewhere["id"], "name": "Thôn", "division_type": "thôn"}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let invalid = officer
        .post(app.url("/api/v1/units"))
        .json(&json!({"parent_id": commune["id"], "name": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(invalid.status(), 422);
    let failed_merge = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({"kind": "merge", "effective_date": "2026-07-01", "legal_basis": "x", "sources": [commune["id"]],
                    "targets": [{"new": {"level": "commune", "code": "99991", "name": "X", "division_type": "xã",
                                         "parent_id": commune["parent"]["id"]}}]}),
        )
        .await;
    assert_eq!(failed_merge.status(), 409, "the commune has an open village");
    assert_eq!(total(app).await, before, "failed writes wrote no audit rows");

    let closed = officer
        .post(app.url(&format!("/api/v1/units/{}/close", village["id"])))
        .header("if-match", "\"2\"")
        .json(&json!({"last_day": "2026-06-30", "legal_basis": "QĐ 3"}))
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 200);
    let after_close = rows(app, "unit", &village["id"]).await;
    assert_eq!(after_close[0]["action"], "close");
    assert_eq!(after_close[0]["changes"]["valid_to"], json!({"before": null, "after": "2026-06-30"}));

    // A reorganisation writes its own row and one per unit it touched.
    let a = app
        .post_json(
            "/api/v1/units",
            &json!({"parent_id": commune["id"], "name": "Thôn A", "division_type": "thôn", "valid_from": "2025-08-01"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let merged: Value = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({"kind": "merge", "effective_date": "2026-01-01", "legal_basis": "NQ 5", "sources": [a["id"]],
                    "targets": [{"new": {"level": "village", "code": "GOP", "name": "Thôn Gộp", "division_type": "thôn",
                                         "parent_id": commune["id"]}}]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let reorganisation = rows(app, "reorganisation", &merged["id"]).await;
    assert_eq!(reorganisation.len(), 1);
    assert_eq!(reorganisation[0]["changes"]["legal_basis"]["after"], "NQ 5");
    assert_eq!(rows(app, "unit", &a["id"]).await[0]["action"], "close");
    assert_eq!(rows(app, "unit", &merged["targets"][0]["id"]).await[0]["action"], "reorganise");

    // Account changes and key operations.
    let update = app
        .client
        .patch(app.url(&format!("/api/v1/accounts/{officer_id}")))
        .header("if-match", "*")
        .json(&json!({"roles": ["viewer"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(update.status(), 200);
    let account_rows = rows(app, "account", &json!(officer_id)).await;
    assert_eq!(account_rows[0]["action"], "update");
    assert_eq!(account_rows[0]["changes"]["roles"], json!({"before": ["commune_officer"], "after": ["viewer"]}));

    let reset =
        app.client.post(app.url(&format!("/api/v1/accounts/{officer_id}/reset-password"))).send().await.unwrap();
    let reset_body = reset.text().await.unwrap();
    let one_time: Value = serde_json::from_str(&reset_body).unwrap();
    let account_rows = rows(app, "account", &json!(officer_id)).await;
    assert_eq!(account_rows[0]["action"], "reset_password");
    let everything = app.get_json("/api/v1/audit?limit=500").await.to_string();
    assert!(!everything.contains(one_time["initial_password"].as_str().unwrap()), "no password in the trail");

    // Any change to the account makes its tokens stale at once: the officer signs in again and
    // gets the new role, which no longer reads the trail. No route writes to the trail.
    let stale = officer.get(app.url("/api/v1/audit")).send().await.unwrap();
    assert_eq!(stale.status(), 401);
}
