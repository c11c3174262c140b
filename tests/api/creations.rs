//! Creations sent at once: each request gets its own record back, and the answer it would
//! have got alone, when the server writes them together (`creations`).

use crate::helpers::TestApp;
use crate::on_both_backends;
use crate::statistics::assert_counters_true;
use futures_util::future::join_all;
use serde_json::{Value, json};

on_both_backends!(creations_sent_at_once_are_each_answered_as_alone);

/// Status, body and whether the answer was a replay.
async fn send(app: &TestApp, path: &str, body: Value, key: Option<&str>) -> (u16, Value, bool) {
    let mut request = app.client.post(app.url(path)).json(&body);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request.send().await.unwrap();
    let replayed = response.headers().contains_key("idempotent-replayed");
    (response.status().as_u16(), response.json().await.unwrap_or_default(), replayed)
}

async fn creations_sent_at_once_are_each_answered_as_alone(app: &TestApp) {
    let commune = app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap();
    let province = app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap();

    // Households, some naming a unit that cannot hold one: each answer is its own request's.
    let sent = (0..40).map(|i| {
        let unit = if i % 10 == 3 { province } else { commune };
        send(app, "/api/v1/households", json!({"label": format!("Hộ số {i}"), "unit_id": unit}), None)
    });
    let answers = join_all(sent).await;
    let mut ids = Vec::new();
    for (i, (status, body, _)) in answers.iter().enumerate() {
        if i % 10 == 3 {
            assert_eq!((*status, body["code"].as_str()), (409, Some("reference_conflict")), "{body}");
            continue;
        }
        assert_eq!(*status, 201, "{body}");
        assert_eq!(body["label"], format!("Hộ số {i}"));
        let id = body["id"].as_i64().unwrap();
        let read = app.get_json(&format!("/api/v1/households/{id}")).await;
        assert_eq!(read["label"], format!("Hộ số {i}"), "the record written is the one answered");
        assert_eq!(read, *body, "answered as a read shows it, to the microsecond");
        let audit = app.get_json(&format!("/api/v1/audit?entity=household&entity_id={id}")).await;
        assert_eq!(audit["items"].as_array().map(Vec::len), Some(1), "one audit row for household {id}");
        ids.push(id);
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 36);

    // Households with keys, one key sent three times: a record a key, the same answer replayed.
    let keys = ["ho-0", "ho-1", "ho-2", "ho-3", "ho-0", "ho-4", "ho-0", "ho-5"];
    let sent = keys.iter().map(|key| {
        send(app, "/api/v1/households", json!({"label": format!("Hộ khóa {key}"), "unit_id": commune}), Some(key))
    });
    let answers = join_all(sent).await;
    assert!(answers.iter().all(|(status, _, _)| *status == 201), "{answers:?}");
    for (key, (_, body, _)) in keys.iter().zip(&answers) {
        assert_eq!(body["label"], format!("Hộ khóa {key}"));
        let read = app.get_json(&format!("/api/v1/households/{}", body["id"])).await;
        assert_eq!(read, *body);
    }
    let same: Vec<&Value> = keys.iter().zip(&answers).filter(|(k, _)| **k == "ho-0").map(|(_, a)| &a.1).collect();
    assert!(same.iter().all(|body| *body == same[0]), "one record for one key: {same:?}");
    assert_eq!(answers.iter().filter(|(_, _, replayed)| *replayed).count(), 2, "{answers:?}");

    // Sent again at once: kept keys are found (in one read on PostgreSQL), one with another
    // body is refused, new ones are written; each answer is its own request's.
    let again = [("ho-1", "Hộ khóa ho-1"), ("ho-2", "Hộ khác"), ("ho-6", "Hộ khóa ho-6"), ("ho-3", "Hộ khóa ho-3")];
    let sent = again
        .iter()
        .map(|(key, label)| send(app, "/api/v1/households", json!({"label": label, "unit_id": commune}), Some(key)));
    let answers_again = join_all(sent).await;
    for ((key, label), (status, body, replayed)) in again.iter().zip(&answers_again) {
        match *key {
            "ho-2" => assert_eq!((*status, body["code"].as_str()), (422, Some("idempotency_key_reused")), "{body}"),
            "ho-6" => {
                assert_eq!((*status, *replayed, body["label"].as_str()), (201, false, Some(*label)), "{body}");
                let read = app.get_json(&format!("/api/v1/households/{}", body["id"])).await;
                assert_eq!(read, *body);
                let retried = send(app, "/api/v1/households", json!({"label": label, "unit_id": commune}), Some(key));
                assert_eq!(retried.await, (201, body.clone(), true), "its key was kept with it");
            }
            _ => {
                let first = &answers[keys.iter().position(|k| k == key).unwrap()].1;
                assert_eq!((*status, *replayed, body), (201, true, first), "{label}");
            }
        }
    }

    if app.database_url.starts_with("postgres") {
        keys_written_with_their_households(app, commune);
    }

    // One national ID sent twelve times at once: one citizen, eleven refusals naming it.
    let household = ids[0];
    let person = |i: usize| {
        json!({"full_name": format!("Nguyễn Văn {i}"), "birth_year": 1980, "sex": "male", "target_group": "resident",
               "household_id": household, "unit_id": commune, "national_id": "001080012345"})
    };
    let answers = join_all((0..12).map(|i| send(app, "/api/v1/citizens", person(i), None))).await;
    let created: Vec<&Value> = answers.iter().filter(|(s, _, _)| *s == 201).map(|(_, b, _)| b).collect();
    assert_eq!(created.len(), 1, "{answers:?}");
    let citizen = created[0]["id"].clone();
    for (status, body, _) in answers.iter().filter(|(s, _, _)| *s != 201) {
        assert_eq!((*status, body["code"].as_str()), (409, Some("duplicate_citizen")), "{body}");
        assert!(body["detail"].as_str().unwrap_or_default().contains(&format!("id {citizen}")), "{body}");
    }

    // One Idempotency-Key sent twelve times at once: one organisation, the same answer replayed.
    let school = json!({"name": "Trường Tiểu học Ba Đình", "org_type": "primary_school", "managing_level": "commune",
                        "unit_id": commune, "staff_count": 40});
    let answers =
        join_all((0..12).map(|_| send(app, "/api/v1/organisations", school.clone(), Some("truong-ba-dinh-1")))).await;
    assert!(answers.iter().all(|(status, _, _)| *status == 201), "{answers:?}");
    let first: Vec<&Value> = answers.iter().filter(|(_, _, replayed)| !replayed).map(|(_, b, _)| b).collect();
    assert_eq!(first.len(), 1, "written once: {answers:?}");
    assert!(answers.iter().all(|(_, body, _)| body == first[0]));

    assert_counters_true(app);
}

