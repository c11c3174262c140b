//! Every endpoint × every role: allowed, or refused with a problem document (401 without a
//! token, 403 for a role or units that do not allow it, 404 where existence is private).

use crate::helpers::{TestApp, bearer_client};
use crate::on_both_backends;
use serde_json::{Value, json};

on_both_backends!(every_endpoint_for_every_role, history_is_readable_through_successions);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    Admin,
    Provincial,
    Commune,
    Service,
    Inspector,
    Association,
    Viewer,
}

const EVERYONE: [Who; 8] = [
    Who::Anonymous,
    Who::Admin,
    Who::Provincial,
    Who::Commune,
    Who::Service,
    Who::Inspector,
    Who::Association,
    Who::Viewer,
];

#[derive(Clone, Copy, Debug)]
enum Op {
    ListUnits,
    GetUnit,
    UnitByCode,
    Children,
    Ancestors,
    Predecessors,
    Successors,
    GetReorganisation,
    Health,
    OpenApi,
    CreateVillageInScope,
    CreateVillageElsewhere,
    RenameVillage,
    RenameCommune,
    CloseVillage,
    Reorganise,
    ListAccounts,
    CreateAccountInScope,
    CreateAccountElsewhere,
    GetAccount,
    GetAdminAccount,
    UpdateAccount,
    ResetPassword,
    ListApiKeys,
    CreateApiKey,
    RevokeApiKey,
    OwnAccount,
    ChangeOwnPasswordWrongCurrent,
    Audit,
    TokenWithBadPassword,
    Logout,
    ListFrameworks,
    GetFramework,
    ScoreFramework,
    CreateFramework,
    PublishFramework,
    RetireFramework,
    ListCitizens,
    CreateHousehold,
    GetHouseholdElsewhere,
    RegisterEvaluation,
    InspectEvaluation,
    RecogniseEvaluation,
}

const OPS: [Op; 43] = [
    Op::ListUnits,
    Op::GetUnit,
    Op::UnitByCode,
    Op::Children,
    Op::Ancestors,
    Op::Predecessors,
    Op::Successors,
    Op::GetReorganisation,
    Op::Health,
    Op::OpenApi,
    Op::CreateVillageInScope,
    Op::CreateVillageElsewhere,
    Op::RenameVillage,
    Op::RenameCommune,
    Op::CloseVillage,
    Op::Reorganise,
    Op::ListAccounts,
    Op::CreateAccountInScope,
    Op::CreateAccountElsewhere,
    Op::GetAccount,
    Op::GetAdminAccount,
    Op::UpdateAccount,
    Op::ResetPassword,
    Op::ListApiKeys,
    Op::CreateApiKey,
    Op::RevokeApiKey,
    Op::OwnAccount,
    Op::ChangeOwnPasswordWrongCurrent,
    Op::Audit,
    Op::TokenWithBadPassword,
    Op::Logout,
    Op::ListFrameworks,
    Op::GetFramework,
    Op::ScoreFramework,
    Op::CreateFramework,
    Op::PublishFramework,
    Op::RetireFramework,
    Op::ListCitizens,
    Op::CreateHousehold,
    Op::GetHouseholdElsewhere,
    Op::RegisterEvaluation,
    Op::InspectEvaluation,
    Op::RecogniseEvaluation,
];

const FRAMEWORK: &str = include_str!("../../crates/evaluation/tests/fixtures/pass-fail-15.test.json");

