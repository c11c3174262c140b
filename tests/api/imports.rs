//! Bulk imports on both backends: every kind from CSV (UTF-8 and UTF-16), XLSX, JSON and NDJSON;
//! dry runs, atomic and per-row imports, an idempotent second run, the error file read back as
//! a workbook, the template read back with its drop-downs, files refused at once, and the
//! `xhht import` command and a `kill -9` in the middle of an atomic import against a live server
//! of its own.

use crate::helpers::{TestApp, assert_problem, bearer_client};
use crate::on_both_backends;
use calamine::{Data, Reader};
use serde_json::{Value, json};
use std::io::Read;
use std::time::Duration;

on_both_backends!(
    households_and_citizens_come_in_once_and_stay_right,
    organisations_clans_and_centres_come_in_as_json_and_workbooks,
    a_file_that_cannot_be_read_or_lacks_a_column_is_refused_at_once,
    the_template_has_the_callers_units_and_every_value_in_drop_downs,
    the_command_line_imports_and_a_kill_during_an_atomic_import_leaves_nothing,
    villages_open_once_and_households_name_them,
    self_assessment_answers_come_in_by_evaluation_or_by_subject,
    a_file_of_many_pages_is_checked_as_one,
);

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Uploads a file; returns the finished job.
async fn import(client: &reqwest::Client, app: &TestApp, query: &str, content_type: &str, body: Vec<u8>) -> Value {
    let response = client
        .post(app.url(&format!("/api/v1/imports?{query}")))
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 202, "POST /imports?{query}: {}", response.text().await.unwrap_or_default());
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    finished(client, app, &location).await
}

