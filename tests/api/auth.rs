//! Sign-in, token checks, refresh rotation and API keys (throttling: tests/api/security.rs).

use crate::helpers::{ADMIN_PASSWORD, TestApp, assert_problem, bearer_client};
use crate::on_both_backends;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};

on_both_backends!(
    refresh_tokens_rotate_and_reuse_revokes_the_family,
    bad_tokens_are_rejected,
    api_keys_sign_in_service_accounts,
    passwords_change_and_reset,
    a_change_to_an_account_or_its_session_is_refused_at_once_on_every_server,
    an_account_reads_the_same_on_every_path,
);

/// An account's roles and units are read with the account in one statement (a list each, in
/// no order): the account itself, by id, in the list and at sign-in (the token's claims) shows
/// them all, sorted, and an account with no unit shows none.
async fn an_account_reads_the_same_on_every_path(app: &TestApp) {
    let mut units = Vec::new();
    for code in ["01", "79"] {
        units.push(app.unit_by_code(code, "2025-07-01").await["id"].as_i64().unwrap());
    }
    units.sort_unstable();
    let (id, token) = app.account("nhieu.vaitro", &["viewer", "inspector"], &[units[1], units[0]]).await;
    let me: Value =
        bearer_client(&token).get(app.url("/api/v1/accounts/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["id"], id);
    assert_eq!(me["unit_ids"], json!(units));
    assert_eq!(me["roles"], json!(["inspector", "viewer"]));
    let by_id: Value =
        app.client.get(app.url(&format!("/api/v1/accounts/{id}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(by_id, me);
    let listed: Value =
        app.client.get(app.url("/api/v1/accounts?limit=100")).send().await.unwrap().json().await.unwrap();
    let listed = listed["items"].as_array().unwrap().iter().find(|a| a["id"] == id).expect("the account in the list");
    assert_eq!(listed, &me);
    let claims = token.split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
    assert_eq!(claims["roles"], me["roles"]);

    let admin: Value = app.client.get(app.url("/api/v1/accounts/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(admin["unit_ids"], json!([]));
    assert_eq!(admin["roles"], json!(["admin"]));
}

/// Token checks of a session seen lately are served from memory; a change to the account (a
/// role, disabling) or the end of a session is in force at once on the server that made it,
/// and on PostgreSQL within milliseconds on another (SQLite: one server a file, and
/// `notices::TOKEN_TTL` for another process).
async fn a_change_to_an_account_or_its_session_is_refused_at_once_on_every_server(app: &TestApp) {
    let other = {
        let settings = crate::helpers::test_settings(&app.database_url, &app.jwt_secret);
        let server = xhht_api::startup::Application::build(&settings).unwrap();
        let address = format!("http://127.0.0.1:{}", server.port());
        tokio::spawn(server.run_until_stopped());
        address
    };
    let shared = app.database_url.starts_with("postgres");
    let me_on = |address: &str, token: &str| {
        let request = bearer_client(token).get(format!("{address}/api/v1/accounts/me"));
        async move { request.send().await.unwrap().status().as_u16() }
    };
    let refused_on_other = |token: String| {
        let other = other.clone();
        async move {
            let started = std::time::Instant::now();
            while me_on(&other, &token).await != 401 {
                assert!(started.elapsed() < std::time::Duration::from_secs(3), "still accepted by the other server");
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
        }
    };
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let (id, user) = app.account("kiem.tra.phien", &["commune_officer"], &[commune]).await;
    for _ in 0..3 {
        assert_eq!((me_on(&app.address, &user).await, me_on(&other, &user).await), (200, 200));
    }
    let disabled = app
        .client
        .patch(app.url(&format!("/api/v1/accounts/{id}")))
        .header("if-match", "*")
        .json(&json!({"disabled": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(disabled.status(), 200);
    assert_eq!(me_on(&app.address, &user).await, 401, "the server that disabled it refuses at once");
    if shared {
        refused_on_other(user).await;
    }

    // Signing out ends the session's access tokens too.
    let signed: Value = token(app, json!({"grant_type": "password", "username": "admin", "password": ADMIN_PASSWORD}))
        .await
        .json()
        .await
        .unwrap();
    let access = signed["access_token"].as_str().unwrap().to_owned();
    assert_eq!((me_on(&app.address, &access).await, me_on(&other, &access).await), (200, 200));
    let out = app
        .anonymous
        .post(app.url("/api/v1/auth/logout"))
        .json(&json!({"refresh_token": signed["refresh_token"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    assert_eq!(me_on(&app.address, &access).await, 401);
    if shared {
        refused_on_other(access).await;
    }
}

async fn token(app: &TestApp, body: Value) -> reqwest::Response {
    app.anonymous.post(app.url("/api/v1/auth/token")).json(&body).send().await.unwrap()
}

async fn refresh_tokens_rotate_and_reuse_revokes_the_family(app: &TestApp) {
    let first: Value = token(app, json!({"grant_type": "password", "username": "admin", "password": ADMIN_PASSWORD}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["token_type"], "Bearer");
    assert_eq!(first["expires_in"], 900);
    let r1 = first["refresh_token"].as_str().unwrap().to_owned();

    let second = token(app, json!({"grant_type": "refresh_token", "refresh_token": r1})).await;
    assert_eq!(second.status(), 200);
    let second: Value = second.json().await.unwrap();
    let r2 = second["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(r1, r2, "refresh tokens rotate");
    let me = bearer_client(second["access_token"].as_str().unwrap())
        .get(app.url("/api/v1/accounts/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);

    // Reusing the first token is theft or a bug: the whole family dies, r2 included.
    assert_problem(token(app, json!({"grant_type": "refresh_token", "refresh_token": r1})).await, 401, "invalid_grant")
        .await;
    assert_problem(token(app, json!({"grant_type": "refresh_token", "refresh_token": r2})).await, 401, "invalid_grant")
        .await;

    // Logout revokes a fresh family.
    let third: Value = token(app, json!({"grant_type": "password", "username": "admin", "password": ADMIN_PASSWORD}))
        .await
        .json()
        .await
        .unwrap();
    let r3 = third["refresh_token"].as_str().unwrap().to_owned();
    let out =
        app.anonymous.post(app.url("/api/v1/auth/logout")).json(&json!({"refresh_token": r3})).send().await.unwrap();
    assert_eq!(out.status(), 204);
    assert_problem(token(app, json!({"grant_type": "refresh_token", "refresh_token": r3})).await, 401, "invalid_grant")
        .await;
    assert_problem(
        token(app, json!({"grant_type": "refresh_token", "refresh_token": "made-up"})).await,
        401,
        "invalid_grant",
    )
    .await;
    assert_problem(token(app, json!({"grant_type": "refresh_token"})).await, 422, "validation_failed").await;
}

/// The claims of an administrator's token in session `sid`, valid for `lifetime` seconds.
fn claims_in(sid: &str, lifetime: i64) -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({"iss": "xhht", "aud": "xhht-api", "sub": "1", "name": "admin", "iat": now, "nbf": now,
           "exp": now + lifetime, "jti": "x", "roles": ["admin"],
           "scope": {"nationwide": true, "write": [], "read": []}, "ver": 1, "sid": sid})
}

/// The session of a real sign-in, read from its token.
async fn live_session(app: &TestApp) -> String {
    let signed: Value = token(app, json!({"grant_type": "password", "username": "admin", "password": ADMIN_PASSWORD}))
        .await
        .json()
        .await
        .unwrap();
    let payload = signed["access_token"].as_str().unwrap().split('.').nth(1).unwrap().to_owned();
    let payload: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    payload["sid"].as_str().unwrap().to_owned()
}

async fn me_with(app: &TestApp, token: &str) -> reqwest::Response {
    bearer_client(token).get(app.url("/api/v1/accounts/me")).send().await.unwrap()
}

async fn bad_tokens_are_rejected(app: &TestApp) {
    let sid = live_session(app).await;
    let claims = |lifetime: i64| claims_in(&sid, lifetime);
    let key = EncodingKey::from_secret(app.jwt_secret.as_bytes());
    let sign = |alg: Algorithm, claims: &Value, key: &EncodingKey| encode(&Header::new(alg), claims, key).unwrap();

    // The genuine article works, so the failures below are about what was changed.
    assert_eq!(me_with(app, &sign(Algorithm::HS256, &claims(600), &key)).await.status(), 200);

    let now = chrono::Utc::now().timestamp();
    let mut expired = claims(600);
    expired["exp"] = json!(now - 120);
    let mut not_yet = claims(600);
    not_yet["nbf"] = json!(now + 600);
    let mut wrong_audience = claims(600);
    wrong_audience["aud"] = json!("someone-else");
    let mut wrong_issuer = claims(600);
    wrong_issuer["iss"] = json!("someone-else");
    let other_key = EncodingKey::from_secret(b"another-secret-of-at-least-32-bytes!!");
    let genuine = sign(Algorithm::HS256, &claims(600), &key);
    let mut parts: Vec<String> = genuine.split('.').map(str::to_owned).collect();
    let mut payload: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(&parts[1]).unwrap()).unwrap();
    payload["sub"] = json!("2");
    parts[1] = URL_SAFE_NO_PAD.encode(payload.to_string());
    let tampered = parts.join(".");
    let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let alg_none = format!("{none_header}.{}.", URL_SAFE_NO_PAD.encode(claims(600).to_string()));
    let mut no_session = claims(600);
    no_session.as_object_mut().unwrap().remove("sid");
    let ended_session = claims_in("f:00000000-0000-0000-0000-000000000000", 600);
    let another_accounts_key = claims_in("k:1", 600);

    for (label, bad) in [
        ("expired", sign(Algorithm::HS256, &expired, &key)),
        ("not yet valid", sign(Algorithm::HS256, &not_yet, &key)),
        ("wrong audience", sign(Algorithm::HS256, &wrong_audience, &key)),
        ("wrong issuer", sign(Algorithm::HS256, &wrong_issuer, &key)),
        ("wrong key", sign(Algorithm::HS256, &claims(600), &other_key)),
        ("tampered", tampered),
        ("alg none", alg_none),
        // Algorithm confusion: same secret, another algorithm; only HS256 is accepted.
        ("HS512", sign(Algorithm::HS512, &claims(600), &key)),
        ("HS384", sign(Algorithm::HS384, &claims(600), &key)),
        ("garbage", "not.a.token".to_owned()),
        ("no session", sign(Algorithm::HS256, &no_session, &key)),
        ("unknown session", sign(Algorithm::HS256, &ended_session, &key)),
        ("a key that is not the account's", sign(Algorithm::HS256, &another_accounts_key, &key)),
    ] {
        let response = me_with(app, &bad).await;
        assert_eq!(response.status(), 401, "{label}");
        assert!(response.headers().contains_key("www-authenticate"), "{label}");
        assert_problem(response, 401, "invalid_token").await;
    }
    let missing = app.anonymous.get(app.url("/api/v1/accounts/me")).send().await.unwrap();
    assert_problem(missing, 401, "unauthorized").await;
    let basic = app
        .anonymous
        .get(app.url("/api/v1/accounts/me"))
        .header("authorization", "Basic YWRtaW46eA==")
        .send()
        .await
        .unwrap();
    assert_problem(basic, 401, "invalid_token").await;
}

async fn api_keys_sign_in_service_accounts(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await;
    let created = app
        .post_json(
            "/api/v1/accounts",
            &json!({"username": "portal.hanoi", "display_name": "Cổng thông tin", "kind": "service",
                    "roles": ["commune_officer"], "unit_ids": [commune["id"]]}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    assert_eq!(created["initial_password"], Value::Null, "service accounts have no password");
    let id = created["id"].as_i64().unwrap();

    let key = app.post_json(&format!("/api/v1/accounts/{id}/api-keys"), &json!({"name": "import script"})).await;
    assert_eq!(key.status(), 201);
    // A person's account exists but takes no key: said as such, not as a missing account.
    let person = app
        .post_json(
            "/api/v1/accounts",
            &json!({"username": "cb.khoa", "display_name": "Cán bộ", "kind": "person",
                    "roles": ["commune_officer"], "unit_ids": [commune["id"]]}),
        )
        .await;
    let person: Value = person.json().await.unwrap();
    let refused =
        app.post_json(&format!("/api/v1/accounts/{}/api-keys", person["id"]), &json!({"name": "script"})).await;
    let problem = assert_problem(refused, 409, "reference_conflict").await;
    assert_eq!(problem["errors"][0]["code"], "api_keys_for_service_accounts_only");
    let key: Value = key.json().await.unwrap();
    let secret = key["api_key"].as_str().unwrap().to_owned();
    assert!(secret.starts_with(&format!("xhht_{}_", key["prefix"].as_str().unwrap())));
    let listed = app.get_json(&format!("/api/v1/accounts/{id}/api-keys")).await;
    assert!(!listed.to_string().contains(&secret), "a key is shown once, never listed");

    let signed = token(app, json!({"grant_type": "api_key", "api_key": secret})).await;
    assert_eq!(signed.status(), 200);
    let signed: Value = signed.json().await.unwrap();
    assert_eq!(signed["refresh_token"], Value::Null);
    let client = bearer_client(signed["access_token"].as_str().unwrap());
    let village = client
        .post(app.url("/api/v1/units"))
        .json(&json!({"parent_id": commune["id"], "name": "Thôn Cổng", "division_type": "thôn"}))
        .send()
        .await
        .unwrap();
    assert_eq!(village.status(), 201, "a service account writes within its units");

    let tampered = format!("{}x", &secret[..secret.len() - 1]);
    assert_problem(token(app, json!({"grant_type": "api_key", "api_key": tampered})).await, 401, "invalid_credentials")
        .await;

    let revoked =
        app.client.delete(app.url(&format!("/api/v1/accounts/{id}/api-keys/{}", key["id"]))).send().await.unwrap();
    assert_eq!(revoked.status(), 200);
    assert_problem(token(app, json!({"grant_type": "api_key", "api_key": secret})).await, 401, "invalid_credentials")
        .await;
    let again =
        app.client.delete(app.url(&format!("/api/v1/accounts/{id}/api-keys/{}", key["id"]))).send().await.unwrap();
    assert_problem(again, 404, "api_key_not_found").await;
}

async fn passwords_change_and_reset(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await;
    let (id, officer, _) = app
        .account_with_one_time_password("doi.matkhau", &["commune_officer"], &[commune["id"].as_i64().unwrap()])
        .await;
    let me: Value =
        bearer_client(&officer).get(app.url("/api/v1/accounts/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["must_change_password"], true);

    let wrong = bearer_client(&officer)
        .post(app.url("/api/v1/accounts/me/password"))
        .json(&json!({"current_password": "nope", "new_password": "vd7-Khoa-hoc-2x9Q-song"}))
        .send()
        .await
        .unwrap();
    assert_problem(wrong, 401, "invalid_credentials").await;

    let reset = app.client.post(app.url(&format!("/api/v1/accounts/{id}/reset-password"))).send().await.unwrap();
    assert_eq!(reset.status(), 200);
    let reset: Value = reset.json().await.unwrap();
    let one_time = reset["initial_password"].as_str().unwrap().to_owned();
    // The reset ended the sessions that the old password opened.
    let stale = bearer_client(&officer).get(app.url("/api/v1/accounts/me")).send().await.unwrap();
    assert_problem(stale, 401, "invalid_token").await;
    let officer = crate::helpers::login(&app.anonymous, &app.address, "doi.matkhau", &one_time).await;
    let changed = bearer_client(&officer)
        .post(app.url("/api/v1/accounts/me/password"))
        .json(&json!({"current_password": one_time, "new_password": "vd7-Khoa-hoc-2x9Q-song"}))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 204);
    let signed =
        token(app, json!({"grant_type": "password", "username": "doi.matkhau", "password": "vd7-Khoa-hoc-2x9Q-song"}))
            .await;
    assert_eq!(signed.status(), 200);
    let signed: Value = signed.json().await.unwrap();
    assert_eq!(signed["must_change_password"], false);

    let officer = signed["access_token"].as_str().unwrap().to_owned();
    let short = bearer_client(&officer)
        .post(app.url("/api/v1/accounts/me/password"))
        .json(&json!({"current_password": "vd7-Khoa-hoc-2x9Q-song", "new_password": "short"}))
        .send()
        .await
        .unwrap();
    assert_problem(short, 422, "validation_failed").await;
}