/// What each caller must get. The commune-level service account holds the commune officer role.
fn expected(op: Op, who: Who) -> u16 {
    use Who::*;
    let officers = |ok: u16, admin_ok: bool, provincial_ok: bool, commune_ok: bool| match who {
        Anonymous => 401,
        Admin if admin_ok => ok,
        Provincial if provincial_ok => ok,
        Commune | Service if commune_ok => ok,
        _ => 403,
    };
    match op {
        Op::ListUnits
        | Op::GetUnit
        | Op::UnitByCode
        | Op::Children
        | Op::Ancestors
        | Op::Predecessors
        | Op::Successors
        | Op::GetReorganisation
        | Op::Health
        | Op::OpenApi
        | Op::ListFrameworks
        | Op::GetFramework
        | Op::ScoreFramework => 200,
        Op::CreateFramework => officers(201, true, true, false),
        Op::PublishFramework | Op::RetireFramework => officers(200, true, true, false),
        Op::TokenWithBadPassword => 401,
        Op::Logout => 204,
        Op::CreateVillageInScope => officers(201, true, true, true),
        Op::CreateVillageElsewhere => officers(201, true, false, false),
        Op::RenameVillage | Op::CloseVillage => officers(200, true, true, true),
        Op::RenameCommune => officers(200, true, true, false),
        Op::Reorganise => officers(201, true, true, false),
        Op::ListAccounts
        | Op::GetAccount
        | Op::UpdateAccount
        | Op::ResetPassword
        | Op::ListApiKeys
        | Op::RevokeApiKey => officers(200, true, true, false),
        Op::CreateAccountInScope | Op::CreateApiKey => officers(201, true, true, false),
        Op::CreateAccountElsewhere => officers(201, true, false, false),
        // The administrator's own account is not the provincial officer's business: 404.
        Op::GetAdminAccount => match who {
            Provincial => 404,
            _ => officers(200, true, false, false),
        },
        Op::OwnAccount => match who {
            Anonymous => 401,
            _ => 200,
        },
        Op::ChangeOwnPasswordWrongCurrent => 401,
        // Personal data: any account reads its own units' registry, nobody reads without a token.
        Op::ListCitizens => match who {
            Anonymous => 401,
            _ => 200,
        },
        // Another province's household does not exist for the provincial and commune officers.
        Op::GetHouseholdElsewhere => match who {
            Anonymous => 401,
            Admin => 200,
            _ => 404,
        },
        Op::CreateHousehold | Op::RegisterEvaluation => match who {
            Anonymous => 401,
            Admin | Provincial | Commune | Service | Association => 201,
            _ => 403,
        },
        Op::InspectEvaluation => match who {
            Anonymous => 401,
            Admin | Provincial | Inspector => 200,
            _ => 403,
        },
        Op::RecogniseEvaluation => officers(201, true, true, true),
        Op::Audit => officers(200, true, true, true),
    }
}

struct World {
    family_framework: i64,
    household_elsewhere: i64,
    province: i64,
    commune: i64,
    elsewhere: i64,
    service_account: i64,
    clients: Vec<(Who, reqwest::Client)>,
}

async fn id_of(response: reqwest::Response) -> i64 {
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert!(status.is_success(), "{status}: {body}");
    body["id"].as_i64().unwrap()
}

