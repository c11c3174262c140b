//! A province's own criteria: a provincial officer adopts the learning-family template under
//! the province's decision, completes it in Excel, uploads and publishes it; a family is then
//! registered without naming a framework and recognised under it. Another province neither
//! sees the draft nor uses the criteria as its own. Every shipped framework survives the trip
//! to Excel and back.

use crate::helpers::{TestApp, assert_problem, bearer_client};
use crate::on_both_backends;
use crate::workflow::{created, decide, step};
use calamine::{Data, Reader};
use serde_json::{Value, json};

on_both_backends!(
    a_province_adopts_completes_in_excel_publishes_and_recognises_a_family,
    every_shipped_framework_comes_back_from_excel_unchanged,
    bad_workbooks_and_requests_are_refused_with_their_place,
);

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Grids = Vec<(String, Vec<Vec<Data>>)>;

/// The workbook's cells, sheet by sheet, as a spreadsheet program holds them.
fn grids(bytes: &[u8]) -> Grids {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let rows = book.worksheet_range(&name).unwrap().rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// Saves the cells as a new workbook, as Excel does after an official's edits.
fn save(grids: &Grids) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in grids {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::String(s) => sheet.write_string(r, c, s).map(|_| ()),
                    Data::Float(n) => sheet.write_number(r, c, *n).map(|_| ()),
                    Data::Int(n) => sheet.write_number(r, c, *n as f64).map(|_| ()),
                    Data::Bool(b) => sheet.write_boolean(r, c, *b).map(|_| ()),
                    _ => Ok(()),
                }
                .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn sheet<'a>(grids: &'a mut Grids, name: &str) -> &'a mut Vec<Vec<Data>> {
    &mut grids.iter_mut().find(|(n, _)| n == name).unwrap_or_else(|| panic!("sheet {name}")).1
}

/// A row with `cells` under the headings whose keys they name, the rest empty.
fn row(rows: &[Vec<Data>], cells: &[(&str, Data)]) -> Vec<Data> {
    let headings = &rows[0];
    let mut out = vec![Data::Empty; headings.len()];
    for (key, value) in cells {
        let at = headings.iter().position(|h| h.to_string().ends_with(&format!("({key})"))).unwrap();
        out[at] = value.clone();
    }
    out
}

fn text(s: &str) -> Data {
    Data::String(s.to_owned())
}

fn column(rows: &[Vec<Data>], key: &str) -> usize {
    rows[0].iter().position(|h| h.to_string().ends_with(&format!("({key})"))).unwrap()
}

async fn upload(app: &TestApp, client: &reqwest::Client, province: i64, bytes: Vec<u8>) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/v1/frameworks?province_id={province}")))
        .header("content-type", XLSX)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

/// The template completed as a province would: the indicators it lacked, the groups' maxima,
/// the pass mark, the recogniser, and nothing left unknown.
fn complete(g: &mut Grids) {
    let indicators = sheet(g, "Chỉ tiêu");
    for (group, id, text_vi) in [
        ("TC2", "TC2.2", "Hằng năm, người lớn trong gia đình đều tham gia học ít nhất 01 nội dung"),
        ("TC2", "TC2.3", "Người lớn trong độ tuổi lao động có việc làm, thu nhập ổn định nhờ học tập"),
        ("TC3", "TC3.1", "Gia đình có góc học tập, tủ sách hoặc giá sách"),
        ("TC3", "TC3.2", "Gia đình có quỹ khuyến học hoặc dành kinh phí cho học tập"),
        ("TC4", "TC4.1", "Gia đình đạt danh hiệu Gia đình văn hóa"),
        ("TC4", "TC4.2", "Thành viên tích cực tham gia các hoạt động của cộng đồng"),
    ] {
        let new = row(
            indicators,
            &[
                ("group", text(group)),
                ("id", text(id)),
                ("text_vi", text(text_vi)),
                ("kind", text("points")),
                ("max", Data::Float(10.0)),
            ],
        );
        indicators.push(new);
    }
    let groups = sheet(g, "Nhóm tiêu chí");
    let (id, max) = (column(groups, "id"), column(groups, "max_points"));
    for r in groups.iter_mut().skip(1) {
        let points = match r[id].to_string().as_str() {
            "TC2" => 30.0,
            "TC3" | "TC4" => 20.0,
            _ => continue,
        };
        r[max] = Data::Float(points);
    }
    let result = sheet(g, "Kết quả");
    let (kind, max_total) = (column(result, "kind"), column(result, "max_total"));
    let rule = result.iter().position(|r| r[kind] == text("points")).unwrap();
    result[rule][max_total] = Data::Float(100.0);
    let band = row(
        result,
        &[
            ("row", text("band")),
            ("id", text("dat")),
            ("name_vi", text("Đạt danh hiệu Gia đình học tập")),
            ("min_total", Data::Float(80.0)),
        ],
    );
    result.push(band);
    sheet(g, "Còn thiếu").truncate(1);
    let roles = sheet(g, "Đề nghị, công nhận");
    let (role, who, confidence) = (column(roles, "role"), column(roles, "role_vi"), column(roles, "confidence"));
    let recogniser = roles.iter().position(|r| r[role] == text("recogniser")).unwrap();
    roles[recogniser][who] = text("Chủ tịch UBND xã");
    roles[recogniser][confidence] = text("found");
}

