//! Administrative units over time: the as-of, count, search, subtree and succession examples
//! of the foundation issue, and the life of a village.

use crate::helpers::{TestApp, assert_problem};
use crate::on_both_backends;
use serde_json::{Value, json};
use std::collections::HashSet;

on_both_backends!(
    code_means_different_units_in_different_eras,
    counts_before_and_after_the_reform,
    pagination_walks_every_unit_once,
    search_ignores_case_and_diacritics,
    subtrees_and_ancestors,
    succession_records_partial_merges_and_legal_basis,
    village_lifecycle_rename_and_close,
    creating_is_idempotent,
    reference_reads_come_from_memory_and_stay_current_on_every_server,
    a_reference_write_is_announced_to_every_server,
);

/// On PostgreSQL a server learns of another's reference write from its notification alone: this
/// watcher never reads the version after its first look. On SQLite the write is found by the
/// periodic read (one server per file is the SQLite deployment).
async fn a_reference_write_is_announced_to_every_server(app: &TestApp) {
    use std::time::{Duration, Instant};
    use xhht_persistence::{Database, DatabaseUrl, notices, reference};
    let url = DatabaseUrl::parse(&app.database_url).unwrap();
    let (writer, follower) =
        (Database::connect(&url, &Default::default()).unwrap(), Database::connect(&url, &Default::default()).unwrap());
    let recheck = if app.database_url.starts_with("postgres") { Duration::from_secs(3600) } else { notices::RECHECK };
    follower.start_watch_every(recheck).unwrap();
    let wait_for = |wanted: i64| {
        let started = Instant::now();
        loop {
            if follower.reference_version() >= Some(wanted) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "still at {:?}, not {wanted}",
                follower.reference_version()
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    };
    let before = writer.read(reference::current).unwrap();
    wait_for(before);
    for _ in 0..3 {
        writer.write(reference::bump).unwrap();
        assert_eq!(writer.reference_version(), None, "not watched: the writer's own copy is not trusted");
    }
    wait_for(before + 3);
    // A raise rolled back is announced to nobody and not published.
    let rolled_back: Result<(), xhht_persistence::PersistenceError> = writer.write(|conn| {
        reference::bump(conn)?;
        Err(xhht_persistence::PersistenceError::StaleVersion)
    });
    assert!(rolled_back.is_err());
    assert_eq!(writer.read(reference::current).unwrap(), before + 3);
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(follower.reference_version(), Some(before + 3));
}

/// Units and frameworks are served from memory with ETags a portal revalidates; a change made
/// through one server is served at once by another sharing the database.
async fn reference_reads_come_from_memory_and_stay_current_on_every_server(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await;
    let village = app
        .post_json(
            "/api/v1/units",
            &json!({"parent_id": commune["id"], "name": "Thôn Bộ nhớ", "division_type": "thôn", "valid_from": "2025-08-01"}),
        )
        .await;
    assert_eq!(village.status(), 201);
    let village: Value = village.json().await.unwrap();
    let url = app.url(&format!("/api/v1/units/{}", village["id"]));

    let first = app.anonymous.get(&url).send().await.unwrap();
    assert_eq!(first.headers()["cache-control"], "public, max-age=300");
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let again = app.anonymous.get(&url).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    assert!(again.bytes().await.unwrap().is_empty());
    let unreadable = reqwest::header::HeaderValue::from_bytes(&[0xc2, 0x84]).unwrap();
    let refused = app.anonymous.get(&url).header("if-none-match", unreadable).send().await.unwrap();
    assert_problem(refused, 400, "invalid_header").await;
    let by_code = app
        .anonymous
        .get(app.url(&format!("/api/v1/units/by-code/{}", village["code"].as_str().unwrap())))
        .send()
        .await
        .unwrap();
    assert_eq!(by_code.headers()["etag"].to_str().unwrap(), etag, "the same representation by id or by code");

    // The parent's new name is in the village's body, though the village itself did not change.
    let commune_url = app.url(&format!("/api/v1/units/{}", commune["id"]));
    let commune_etag =
        app.client.get(&commune_url).send().await.unwrap().headers()["etag"].to_str().unwrap().to_owned();
    let rename =
        json!({"name": "Phường Ba Đình Mới", "effective_date": "2026-01-01", "legal_basis": "Nghị quyết số 1/NQ-HĐND"});
    let renamed = app.client.patch(&commune_url).header("if-match", &commune_etag).json(&rename).send().await.unwrap();
    assert_eq!(renamed.status(), 200);
    let fresh = app.anonymous.get(&url).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(fresh.status(), 200, "not a stale 304");
    assert_ne!(fresh.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(fresh.json::<Value>().await.unwrap()["parent"]["name"], "Phường Ba Đình Mới");

    // A second server on the same database serves a change made through the first at once.
    let settings = crate::helpers::test_settings(&app.database_url, &app.jwt_secret);
    let other = xhht_api::startup::Application::build(&settings).unwrap();
    let other_url = format!("http://127.0.0.1:{}/api/v1/units/{}", other.port(), village["id"]);
    tokio::spawn(other.run_until_stopped());
    let through_other: Value = app.anonymous.get(&other_url).send().await.unwrap().json().await.unwrap();
    assert_eq!(through_other["name"], "Thôn Bộ nhớ");
    let village_etag = app.anonymous.get(&url).send().await.unwrap().headers()["etag"].to_str().unwrap().to_owned();
    let rename =
        json!({"name": "Thôn Đổi tên", "effective_date": "2026-02-01", "legal_basis": "Quyết định số 9/QĐ-UBND"});
    let renamed = app.client.patch(&url).header("if-match", &village_etag).json(&rename).send().await.unwrap();
    assert_eq!(renamed.status(), 200);
    let through_this: Value = app.anonymous.get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(through_this["name"], "Thôn Đổi tên", "the server that wrote serves its write at once");
    // The other learns of it from PostgreSQL's notification within milliseconds, or on SQLite
    // from its half-second check of the version.
    let started = std::time::Instant::now();
    loop {
        let through_other: Value = app.anonymous.get(&other_url).send().await.unwrap().json().await.unwrap();
        if through_other["name"] == "Thôn Đổi tên" {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(3), "the other server still serves {through_other}");
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }

    // Frameworks too: a public version's tag is its row version.
    let framework = app.get_json("/api/v1/frameworks?key=vn.moet.dvht.huyen.tt22-2020").await["items"][0]["id"].clone();
    let framework_url = app.url(&format!("/api/v1/frameworks/{framework}"));
    let read = app.anonymous.get(&framework_url).send().await.unwrap();
    assert_eq!(
        (read.headers()["etag"].to_str().unwrap(), read.headers()["cache-control"].to_str().unwrap()),
        ("\"1\"", "public, max-age=300")
    );
    let not_modified = app.anonymous.get(&framework_url).header("if-none-match", "\"1\"").send().await.unwrap();
    assert_eq!(not_modified.status(), 304);
    let empty =
        app.anonymous.get(format!("{framework_url}?format=csv")).header("if-none-match", "").send().await.unwrap();
    assert_problem(empty, 400, "invalid_header").await;
}

async fn code_means_different_units_in_different_eras(app: &TestApp) {
    let old = app.unit_by_code("00004", "2025-06-30").await;
    assert_eq!(old["name"], "Phường Trúc Bạch");
    assert_eq!(old["level"], "commune");
    assert_eq!(old["parent"]["code"], "001");
    assert_eq!(old["parent"]["level"], "district");
    assert_eq!(old["valid_to"], "2025-06-30");

    let new = app.unit_by_code("00004", "2025-07-01").await;
    assert_eq!(new["name"], "Phường Ba Đình");
    assert_eq!(new["parent"]["code"], "01");
    assert_eq!(new["parent"]["level"], "province");
    assert_eq!(new["valid_from"], "2025-07-01");
    assert_ne!(old["id"], new["id"], "a reused code is another unit");

    // Province 79 before and after are different territories too.
    let hcm_old = app.unit_by_code("79", "2025-06-30").await;
    let hcm_new = app.unit_by_code("79", "2025-07-01").await;
    assert_ne!(hcm_old["id"], hcm_new["id"]);

    // A district code read after districts ended: nothing holds it.
    let gone = app.get("/api/v1/units/by-code/001?as_of=2025-07-01").await;
    assert_problem(gone, 404, "unit_not_found").await;
}

async fn total(app: &TestApp, query: &str) -> i64 {
    let page = app.get_json(&format!("/api/v1/units?{query}&with_total=true&limit=1")).await;
    page["total"].as_i64().unwrap()
}

async fn counts_before_and_after_the_reform(app: &TestApp) {
    assert_eq!(total(app, "level=commune&as_of=2025-07-01").await, 3_321);
    assert_eq!(total(app, "level=commune&as_of=2025-06-30").await, 10_051);
    assert_eq!(total(app, "level=province&as_of=2025-07-01").await, 34);
    assert_eq!(total(app, "level=province&as_of=2025-06-30").await, 63);
    assert_eq!(total(app, "level=district&as_of=2025-06-30").await, 696);
    assert_eq!(total(app, "level=district&as_of=2025-07-01").await, 0);
}

async fn pagination_walks_every_unit_once(app: &TestApp) {
    let mut seen = HashSet::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut path = "/api/v1/units?level=commune&as_of=2025-07-01&limit=500".to_owned();
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let page = app.get_json(&path).await;
        for item in page["items"].as_array().unwrap() {
            assert!(seen.insert(item["id"].as_i64().unwrap()), "a unit came twice");
        }
        pages += 1;
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 3_321);
    assert_eq!(pages, 7);

    let bad = app.get("/api/v1/units?cursor=not-a-cursor!").await;
    let body = assert_problem(bad, 400, "invalid_query").await;
    assert_eq!(body["errors"][0]["field"], "cursor");
}

async fn search_ignores_case_and_diacritics(app: &TestApp) {
    for q in ["ba%20dinh", "BA%20%C4%90%C3%8CNH", "Ba%20%C4%90%C3%ACnh"] {
        let page = app.get_json(&format!("/api/v1/units?q={q}&as_of=2025-07-01&level=commune")).await;
        let names: Vec<&str> = page["items"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
        assert!(names.contains(&"Phường Ba Đình"), "{q}: {names:?}");
    }
    // LIKE wildcards typed by a user are literal characters.
    let page = app.get_json("/api/v1/units?q=%25&as_of=2025-07-01").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 0);
}

async fn subtrees_and_ancestors(app: &TestApp) {
    let hanoi = app.unit_by_code("01", "2025-07-01").await;
    let id = hanoi["id"].as_i64().unwrap();
    let children = total(app, &format!("parent={id}&as_of=2025-07-01")).await;
    let subtree = total(app, &format!("within={id}&as_of=2025-07-01")).await;
    assert!(children > 100, "Hà Nội has its communes directly under it since 2025");
    assert_eq!(children, subtree, "no districts in between after the reform");

    let old_hanoi = app.unit_by_code("01", "2025-06-30").await;
    let old_id = old_hanoi["id"].as_i64().unwrap();
    let districts = total(app, &format!("parent={old_id}&as_of=2025-06-30")).await;
    let old_subtree = total(app, &format!("within={old_id}&as_of=2025-06-30")).await;
    let old_communes = total(app, &format!("within={old_id}&as_of=2025-06-30&level=commune")).await;
    assert_eq!(old_subtree, districts + old_communes);

    let truc_bach = app.unit_by_code("00004", "2025-06-30").await;
    let chain = app.get_json(&format!("/api/v1/units/{}/ancestors", truc_bach["id"])).await;
    let codes: Vec<&str> = chain["items"].as_array().unwrap().iter().map(|u| u["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["01", "001"]);

    // A closed district's children are read on its last day by default.
    let district = app.unit_by_code("001", "2025-06-30").await;
    let wards = app.get_json(&format!("/api/v1/units/{}/children?limit=500", district["id"])).await;
    let wards = wards["items"].as_array().unwrap();
    assert!(!wards.is_empty());
    assert!(wards.iter().all(|w| w["parent"]["code"] == "001"));

    let missing = app.get("/api/v1/units?within=999999999").await;
    assert_problem(missing, 404, "unit_not_found").await;
}

async fn succession_records_partial_merges_and_legal_basis(app: &TestApp) {
    let ba_dinh = app.unit_by_code("00004", "2025-07-01").await;
    let preds = app.get_json(&format!("/api/v1/units/{}/predecessors", ba_dinh["id"])).await;
    let preds = preds["items"].as_array().unwrap();
    let by_code = |code: &str| preds.iter().find(|p| p["unit"]["code"] == code).cloned().unwrap_or(Value::Null);
    assert_eq!(by_code("00004")["partial"], false);
    assert_eq!(by_code("00004")["unit"]["name"], "Phường Trúc Bạch");
    assert_eq!(by_code("00016")["partial"], true);
    assert_eq!(by_code("00016")["effective_date"], "2025-07-01");
    assert_eq!(by_code("00016")["legal_basis"], "QĐ 19/2025/QĐ-TTg");
    assert_eq!(preds.len(), 10);

    // A partly merged old ward went to several new ones.
    let old = app.unit_by_code("00016", "2025-06-30").await;
    let succ = app.get_json(&format!("/api/v1/units/{}/successors", old["id"])).await;
    let succ = succ["items"].as_array().unwrap();
    assert!(succ.len() >= 2);
    assert!(succ.iter().all(|s| s["partial"] == true));
    assert!(succ.iter().any(|s| s["unit"]["id"] == ba_dinh["id"]));

    // Hà Giang (02) went into Tuyên Quang (08).
    let ha_giang = app.unit_by_code("02", "2025-06-30").await;
    let succ = app.get_json(&format!("/api/v1/units/{}/successors", ha_giang["id"])).await;
    assert_eq!(succ["items"][0]["unit"]["code"], "08");
    assert_eq!(succ["items"][0]["unit"]["name"], "Tỉnh Tuyên Quang");
}

async fn village_lifecycle_rename_and_close(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await;
    let created = app
        .post_json(
            "/api/v1/units",
            &json!({"parent_id": commune["id"], "name": "Tổ dân phố số 1", "division_type": "tổ dân phố",
                    "local_code": "TDP01", "valid_from": "2025-08-01"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let village: Value = created.json().await.unwrap();
    assert_eq!(village["code"], "00004-TDP01");
    assert_eq!(village["level"], "village");
    assert_eq!(location, format!("/api/v1/units/{}", village["id"]));

    let read = app.get(&location).await;
    let etag = read.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("\"1-"), "the version, then a digest of the body: {etag}");

    let rename = json!({"name": "Tổ dân phố Hàng Bún", "effective_date": "2026-01-01", "legal_basis": "Quyết định số 5/QĐ-UBND"});
    let url = app.url(&location);
    let no_precondition = app.client.patch(&url).json(&rename).send().await.unwrap();
    assert_problem(no_precondition, 428, "precondition_required").await;
    let stale = app.client.patch(&url).header("if-match", "\"7\"").json(&rename).send().await.unwrap();
    assert_problem(stale, 412, "precondition_failed").await;
    let renamed = app.client.patch(&url).header("if-match", etag.as_str()).json(&rename).send().await.unwrap();
    assert_eq!(renamed.status(), 200);
    assert!(renamed.headers()["etag"].to_str().unwrap().starts_with("\"2-"));
    let renamed: Value = renamed.json().await.unwrap();
    assert_eq!(renamed["name"], "Tổ dân phố Hàng Bún");
    assert_eq!(renamed["former_names"][0]["name"], "Tổ dân phố số 1");
    assert_eq!(renamed["former_names"][0]["valid_to"], "2025-12-31");

    // Lists as of a day before the rename show the name of that day.
    let before = app.get_json(&format!("/api/v1/units/{}/children?as_of=2025-09-01", commune["id"])).await;
    assert_eq!(before["items"][0]["name"], "Tổ dân phố số 1");
    let after = app.get_json(&format!("/api/v1/units/{}/children?as_of=2026-02-01", commune["id"])).await;
    assert_eq!(after["items"][0]["name"], "Tổ dân phố Hàng Bún");

    // The commune cannot close while the village is open.
    let commune_url = app.url(&format!("/api/v1/units/{}/close", commune["id"]));
    let refused = app
        .client
        .post(&commune_url)
        .header("if-match", "*")
        .json(&json!({"last_day": "2026-06-30", "legal_basis": "NQ thử"}))
        .send()
        .await
        .unwrap();
    assert_problem(refused, 409, "unit_has_open_children").await;

    let closed = app
        .client
        .post(format!("{url}/close"))
        .header("if-match", "\"2\"")
        .json(&json!({"last_day": "2026-06-30", "legal_basis": "Quyết định số 9/QĐ-UBND"}))
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 200);
    let closed: Value = closed.json().await.unwrap();
    assert_eq!(closed["valid_to"], "2026-06-30");
    assert_eq!(closed["closing_basis"], "Quyết định số 9/QĐ-UBND");
    let later = app.get_json(&format!("/api/v1/units/{}/children?as_of=2026-07-01", commune["id"])).await;
    assert_eq!(later["items"].as_array().unwrap().len(), 0);

    // Villages hang under communes only.
    let province = app.unit_by_code("01", "2025-07-01").await;
    let wrong = app
        .post_json("/api/v1/units", &json!({"parent_id": province["id"], "name": "Thôn A", "division_type": "thôn"}))
        .await;
    assert_problem(wrong, 409, "invalid_parent").await;
    // A closed commune cannot receive one.
    let old = app.unit_by_code("00004", "2025-06-30").await;
    let closed_parent = app
        .post_json("/api/v1/units", &json!({"parent_id": old["id"], "name": "Thôn A", "division_type": "thôn"}))
        .await;
    assert_problem(closed_parent, 409, "unit_not_valid_on_date").await;
}

async fn creating_is_idempotent(app: &TestApp) {
    let commune = app.unit_by_code("00008", "2025-07-01").await;
    let body = json!({"parent_id": commune["id"], "name": "Thôn Mới", "division_type": "thôn"});
    let send =
        |body: Value| app.client.post(app.url("/api/v1/units")).header("idempotency-key", "retry-1").json(&body).send();
    let first = send(body.clone()).await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let second = send(body.clone()).await.unwrap();
    assert_eq!(second.status(), 201);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    let second: Value = second.json().await.unwrap();
    assert_eq!(first, second);
    let children = app.get_json(&format!("/api/v1/units/{}/children", commune["id"])).await;
    assert_eq!(children["items"].as_array().unwrap().len(), 1, "one village, not two");
    assert_eq!(first["code"], "00008-001", "numbered automatically");

    let other = send(json!({"parent_id": commune["id"], "name": "Thôn Khác", "division_type": "thôn"})).await.unwrap();
    assert_problem(other, 422, "idempotency_key_reused").await;
}
