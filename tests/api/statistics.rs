//! Statistics on both backends: recognitions in communes before and after the 2025 reform,
//! the province's figures on the boundaries of the time and on today's against hand-computed
//! values, revocation, expiry, a reorganisation that moves a village with its records, the
//! counters against a recomputation, targets, declared figures, CSV and XLSX read back.

use crate::helpers::{TestApp, assert_problem};
use crate::on_both_backends;
use crate::workflow::{created, decide, good_answers, published_framework, register, step};
use serde_json::{Value, json};
use xhht_persistence::{Database, DatabaseUrl};

on_both_backends!(
    figures_follow_the_map_through_the_reform,
    reports_come_as_csv_and_xlsx_with_targets_and_declared_figures,
    concurrent_writes_under_one_commune_all_count
);

/// The counters equal what the base tables give, row for row.
pub(crate) fn assert_counters_true(app: &TestApp) {
    let url = DatabaseUrl::parse(&app.database_url).unwrap();
    let db = Database::connect(&url, &Default::default()).unwrap();
    let differences = db.read(xhht_persistence::stats::verify).unwrap();
    assert!(differences.is_empty(), "counters differ from the base tables:\n{}", {
        differences.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    });
}

async fn household(app: &TestApp, unit: i64, label: &str) -> i64 {
    created(app.post_json("/api/v1/households", &json!({"label": label, "unit_id": unit})).await).await["id"]
        .as_i64()
        .unwrap()
}

/// A household's evaluation for `year`, inspected, then decided as `outcome` on `day`.
async fn evaluated(app: &TestApp, framework: i64, household: i64, year: i32, outcome: &str, day: &str) -> Value {
    let ev = register(app, &app.client, "household", household, framework, year).await;
    let ev = step(app, &app.client, &ev, "PUT", "/self-assessment", Some(json!({"answers": good_answers()}))).await;
    let ev = step(app, &app.client, &ev, "POST", "/submit", None).await;
    let ev = step(app, &app.client, &ev, "PUT", "/inspection", Some(json!({"answers": good_answers()}))).await;
    let reason = (outcome != "recognition").then_some("Hồ sơ chưa đạt");
    let decided = decide(app, &app.client, outcome, day, json!([{"evaluation_id": ev["id"]}]), reason).await;
    assert_eq!(decided.status(), 201, "{}", decided.text().await.unwrap_or_default());
    ev
}

fn section<'a>(report: &'a Value, model: &str) -> &'a Value {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["model_kind"] == model && s["subgroup"].is_null())
        .unwrap_or_else(|| panic!("no {model} section in {report}"))
}

fn row<'a>(section: &'a Value, code: &str) -> &'a Value {
    section["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"]["code"] == code && r["direct"] == false)
        .unwrap_or_else(|| panic!("no row {code} in {section}"))
}

/// Households created at once in one commune all count, in the commune's total and up to the
/// province's. Two connections of one pool add to two slots of the same totals on PostgreSQL,
/// so that they do not queue on one row each (migration `stat_slots`); SQLite writes one at a
/// time, to slot 0.
async fn concurrent_writes_under_one_commune_all_count(app: &TestApp) {
    use diesel::RunQueryDsl;
    use xhht_persistence::registry::household;
    let ba_dinh = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let hanoi = app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap();
    let labels: Vec<String> = (0..48).map(|i| format!("Hộ {i}")).collect();
    futures_util::future::join_all(labels.iter().map(|label| household(app, ba_dinh, label))).await;

    let db = Database::connect(&DatabaseUrl::parse(&app.database_url).unwrap(), &Default::default()).unwrap();
    let (mut a, mut b) = (db.conn().unwrap(), db.conn().unwrap());
    let unit_path = xhht_persistence::units::get(&mut a, ba_dinh).unwrap().path;
    for conn in [&mut a, &mut b] {
        let fields = household::Fields {
            label: "Hộ".into(),
            unit_id: ba_dinh,
            unit_path: unit_path.clone(),
            head_citizen_id: None,
        };
        household::create(conn, &fields).unwrap();
    }
    let slots: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
        "(SELECT count(DISTINCT slot) FROM stat_registry WHERE unit_id = {hanoi} AND kind = 'household')"
    )))
    .get_result(&mut *a)
    .unwrap();
    assert_eq!(slots > 1, app.database_url.starts_with("postgres"), "the province's total is in {slots} slots");
    assert_counters_true(app);

    let report = app.get_json(&format!("/api/v1/statistics?unit={hanoi}&year=2025&models=gia_dinh_hoc_tap")).await;
    let families = section(&report, "gia_dinh_hoc_tap");
    assert_eq!(row(families, "00004")["denominator"], 50);
    assert_eq!(families["total"]["denominator"], 50);
}