async fn a_province_adopts_completes_in_excel_publishes_and_recognises_a_family(app: &TestApp) {
    let province = app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap();
    let other_province = app.unit_by_code("79", "2025-07-01").await["id"].as_i64().unwrap();
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let other_commune = app.unit_by_code("25747", "2025-07-01").await["id"].as_i64().unwrap();
    let (_, provincial) = app.account("so.gd.hanoi", &["provincial_officer"], &[province]).await;
    let (_, stranger) = app.account("so.gd.hcm", &["provincial_officer"], &[other_province]).await;
    let (_, officer) = app.account("vh.xh.badinh", &["commune_officer"], &[commune]).await;
    let (_, other_officer) = app.account("vh.xh.tdm", &["commune_officer"], &[other_commune]).await;
    let (_, inspector) = app.account("kt.badinh", &["inspector"], &[commune]).await;
    let (provincial, stranger) = (bearer_client(&provincial), bearer_client(&stranger));
    let (officer, other_officer, inspector) =
        (bearer_client(&officer), bearer_client(&other_officer), bearer_client(&inspector));
    let household = created(
        officer
            .post(app.url("/api/v1/households"))
            .json(&json!({"label": "Hộ bà Nguyễn Thị Lan", "unit_id": commune}))
            .send()
            .await
            .unwrap(),
    )
    .await;

    // Nothing can recognise a family yet, and the answer says what the province can do.
    let applicable =
        format!("/api/v1/frameworks/applicable?unit={commune}&model_kind=gia_dinh_hoc_tap&date=2026-06-01");
    let none = assert_problem(app.get(&applicable).await, 404, "no_applicable_framework").await;
    assert!(none["detail"].as_str().unwrap().contains("mau.gia-dinh-hoc-tap"), "{none}");
    let register = json!({"subject_type": "household", "subject_id": household["id"], "model_kind": "gia_dinh_hoc_tap", "year": 2026});
    let early = officer.post(app.url("/api/v1/evaluations")).json(&register).send().await.unwrap();
    assert_problem(early, 404, "no_applicable_framework").await;

    // The template, and the province's decision adopting it.
    let templates = app.get_json("/api/v1/frameworks?template=true&model_kind=gia_dinh_hoc_tap").await;
    let template = templates["items"][0].clone();
    assert_eq!((template["key"].as_str(), template["template"].as_bool()), (Some("mau.gia-dinh-hoc-tap"), Some(true)));
    let adopt_url = app.url(&format!("/api/v1/frameworks/{}/adopt", template["id"]));
    let decision = json!({"number": "1234/QĐ-UBND", "title_vi": "Ban hành Bộ tiêu chí “Gia đình học tập” giai đoạn 2026–2030",
                          "issuer_vi": "UBND thành phố Hà Nội", "issued_on": "2026-03-01", "signer_vi": "Phó Chủ tịch UBND thành phố"});
    let body = json!({"province_id": province, "decision": decision});
    assert_problem(officer.post(&adopt_url).json(&body).send().await.unwrap(), 403, "forbidden").await;
    let adopt = || provincial.post(&adopt_url).header("idempotency-key", "nhan-mau-gdht").json(&body).send();
    let draft = created(adopt().await.unwrap()).await;
    let again = adopt().await.unwrap();
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.unwrap()["id"], draft["id"], "a retried adoption creates nothing more");
    assert_eq!(draft["key"], "tinh-01.gia-dinh-hoc-tap.2026");
    assert_eq!((draft["status"].as_str(), draft["template"].as_bool()), (Some("draft"), Some(false)));
    assert_eq!(draft["adopted_from"], json!({"id": "mau.gia-dinh-hoc-tap", "version": 1}));
    assert_eq!(draft["document"]["legal_basis"]["number"], "1234/QĐ-UBND");
    assert_eq!(draft["document"]["legal_basis"]["signer_vi"], "Phó Chủ tịch UBND thành phố");
    assert_eq!(draft["document"]["related_documents"][0]["number"], "QĐ 448/QĐ-KHVN");
    assert_eq!(draft["valid_from"], "2026-03-01");
    assert!(!draft["missing"].as_array().unwrap().is_empty(), "what the template left unknown is still to do");

    // The draft is the province's work in progress: nobody else sees it.
    let draft_url = app.url(&format!("/api/v1/frameworks/{}", draft["id"]));
    assert_problem(app.anonymous.get(&draft_url).send().await.unwrap(), 404, "framework_not_found").await;
    assert_problem(stranger.get(&draft_url).send().await.unwrap(), 404, "framework_not_found").await;
    let listed = |client: &reqwest::Client| {
        let client = client.clone();
        let url = app.url("/api/v1/frameworks?key=tinh-01.gia-dinh-hoc-tap.2026");
        async move {
            client.get(url).send().await.unwrap().json::<Value>().await.unwrap()["items"].as_array().unwrap().len()
        }
    };
    assert_eq!((listed(&provincial).await, listed(&stranger).await, listed(&app.anonymous).await), (1, 0, 0));

    // Completed in Excel and uploaded: a bad cell first, named by sheet, row and column.
    let downloaded = provincial.get(format!("{draft_url}?format=xlsx")).send().await.unwrap();
    assert_eq!(downloaded.headers()["content-type"], XLSX);
    assert!(
        downloaded.headers()["content-disposition"].to_str().unwrap().contains("tinh-01.gia-dinh-hoc-tap.2026.v1.xlsx")
    );
    let mut g = grids(&downloaded.bytes().await.unwrap());
    complete(&mut g);
    let mut typo = g.clone();
    let indicators = sheet(&mut typo, "Chỉ tiêu");
    let max = column(indicators, "max");
    let last = indicators.len() - 1;
    indicators[last][max] = text("mười");
    let refused = assert_problem(upload(app, &provincial, province, save(&typo)).await, 422, "framework_invalid").await;
    assert_eq!(refused["errors"][0]["field"], format!("'Chỉ tiêu'!{}{}", (b'A' + max as u8) as char, last + 1));
    assert!(refused["errors"][0]["message"].as_str().unwrap().starts_with("trang “Chỉ tiêu”, dòng"), "{refused}");
    assert_eq!(listed(&provincial).await, 1, "nothing was stored");
    let stranger_upload = upload(app, &stranger, province, save(&g)).await;
    assert_problem(stranger_upload, 403, "out_of_scope").await;
    let version2 = created(upload(app, &provincial, province, save(&g)).await).await;
    assert_eq!((version2["version"].as_i64(), version2["status"].as_str()), (Some(2), Some("draft")));
    assert_eq!(version2["missing"], json!([]));
    assert_eq!(version2["province_id"], province);

    // What changed, for the official who must explain it: as JSON, CSV and XLSX.
    let diff = provincial
        .get(app.url(&format!("/api/v1/frameworks/{}/diff?against={}", version2["id"], draft["id"])))
        .send()
        .await
        .unwrap();
    let diff: Value = diff.json().await.unwrap();
    assert_eq!((diff["indicators_added"].as_i64(), diff["indicators_removed"].as_i64()), (Some(6), Some(0)));
    let fields: Vec<&str> = diff["changes"].as_array().unwrap().iter().filter_map(|c| c["field"].as_str()).collect();
    for field in ["recognisers", "missing", "result", "max_points"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    for (format, content_type) in [("csv", "text/csv; charset=utf-8"), ("xlsx", XLSX)] {
        let file = provincial
            .get(
                app.url(&format!("/api/v1/frameworks/{}/diff?against={}&format={format}", version2["id"], draft["id"])),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(file.headers()["content-type"], content_type);
        let bytes = file.bytes().await.unwrap();
        if format == "csv" {
            assert!(bytes.starts_with(b"\xEF\xBB\xBF") && String::from_utf8_lossy(&bytes).contains("TC3.1"));
        } else {
            assert!(grids(&bytes)[0].1.iter().any(|r| r.contains(&text("TC4.2"))));
        }
    }

    // Published by the province; another province cannot change it as its own.
    let version2_url = app.url(&format!("/api/v1/frameworks/{}", version2["id"]));
    let publish =
        |client: &reqwest::Client| client.post(format!("{version2_url}/publish")).header("if-match", "*").send();
    assert_problem(publish(&stranger).await.unwrap(), 404, "framework_not_found").await;
    let published = publish(&provincial).await.unwrap();
    assert_eq!(published.status(), 200);
    assert_problem(
        stranger.post(format!("{version2_url}/retire")).header("if-match", "*").send().await.unwrap(),
        403,
        "out_of_scope",
    )
    .await;
    let takeover = stranger
        .post(app.url("/api/v1/frameworks"))
        .json(&json!({"document": draft["document"], "province_id": other_province}))
        .send()
        .await
        .unwrap();
    assert_problem(takeover, 409, "reference_conflict").await;
    let copy = stranger
        .post(app.url(&format!("/api/v1/frameworks/{}/adopt", version2["id"])))
        .json(&json!({"province_id": other_province, "decision": decision}))
        .send()
        .await
        .unwrap();
    assert_eq!(assert_problem(copy, 409, "reference_conflict").await["errors"][0]["code"], "not_adoptable");
    let csv = app.get(&format!("/api/v1/frameworks/{}?format=csv", version2["id"])).await;
    assert!(
        String::from_utf8_lossy(&csv.bytes().await.unwrap()).contains("Gia đình có góc học tập"),
        "published criteria are public"
    );

    // The framework that applies: the province's own in Hà Nội, none in Hồ Chí Minh City.
    let found = app.get_json(&applicable).await;
    assert_eq!(
        (found["owner"].as_str(), found["framework"]["id"].as_i64()),
        (Some("provincial"), version2["id"].as_i64())
    );
    let elsewhere =
        format!("/api/v1/frameworks/applicable?unit={other_commune}&model_kind=gia_dinh_hoc_tap&date=2026-06-01");
    assert_problem(app.get(&elsewhere).await, 404, "no_applicable_framework").await;
    let before_decision = app.get(&applicable.replace("2026-06-01", "2026-02-01")).await;
    assert_problem(before_decision, 404, "no_applicable_framework").await;

    // A family registered without naming a framework, scored and recognised under it.
    let ev = created(officer.post(app.url("/api/v1/evaluations")).json(&register).send().await.unwrap()).await;
    assert_eq!(ev["framework_id"], version2["id"]);
    let theirs = created(
        other_officer
            .post(app.url("/api/v1/households"))
            .json(&json!({"label": "Hộ ông Lê Văn Tâm", "unit_id": other_commune}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let borrowed = other_officer
        .post(app.url("/api/v1/evaluations"))
        .json(&json!({"subject_type": "household", "subject_id": theirs["id"], "framework_id": version2["id"], "year": 2026}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(borrowed, 409, "reference_conflict").await["errors"][0]["code"],
        "framework_of_another_province"
    );
    let ids = ["TC1.1", "TC1.2", "TC1.3", "TC2.1", "TC2.2", "TC2.3", "TC3.1", "TC3.2", "TC4.1", "TC4.2"];
    let answers: serde_json::Map<String, Value> =
        ids.iter().map(|id| ((*id).to_owned(), json!({"points": 9}))).collect();
    let ev = step(app, &officer, &ev, "PUT", "/self-assessment", Some(json!({"answers": answers}))).await;
    let ev = step(app, &officer, &ev, "POST", "/submit", None).await;
    let ev = step(app, &inspector, &ev, "PUT", "/inspection", Some(json!({"answers": answers}))).await;
    assert_eq!(ev["status"], "inspected");
    assert_eq!(ev["current_result"]["level"]["id"], "dat", "90 of 100 reaches the province's pass mark of 80");
    assert_eq!(ev["current_result"]["max_points"], 100.0);
    created(decide(app, &officer, "recognition", "2026-11-20", json!([{"evaluation_id": ev["id"]}]), None).await).await;
    let recognised = app.get_json(&format!("/api/v1/evaluations/{}", ev["id"])).await;
    assert_eq!((recognised["status"].as_str(), recognised["result_level"].as_str()), (Some("recognised"), Some("dat")));
}

async fn every_shipped_framework_comes_back_from_excel_unchanged(app: &TestApp) {
    let page = app.get_json("/api/v1/frameworks?limit=500").await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 20, "12 frameworks of the regulations and 8 templates");
    for item in items {
        let url = format!("/api/v1/frameworks/{}", item["id"]);
        let document: xhht_evaluation::Framework =
            serde_json::from_value(app.get_json(&url).await["document"].clone()).unwrap();
        let response = app.anonymous.get(app.url(&url)).header("accept", XLSX).send().await.unwrap();
        assert_eq!(response.headers()["content-type"], XLSX, "{url}: chosen by Accept");
        let back =
            xhht_framework_sheets::read(&response.bytes().await.unwrap()).unwrap_or_else(|e| panic!("{url}: {e:#?}"));
        assert_eq!(back.framework, document, "{}", item["key"]);
    }
}

async fn bad_workbooks_and_requests_are_refused_with_their_place(app: &TestApp) {
    let province = app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap();
    let not_a_workbook = upload(app, &app.client, province, b"PK\x03\x04 not really a zip".to_vec()).await;
    let problem = assert_problem(not_a_workbook, 422, "framework_invalid").await;
    assert_eq!(
        (problem["errors"][0]["field"].as_str(), problem["errors"][0]["code"].as_str()),
        (Some("file"), Some("unreadable_workbook"))
    );

    let family = app.get_json("/api/v1/frameworks?key=mau.gia-dinh-hoc-tap").await["items"][0].clone();
    let bytes = app.get(&format!("/api/v1/frameworks/{}?format=xlsx", family["id"])).await.bytes().await.unwrap();
    let mut g = grids(&bytes);
    g.retain(|(name, _)| name != "Kết quả");
    let missing_sheet =
        assert_problem(upload(app, &app.client, province, save(&g)).await, 422, "framework_invalid").await;
    assert_eq!(missing_sheet["errors"][0]["code"], "missing_sheet");
    assert!(missing_sheet["errors"][0]["message"].as_str().unwrap().contains("Kết quả"));
    let english = app
        .client
        .post(app.url(&format!("/api/v1/frameworks?province_id={province}")))
        .header("content-type", XLSX)
        .header("accept-language", "en")
        .body(save(&g))
        .send()
        .await
        .unwrap();
    let english = assert_problem(english, 422, "framework_invalid").await;
    assert_eq!(english["errors"][0]["message"], "The workbook has no sheet “Kết quả”");

    // A JSON body may name its province in the query too, but not two provinces.
    let other = app.unit_by_code("79", "2025-07-01").await["id"].as_i64().unwrap();
    let two_provinces = app
        .client
        .post(app.url(&format!("/api/v1/frameworks?province_id={province}")))
        .json(&json!({"document": {}, "province_id": other}))
        .send()
        .await
        .unwrap();
    assert_eq!(assert_problem(two_provinces, 422, "validation_failed").await["errors"][0]["code"], "province_differs");

    let adopt = |key: &str| {
        app.client.post(app.url(&format!("/api/v1/frameworks/{}/adopt", family["id"]))).json(&json!({
            "province_id": province, "key": key,
            "decision": {"number": "1/QĐ-UBND", "issuer_vi": "UBND", "issued_on": "2026-01-05", "signer_vi": "Chủ tịch"}}))
    };
    let bad_key = assert_problem(adopt("Tỉnh Một").send().await.unwrap(), 422, "validation_failed").await;
    assert_eq!(bad_key["errors"][0]["code"], "framework_key");
    created(adopt("tinh-01.gdht").send().await.unwrap()).await;
    assert_problem(adopt("tinh-01.gdht").send().await.unwrap(), 409, "framework_version_exists").await;
    let village = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let not_province = app
        .client
        .post(app.url(&format!("/api/v1/frameworks/{}/adopt", family["id"])))
        .json(&json!({"province_id": village,
                      "decision": {"number": "1/QĐ-UBND", "issuer_vi": "UBND", "issued_on": "2026-01-05", "signer_vi": "Chủ tịch"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(assert_problem(not_province, 409, "reference_conflict").await["errors"][0]["field"], "province_id");

    // A template is never published itself.
    let publish = app
        .client
        .post(app.url(&format!("/api/v1/frameworks/{}/publish", family["id"])))
        .header("if-match", "*")
        .send()
        .await
        .unwrap();
    let problem = assert_problem(publish, 409, "framework_incomplete").await;
    assert!(problem["errors"].as_array().unwrap().iter().any(|e| e["code"] == "template_not_publishable"), "{problem}");

    let neither = app
        .client
        .post(app.url("/api/v1/evaluations"))
        .json(&json!({"subject_type": "household", "subject_id": 1, "year": 2026}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(neither, 422, "validation_failed").await["errors"][0]["code"],
        "framework_or_model_required"
    );
}