async fn finished(client: &reqwest::Client, app: &TestApp, location: &str) -> Value {
    for _ in 0..600 {
        let job: Value = client.get(app.url(location)).send().await.unwrap().json().await.unwrap();
        if matches!(job["state"].as_str(), Some("done" | "failed" | "cancelled")) {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the import at {location} did not end");
}

fn counts(job: &Value) -> [i64; 6] {
    ["rows_read", "rows_valid", "rows_invalid", "rows_created", "rows_updated", "rows_unchanged"]
        .map(|k| job[k].as_i64().unwrap_or(-1))
}

async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> Vec<Value> {
    let body: Value = client.get(app.url(path)).send().await.unwrap().json().await.unwrap();
    body["items"].as_array().unwrap().clone()
}

async fn errors(client: &reqwest::Client, app: &TestApp, job: &Value, lang: &str) -> Vec<Value> {
    let url = app.url(&format!("/api/v1/imports/{}/errors", job["id"]));
    let body: Value = client.get(url).header("Accept-Language", lang).send().await.unwrap().json().await.unwrap();
    body["items"].as_array().unwrap().clone()
}

fn workbook(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(n) if !cell.starts_with('0') => sheet.write_number(r as u32, c as u16, n).unwrap(),
                _ => sheet.write_string(r as u32, c as u16, *cell).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

async fn officer(app: &TestApp, name: &str, code: &str) -> (i64, reqwest::Client) {
    let unit = app.unit_by_code(code, "2025-07-01").await["id"].as_i64().unwrap();
    let (_, token) = app.account(name, &["commune_officer"], &[unit]).await;
    (unit, bearer_client(&token))
}

async fn households_and_citizens_come_in_once_and_stay_right(app: &TestApp) {
    let (commune, clerk) = officer(app, "nhap.ba-dinh", "00004").await;
    let village = {
        let body = json!({"parent_id": commune, "name": "Tổ dân phố 3", "division_type": "tổ dân phố", "valid_from": "2025-07-01"});
        let created = app.post_json("/api/v1/units", &body).await;
        assert_eq!(created.status(), 201);
        created.json::<Value>().await.unwrap()
    };
    let households = "Mã hộ,Tên hộ,Đơn vị hành chính,Ghi chú\n\
        H1,Hộ ông Trần Văn Bình,00004,x\n\
        H2,Hộ bà Lê Thị Hoa,Phường Ba Đình,\n\
        ,,,\n\
        H3,Hộ ông Phạm Văn Cường,Tổ dân phố 3,\n\
        H4,,Ba Đình (00004),\n\
        H3,Hộ trùng mã,Tổ dân phố 3,\n\
        H5,Hộ ở xã khác,25747,\n";

    // A dry run checks every row and writes nothing.
    let dry = import(&clerk, app, "kind=households&dry_run=true", "text/csv", households.into()).await;
    assert_eq!((dry["state"].as_str(), counts(&dry)), (Some("done"), [6, 3, 3, 0, 0, 0]));
    assert_eq!(dry["warnings"][0]["code"], "column_ignored");
    assert!(page(&clerk, app, "/api/v1/households").await.is_empty());

    // Atomic: three bad rows, nothing written; each error names its row and column.
    let atomic = import(&clerk, app, "kind=households&file_name=ho.csv", "text/csv", households.into()).await;
    assert_eq!(
        (atomic["state"].as_str(), atomic["failure"]["code"].as_str(), counts(&atomic)),
        (Some("failed"), Some("import_rows_invalid"), [6, 3, 3, 0, 0, 0])
    );
    assert!(page(&clerk, app, "/api/v1/households").await.is_empty());
    let found = errors(&clerk, app, &atomic, "en").await;
    let found: Vec<(i64, &str, &str)> = found
        .iter()
        .map(|e| (e["row"].as_i64().unwrap(), e["column"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        vec![(6, "label", "required"), (7, "external_id", "duplicate_external_id"), (8, "unit", "out_of_scope")]
    );

    // The failed rows come back as a workbook to correct: as uploaded, with what is wrong.
    let url = app.url(&format!("/api/v1/imports/{}/errors?format=xlsx", atomic["id"]));
    let sheet = workbook(&clerk.get(url).send().await.unwrap().bytes().await.unwrap());
    assert_eq!(sheet[0][..3], ["Mã hộ", "Tên hộ", "Đơn vị hành chính"]);
    assert_eq!(sheet.len(), 4);
    assert_eq!((sheet[1][0].as_str(), sheet[1][5].as_str()), ("H4", "6"));
    assert!(sheet[1][4].starts_with("Tên hộ: "), "{:?}", sheet[1]);
    let csv = clerk
        .get(app.url(&format!("/api/v1/imports/{}/errors?format=csv", atomic["id"])))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with("\u{feff}Dòng,Cột,"), "{csv}");

    // Corrected, and per-row; then the same file again changes nothing.
    let corrected = households.replace("H4,,", "H4,Hộ bà Ngô Thị Dung,").replace("H3,Hộ trùng mã,Tổ dân phố 3,\n", "");
    let first = import(&clerk, app, "kind=households&mode=per_row", "text/csv", corrected.clone().into()).await;
    assert_eq!((first["state"].as_str(), counts(&first)), (Some("done"), [5, 4, 1, 4, 0, 0]));
    let again = import(&clerk, app, "kind=households&mode=per_row", "text/csv", corrected.clone().into()).await;
    assert_eq!(counts(&again), [5, 4, 1, 0, 0, 4]);
    let renamed = corrected.replace("Hộ ông Trần Văn Bình", "Hộ ông Trần Văn Bình (con)");
    let third = import(&clerk, app, "kind=households&mode=per_row", "text/csv", renamed.into()).await;
    assert_eq!(counts(&third), [5, 4, 1, 0, 1, 3]);
    let listed = page(&clerk, app, "/api/v1/households").await;
    assert_eq!(listed.len(), 4);
    let h1 = listed.iter().find(|h| h["external_id"] == "H1").unwrap();
    assert_eq!(
        (h1["label"].as_str(), h1["import_job_id"].as_i64()),
        (Some("Hộ ông Trần Văn Bình (con)"), third["id"].as_i64())
    );
    let h3 = listed.iter().find(|h| h["external_id"] == "H3").unwrap();
    assert_eq!(h3["unit_id"], village["id"]);

    // Citizens, as Excel saves "Unicode text" (UTF-16, tabs), name their households by key;
    // a birth date keeps only its year, and a national ID repeated in the file is refused.
    let citizens = "Mã công dân\tHọ và tên\tNăm sinh\tGiới tính\tNhóm đối tượng\tĐơn vị hành chính\tMã hộ\tSố định danh cá nhân\r\n\
        C1\tTrần Văn Bình\t12/07/1965\tNam\tNgười dân trong xã\t00004\tH1\t001065000123\r\n\
        C2\tTrần Thị Hạnh\t1992\tnữ\tworker\t00004\tH1\t\r\n\
        C3\tPhạm Văn Cường\t1975-02-01\tNam\tNgười lao động\tTổ dân phố 3\tH3\t\r\n\
        C4\tNgô Thị Dung\tabc\tX\tNgười lao động\t00004\tH9\t\r\n\
        C5\tTrần Văn Bình\t1965\tNam\tresident\t00004\tH1\t001065000123\r\n";
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(citizens.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let job = import(&clerk, app, "kind=citizens&mode=per_row", "text/csv", utf16.clone()).await;
    assert_eq!(counts(&job), [5, 3, 2, 3, 0, 0]);
    let found = errors(&clerk, app, &job, "en").await;
    let codes: Vec<(i64, &str)> =
        found.iter().map(|e| (e["row"].as_i64().unwrap(), e["code"].as_str().unwrap())).collect();
    assert_eq!(codes, vec![(5, "invalid_year"), (5, "not_one_of"), (5, "unknown_key"), (6, "duplicate_citizen")]);
    assert_eq!(found[3]["message"], "This national ID is already on row 2 of the file.");
    // A national ID is never kept in clear, not even in an error.
    assert!(found[3]["value"].is_null());
    let people = page(&clerk, app, "/api/v1/citizens").await;
    let c1 = people.iter().find(|c| c["external_id"] == "C1").unwrap();
    assert_eq!((c1["birth_year"].as_i64(), c1["sex"].as_str()), (Some(1965), Some("male")));
    let h1_members =
        app.get_json(&format!("/api/v1/households/{}", h1["id"])).await["member_ids"].as_array().unwrap().len();
    assert_eq!(h1_members, 2);
    let again = import(&clerk, app, "kind=citizens&mode=per_row", "text/csv", utf16).await;
    assert_eq!(counts(&again), [5, 3, 2, 0, 0, 3]);

    // One audit row per job, naming the file by its hash; the counters agree with the rows.
    let audit = app.get_json("/api/v1/audit?entity=import_job&limit=500").await;
    let audited = audit["items"].as_array().unwrap();
    assert_eq!(audited.len(), 7);
    assert!(audited.iter().any(|a| a["changes"]["file_name"] == "ho.csv"
        && a["changes"]["file_sha256"].as_str().is_some_and(|h| h.len() == 64)));
    let db = xhht_persistence::Database::connect(
        &xhht_persistence::DatabaseUrl::parse(&app.database_url).unwrap(),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(db.read(xhht_persistence::stats::verify).unwrap(), vec![]);

    // Jobs are their owner's: another officer does not see them; a finished job is not cancelled.
    let (_, other) = officer(app, "nhap.khac", "25747").await;
    let theirs = other.get(app.url(&format!("/api/v1/imports/{}", job["id"]))).send().await.unwrap();
    assert_problem(theirs, 404, "import_job_not_found").await;
    assert!(page(&other, app, "/api/v1/imports").await.is_empty());
    assert_eq!(page(&clerk, app, "/api/v1/imports").await.len(), 7);
    let cancel = clerk.delete(app.url(&format!("/api/v1/imports/{}", job["id"]))).send().await.unwrap();
    assert_problem(cancel, 409, "import_finished").await;
}

/// Pages of 2,000 rows are checked and looked up ahead of the write of the page before, apart
/// from its transaction: a key or national ID met pages earlier is still a duplicate, and a
/// second import finds the records every earlier page wrote.
async fn a_file_of_many_pages_is_checked_as_one(app: &TestApp) {
    let (_, clerk) = officer(app, "nhap.nhieu-trang", "00004").await;
    let rows = 4500;
    let households = |repeat: bool| {
        let mut file = String::from("Mã hộ,Tên hộ,Đơn vị hành chính\n");
        for i in 0..rows {
            // Row 4,102 of the file (4,100 of the rows) repeats the key of row 12.
            let key = if repeat && i == 4100 { 10 } else { i };
            file.push_str(&format!("P{key},Hộ số {i},00004\n"));
        }
        file.into_bytes()
    };
    let failed = import(&clerk, app, "kind=households", "text/csv", households(true)).await;
    assert_eq!((failed["state"].as_str(), counts(&failed)), (Some("failed"), [4500, 4499, 1, 0, 0, 0]));
    let found = errors(&clerk, app, &failed, "en").await;
    assert_eq!(
        (found.len(), found[0]["row"].as_i64(), found[0]["code"].as_str()),
        (1, Some(4102), Some("duplicate_external_id"))
    );
    assert_eq!(found[0]["message"], "This key is already on row 12 of the file, in the same unit.");
    assert!(page(&clerk, app, "/api/v1/households?limit=1").await.is_empty());
    let done = import(&clerk, app, "kind=households", "text/csv", households(false)).await;
    assert_eq!((done["state"].as_str(), counts(&done)), (Some("done"), [4500, 4500, 0, 4500, 0, 0]));

    // Citizens of those households, each with a national ID; row 4,302 repeats row 2's.
    let citizens = |prefix: &str, renamed: Option<usize>| {
        let mut file = String::from(
            "Mã công dân,Họ và tên,Năm sinh,Giới tính,Nhóm đối tượng,Đơn vị hành chính,Mã hộ,Số định danh cá nhân\n",
        );
        let series = if prefix == "Q" { 1 } else { 2 };
        for i in 0..rows {
            let number = if i == 4300 { 0 } else { i };
            let name =
                if renamed == Some(i) { "Người đã đổi tên".to_owned() } else { format!("Người số {i}") };
            let household = rows - 1 - i;
            file.push_str(&format!(
                "{prefix}{i},{name},1980,Nữ,resident,00004,P{household},00{series}0800{number:05}\n"
            ));
        }
        file.into_bytes()
    };
    let duplicate = |found: &[Value]| {
        found.iter().map(|e| (e["row"].as_i64().unwrap(), e["code"].as_str().unwrap().to_owned())).collect::<Vec<_>>()
    };
    // A dry run of the whole file in one transaction: the repeat is found in the file itself.
    let dry = import(&clerk, app, "kind=citizens&dry_run=true", "text/csv", citizens("R", None)).await;
    assert_eq!((dry["state"].as_str(), counts(&dry)), (Some("done"), [4500, 4499, 1, 0, 0, 0]));
    let found = errors(&clerk, app, &dry, "en").await;
    assert_eq!(duplicate(&found), vec![(4302, "duplicate_citizen".to_owned())]);
    assert_eq!(found[0]["message"], "This national ID is already on row 2 of the file.");
    // Per row, the first page is written before the last is checked: the repeat is a twin of
    // a citizen on file.
    let first = import(&clerk, app, "kind=citizens&mode=per_row", "text/csv", citizens("Q", None)).await;
    assert_eq!((first["state"].as_str(), counts(&first)), (Some("done"), [4500, 4499, 1, 4499, 0, 0]));
    assert_eq!(duplicate(&errors(&clerk, app, &first, "en").await), vec![(4302, "duplicate_citizen".to_owned())]);
    // Again, with one name changed on the last page: one update, and every other row found.
    let again = import(&clerk, app, "kind=citizens&mode=per_row", "text/csv", citizens("Q", Some(4400))).await;
    assert_eq!((again["state"].as_str(), counts(&again)), (Some("done"), [4500, 4499, 1, 0, 1, 4498]));
}

async fn organisations_clans_and_centres_come_in_as_json_and_workbooks(app: &TestApp) {
    let (_, clerk) = officer(app, "nhap.don-vi", "00004").await;
    let organisations = json!([
        {"external_id": "T1", "name": "Trường THCS Thăng Long", "org_type": "lower_secondary_school",
         "managing_level": "commune", "unit": "00004", "staff_count": 60, "learner_count": 900, "extra": 1},
        {"external_id": "T2", "name": "Công ty Sông Hồng", "org_type": "Doanh nghiệp", "managing_level": "Cấp xã",
         "unit": "Phường Ba Đình", "staff_count": "25"},
        {"external_id": "T3", "name": "Không số", "org_type": "enterprise", "managing_level": "commune",
         "unit": "00004", "staff_count": -1},
    ]);
    let job =
        import(&clerk, app, "kind=organisations&mode=per_row", "application/json", organisations.to_string().into())
            .await;
    assert_eq!(counts(&job), [3, 2, 1, 2, 0, 0]);
    assert_eq!(job["warnings"][0]["code"], "key_ignored");
    assert_eq!(errors(&clerk, app, &job, "vi").await[0]["code"], "range");

    // NDJSON, the same records: nothing changes.
    let lines: String = organisations.as_array().unwrap()[..2].iter().map(|o| format!("{o}\n")).collect();
    let job = import(&clerk, app, "kind=organisations", "application/x-ndjson", lines.into()).await;
    assert_eq!((job["state"].as_str(), counts(&job)), (Some("done"), [2, 2, 0, 0, 0, 2]));

    let households = "external_id,label,unit\nA1,Hộ Nguyễn Văn An,00004\nA2,Hộ Nguyễn Văn Ba,00004\n";
    let job = import(&clerk, app, "kind=households", "text/csv", households.into()).await;
    assert_eq!(counts(&job)[3], 2);

    // A clan names its households by key, in a workbook; the header is the template's.
    let clans = xlsx(&[
        &["Mã dòng họ (external_id)", "Tên dòng họ (name)", "Đơn vị hành chính (unit)", "Mã các hộ (household_keys)"],
        &["D1", "Họ Nguyễn Văn", "00004", "A1; A2"],
        &["D2", "Họ Lê", "00004", "A1; Z9"],
    ]);
    let job = import(&clerk, app, "kind=clans&mode=per_row", XLSX, clans.clone()).await;
    assert_eq!(counts(&job), [2, 1, 1, 1, 0, 0], "{job}");
    assert_eq!(errors(&clerk, app, &job, "vi").await[0]["value"], "Z9");
    let clan = &page(&clerk, app, "/api/v1/clans").await[0];
    assert_eq!(clan["household_ids"].as_array().unwrap().len(), 2);
    let job = import(&clerk, app, "kind=clans&mode=per_row", XLSX, clans).await;
    assert_eq!(counts(&job), [2, 1, 1, 0, 0, 1]);

    // One learning centre a commune: a second key for the same commune is refused.
    let centres = "Mã trung tâm;Tên trung tâm;Đơn vị hành chính;Giám đốc;Số hoạt động trong năm\n\
        TT1;TTHTCĐ phường Ba Đình;00004;Lê Văn Hùng;24\n\
        TT2;Trung tâm thứ hai;00004;;3\n";
    let job = import(&clerk, app, "kind=learning_centres&mode=per_row", "text/csv", centres.into()).await;
    assert_eq!(counts(&job), [2, 1, 1, 1, 0, 0]);
    assert_eq!(errors(&clerk, app, &job, "vi").await[0]["code"], "learning_centre_exists");

    // Another sheet than the first, by name.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Ghi chú").unwrap().write(0, 0, "không phải dữ liệu").unwrap();
    let sheet = book.add_worksheet().set_name("Hộ").unwrap();
    for (c, h) in ["external_id", "label", "unit"].iter().enumerate() {
        sheet.write(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["A3", "Hộ Đỗ Văn Cả", "00004"].iter().enumerate() {
        sheet.write(1, c as u16, *v).unwrap();
    }
    let job = import(&clerk, app, "kind=households&sheet=H%E1%BB%99", XLSX, book.save_to_buffer().unwrap()).await;
    assert_eq!(counts(&job), [1, 1, 0, 1, 0, 0]);
}

async fn a_file_that_cannot_be_read_or_lacks_a_column_is_refused_at_once(app: &TestApp) {
    let (_, clerk) = officer(app, "nhap.loi", "00004").await;
    let post = |query: &str, content_type: &str, body: Vec<u8>| {
        clerk.post(app.url(&format!("/api/v1/imports?{query}"))).header("Content-Type", content_type).body(body).send()
    };
    let missing = post("kind=citizens", "text/csv", "Họ và tên,Năm sinh\nA,1990\n".into()).await.unwrap();
    let problem = assert_problem(missing, 422, "import_columns_missing").await;
    let named: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(named, vec!["external_id", "sex", "target_group", "unit"]);
    assert!(problem["detail"].as_str().unwrap().contains("Số định danh cá nhân (national_id)"));

    let broken = post("kind=households", XLSX, b"PK\x03\x04 not a workbook".to_vec()).await.unwrap();
    assert_problem(broken, 422, "import_file_unreadable").await;
    let empty = post("kind=households", "text/csv", Vec::new()).await.unwrap();
    assert_problem(empty, 422, "validation_failed").await;
    let image = post("kind=households", "image/png", b"\x89PNG".to_vec()).await.unwrap();
    assert_problem(image, 415, "unsupported_media_type").await;
    let not_objects = post("kind=households&format=ndjson", "application/json", b"true".to_vec()).await.unwrap();
    assert_problem(not_objects, 422, "import_file_unreadable").await;
    let numbers = post("kind=households", "application/json", b"[2.5, 3]".to_vec()).await.unwrap();
    assert_problem(numbers, 422, "import_file_unreadable").await;
    let json = post("kind=households", "application/json", b"{\"not\": \"an array\"}".to_vec()).await.unwrap();
    assert_problem(json, 422, "import_file_unreadable").await;
    let sheet = post("kind=households&sheet=Trang%209", XLSX, xlsx(&[&["external_id"]])).await.unwrap();
    assert_problem(sheet, 422, "import_file_unreadable").await;
    let kind = post("kind=villagers", "text/csv", b"a\n1\n".to_vec()).await.unwrap();
    assert_problem(kind, 400, "invalid_query").await;
    // Nothing refused before a job exists is left in the spool.
    let spooled: Vec<_> = std::fs::read_dir(std::path::Path::new(&app.data_dir).join("imports"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert!(spooled.is_empty(), "{spooled:?}");

    // Windows-1258 below readable headings: found by the job, which fails and writes nothing.
    let mut legacy = b"external_id,label,unit\nA1,Ho mot,00004\n".to_vec();
    legacy.extend_from_slice(b"A2,Nguy\xD2n,00004\n");
    let response = post("kind=households&mode=per_row", "text/csv", legacy).await.unwrap();
    assert_eq!(response.status(), 202);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let job = finished(&clerk, app, &location).await;
    assert_eq!(
        (job["state"].as_str(), job["failure"]["code"].as_str()),
        (Some("failed"), Some("import_file_unreadable"))
    );
    assert!(job["failure"]["message"].as_str().unwrap().contains("Dòng 3"));

    // A retry with the same key and file is the same job; with another file, refused.
    let keyed = |body: &'static str| {
        clerk
            .post(app.url("/api/v1/imports?kind=households&dry_run=true"))
            .header("Content-Type", "text/csv")
            .header("Idempotency-Key", "tep-ho-1")
            .body(body)
            .send()
    };
    let first = keyed("external_id,label,unit\nB1,Hộ B,00004\n").await.unwrap();
    let second = keyed("external_id,label,unit\nB1,Hộ B,00004\n").await.unwrap();
    assert_eq!((first.status(), second.status()), (reqwest::StatusCode::ACCEPTED, reqwest::StatusCode::ACCEPTED));
    assert_eq!(first.headers()["location"], second.headers()["location"]);
    assert_problem(keyed("external_id,label,unit\nB2,Hộ C,00004\n").await.unwrap(), 422, "idempotency_key_reused")
        .await;

    // Viewers do not import.
    let unit = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let (_, viewer) = app.account("xem.nhap", &["viewer"], &[unit]).await;
    let refused = bearer_client(&viewer)
        .post(app.url("/api/v1/imports?kind=households"))
        .header("Content-Type", "text/csv")
        .body("external_id,label,unit\n")
        .send()
        .await
        .unwrap();
    assert_problem(refused, 403, "forbidden").await;
}

async fn the_template_has_the_callers_units_and_every_value_in_drop_downs(app: &TestApp) {
    let (_, clerk) = officer(app, "nhap.mau", "00004").await;
    let response = clerk.get(app.url("/api/v1/imports/templates/citizens.xlsx")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], XLSX);
    let bytes = response.bytes().await.unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    assert_eq!(book.sheet_names(), vec!["Danh mục", "Dữ liệu", "Hướng dẫn"]);
    let data = book.worksheet_range("Dữ liệu").unwrap();
    assert_eq!(data.get_value((0, 1)), Some(&Data::String("Họ và tên (full_name)".into())));
    let lists = book.worksheet_range("Danh mục").unwrap();
    let values: Vec<String> = lists.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(values.contains(&"Phường Ba Đình (00004)".to_owned()));
    assert!(values.contains(&"Người lao động".to_owned()));
    // Only the caller's units are offered.
    assert!(!values.iter().any(|v| v.ends_with("(25747)")));

    // The drop-downs: a list validation on the data sheet for each column with values.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    archive.by_name("xl/worksheets/sheet2.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert_eq!(xml.matches("<dataValidation ").count(), 3, "sex, target group, unit");
    assert!(xml.contains("'Danh mục'!$A$2:$A$3"));

    // The template, filled in as it is (its example row), imports.
    let filled = data.rows().take(2).map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>()).collect::<Vec<_>>();
    let rows: Vec<Vec<&str>> = filled.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let job = import(&clerk, app, "kind=citizens", XLSX, xlsx(&rows)).await;
    assert_eq!((job["state"].as_str(), counts(&job)), (Some("done"), [1, 1, 0, 1, 0, 0]), "{job}");
}

async fn villages_open_once_and_households_name_them(app: &TestApp) {
    let (commune, clerk) = officer(app, "nhap.thon", "00004").await;
    let villages = "Xã, phường,Tên thôn, tổ dân phố,Loại,Mã thôn,Ngày bắt đầu\n\
        00004,Tổ dân phố 1,tổ dân phố,01,01/07/2025\n\
        Phường Ba Đình,Tổ dân phố 2,Tổ Dân Phố,,\n\
        25747,Thôn ngoài địa bàn,thôn,,\n\
        00004,Sai loại,phường,,\n";
    // The heading "Xã, phường" holds a comma: quoted, as Excel writes it.
    let villages = villages.replacen("Xã, phường,Tên thôn, tổ dân phố", "\"Xã, phường\",\"Tên thôn, tổ dân phố\"", 1);
    let job = import(&clerk, app, "kind=villages&mode=per_row", "text/csv", villages.clone().into()).await;
    assert_eq!(counts(&job), [4, 2, 2, 2, 0, 0], "{job}");
    let found = errors(&clerk, app, &job, "en").await;
    let codes: Vec<(&str, &str)> =
        found.iter().map(|e| (e["column"].as_str().unwrap(), e["code"].as_str().unwrap())).collect();
    assert_eq!(codes, vec![("commune", "out_of_scope"), ("division_type", "not_one_of")]);
    let children = app.get_json(&format!("/api/v1/units/{commune}/children")).await;
    let mut names: Vec<(String, String)> = children["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["code"].as_str().unwrap().to_owned(), u["name"].as_str().unwrap().to_owned()))
        .collect();
    names.sort();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&("00004-01".to_owned(), "Tổ dân phố 1".to_owned())), "{names:?}");
    // Again: nothing new; a known code under another name is refused, not renamed.
    let job = import(&clerk, app, "kind=villages&mode=per_row", "text/csv", villages.into()).await;
    assert_eq!(counts(&job), [4, 2, 2, 0, 0, 2]);
    let clash = "commune,name,division_type,local_code\n00004,Tên khác,thôn,01\n";
    let job = import(&clerk, app, "kind=villages", "text/csv", clash.into()).await;
    assert_eq!(errors(&clerk, app, &job, "vi").await[0]["code"], "unit_code_in_use");
    // The next import names the new village by name.
    let households = "external_id,label,unit\nV1,Hộ ở tổ 2,Tổ dân phố 2\n";
    let job = import(&clerk, app, "kind=households", "text/csv", households.into()).await;
    assert_eq!(counts(&job), [1, 1, 0, 1, 0, 0], "{job}");
    // Villages are the map: a role that registers but does not manage villages cannot import them.
    let (_, member) = app.account("hoi.vien", &["association_officer"], &[commune]).await;
    let refused = bearer_client(&member)
        .post(app.url("/api/v1/imports?kind=villages"))
        .header("Content-Type", "text/csv")
        .body("commune,name,division_type\n")
        .send()
        .await
        .unwrap();
    assert_problem(refused, 403, "forbidden").await;
}

/// Answers of self-assessments, one indicator a row: by evaluation id or by model, year and the
/// household's key; checked by the step's rules; added to the saved answers, once.
async fn self_assessment_answers_come_in_by_evaluation_or_by_subject(app: &TestApp) {
    let framework = crate::workflow::published_framework(app, "gia_dinh_hoc_tap").await;
    let (_, clerk) = officer(app, "nhap.tu-danh-gia", "00004").await;
    let households = "external_id,label,unit\nA1,Hộ A1,00004\nA2,Hộ A2,00004\nA3,Hộ A3,00004\n";
    let job = import(&clerk, app, "kind=households", "text/csv", households.into()).await;
    assert_eq!(counts(&job), [3, 3, 0, 3, 0, 0]);
    let listed = page(&clerk, app, "/api/v1/households").await;
    let id_of = |key: &str| listed.iter().find(|h| h["external_id"] == key).unwrap()["id"].clone();
    let mut evaluations = Vec::new();
    for key in ["A1", "A2"] {
        let body = json!({"subject_type": "household", "subject_id": id_of(key), "model_kind": "gia_dinh_hoc_tap",
                          "year": 2026, "framework_id": framework});
        let created = clerk.post(app.url("/api/v1/evaluations")).json(&body).send().await.unwrap();
        assert_eq!(created.status(), 201);
        evaluations.push(created.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
    }
    let (first, second) = (evaluations[0], evaluations[1]);
    let answers = format!(
        "Số hồ sơ,Mô hình,Năm,Đối tượng,Mã chỉ tiêu,Kết quả tự đánh giá\n\
         {first},,,,TC1.CT1,Có\n\
         {first},,,,TC1.CT2,85%\n\
         ,Gia đình học tập,2026,A2,TC1.CT1,Không\n\
         ,gia_dinh_hoc_tap,2026,A2,TC1.CT2,\"92,5\"\n\
         ,Gia đình học tập,2026,A3,TC1.CT1,Có\n\
         {first},,,,TC9,Có\n\
         {first},,,,TC1.CT2,nhiều\n\
         {first},,,,TC1.CT1,Không\n\
         ,Gia đình học tập,2026,,TC1.CT1,Có\n\
         {second},,,,TC1.CT2,150\n"
    );
    let saved = |id: i64| {
        let client = clerk.clone();
        let url = app.url(&format!("/api/v1/evaluations/{id}"));
        async move { client.get(url).send().await.unwrap().json::<Value>().await.unwrap()["self_answers"].clone() }
    };

    let dry = import(&clerk, app, "kind=self_assessments&dry_run=true", "text/csv", answers.clone().into()).await;
    assert_eq!(counts(&dry), [10, 4, 6, 0, 0, 0], "{dry}");
    let atomic = import(&clerk, app, "kind=self_assessments", "text/csv", answers.clone().into()).await;
    assert_eq!((atomic["state"].as_str(), counts(&atomic)), (Some("failed"), [10, 4, 6, 0, 0, 0]));
    assert_eq!(saved(first).await, json!({}), "atomic: nothing saved");
    let found = errors(&clerk, app, &atomic, "en").await;
    let found: Vec<(i64, &str, &str)> = found
        .iter()
        .map(|e| (e["row"].as_i64().unwrap(), e["column"].as_str().unwrap_or("-"), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        vec![
            (6, "subject", "evaluation_not_found"),
            (7, "indicator", "unknown_indicator"),
            (8, "answer", "wrong_answer_kind"),
            (9, "indicator", "duplicate_answer"),
            (10, "subject", "required"),
            (11, "answer", "answer_out_of_range"),
        ]
    );
    let url = app.url(&format!("/api/v1/imports/{}/errors?format=xlsx", atomic["id"]));
    let sheet = workbook(&clerk.get(url).send().await.unwrap().bytes().await.unwrap());
    assert_eq!(sheet.len(), 7, "the heading and the six failed rows");
    assert_eq!((sheet[2][4].as_str(), sheet[2][5].as_str()), ("TC9", "Có"));
    assert!(sheet[2][6].starts_with("Mã chỉ tiêu: "), "{:?}", sheet[2]);

    let per_row = import(&clerk, app, "kind=self_assessments&mode=per_row", "text/csv", answers.clone().into()).await;
    assert_eq!(counts(&per_row), [10, 4, 6, 4, 0, 0], "{per_row}");
    assert_eq!(saved(first).await, json!({"TC1.CT1": {"yes_no": true}, "TC1.CT2": {"percentage": 85.0}}));
    assert_eq!(saved(second).await, json!({"TC1.CT1": {"yes_no": false}, "TC1.CT2": {"percentage": 92.5}}));
    // Again: nothing changes, and no evaluation is touched.
    let version =
        clerk.get(app.url(&format!("/api/v1/evaluations/{first}"))).send().await.unwrap().headers()["etag"].clone();
    let again = import(&clerk, app, "kind=self_assessments&mode=per_row", "text/csv", answers.into()).await;
    assert_eq!(counts(&again), [10, 4, 6, 0, 0, 4]);
    let after = clerk.get(app.url(&format!("/api/v1/evaluations/{first}"))).send().await.unwrap();
    assert_eq!(after.headers()["etag"], version);
    // One changed answer updates it and keeps the other; the step is audited.
    let change = format!("evaluation_id,indicator,answer\n{first},TC1.CT2,90\n");
    let job = import(&clerk, app, "kind=self_assessments", "text/csv", change.into()).await;
    assert_eq!(counts(&job), [1, 1, 0, 0, 1, 0]);
    assert_eq!(saved(first).await, json!({"TC1.CT1": {"yes_no": true}, "TC1.CT2": {"percentage": 90.0}}));
    let audit = app.get_json(&format!("/api/v1/audit?entity=evaluation&entity_id={first}")).await;
    assert!(audit["items"].as_array().unwrap().iter().any(|e| e["action"] == "self_assess"), "{audit}");

    // Submitted: past self-assessment, refused as the step refuses it.
    let etag =
        clerk.get(app.url(&format!("/api/v1/evaluations/{first}"))).send().await.unwrap().headers()["etag"].clone();
    let submitted = clerk
        .post(app.url(&format!("/api/v1/evaluations/{first}/submit")))
        .header("if-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(submitted.status(), 200);
    let late = format!("evaluation_id,indicator,answer\n{first},TC1.CT2,95\n");
    let job = import(&clerk, app, "kind=self_assessments", "text/csv", late.clone().into()).await;
    assert_eq!(errors(&clerk, app, &job, "vi").await[0]["code"], "evaluation_status_conflict");
    // Another commune's clerk does not see the evaluation at all.
    let (_, stranger) = officer(app, "nhap.xa-khac", "25747").await;
    let job = import(&stranger, app, "kind=self_assessments", "text/csv", late.into()).await;
    let refused = errors(&stranger, app, &job, "en").await;
    assert_eq!(
        (refused[0]["column"].as_str(), refused[0]["code"].as_str()),
        (Some("evaluation_id"), Some("evaluation_not_found"))
    );

    // The template lists the models in a drop-down.
    let template = clerk.get(app.url("/api/v1/imports/templates/self_assessments.xlsx")).send().await.unwrap();
    assert_eq!(template.status(), 200);
    let bytes = template.bytes().await.unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let data = book.worksheet_range("Dữ liệu").unwrap();
    assert_eq!(data.get_value((0, 5)), Some(&Data::String("Mã chỉ tiêu (indicator)".into())));
    let lists = book.worksheet_range("Danh mục").unwrap();
    assert!(lists.rows().flat_map(|r| r.iter().map(|c| c.to_string())).any(|v| v == "Gia đình học tập"));
}

/// The real binary as a server of its own on the test's database.
struct Server {
    child: std::process::Child,
    address: String,
}

fn start_server(app: &TestApp, port: u16) -> Server {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_xhht"))
        .arg("serve")
        .env("XHHT_DATABASE_URL", &app.database_url)
        .env("XHHT_DATA_DIR", &app.data_dir)
        .env("XHHT_PORT", port.to_string())
        .env("XHHT_JWT_SECRET", &app.jwt_secret)
        .env("XHHT_NATIONAL_ID_KEY", format!("{}-national-id", app.jwt_secret))
        .env("XHHT_LOG", "error")
        .env("XHHT_ARGON2_MEMORY_KIB", "256")
        .env("XHHT_ARGON2_ITERATIONS", "1")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    Server { child, address: format!("http://127.0.0.1:{port}") }
}

async fn ready(server: &Server) {
    for _ in 0..200 {
        if reqwest::get(format!("{}/health/ready", server.address)).await.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server at {} did not start", server.address);
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn the_command_line_imports_and_a_kill_during_an_atomic_import_leaves_nothing(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let account = app
        .post_json(
            "/api/v1/accounts",
            &json!({"username": "nhap.tu-dong", "display_name": "Nhập tự động", "kind": "service",
                    "roles": ["commune_officer"], "unit_ids": [commune]}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let key = app
        .post_json(&format!("/api/v1/accounts/{}/api-keys", account["id"]), &json!({"name": "kịch bản nhập"}))
        .await
        .json::<Value>()
        .await
        .unwrap()["api_key"]
        .as_str()
        .unwrap()
        .to_owned();
    let dir = std::path::PathBuf::from(&app.data_dir);
    let mut server = start_server(app, free_port());
    ready(&server).await;

    // The command line: a file with a bad row exits 2 and leaves the error workbook beside it.
    let file = dir.join("ho-gia-dinh.csv");
    std::fs::write(&file, "Mã hộ,Tên hộ,Đơn vị hành chính\nK1,Hộ Kim,00004\nK2,,00004\n").unwrap();
    let run = |file: &std::path::Path, extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_xhht"))
            .args(["import", "--url", &server.address, "--kind", "households", "--file"])
            .arg(file)
            .args(extra)
            .env("XHHT_API_KEY", &key)
            .output()
            .unwrap()
    };
    let out = run(&file, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ho-gia-dinh.loi.xlsx"));
    let sheet = workbook(&std::fs::read(dir.join("ho-gia-dinh.loi.xlsx")).unwrap());
    assert_eq!(sheet[1][0], "K2");
    std::fs::write(&file, "Mã hộ,Tên hộ,Đơn vị hành chính\nK1,Hộ Kim,00004\nK2,Hộ Mộc,00004\n").unwrap();
    let out = run(&file, &["--mode", "per_row"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 created"), "{}", String::from_utf8_lossy(&out.stdout));

    // A large atomic import, killed while it writes: after the restart nothing of it is left,
    // and the job says it was interrupted.
    let big = dir.join("lon.csv");
    let mut text = String::from("external_id,label,unit\n");
    for i in 0..200_000 {
        text.push_str(&format!("L{i},Hộ số {i},00004\n"));
    }
    std::fs::write(&big, text).unwrap();
    let token: Value = reqwest::Client::new()
        .post(format!("{}/api/v1/auth/token", server.address))
        .json(&json!({"grant_type": "api_key", "api_key": key}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let client = bearer_client(token["access_token"].as_str().unwrap());
    let started = client
        .post(format!("{}/api/v1/imports?kind=households", server.address))
        .header("Content-Type", "text/csv")
        .body(std::fs::read(&big).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(started.status(), 202);
    let location = started.headers()["location"].to_str().unwrap().to_owned();
    let mut caught = false;
    for _ in 0..2000 {
        let job: Value =
            client.get(format!("{}{location}", server.address)).send().await.unwrap().json().await.unwrap();
        if job["state"] == "writing" && job["rows_created"].as_i64().unwrap_or(0) > 0 {
            caught = true;
            break;
        }
        assert!(!matches!(job["state"].as_str(), Some("done" | "failed")), "the import ended before the kill: {job}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(caught, "the import never reached its writing");
    server.child.kill().unwrap(); // SIGKILL
    server.child.wait().unwrap();
    let mut server = start_server(app, free_port());
    ready(&server).await;
    let job = app.get_json(&location).await;
    assert_eq!((job["state"].as_str(), job["failure"]["code"].as_str()), (Some("failed"), Some("import_interrupted")));
    let households = app.get_json("/api/v1/households?limit=500").await["items"].as_array().unwrap().len();
    assert_eq!(households, 2, "only the two of the command line");
    server.child.kill().unwrap();
    server.child.wait().unwrap();
}
