//! Registration drives and the emulation movement on both backends: a commune opens a drive,
//! registers a village's households in one call, sees who has not registered, refuses a late
//! registration and counts registered against recognised; a district plan of before 2025 with
//! two phases is reviewed, ranks its communes and commends two communes and a household.

use crate::helpers::{TestApp, assert_problem, bearer_client};
use crate::on_both_backends;
use crate::workflow::{created, decide, good_answers, published_framework, step};
use serde_json::{Value, json};

on_both_backends!(
    a_commune_runs_a_drive_and_registers_a_village_in_one_call,
    two_clerks_registering_one_village_at_once_register_each_family_once,
    a_district_plan_is_reviewed_and_its_best_are_commended,
);

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Today in Vietnam, and a day `offset` days from it, as the server reckons them.
fn day(offset: i64) -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive() + chrono::Duration::days(offset)
}

async fn village(app: &TestApp, commune: i64, name: &str) -> i64 {
    let body = json!({"parent_id": commune, "name": name, "division_type": "thôn", "valid_from": "2025-07-01"});
    created(app.post_json("/api/v1/units", &body).await).await["id"].as_i64().unwrap()
}

async fn household(app: &TestApp, client: &reqwest::Client, unit: i64, label: &str) -> i64 {
    let body = json!({"label": label, "unit_id": unit});
    created(client.post(app.url("/api/v1/households")).json(&body).send().await.unwrap()).await["id"].as_i64().unwrap()
}