/// On PostgreSQL the statement that writes drawn households stores the keys it is given, and
/// one read finds each: kept, kept for another request, or not kept.
fn keys_written_with_their_households(app: &TestApp, commune: i64) {
    use xhht_persistence::idempotency::{self, NewKey, StoredResponse};
    use xhht_persistence::registry::household;
    use xhht_persistence::{Conflict, Database, DatabaseUrl, DbConn, PersistenceError};
    let db = Database::connect(&DatabaseUrl::parse(&app.database_url).unwrap(), &Default::default()).unwrap();
    let path = db.read(|conn| xhht_persistence::units::get(conn, commune)).unwrap().path;
    let fields =
        household::Fields {
            label: "Hộ viết thẳng".into(), unit_id: commune, unit_path: path, head_citizen_id: None
        };
    let response = StoredResponse { status: 201, body: "{}".into() };
    let new_key = |key| NewKey { scope: "test:1", key, request_hash: "h", response: &response };
    db.write_statement(|conn| {
        let ids = xhht_persistence::db::draw_ids(conn, "households", 2)?;
        let rows = household::drawn(&ids, &[&fields, &fields], chrono::Utc::now().naive_utc());
        let DbConn::Pg(pg) = conn else { unreachable!("a PostgreSQL test") };
        household::write_drawn(pg, &rows, &[], &[new_key("k-1"), new_key("k-2")])
    })
    .unwrap();
    let DbConn::Pg(pg) = &mut *db.conn().unwrap() else { unreachable!("a PostgreSQL test") };
    let found =
        idempotency::find_many(pg, &[("test:1", "k-2", "h"), ("test:1", "k-1", "other"), ("test:1", "k-3", "h")]);
    let found: Vec<_> = found
        .unwrap()
        .into_iter()
        .map(|f| f.map_err(|e| matches!(e, PersistenceError::Conflict(c) if c == Conflict::IdempotencyKeyReused)))
        .collect();
    assert_eq!(found, vec![Ok(Some(response.clone())), Err(true), Ok(None)]);
}
