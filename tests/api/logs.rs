//! The real binary, logging at debug level, never writes a password, a token, an API key or a
//! query string (which may hold a person's name) to its output.

use serde_json::{Value, json};
use std::process::{Command, Stdio};
use std::time::Duration;

pub fn trials() -> Vec<libtest_mimic::Trial> {
    vec![crate::helpers::trial(module_path!(), "secrets_never_reach_the_logs", secrets_never_reach_the_logs)]
}

async fn secrets_never_reach_the_logs() {
    let dir = std::env::temp_dir().join(format!("xhht-logs-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let admin_password = "Adm1n-passw0rd-for-log-test";
    let mut child = Command::new(env!("CARGO_BIN_EXE_xhht"))
        .arg("serve")
        .env("XHHT_DATABASE_URL", format!("sqlite://{}/x.sqlite", dir.display()))
        .env("XHHT_DATA_DIR", dir.display().to_string())
        .env("XHHT_PORT", port.to_string())
        .env("XHHT_LOG", "debug")
        .env("XHHT_ADMIN_PASSWORD", admin_password)
        .env("XHHT_ARGON2_MEMORY_KIB", "256")
        .env("XHHT_ARGON2_ITERATIONS", "1")
        .env("XHHT_WORKERS", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut ready = false;
    for _ in 0..200 {
        if client.get(format!("{base}/health/ready")).send().await.is_ok_and(|r| r.status() == 200) {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(ready, "the server did not start");

    let token = |body: Value| client.post(format!("{base}/api/v1/auth/token")).json(&body).send();
    let wrong_password = "Wr0ng-password-never-logged";
    let refused =
        token(json!({"grant_type": "password", "username": "admin", "password": wrong_password})).await.unwrap();
    assert_eq!(refused.status(), 401);
    let granted: Value = token(json!({"grant_type": "password", "username": "admin", "password": admin_password}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let access = granted["access_token"].as_str().unwrap().to_owned();
    let refresh = granted["refresh_token"].as_str().unwrap().to_owned();
    let refreshed = token(json!({"grant_type": "refresh_token", "refresh_token": refresh})).await.unwrap();
    assert_eq!(refreshed.status(), 200);
    let reused = token(json!({"grant_type": "refresh_token", "refresh_token": refresh})).await.unwrap();
    assert_eq!(reused.status(), 401);
    let tampered = format!("{access}x");
    let bad = client.get(format!("{base}/api/v1/accounts/me")).bearer_auth(&tampered).send().await.unwrap();
    assert_eq!(bad.status(), 401);
    let fake_key = "xhht_0123abcd_this-is-not-a-real-key-but-a-secret";
    let key = token(json!({"grant_type": "api_key", "api_key": fake_key})).await.unwrap();
    assert_eq!(key.status(), 401);
    let search = client.get(format!("{base}/api/v1/units?q=Nguyen%20Thi%20Secretname")).send().await.unwrap();
    assert_eq!(search.status(), 200);
    // A citizen with a national ID number, created twice (the second is a duplicate).
    let access2: Value = token(json!({"grant_type": "password", "username": "admin", "password": admin_password}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let admin = access2["access_token"].as_str().unwrap().to_owned();
    let commune: Value = client
        .get(format!("{base}/api/v1/units/by-code/00004?as_of=2025-07-01"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let national_id = "079185001234";
    let citizen = json!({"full_name": "Võ Thị Secretperson", "birth_year": 1985, "sex": "female", "target_group": "worker",
                         "unit_id": commune["id"], "national_id": national_id});
    for expected in [201, 409] {
        let created =
            client.post(format!("{base}/api/v1/citizens")).bearer_auth(&admin).json(&citizen).send().await.unwrap();
        assert_eq!(created.status(), expected);
    }

    child.kill().unwrap();
    let output = child.wait_with_output().unwrap();
    let logs = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(logs.contains("request"), "the server did log requests");
    for secret in [
        admin_password,
        wrong_password,
        &access,
        &refresh,
        &tampered,
        fake_key,
        "Secretname",
        national_id,
        "Secretperson",
        &admin,
    ] {
        assert!(!logs.contains(secret), "the logs contain a secret: {}…", &secret[..8]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