async fn a_commune_runs_a_drive_and_registers_a_village_in_one_call(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let elsewhere = app.unit_by_code("25747", "2025-07-01").await["id"].as_i64().unwrap();
    let (east, west) = (village(app, commune, "Thôn Đông").await, village(app, commune, "Thôn Tây").await);
    let (_, officer) = app.account("vh.xh.dang-ky", &["commune_officer"], &[commune]).await;
    let (_, inspector) = app.account("kt.dang-ky", &["inspector"], &[commune]).await;
    let (_, stranger) = app.account("vh.xh.noi-khac", &["commune_officer"], &[elsewhere]).await;
    let (officer, inspector, stranger) = (bearer_client(&officer), bearer_client(&inspector), bearer_client(&stranger));
    published_framework(app, "gia_dinh_hoc_tap").await;
    let mut families = Vec::new();
    for name in ["Hộ ông Hà", "Hộ bà Mai", "Hộ ông Sơn"] {
        families.push(household(app, &officer, east, name).await);
    }
    let waiting = household(app, &officer, west, "Hộ bà Xuân").await;
    let far = household(app, &stranger, elsewhere, "Hộ ông Tâm").await;

    let year = chrono::Datelike::year(&day(0));
    let open = |opens: i64, closes: i64, policy: &str| {
        json!({"unit_id": commune, "year": year, "title_vi": format!("Đăng ký Gia đình học tập năm {year}"),
               "models": ["gia_dinh_hoc_tap"], "opens_on": day(opens), "closes_on": day(closes), "late_policy": policy, "target": 4})
    };
    let backwards = officer.post(app.url("/api/v1/drives")).json(&open(5, -5, "refuse")).send().await.unwrap();
    assert_eq!(assert_problem(backwards, 422, "validation_failed").await["errors"][0]["code"], "closes_before_opening");
    let drive =
        created(officer.post(app.url("/api/v1/drives")).json(&open(-10, 30, "refuse")).send().await.unwrap()).await;
    assert_eq!(drive["state"], "open");
    let drive_url = app.url(&format!("/api/v1/drives/{}", drive["id"]));
    let register = |body: Value| officer.post(format!("{drive_url}/registrations")).json(&body).send();

    // A whole village in one call; the same call again creates nothing.
    let first = register(json!({"model_kind": "gia_dinh_hoc_tap", "unit_id": east})).await.unwrap();
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    assert_eq!((first["registered"].as_array().unwrap().len(), first["late"].as_bool()), (3, Some(false)));
    let again: Value =
        register(json!({"model_kind": "gia_dinh_hoc_tap", "unit_id": east})).await.unwrap().json().await.unwrap();
    assert_eq!(
        (again["registered"].as_array().unwrap().len(), again["already_registered"].as_array().unwrap().len()),
        (0, 3)
    );
    let evaluation = app.get_json(&format!("/api/v1/evaluations/{}", first["registered"][0]["evaluation_id"])).await;
    assert_eq!(
        (evaluation["status"].as_str(), evaluation["year"].as_i64()),
        (Some("registered"), Some(i64::from(year)))
    );

    // Someone outside the drive's commune, or a model it does not run, is refused whole.
    let outside = register(json!({"model_kind": "gia_dinh_hoc_tap", "subject_ids": [waiting, far]})).await.unwrap();
    let outside = assert_problem(outside, 409, "reference_conflict").await;
    assert_eq!(
        (outside["errors"][0]["field"].as_str(), outside["errors"][0]["code"].as_str()),
        (Some("subject_ids[1]"), Some("not_in_drive"))
    );
    let other_model = register(json!({"model_kind": "dong_ho_hoc_tap", "unit_id": east})).await.unwrap();
    assert_eq!(assert_problem(other_model, 409, "reference_conflict").await["errors"][0]["code"], "model_not_in_drive");
    assert_problem(stranger.get(&drive_url).send().await.unwrap(), 404, "drive_not_found").await;

    // Who has not registered yet, as a list a clerk calls from.
    let unregistered =
        officer.get(format!("{drive_url}/unregistered?model_kind=gia_dinh_hoc_tap")).send().await.unwrap();
    let unregistered: Value = unregistered.json().await.unwrap();
    assert_eq!(
        unregistered["items"],
        json!([{"subject_type": "household", "subject_id": waiting, "name": "Hộ bà Xuân", "unit_id": west, "unit_name": "Thôn Tây"}])
    );
    let csv =
        officer.get(format!("{drive_url}/unregistered?model_kind=gia_dinh_hoc_tap&format=csv")).send().await.unwrap();
    assert!(String::from_utf8_lossy(&csv.bytes().await.unwrap()).contains("Hộ bà Xuân"));

    // One family goes through the year and is recognised.
    let ev = app.get_json(&format!("/api/v1/evaluations/{}", first["registered"][0]["evaluation_id"])).await;
    let ev = step(app, &officer, &ev, "PUT", "/self-assessment", Some(json!({"answers": good_answers()}))).await;
    let ev = step(app, &officer, &ev, "POST", "/submit", None).await;
    let ev = step(app, &inspector, &ev, "PUT", "/inspection", Some(json!({"answers": good_answers()}))).await;
    created(
        decide(app, &officer, "recognition", &day(0).to_string(), json!([{"evaluation_id": ev["id"]}]), None).await,
    )
    .await;

    // Registered against eligible, and recognised, per village and in total; in Excel too.
    let detail: Value = officer.get(&drive_url).send().await.unwrap().json().await.unwrap();
    let model = &detail["figures"][0];
    assert_eq!((model["total"]["eligible"].as_i64(), model["total"]["registered"].as_i64()), (Some(4), Some(3)));
    assert_eq!(
        (model["total"]["recognised"].as_i64(), model["total"]["share_registered"].as_f64()),
        (Some(1), Some(75.0))
    );
    let by_unit: Vec<(i64, i64, i64)> = model["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["unit_id"].as_i64().unwrap(), u["eligible"].as_i64().unwrap(), u["registered"].as_i64().unwrap()))
        .collect();
    assert_eq!(by_unit, [(east, 3, 3), (west, 1, 0)]);
    let xlsx = officer.get(format!("{drive_url}?format=xlsx")).send().await.unwrap();
    assert_eq!(xlsx.headers()["content-type"], XLSX);
    let statistics = app.get_json(&format!("/api/v1/statistics?unit={commune}&year={year}")).await;
    let drives = statistics["drives"].as_array().unwrap();
    assert_eq!(
        (drives[0]["eligible"].as_i64(), drives[0]["registered"].as_i64(), drives[0]["recognised"].as_i64()),
        (Some(4), Some(3), Some(1))
    );

    // After the closing date: refused by one drive, taken and flagged by another.
    let refusing =
        created(officer.post(app.url("/api/v1/drives")).json(&open(-60, -30, "refuse")).send().await.unwrap()).await;
    let late = officer
        .post(app.url(&format!("/api/v1/drives/{}/registrations", refusing["id"])))
        .json(&json!({"model_kind": "gia_dinh_hoc_tap", "subject_ids": [waiting]}))
        .send()
        .await
        .unwrap();
    assert_problem(late, 409, "drive_closed").await;
    let flagging =
        created(officer.post(app.url("/api/v1/drives")).json(&open(-60, -30, "flag")).send().await.unwrap()).await;
    let flagged: Value = officer
        .post(app.url(&format!("/api/v1/drives/{}/registrations", flagging["id"])))
        .json(&json!({"model_kind": "gia_dinh_hoc_tap", "subject_ids": [waiting]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (flagged["registered"][0]["subject_id"].as_i64(), flagged["late"].as_bool()),
        (Some(waiting), Some(true))
    );
    let flagging = officer
        .get(app.url(&format!("/api/v1/drives/{}", flagging["id"])))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(flagging["figures"][0]["total"]["registered_late"], 1);

    // Closing is audited, and ends the drive.
    let close =
        |version: &str| officer.post(format!("{drive_url}/close")).header("if-match", version.to_owned()).send();
    assert_problem(close("\"99\"").await.unwrap(), 412, "precondition_failed").await;
    let closed: Value = close(&format!("\"{}\"", drive["version"])).await.unwrap().json().await.unwrap();
    assert_eq!(closed["state"], "closed");
    assert_problem(close("*").await.unwrap(), 409, "drive_closed").await;
    let after = register(json!({"model_kind": "gia_dinh_hoc_tap", "subject_ids": [families[0]]})).await.unwrap();
    assert_problem(after, 409, "drive_closed").await;
    let audit = app.get_json(&format!("/api/v1/audit?entity=drive&entity_id={}", drive["id"])).await;
    let actions: Vec<&str> = audit["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"open") && actions.contains(&"close"), "{actions:?}");
}

async fn two_clerks_registering_one_village_at_once_register_each_family_once(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let hamlet = village(app, commune, "Thôn Giữa").await;
    let (_, first) = app.account("vh.xh.mot", &["commune_officer"], &[commune]).await;
    let (_, second) = app.account("vh.xh.hai", &["association_officer"], &[commune]).await;
    let (first, second) = (bearer_client(&first), bearer_client(&second));
    published_framework(app, "gia_dinh_hoc_tap").await;
    for i in 0..12 {
        household(app, &first, hamlet, &format!("Hộ số {i}")).await;
    }
    let year = chrono::Datelike::year(&day(0));
    let drive = created(
        first
            .post(app.url("/api/v1/drives"))
            .json(
                &json!({"unit_id": commune, "year": year, "title_vi": "Đăng ký năm nay", "models": ["gia_dinh_hoc_tap"],
                          "opens_on": day(-1), "closes_on": day(10), "late_policy": "refuse"}),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    let url = app.url(&format!("/api/v1/drives/{}/registrations", drive["id"]));
    let body = json!({"model_kind": "gia_dinh_hoc_tap", "unit_id": hamlet});
    let (a, b) = tokio::join!(first.post(&url).json(&body).send(), second.post(&url).json(&body).send());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.status().as_u16(), b.status().as_u16()), (200, 200));
    let (a, b): (Value, Value) = (a.json().await.unwrap(), b.json().await.unwrap());
    let count = |v: &Value, key: &str| v[key].as_array().unwrap().len();
    assert_eq!(count(&a, "registered") + count(&b, "registered"), 12, "{a}\n{b}");
    assert_eq!(count(&a, "registered") + count(&a, "already_registered"), 12);
    let detail: Value =
        first.get(app.url(&format!("/api/v1/drives/{}", drive["id"]))).send().await.unwrap().json().await.unwrap();
    assert_eq!(detail["figures"][0]["total"]["registered"], 12);
}

async fn a_district_plan_is_reviewed_and_its_best_are_commended(app: &TestApp) {
    // The national movement and the Krông Nô plan ship as data, with what is not known.
    let plans = app.get_json("/api/v1/emulation-plans").await;
    let keys: Vec<&str> = plans["items"].as_array().unwrap().iter().filter_map(|p| p["key"].as_str()).collect();
    assert_eq!(keys, ["vn.ttg.qd1315-2023", "vn.dak-nong.krong-no.kh123-2024"]);
    let district = app.get_json("/api/v1/units/by-code/664?as_of=2024-04-08&level=district").await;
    assert_eq!(plans["items"][1]["unit_id"], district["id"]);
    assert!(!plans["items"][1]["missing"].as_array().unwrap().is_empty());

    // A district plan of before 2025 with its criteria, recorded as history.
    let plan = json!({
        "id": "kiem-thu.krong-no.2024", "title_vi": "Kế hoạch thi đua xây dựng xã hội học tập huyện Krông Nô (kiểm thử)",
        "level": "district", "decision": {"number": "123/KH-UBND", "issuer_vi": "UBND huyện Krông Nô", "issued_on": "2024-04-08", "articles": []},
        "phases": [
            {"id": "gd1", "name_vi": "Giai đoạn 2023–2025", "starts_on": "2023-01-01", "ends_on": "2025-12-31", "review_year": 2025, "review": "so_ket"},
            {"id": "gd2", "name_vi": "Giai đoạn 2026–2030", "starts_on": "2026-01-01", "ends_on": "2030-12-31", "review_year": 2030, "review": "tong_ket"}],
        "participants": [
            {"id": "xa", "name_vi": "Các xã, thị trấn", "subject_types": ["unit"], "unit_level": "commune", "criteria": [
                {"id": "TC1", "text_vi": "Có kế hoạch xây dựng xã hội học tập hằng năm", "measure": {"kind": "yes_no", "required": {"level1": true}}},
                {"id": "TC2", "text_vi": "Được công nhận Cộng đồng học tập cấp xã", "measure": {"kind": "yes_no", "required": {"level1": true}}}]},
            {"id": "ho_dong_ho", "name_vi": "Hộ gia đình, dòng họ", "subject_types": ["household", "clan"], "criteria": [
                {"id": "TC1", "text_vi": "Được công nhận Gia đình học tập 3 năm liền", "measure": {"kind": "yes_no", "required": {"level1": true}}}]}]
    });
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let (_, officer) = app.account("vh.xh.thi-dua", &["commune_officer"], &[commune]).await;
    let officer = bearer_client(&officer);
    let not_theirs = officer
        .post(app.url("/api/v1/emulation-plans"))
        .json(&json!({"document": plan, "unit_id": district["id"]}))
        .send()
        .await
        .unwrap();
    assert_problem(not_theirs, 403, "out_of_scope").await;
    let mut points = plan.clone();
    points["participants"][0]["criteria"][0]["measure"] = json!({"kind": "points", "max": 10});
    let invalid =
        app.post_json("/api/v1/emulation-plans", &json!({"document": points, "unit_id": district["id"]})).await;
    let invalid = assert_problem(invalid, 422, "validation_failed").await;
    assert_eq!(invalid["errors"][0]["field"], "document/participants/0/criteria/0/measure");
    let created_plan =
        created(app.post_json("/api/v1/emulation-plans", &json!({"document": plan, "unit_id": district["id"]})).await)
            .await;
    let reviews_url = app.url(&format!("/api/v1/emulation-plans/{}/reviews", created_plan["id"]));
    let open = |phase: &str| {
        app.client
            .post(&reviews_url)
            .json(&json!({"phase_id": phase, "unit_id": district["id"], "held_on": "2025-06-20"}))
            .send()
    };
    assert_eq!(
        assert_problem(open("gd9").await.unwrap(), 409, "reference_conflict").await["errors"][0]["code"],
        "unknown_phase"
    );
    let review = created(open("gd1").await.unwrap()).await;
    let reopened = open("gd1").await.unwrap();
    assert_eq!(reopened.status(), 200);
    assert_eq!(reopened.json::<Value>().await.unwrap()["id"], review["id"]);

    // Reports from three communes of the time and a household, then the reviewers' marks.
    let communes: Vec<i64> = {
        let mut ids = Vec::new();
        for code in ["24688", "24691", "24692"] {
            ids.push(
                app.get_json(&format!("/api/v1/units/by-code/{code}?as_of=2025-06-30&level=commune")).await["id"]
                    .as_i64()
                    .unwrap(),
            );
        }
        ids
    };
    let family = household(app, &app.client, commune, "Hộ ông Y Bhăm").await;
    let review_url = app.url(&format!("/api/v1/emulation-reviews/{}", review["id"]));
    let report = |kind: &str, subject_type: &str, id: i64, answers: Value| {
        app.client
            .post(format!("{review_url}/reports"))
            .json(&json!({"participant_kind": kind, "subject_type": subject_type, "subject_id": id, "answers": answers,
                          "evidence": [{"indicator_id": "TC1", "note": "Báo cáo số 45/BC-UBND"}]}))
            .send()
    };
    let wrong = report("xa", "unit", communes[0], json!({"TC9": true})).await.unwrap();
    assert_eq!(assert_problem(wrong, 409, "reference_conflict").await["errors"][0]["field"], "answers.TC9");
    let mut reports = Vec::new();
    for (id, marks) in [
        (communes[0], json!({"TC1": true, "TC2": true})),
        (communes[1], json!({"TC1": true, "TC2": true})),
        (communes[2], json!({"TC1": true, "TC2": false})),
    ] {
        reports
            .push((created(report("xa", "unit", id, json!({"TC1": true, "TC2": true})).await.unwrap()).await, marks));
    }
    reports.push((
        created(report("ho_dong_ho", "household", family, json!({"TC1": true})).await.unwrap()).await,
        json!({"TC1": true}),
    ));
    let mark = |report: &Value, marks: Value| {
        app.client
            .put(format!("{review_url}/reports/{}/marks", report["id"]))
            .header("if-match", format!("\"{}\"", report["version"]))
            .json(&json!({"marks": marks}))
            .send()
    };
    let half = mark(&reports[0].0, json!({"TC1": true})).await.unwrap();
    assert_eq!(assert_problem(half, 422, "validation_failed").await["errors"][0]["code"], "unmarked_criterion");
    for (report, marks) in &reports {
        assert_eq!(mark(report, marks.clone()).await.unwrap().status(), 200);
    }
    let refile = report("xa", "unit", communes[0], json!({"TC1": true})).await.unwrap();
    assert_problem(refile, 409, "report_marked").await;

    // The ranking proposes those that met every criterion; equal results share a place.
    let ranking =
        app.get_json(&format!("/api/v1/emulation-reviews/{}/ranking?participant_kind=xa", review["id"])).await;
    let places: Vec<(i64, i64, bool)> = ranking["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["subject_id"].as_i64().unwrap(), p["rank"].as_i64().unwrap(), p["proposed"].as_bool().unwrap()))
        .collect();
    let mut best = [(communes[0], 1, true), (communes[1], 1, true)];
    best.sort_by_key(|&(id, _, _)| {
        ranking["items"].as_array().unwrap().iter().position(|p| p["subject_id"] == id).unwrap()
    });
    assert_eq!(places, [best[0], best[1], (communes[2], 3, false)]);
    assert!(
        ranking["items"][0]["name"].as_str().unwrap().starts_with("Thị trấn")
            || ranking["items"][0]["name"].as_str().unwrap().starts_with("Xã")
    );
    let sheet = app.client.get(format!("{review_url}/ranking?format=xlsx")).send().await.unwrap();
    assert_eq!(sheet.headers()["content-type"], XLSX);

    // Two communes and the household commended by one decision, then listed and counted.
    let awards = json!({"kind": "giay_khen", "title_vi": "Giấy khen của Chủ tịch UBND huyện Krông Nô", "decision_number": "456/QĐ-UBND",
                        "decided_on": "2025-06-30", "authority_vi": "Chủ tịch UBND huyện Krông Nô", "plan_id": created_plan["id"],
                        "phase_id": "gd1", "review_id": review["id"],
                        "recipients": [{"subject_type": "unit", "subject_id": communes[0]}, {"subject_type": "unit", "subject_id": communes[1]},
                                       {"subject_type": "household", "subject_id": family}]});
    let give = || app.client.post(app.url("/api/v1/awards")).header("idempotency-key", "khen-456").json(&awards).send();
    let given = created(give().await.unwrap()).await;
    assert_eq!(given["counts"], json!([{"kind": "giay_khen", "count": 3}]));
    assert_eq!(give().await.unwrap().headers()["idempotent-replayed"], "true");
    let twice = app.client.post(app.url("/api/v1/awards")).json(&awards).send().await.unwrap();
    assert_problem(twice, 409, "award_exists").await;
    let listed = app.get_json(&format!("/api/v1/awards?plan_id={}&phase_id=gd1", created_plan["id"])).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 3);
    assert!(listed["items"].as_array().unwrap().iter().any(|a| a["name"] == "Hộ ông Y Bhăm"));
    let theirs = officer.get(app.url("/api/v1/awards")).send().await.unwrap().json::<Value>().await.unwrap();
    assert_eq!(theirs["items"].as_array().unwrap().len(), 1, "a commune sees only its own household's award");
    let csv = app.client.get(app.url("/api/v1/awards?year=2025&format=csv")).send().await.unwrap();
    assert!(String::from_utf8_lossy(&csv.bytes().await.unwrap()).contains("456/QĐ-UBND"));
    let statistics = app.get_json("/api/v1/statistics?year=2025").await;
    assert_eq!(statistics["awards"], json!([{"kind": "giay_khen", "count": 3}]));

    // Closing the review freezes it; the second phase is reviewed on its own.
    let closed = app.client.post(format!("{review_url}/close")).header("if-match", "*").send().await.unwrap();
    assert_eq!(closed.json::<Value>().await.unwrap()["closed"], true);
    let late = report("xa", "unit", communes[2], json!({"TC1": true, "TC2": true})).await.unwrap();
    assert_problem(late, 409, "review_closed").await;
    let second = created(
        app.client
            .post(&reviews_url)
            .json(&json!({"phase_id": "gd2", "unit_id": district["id"], "held_on": "2030-11-20"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((second["review_kind"].as_str(), second["reports"].as_array().unwrap().len()), (Some("tong_ket"), 0));
}