async fn figures_follow_the_map_through_the_reform(app: &TestApp) {
    let framework = published_framework(app, "gia_dinh_hoc_tap").await;
    // Before the reform: Trúc Bạch and Quán Thánh went whole into the new Ba Đình; Ngọc Hà
    // was split between the new Ba Đình and the new Ngọc Hà.
    let truc_bach = app.unit_by_code("00004", "2025-06-30").await;
    let quan_thanh = app.unit_by_code("00013", "2025-06-30").await["id"].as_i64().unwrap();
    let ngoc_ha_old = app.unit_by_code("00016", "2025-06-30").await["id"].as_i64().unwrap();
    let district = truc_bach["parent"]["id"].as_i64().unwrap();
    let truc_bach = truc_bach["id"].as_i64().unwrap();
    let old_hanoi = app.unit_by_code("01", "2025-06-30").await["id"].as_i64().unwrap();
    let ba_dinh = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let hanoi = app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap();

    let h1 = household(app, truc_bach, "Hộ 1").await;
    let h2 = household(app, quan_thanh, "Hộ 2").await;
    let h3 = household(app, ngoc_ha_old, "Hộ 3").await;
    let h4 = household(app, truc_bach, "Hộ 4").await;
    let h5 = household(app, ba_dinh, "Hộ 5").await;
    let h6 = household(app, ba_dinh, "Hộ 6").await;
    let h7 = household(app, truc_bach, "Hộ 7").await;
    for h in [h1, h2, h3] {
        evaluated(app, framework, h, 2024, "recognition", "2025-03-01").await;
    }
    evaluated(app, framework, h4, 2024, "rejection", "2025-03-01").await;
    // Recognised for 2021 on 2022-01-15: kept until the end of 2025, then expired.
    evaluated(app, framework, h7, 2021, "recognition", "2022-01-15").await;
    let e5 = evaluated(app, framework, h5, 2025, "recognition", "2026-03-01").await;
    evaluated(app, framework, h6, 2025, "recognition", "2026-03-01").await;
    assert_counters_true(app);

    // 2024 on the boundaries of the time: the old district, by its old communes.
    let time = app
        .get_json(&format!(
            "/api/v1/statistics?unit={district}&year=2024&boundaries=of_the_time&models=gia_dinh_hoc_tap"
        ))
        .await;
    let families = section(&time, "gia_dinh_hoc_tap");
    let tb = row(families, "00004");
    assert_eq!(
        (tb["registered"].as_i64(), tb["recognised"].as_i64(), tb["rejected"].as_i64()),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(row(families, "00013")["recognised"], 1);
    assert_eq!(row(families, "00016")["recognised"], 1);
    assert_eq!(
        (families["total"]["registered"].as_i64(), families["total"]["recognised"].as_i64()),
        (Some(4), Some(3))
    );
    assert_eq!(families["total"]["approximate"], 0, "records are where they were filed");
    let old_province = app
        .get_json(&format!(
            "/api/v1/statistics?unit={old_hanoi}&year=2024&boundaries=of_the_time&models=gia_dinh_hoc_tap"
        ))
        .await;
    let district_code = app.get_json(&format!("/api/v1/units/{district}")).await["code"].as_str().unwrap().to_owned();
    assert_eq!(row(section(&old_province, "gia_dinh_hoc_tap"), &district_code)["recognised"], 3);

    // 2024 on today's boundaries: all four in the new Ba Đình, one of them approximately
    // (Ngọc Hà's own household, attributed to its first successor).
    let today = app.get_json(&format!("/api/v1/statistics?unit={hanoi}&year=2024&models=gia_dinh_hoc_tap")).await;
    let families = section(&today, "gia_dinh_hoc_tap");
    let bd = row(families, "00004");
    assert_eq!(
        (bd["registered"].as_i64(), bd["recognised"].as_i64(), bd["approximate"].as_i64()),
        (Some(4), Some(3), Some(1))
    );
    // Households today: all seven lie in the new Ba Đình.
    assert_eq!(bd["denominator"], 7);
    assert_eq!(bd["share"], 42.9, "3 of 7");
    assert_eq!(row(families, "00008")["registered"], 0);
    // Held on a day: the 2024 recognitions (decided 2025-03-01) and the 2021 one until 2025.
    let held =
        |day: &str| format!("/api/v1/statistics?unit={ba_dinh}&year=2024&models=gia_dinh_hoc_tap&by=self&on={day}");
    assert_eq!(section(&app.get_json(&held("2025-06-01")).await, "gia_dinh_hoc_tap")["total"]["held"], 4);
    assert_eq!(
        section(&app.get_json(&held("2026-06-01")).await, "gia_dinh_hoc_tap")["total"]["held"],
        5,
        "2025's two, not 2021's"
    );

    // A revocation lowers the count.
    let year_2025 = format!("/api/v1/statistics?unit={ba_dinh}&year=2025&models=gia_dinh_hoc_tap&by=self");
    assert_eq!(section(&app.get_json(&year_2025).await, "gia_dinh_hoc_tap")["total"]["recognised"], 2);
    let revoked =
        decide(app, &app.client, "revocation", "2026-06-01", json!([{"evaluation_id": e5["id"]}]), Some("Vi phạm"))
            .await;
    assert_eq!(revoked.status(), 201);
    let after = app.get_json(&year_2025).await;
    let total = &section(&after, "gia_dinh_hoc_tap")["total"];
    assert_eq!((total["recognised"].as_i64(), total["revoked"].as_i64()), (Some(1), Some(1)));

    // A reorganisation merges the new Ba Đình and Ngọc Hà, and moves a village of Ba Đình
    // with its household to the new commune: the counts follow.
    let village = created(
        app.post_json(
            "/api/v1/units",
            &json!({"parent_id": ba_dinh, "name": "Tổ dân phố số 9", "division_type": "tổ dân phố", "valid_from": "2025-07-01"}),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let h8 = household(app, village, "Hộ 8").await;
    evaluated(app, framework, h8, 2025, "recognition", "2026-04-01").await;
    let ngoc_ha = app.unit_by_code("00008", "2025-07-01").await["id"].as_i64().unwrap();
    let merged = app
        .post_json(
            "/api/v1/reorganisations",
            &json!({"kind": "merge", "effective_date": "2026-11-01", "legal_basis": "Nghị quyết thử nghiệm",
                    "sources": [ba_dinh, ngoc_ha],
                    "targets": [{"new": {"level": "commune", "code": "99990", "name": "Phường Ba Đình Mới",
                                         "division_type": "phường", "parent_id": hanoi}}],
                    "villages": [{"village_id": village, "target_index": 0}]}),
        )
        .await;
    let merged = created(merged).await;
    let moved = &merged["moved_villages"][0];
    assert_eq!(moved["from"]["id"], village);
    assert!(moved["to"]["code"].as_str().unwrap().starts_with("99990-"));
    let household_now = app.get_json(&format!("/api/v1/households/{h8}")).await;
    assert_eq!(household_now["unit_id"], moved["to"]["id"], "the village's records moved with it");
    let merged_today =
        app.get_json(&format!("/api/v1/statistics?unit={hanoi}&year=2025&models=gia_dinh_hoc_tap")).await;
    let families = section(&merged_today, "gia_dinh_hoc_tap");
    let new_row = row(families, "99990");
    assert_eq!((new_row["registered"].as_i64(), new_row["recognised"].as_i64()), (Some(3), Some(2)));
    assert_eq!(new_row["denominator"], 8, "every household of both communes and the village");
    assert!(!families["rows"].as_array().unwrap().iter().any(|r| r["unit"]["code"] == "00004"), "Ba Đình is closed");
    assert_counters_true(app);

    // A unit not on today's map is refused for today's boundaries, with the way out.
    let closed = app.get(&format!("/api/v1/statistics?unit={truc_bach}&year=2024")).await;
    assert_problem(closed, 409, "unit_not_valid_on_date").await;
    for models in ["gia_dinh,xyz", "gia_dinh_hoc_tap,%20dong_ho_hoc_tap"] {
        let unknown = app.get(&format!("/api/v1/statistics?year=2024&models={models}")).await;
        let problem = assert_problem(unknown, 400, "invalid_query").await;
        assert_eq!(problem["errors"][0]["field"], "models", "{models}");
    }
    let typo = app.get("/api/v1/evaluations?within=1&yaer=2024").await;
    let problem = assert_problem(typo, 400, "invalid_query").await;
    assert_eq!(
        (&problem["errors"][0]["field"], &problem["errors"][0]["code"]),
        (&json!("yaer"), &json!("unknown_parameter"))
    );
}

async fn reports_come_as_csv_and_xlsx_with_targets_and_declared_figures(app: &TestApp) {
    let framework = published_framework(app, "gia_dinh_hoc_tap").await;
    let hanoi = app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap();
    let ba_dinh = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    for n in 0..4 {
        let h = household(app, ba_dinh, &format!("Hộ {n}")).await;
        if n < 3 {
            evaluated(app, framework, h, 2025, "recognition", "2026-03-01").await;
        }
    }
    // The national target for 2025 (QĐ 387: 70% of families) applies until the province sets its own.
    let national = app.get_json(&format!("/api/v1/statistics?unit={hanoi}&year=2025&models=gia_dinh_hoc_tap")).await;
    let bd = row(section(&national, "gia_dinh_hoc_tap"), "00004");
    assert_eq!(bd["share"], 75.0);
    assert_eq!(bd["target"]["value"], 70.0);
    assert_eq!(bd["target"]["legal_number"], "QĐ 387/QĐ-TTg");
    assert_eq!(bd["target"]["confidence"], "found");
    assert_eq!((bd["gap"].as_f64(), bd["met"].as_bool()), (Some(-5.0), Some(true)));
    let later = app.get_json(&format!("/api/v1/statistics?unit={hanoi}&year=2026&models=gia_dinh_hoc_tap")).await;
    let target_2030 = &row(section(&later, "gia_dinh_hoc_tap"), "00004")["target"];
    assert_eq!(
        (target_2030["target_year"].as_i64(), target_2030["confidence"].as_str()),
        (Some(2030), Some("inferred"))
    );

    // The province sets its own, and one for the commune: the most specific applies.
    let (_, provincial) = app.account("cb.so.tk", &["provincial_officer"], &[hanoi]).await;
    let provincial = crate::helpers::bearer_client(&provincial);
    let set = |unit: i64, value: f64| {
        json!({"unit_id": unit, "act": {"number": "45/KH-UBND", "issuer": "UBND Thành phố Hà Nội", "issued_on": "2022-04-20"},
               "items": [{"model_kind": "gia_dinh_hoc_tap", "target_year": 2025, "value": value}]})
    };
    for (unit, value) in [(hanoi, 72.0), (ba_dinh, 80.0)] {
        let response = provincial.post(app.url("/api/v1/targets")).json(&set(unit, value)).send().await.unwrap();
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap_or_default());
    }
    let own = app.get_json(&format!("/api/v1/statistics?unit={hanoi}&year=2025&models=gia_dinh_hoc_tap")).await;
    let families = section(&own, "gia_dinh_hoc_tap");
    let bd = row(families, "00004");
    assert_eq!((bd["target"]["value"].as_f64(), bd["met"].as_bool()), (Some(80.0), Some(false)));
    assert_eq!(families["total"]["target"]["value"], 72.0, "the province's own for its total");
    let listed = app.get_json(&format!("/api/v1/targets?unit={ba_dinh}&model_kind=gia_dinh_hoc_tap")).await;
    assert!(listed["items"].as_array().unwrap().iter().any(|t| t["unit_id"] == ba_dinh));
    let elsewhere = app.unit_by_code("79", "2025-07-01").await["id"].as_i64().unwrap();
    let refused = provincial.post(app.url("/api/v1/targets")).json(&set(elsewhere, 90.0)).send().await.unwrap();
    assert_problem(refused, 403, "out_of_scope").await;
    // A subgroup is a target group for citizens, an organisation type for learning units.
    for (model, subgroup, status) in [
        ("dong_ho_hoc_tap", "resident", 422),
        ("cong_dan_hoc_tap", "school", 422),
        ("cong_dan_hoc_tap", "learner", 201),
    ] {
        let mut body = set(hanoi, 60.0);
        body["items"][0]["model_kind"] = json!(model);
        body["items"][0]["subgroup"] = json!(subgroup);
        let response = provincial.post(app.url("/api/v1/targets")).json(&body).send().await.unwrap();
        if status == 201 {
            assert_eq!(response.status(), 201, "{model} {subgroup}");
        } else {
            let problem = assert_problem(response, 422, "validation_failed").await;
            assert_eq!(problem["errors"][0]["code"], "unknown_subgroup", "{model} {subgroup}");
        }
    }

    // Declared figures: members as a share of the population; the commune's own figures sum
    // into the province's where the province declared none.
    for (indicator, value) in [("population", 20000.0), ("association_members", 1500.0)] {
        let response = app
            .client
            .put(app.url("/api/v1/declared-values"))
            .json(&json!({"unit_id": ba_dinh, "year": 2025, "indicator": indicator, "value": value,
                          "source": "Báo cáo số 12/BC-HKH"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{}", response.text().await.unwrap_or_default());
    }
    let with_declared =
        app.get_json(&format!("/api/v1/statistics?unit={hanoi}&year=2025&models=gia_dinh_hoc_tap")).await;
    let members =
        with_declared["declared"].as_array().unwrap().iter().find(|d| d["key"] == "association_members").unwrap();
    assert_eq!(
        (members["total"]["value"].as_f64(), members["total"]["share_of_population"].as_f64()),
        (Some(1500.0), Some(7.5))
    );
    let unknown = app
        .client
        .put(app.url("/api/v1/declared-values"))
        .json(&json!({"unit_id": ba_dinh, "year": 2025, "indicator": "members", "value": 1, "source": "x"}))
        .send()
        .await
        .unwrap();
    assert_problem(unknown, 422, "validation_failed").await;

    // CSV: UTF-8 with a BOM, Vietnamese headings.
    let csv = app.get(&format!("/api/v1/statistics?unit={hanoi}&year=2025&format=csv")).await;
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let bytes = csv.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("Mô hình,Mã đơn vị,Đơn vị,Đăng ký"), "{text}");
    assert!(text.contains("Gia đình học tập,00004,Phường Ba Đình,3,3,3,3"), "{text}");

    // XLSX by Accept: a sheet per model, the totals row, the chart; read back with calamine.
    let xlsx = app
        .client
        .get(app.url(&format!("/api/v1/statistics?unit={hanoi}&year=2025")))
        .header("accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.unwrap().to_vec();
    assert!(bytes.windows(20).any(|w| w == b"xl/charts/chart1.xml"), "a native chart");
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert!(names.iter().any(|n| n == "Gia đình học tập"), "{names:?}");
    assert!(names.iter().any(|n| n == "Sổ đăng ký"), "{names:?}");
    let sheet = book.worksheet_range("Gia đình học tập").unwrap();
    let cells: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    let text_of = |c: &Data| c.to_string();
    assert!(text_of(&cells[0][0]).starts_with("Gia đình học tập"), "the header block");
    assert!(cells.iter().any(|r| r.iter().any(|c| text_of(c) == "Đơn vị: Thành phố Hà Nội (mã 01)")));
    let heading = cells.iter().position(|r| r.first().is_some_and(|c| text_of(c) == "Mã đơn vị")).unwrap();
    assert_eq!(text_of(&cells[heading][13]), "Tỉ lệ (%)");
    let total = cells.iter().find(|r| r.get(1).is_some_and(|c| text_of(c).starts_with("Tổng:"))).unwrap();
    assert_eq!(total[5], Data::Float(3.0), "recognised in the totals row");
    assert_eq!(total[14], Data::Float(72.0), "the province's target in the totals row");
    let ba_dinh_row = cells.iter().find(|r| r.first().is_some_and(|c| text_of(c) == "00004")).unwrap();
    assert_eq!(ba_dinh_row[13], Data::Float(75.0));

    // Trends: the province against 2025's and 2030's targets, one request.
    let trends =
        app.get_json(&format!("/api/v1/statistics/trends?unit={hanoi}&years=2024-2026&models=gia_dinh_hoc_tap")).await;
    let points = trends["sections"][0]["points"].as_array().unwrap();
    assert_eq!(points.iter().map(|p| p["year"].as_i64().unwrap()).collect::<Vec<_>>(), vec![2024, 2025, 2026]);
    assert_eq!((points[1]["recognised"].as_i64(), points[1]["target"]["target_year"].as_i64()), (Some(3), Some(2025)));
    assert_eq!(points[2]["target"]["target_year"], 2030);
    let trends_xlsx = app.get(&format!("/api/v1/statistics/trends?unit={hanoi}&years=2024-2026&format=xlsx")).await;
    assert_eq!(trends_xlsx.status(), 200);
    let reversed = app.get_json(&format!("/api/v1/statistics/trends?unit={hanoi}&years=2026-2024")).await;
    assert_eq!((reversed["first_year"].as_i64(), reversed["last_year"].as_i64()), (Some(2024), Some(2026)));
    let outside = app.get(&format!("/api/v1/statistics/trends?unit={hanoi}&years=1999-2024")).await;
    let problem = assert_problem(outside, 400, "invalid_query").await;
    assert_eq!(
        (&problem["errors"][0]["field"], &problem["errors"][0]["code"]),
        (&json!("years"), &json!("invalid_year_range"))
    );

    // Village rows are not public.
    let villages =
        app.anonymous.get(app.url(&format!("/api/v1/statistics?unit={ba_dinh}&year=2025"))).send().await.unwrap();
    assert_problem(villages, 401, "unauthorized").await;
    let public =
        app.anonymous.get(app.url(&format!("/api/v1/statistics?unit={hanoi}&year=2025"))).send().await.unwrap();
    assert_eq!(public.status(), 200, "communes and above are public");
    assert_counters_true(app);
}
