//! `make bench`: the evaluation workflow through the real HTTP API (release build), on SQLite
//! and, when the test script started a cluster, on PostgreSQL:
//!  - the time to score and store one evaluation (a one-item recognition decision), median
//!    and 95th percentile over many;
//!  - the time to recognise 10,000 subjects in one batch decision.
//!
//! Figures are printed, never asserted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "../api/helpers.rs"]
#[allow(dead_code)]
mod helpers;

use futures_util::future::join_all;
use helpers::{Backend, TestApp, spawn_app};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const PARALLEL: usize = 16;

/// `cargo bench` passes `--bench`; under `cargo test --all-targets` the same binary runs as a
/// quick smoke test of the workload instead.
/// `XHHT_BENCH_BATCH` sets the batch size (0 skips it) for a quick look at the single decisions.
fn sizes() -> (usize, usize) {
    let (batch, singles) = if std::env::args().any(|a| a == "--bench") { (10_000, 200) } else { (20, 5) };
    let batch = std::env::var("XHHT_BENCH_BATCH").ok().and_then(|b| b.parse().ok()).unwrap_or(batch);
    (batch, singles)
}

async fn ok(response: reqwest::Response) -> Value {
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert!(status.is_success(), "{status}: {body}");
    body
}

async fn framework(app: &TestApp) -> i64 {
    let document = json!({
        "id": "bench.gia-dinh", "version": 1, "status": "draft", "name_vi": "[ĐO HIỆU NĂNG] Gia đình học tập",
        "model_kind": "gia_dinh_hoc_tap",
        "legal_basis": {"number": "ĐO HIỆU NĂNG", "issuer_vi": "Không có", "articles": []},
        "cycle": {"period": "calendar_year"}, "retained_years_after_recognition_year": 3,
        "confidence_notes": [{"about": "fixture", "confidence": "inferred", "note_vi": "Dữ liệu đo hiệu năng."}],
        "groups": [{"id": "TC1", "name_vi": "Tiêu chí", "indicators": [
            {"id": "TC1.CT1", "text_vi": "Trẻ em đi học đúng độ tuổi", "measure": {"kind": "yes_no", "required": {"level1": true}}},
            {"id": "TC1.CT2", "text_vi": "Người lớn học tập", "figure_vi": "thành viên", "measure": {"kind": "percentage", "min": {"level1": 80}}},
            {"id": "TC1.CT3", "text_vi": "Điều kiện học tập", "measure": {"kind": "count", "min": {"level1": 2}}}]}],
        "result": {"kind": "all_indicators_pass", "levels": [{"id": "dat", "name_vi": "Đạt", "tier": "level1"}],
                   "fail": {"id": "khong_dat", "name_vi": "Không đạt"}}
    });
    let id =
        ok(app.post_json("/api/v1/frameworks", &json!({"document": document})).await).await["id"].as_i64().unwrap();
    ok(app
        .client
        .post(app.url(&format!("/api/v1/frameworks/{id}/publish")))
        .header("if-match", "*")
        .send()
        .await
        .unwrap())
    .await;
    id
}

/// A household taken through registration, self-assessment, submission and inspection.
async fn inspected(app: &TestApp, commune: i64, framework: i64, n: usize) -> i64 {
    let household =
        ok(app.post_json("/api/v1/households", &json!({"label": format!("Hộ {n}"), "unit_id": commune})).await).await;
    let body =
        json!({"subject_type": "household", "subject_id": household["id"], "framework_id": framework, "year": 2025});
    let ev = ok(app.post_json("/api/v1/evaluations", &body).await).await;
    let id = ev["id"].as_i64().unwrap();
    let answers =
        json!({"answers": {"TC1.CT1": {"yes_no": true}, "TC1.CT2": {"percentage": 90}, "TC1.CT3": {"count": 3}}});
    for (method, path) in [("PUT", "self-assessment"), ("POST", "submit"), ("PUT", "inspection")] {
        let url = app.url(&format!("/api/v1/evaluations/{id}/{path}"));
        let request = if method == "PUT" { app.client.put(url).json(&answers) } else { app.client.post(url) };
        ok(request.header("if-match", "*").send().await.unwrap()).await;
    }
    id
}

async fn prepare(app: &TestApp, commune: i64, framework: i64, count: usize, offset: usize) -> Vec<i64> {
    let mut ids = Vec::with_capacity(count);
    for chunk in (0..count).collect::<Vec<_>>().chunks(PARALLEL) {
        let batch = join_all(chunk.iter().map(|n| inspected(app, commune, framework, offset + n))).await;
        ids.extend(batch);
    }
    ids
}

async fn decide(app: &TestApp, ids: &[i64], number: usize) -> Duration {
    let items: Vec<Value> = ids.iter().map(|id| json!({"evaluation_id": id})).collect();
    let body = json!({"kind": "recognition", "number": format!("{number}/QĐ-UBND"), "decided_on": "2026-03-15",
                      "authority": "Chủ tịch UBND phường", "items": items});
    let started = Instant::now();
    let response = app.client.post(app.url("/api/v1/decisions")).json(&body).send().await.unwrap();
    let elapsed = started.elapsed();
    ok(response).await;
    elapsed
}

async fn run(backend: Backend) {
    let (batch_size, singles_count) = sizes();
    let Some(app) = spawn_app(backend).await else {
        println!("{backend:?}: skipped (no PostgreSQL cluster)");
        return;
    };
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let framework = framework(&app).await;

    let started = Instant::now();
    let singles = prepare(&app, commune, framework, singles_count, 0).await;
    let per_subject = started.elapsed() / u32::try_from(singles_count).unwrap();
    let mut times: Vec<Duration> = Vec::with_capacity(singles_count);
    for (n, id) in singles.iter().enumerate() {
        times.push(decide(&app, &[*id], n).await);
    }
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];

    println!("== {backend:?}");
    println!(
        "  household + register + self-assess + submit + inspect: {per_subject:.2?} per subject (5 requests, {PARALLEL} in flight)"
    );
    println!(
        "  score and store one evaluation (one-item recognition decision): median {median:.2?}, p95 {p95:.2?} over {singles_count}"
    );
    if batch_size == 0 {
        return;
    }
    let started = Instant::now();
    let batch = prepare(&app, commune, framework, batch_size, singles_count).await;
    let preparation = started.elapsed();
    let batch_time = decide(&app, &batch, 999_999).await;

    println!("  prepare {batch_size} inspected evaluations: {preparation:.1?}");
    println!(
        "  recognise {batch_size} subjects in one batch decision: {batch_time:.2?} ({:.0} per second)",
        batch_size as f64 / batch_time.as_secs_f64()
    );
}

#[tokio::main]
async fn main() {
    run(Backend::Sqlite).await;
    run(Backend::Postgres).await;
}
