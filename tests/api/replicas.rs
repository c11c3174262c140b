//! Reads that may lag go to a streaming standby (`XHHT_TEST_PG_REPLICA_URL`, started by
//! `make test`), except the reads of a client behind its own writes. The standby's replay is
//! paused, so that what each read is served from shows.

use crate::helpers::{Backend, TestApp, bearer_client, spawn_app_with, trial};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

pub fn trials() -> Vec<libtest_mimic::Trial> {
    let replica = std::env::var("XHHT_TEST_PG_REPLICA_URL").ok().filter(|u| !u.is_empty());
    let required = std::env::var("XHHT_REQUIRE_PG").as_deref() == Ok("1");
    vec![
        trial(module_path!(), "a_writer_reads_its_writes_and_others_read_the_replica::postgres", move || async move {
            let replica = replica.expect("a standby (XHHT_TEST_PG_REPLICA_URL): make test starts one");
            a_writer_reads_its_writes_and_others_read_the_replica(&replica).await
        })
        .with_ignored_flag(std::env::var("XHHT_TEST_PG_REPLICA_URL").map_or(true, |u| u.is_empty()) && !required),
    ]
}

/// The URL of the same database on the standby.
fn on_standby(primary: &str, standby_admin: &str) -> String {
    let database = primary.rsplit('/').next().unwrap_or_default();
    let server = standby_admin.rsplit_once('/').map_or(standby_admin, |(server, _)| server);
    format!("{server}/{database}")
}

async fn households(client: &reqwest::Client, address: &str) -> Vec<String> {
    let page: Value =
        client.get(format!("{address}/api/v1/households?limit=500")).send().await.unwrap().json().await.unwrap();
    page["items"].as_array().unwrap().iter().map(|h| h["label"].as_str().unwrap().to_owned()).collect()
}

async fn eventually(what: &str, mut check: impl AsyncFnMut() -> bool) {
    let started = Instant::now();
    while !check().await {
        assert!(started.elapsed() < Duration::from_secs(10), "{what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn a_writer_reads_its_writes_and_others_read_the_replica(standby_admin: &str) {
    let mut replica_url = String::new();
    let app: TestApp = spawn_app_with(Backend::Postgres, |s| {
        replica_url = on_standby(&s.database_url, standby_admin);
        s.replica_urls = replica_url.clone();
    })
    .await
    .unwrap();
    // A second server with the same replica.
    let other = {
        let mut settings = crate::helpers::test_settings(&app.database_url, &app.jwt_secret);
        settings.replica_urls = replica_url.clone();
        let server = xhht_api::startup::Application::build(&settings).unwrap();
        let address = format!("http://127.0.0.1:{}", server.port());
        tokio::spawn(server.run_until_stopped());
        address
    };
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let (_, writer) = app.account("ghi.chep", &["commune_officer"], &[commune]).await;
    let (_, reader) = app.account("chi.doc", &["commune_officer"], &[commune]).await;
    let (writer, reader) = (bearer_client(&writer), bearer_client(&reader));
    let create = |label: &str| {
        let request = writer.post(app.url("/api/v1/households")).json(&json!({"label": label, "unit_id": commune}));
        async move { assert_eq!(request.send().await.unwrap().status(), 201) }
    };
    create("Hộ trước khi dừng").await;
    // The standby has the database and the first household.
    eventually("the standby replays the first household", async || {
        households(&reader, &app.address).await.contains(&"Hộ trước khi dừng".to_owned())
    })
    .await;

    // Everything written so far is on the standby (the accounts' own writes included) before
    // its replay stops.
    let mut primary = PgConnection::establish(&app.database_url).unwrap();
    let mut standby = PgConnection::establish(&replica_url).unwrap();
    let position = |conn: &mut PgConnection, function: &str| -> u64 {
        let text: String = diesel::select(diesel::dsl::sql::<diesel::sql_types::Text>(&format!("{function}()::text")))
            .get_result(conn)
            .unwrap();
        xhht_persistence::notices::parse_lsn(&text).unwrap()
    };
    let written = position(&mut primary, "pg_current_wal_insert_lsn");
    eventually("the standby replays the writes so far", async || {
        position(&mut standby, "pg_last_wal_replay_lsn") >= written
    })
    .await;
    standby.batch_execute("SELECT pg_wal_replay_pause()").unwrap();
    create("Hộ trong lúc dừng").await;
    let wanted = "Hộ trong lúc dừng".to_owned();
    assert!(households(&writer, &app.address).await.contains(&wanted), "the writer reads its write at once");
    assert!(!households(&reader, &app.address).await.contains(&wanted), "another reads the paused standby");
    // The other server learns where the write ended from its notification.
    eventually("the writer reads its write through the other server", async || {
        households(&writer, &other).await.contains(&wanted)
    })
    .await;
    assert!(!households(&reader, &other).await.contains(&wanted));

    standby.batch_execute("SELECT pg_wal_replay_resume()").unwrap();
    eventually("the standby catches up", async || households(&reader, &app.address).await.contains(&wanted)).await;
}
