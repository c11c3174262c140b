//! Liveness, readiness, the offline docs page, and a second start that changes nothing.

use crate::helpers::TestApp;
use crate::on_both_backends;
use xhht_persistence::seed::SeedOutcome;
use xhht_persistence::{Database, DatabaseUrl};

on_both_backends!(health_and_docs, seeding_twice_changes_nothing);

async fn health_and_docs(app: &TestApp) {
    let live = app.get_json("/health/live").await;
    assert_eq!(live["status"], "ok");
    let ready = app.get_json("/health/ready").await;
    assert_eq!(ready["status"], "ready");
    assert!(ready["database"] == "sqlite" || ready["database"] == "postgres");

    let page = app.get("/docs/").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("swagger"));
    // The assets are served by the app itself: the page works without internet.
    let script = app.get("/docs/swagger-ui-bundle.js").await;
    assert_eq!(script.status(), 200);
    assert!(script.text().await.unwrap().len() > 100_000);
    let config = app.get("/docs/swagger-initializer.js").await;
    assert!(config.text().await.unwrap().contains("/api/v1/openapi.json"));
}

async fn seeding_twice_changes_nothing(app: &TestApp) {
    let before = app.get_json("/api/v1/units?with_total=true&limit=1&as_of=2025-06-30").await["total"].clone();
    let url = DatabaseUrl::parse(&app.database_url).unwrap();
    let outcome = tokio::task::spawn_blocking(move || {
        let db = Database::connect(&url, &Default::default()).unwrap();
        xhht_api::startup::prepare(&db).unwrap()
    })
    .await
    .unwrap();
    assert!(outcome.migrations.is_empty());
    assert_eq!(outcome.seed, SeedOutcome::AlreadyLoaded);
    let after = app.get_json("/api/v1/units?with_total=true&limit=1&as_of=2025-06-30").await["total"].clone();
    assert_eq!(before, after);
}