async fn setup(app: &TestApp) -> World {
    let province = app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap();
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let hcm = app.unit_by_code("79", "2025-07-01").await["id"].as_i64().unwrap();
    let elsewhere =
        app.get_json(&format!("/api/v1/units?parent={hcm}&limit=1")).await["items"][0]["id"].as_i64().unwrap();

    let mut clients = vec![(Who::Anonymous, app.anonymous.clone()), (Who::Admin, app.client.clone())];
    for (who, name, role, unit) in [
        (Who::Provincial, "so.hanoi", "provincial_officer", province),
        (Who::Commune, "xa.badinh", "commune_officer", commune),
        (Who::Inspector, "doan.kiemtra", "inspector", commune),
        (Who::Association, "hoi.khuyenhoc", "association_officer", commune),
        (Who::Viewer, "nguoi.xem", "viewer", commune),
    ] {
        let (_, token) = app.account(name, &[role], &[unit]).await;
        clients.push((who, bearer_client(&token)));
    }
    let service_account = id_of(
        app.post_json(
            "/api/v1/accounts",
            &json!({"username": "cong.xa", "display_name": "Cổng xã", "kind": "service",
                    "roles": ["commune_officer"], "unit_ids": [commune]}),
        )
        .await,
    )
    .await;
    let key: Value = app
        .post_json(&format!("/api/v1/accounts/{service_account}/api-keys"), &json!({"name": "matrix"}))
        .await
        .json()
        .await
        .unwrap();
    let token: Value = app
        .anonymous
        .post(app.url("/api/v1/auth/token"))
        .json(&json!({"grant_type": "api_key", "api_key": key["api_key"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    clients.push((Who::Service, bearer_client(token["access_token"].as_str().unwrap())));
    let family_framework = {
        let document = json!({
            "id": "test.fixture.matrix-gdht", "version": 1, "status": "draft", "name_vi": "[KIỂM THỬ] Gia đình học tập",
            "model_kind": "gia_dinh_hoc_tap",
            "legal_basis": {"number": "KIỂM THỬ", "issuer_vi": "Không có (dữ liệu kiểm thử)", "articles": []},
            "cycle": {"period": "calendar_year"},
            "confidence_notes": [{"about": "fixture", "confidence": "inferred", "note_vi": "Dữ liệu kiểm thử."}],
            "groups": [{"id": "TC1", "name_vi": "Tiêu chí", "indicators": [
                {"id": "TC1.CT1", "text_vi": "Có kế hoạch", "measure": {"kind": "yes_no", "required": {"level1": true}}}]}],
            "result": {"kind": "all_indicators_pass", "levels": [{"id": "dat", "name_vi": "Đạt", "tier": "level1"}],
                       "fail": {"id": "khong_dat", "name_vi": "Không đạt"}}
        });
        let id = id_of(app.post_json("/api/v1/frameworks", &json!({"document": document})).await).await;
        let published = app
            .client
            .post(app.url(&format!("/api/v1/frameworks/{id}/publish")))
            .header("if-match", "*")
            .send()
            .await
            .unwrap();
        assert_eq!(published.status(), 200);
        id
    };
    let household_elsewhere =
        id_of(app.post_json("/api/v1/households", &json!({"label": "Hộ ở TP HCM", "unit_id": elsewhere})).await).await;
    World { family_framework, household_elsewhere, province, commune, elsewhere, service_account, clients }
}

/// An evaluation of a new household in the commune, taken (as the administrator) to `status`.
async fn evaluation(app: &TestApp, w: &World, n: usize, status: &str) -> Value {
    let household =
        id_of(app.post_json("/api/v1/households", &json!({"label": format!("Hộ {n}"), "unit_id": w.commune})).await)
            .await;
    let body =
        json!({"subject_type": "household", "subject_id": household, "framework_id": w.family_framework, "year": 2025});
    let ev: Value = app.post_json("/api/v1/evaluations", &body).await.json().await.unwrap();
    let id = ev["id"].as_i64().unwrap();
    let answers = json!({"answers": {"TC1.CT1": {"yes_no": true}}});
    let put = |path: &str, body: Value| {
        app.client.put(app.url(&format!("/api/v1/evaluations/{id}{path}"))).header("if-match", "*").json(&body).send()
    };
    assert_eq!(put("/self-assessment", answers.clone()).await.unwrap().status(), 200);
    let submitted = app
        .client
        .post(app.url(&format!("/api/v1/evaluations/{id}/submit")))
        .header("if-match", "*")
        .send()
        .await
        .unwrap();
    assert_eq!(submitted.status(), 200);
    if status == "inspected" {
        assert_eq!(put("/inspection", answers).await.unwrap().status(), 200);
    }
    app.get_json(&format!("/api/v1/evaluations/{id}")).await
}

async fn village(app: &TestApp, commune: i64, n: usize) -> i64 {
    id_of(
        app.post_json(
            "/api/v1/units",
            &json!({"parent_id": commune, "name": format!("Thôn {n}"), "division_type": "thôn", "valid_from": "2025-07-01"}),
        )
        .await,
    )
    .await
}

/// Runs `op` as the client; setup that needs privileges runs as the administrator.
async fn run(app: &TestApp, w: &World, client: &reqwest::Client, op: Op, n: usize) -> reqwest::Response {
    let url = |p: &str| app.url(p);
    let get = |p: String| client.get(url(&p)).send();
    match op {
        Op::ListUnits => get("/api/v1/units?limit=1".into()).await,
        Op::GetUnit => get(format!("/api/v1/units/{}", w.commune)).await,
        Op::UnitByCode => get("/api/v1/units/by-code/00004?as_of=2025-07-01".into()).await,
        Op::Children => get(format!("/api/v1/units/{}/children", w.province)).await,
        Op::Ancestors => get(format!("/api/v1/units/{}/ancestors", w.commune)).await,
        Op::Predecessors => get(format!("/api/v1/units/{}/predecessors", w.commune)).await,
        Op::Successors => get(format!("/api/v1/units/{}/successors", w.commune)).await,
        Op::GetReorganisation => get("/api/v1/reorganisations/1".into()).await,
        Op::Health => get("/health/ready".into()).await,
        Op::OpenApi => get("/api/v1/openapi.json".into()).await,
        Op::CreateVillageInScope | Op::CreateVillageElsewhere => {
            let parent = if matches!(op, Op::CreateVillageInScope) { w.commune } else { w.elsewhere };
            client
                .post(url("/api/v1/units"))
                .json(&json!({"parent_id": parent, "name": format!("Thôn mới {n}"), "division_type": "thôn"}))
                .send()
                .await
        }
        Op::RenameVillage | Op::CloseVillage | Op::RenameCommune => {
            let target = if matches!(op, Op::RenameCommune) { w.commune } else { village(app, w.commune, n).await };
            // Each caller renames from a later day, so that an earlier rename does not block it.
            let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n as u64);
            let (path, body) = if matches!(op, Op::CloseVillage) {
                (format!("/api/v1/units/{target}/close"), json!({"last_day": day, "legal_basis": "QĐ thử"}))
            } else {
                (
                    format!("/api/v1/units/{target}"),
                    json!({"name": format!("Tên mới {n}"), "effective_date": day, "legal_basis": "QĐ thử"}),
                )
            };
            let request =
                if matches!(op, Op::CloseVillage) { client.post(url(&path)) } else { client.patch(url(&path)) };
            request.header("if-match", "*").json(&body).send().await
        }
        Op::Reorganise => {
            let a = village(app, w.commune, n * 100 + 1).await;
            let b = village(app, w.commune, n * 100 + 2).await;
            client
                .post(url("/api/v1/reorganisations"))
                .json(&json!({"kind": "merge", "effective_date": "2026-01-01", "legal_basis": "NQ thử",
                              "sources": [a, b],
                              "targets": [{"new": {"level": "village", "code": format!("M{n}"), "name": "Thôn gộp",
                                                   "division_type": "thôn", "parent_id": w.commune}}]}))
                .send()
                .await
        }
        Op::ListAccounts => get("/api/v1/accounts".into()).await,
        Op::CreateAccountInScope | Op::CreateAccountElsewhere => {
            let unit = if matches!(op, Op::CreateAccountInScope) { w.commune } else { w.elsewhere };
            client
                .post(url("/api/v1/accounts"))
                .json(&json!({"username": format!("moi.{n}"), "display_name": "Mới", "kind": "person",
                              "roles": ["viewer"], "unit_ids": [unit]}))
                .send()
                .await
        }
        Op::GetAccount | Op::UpdateAccount | Op::ResetPassword => {
            let (id, _) = app.account(&format!("tk.{n}"), &["viewer"], &[w.commune]).await;
            match op {
                Op::GetAccount => get(format!("/api/v1/accounts/{id}")).await,
                Op::UpdateAccount => {
                    client
                        .patch(url(&format!("/api/v1/accounts/{id}")))
                        .header("if-match", "*")
                        .json(&json!({"display_name": "Đổi tên"}))
                        .send()
                        .await
                }
                _ => client.post(url(&format!("/api/v1/accounts/{id}/reset-password"))).send().await,
            }
        }
        Op::GetAdminAccount => get("/api/v1/accounts/1".into()).await,
        Op::ListApiKeys => get(format!("/api/v1/accounts/{}/api-keys", w.service_account)).await,
        Op::CreateApiKey => {
            client
                .post(url(&format!("/api/v1/accounts/{}/api-keys", w.service_account)))
                .json(&json!({"name": "k"}))
                .send()
                .await
        }
        Op::RevokeApiKey => {
            let key: Value = app
                .post_json(&format!("/api/v1/accounts/{}/api-keys", w.service_account), &json!({"name": "to revoke"}))
                .await
                .json()
                .await
                .unwrap();
            client.delete(url(&format!("/api/v1/accounts/{}/api-keys/{}", w.service_account, key["id"]))).send().await
        }
        Op::OwnAccount => get("/api/v1/accounts/me".into()).await,
        Op::ChangeOwnPasswordWrongCurrent => {
            client
                .post(url("/api/v1/accounts/me/password"))
                .json(&json!({"current_password": "wrong", "new_password": "a-long-enough-password"}))
                .send()
                .await
        }
        Op::Audit => get("/api/v1/audit".into()).await,
        Op::TokenWithBadPassword => {
            client
                .post(url("/api/v1/auth/token"))
                .json(&json!({"grant_type": "password", "username": "nobody.at.all", "password": "x"}))
                .send()
                .await
        }
        Op::Logout => client.post(url("/api/v1/auth/logout")).json(&json!({"refresh_token": "unknown"})).send().await,
        Op::ListCitizens => get("/api/v1/citizens".into()).await,
        Op::CreateHousehold => {
            client.post(url("/api/v1/households")).json(&json!({"label": format!("Hộ mới {n}"), "unit_id": w.commune})).send().await
        }
        Op::GetHouseholdElsewhere => get(format!("/api/v1/households/{}", w.household_elsewhere)).await,
        Op::RegisterEvaluation => {
            let household = id_of(app.post_json("/api/v1/households", &json!({"label": format!("Hộ đăng ký {n}"), "unit_id": w.commune})).await).await;
            client
                .post(url("/api/v1/evaluations"))
                .json(&json!({"subject_type": "household", "subject_id": household, "framework_id": w.family_framework, "year": 2025}))
                .send()
                .await
        }
        Op::InspectEvaluation => {
            let ev = evaluation(app, w, n, "submitted").await;
            client
                .put(url(&format!("/api/v1/evaluations/{}/inspection", ev["id"])))
                .header("if-match", "*")
                .json(&json!({"answers": {"TC1.CT1": {"yes_no": true}}}))
                .send()
                .await
        }
        Op::RecogniseEvaluation => {
            let ev = evaluation(app, w, n, "inspected").await;
            client
                .post(url("/api/v1/decisions"))
                .json(&json!({"kind": "recognition", "number": format!("{n}/QĐ"), "decided_on": "2026-03-01",
                              "authority": "Chủ tịch UBND", "items": [{"evaluation_id": ev["id"]}]}))
                .send()
                .await
        }
        Op::ListFrameworks => get("/api/v1/frameworks".into()).await,
        Op::GetFramework => get("/api/v1/frameworks/1".into()).await,
        Op::ScoreFramework => client.post(url("/api/v1/frameworks/1/score")).json(&json!({"answers": {}})).send().await,
        Op::CreateFramework | Op::PublishFramework | Op::RetireFramework => {
            let body =
                json!({"document": serde_json::from_str::<Value>(FRAMEWORK).unwrap(), "province_id": w.province});
            if matches!(op, Op::CreateFramework) {
                client.post(url("/api/v1/frameworks")).json(&body).send().await
            } else {
                let id = id_of(app.post_json("/api/v1/frameworks", &body).await).await;
                let action = if matches!(op, Op::PublishFramework) { "publish" } else { "retire" };
                client.post(url(&format!("/api/v1/frameworks/{id}/{action}"))).header("if-match", "*").send().await
            }
        }
    }
    .unwrap()
}

async fn every_endpoint_for_every_role(app: &TestApp) {
    let world = setup(app).await;
    let mut failures = Vec::new();
    let mut n = 0;
    for op in OPS {
        for who in EVERYONE {
            n += 1;
            let client = &world.clients.iter().find(|(w, _)| *w == who).unwrap().1;
            let response = run(app, &world, client, op, n).await;
            let status = response.status().as_u16();
            let want = expected(op, who);
            if status >= 400 {
                let content_type =
                    response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
                if content_type != "application/problem+json" {
                    failures.push(format!("{op:?} as {who:?}: {status} without a problem body"));
                }
            }
            if status != want {
                let body = response.text().await.unwrap_or_default();
                failures.push(format!("{op:?} as {who:?}: got {status}, want {want}: {body}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases wrong:\n{}", failures.len(), n, failures.join("\n"));
    assert_eq!(n, OPS.len() * EVERYONE.len());
}

/// A new commune's account reads the records of the communes it was formed from; an account of
/// an abolished commune reads its history and changes nothing.
async fn history_is_readable_through_successions(app: &TestApp) {
    let old = app.unit_by_code("00016", "2025-06-30").await;
    let old_id = old["id"].as_i64().unwrap();
    // A change recorded on the old ward's history (a rename dated before it closed).
    let renamed = app
        .client
        .patch(app.url(&format!("/api/v1/units/{old_id}")))
        .header("if-match", "*")
        .json(&json!({"name": "Phường Trúc Bạch cũ", "effective_date": "2025-01-01", "legal_basis": "QĐ lịch sử"}))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), 200);

    let successor = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let unrelated = app.unit_by_code("00103", "2025-07-01").await["id"].as_i64().unwrap();
    let (_, heir) = app.account("xa.ke.thua", &["commune_officer"], &[successor]).await;
    let (_, stranger) = app.account("xa.khac", &["commune_officer"], &[unrelated]).await;
    let (_, historian) = app.account("xa.cu", &["commune_officer"], &[old_id]).await;

    let query = format!("/api/v1/audit?entity=unit&entity_id={old_id}");
    let seen = |token: String| {
        let url = app.url(&query);
        async move {
            let page: Value = bearer_client(&token).get(url).send().await.unwrap().json().await.unwrap();
            page["items"].as_array().map(Vec::len).unwrap_or(0)
        }
    };
    assert_eq!(seen(heir.clone()).await, 1, "the successor commune reads its predecessor's history");
    assert_eq!(seen(historian.clone()).await, 1, "the abolished commune's account reads its history");
    assert_eq!(seen(stranger.clone()).await, 0, "another commune does not");

    let out_of_scope =
        bearer_client(&stranger).get(app.url(&format!("/api/v1/audit?unit={old_id}"))).send().await.unwrap();
    assert_eq!(out_of_scope.status(), 403);

    // The abolished commune's account writes nowhere: not even villages under its old ward.
    let write = bearer_client(&historian)
        .post(app.url("/api/v1/units"))
        .json(&json!({"parent_id": successor, "name": "Thôn", "division_type": "thôn"}))
        .send()
        .await
        .unwrap();
    assert_eq!(write.status(), 403);
}
