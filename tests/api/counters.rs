//! A property of the statistics counters: whatever sequence of registry writes, workflow
//! steps, decisions, revocations and reorganisations runs through the API, the counters equal
//! a recomputation from the base tables. On both backends.

use crate::helpers::{Backend, TestApp, postgres_runs, spawn_app};
use crate::statistics::assert_counters_true;
use crate::workflow::{decide, good_answers, published_framework};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

pub fn trials() -> Vec<libtest_mimic::Trial> {
    vec![
        libtest_mimic::Trial::test("counters::random_writes_keep_the_counters_true::sqlite", || {
            property(Backend::Sqlite);
            Ok(())
        }),
        libtest_mimic::Trial::test("counters::random_writes_keep_the_counters_true::postgres", || {
            property(Backend::Postgres);
            Ok(())
        })
        .with_ignored_flag(!postgres_runs()),
    ]
}

#[derive(Clone, Debug)]
enum Op {
    NewVillage {
        unit: usize,
    },
    NewHousehold {
        unit: usize,
    },
    NewCitizen {
        household: usize,
        group: usize,
    },
    MoveHousehold {
        household: usize,
        unit: usize,
    },
    DeleteHousehold {
        household: usize,
    },
    Register {
        household: usize,
        year: usize,
        citizen: bool,
    },
    /// The evaluation's next step: answers and submission, inspection, a decision, revocation.
    Advance {
        evaluation: usize,
        good: bool,
    },
    /// Merge the two communes into a new one, moving their villages (once).
    Reorganise,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (0..8usize).prop_map(|unit| Op::NewVillage { unit }),
        3 => (0..8usize).prop_map(|unit| Op::NewHousehold { unit }),
        2 => (0..16usize, 0..4usize).prop_map(|(household, group)| Op::NewCitizen { household, group }),
        1 => (0..16usize, 0..8usize).prop_map(|(household, unit)| Op::MoveHousehold { household, unit }),
        1 => (0..16usize).prop_map(|household| Op::DeleteHousehold { household }),
        3 => (0..16usize, 0..3usize, any::<bool>()).prop_map(|(household, year, citizen)| Op::Register { household, year, citizen }),
        6 => (0..16usize, any::<bool>()).prop_map(|(evaluation, good)| Op::Advance { evaluation, good }),
        1 => Just(Op::Reorganise),
    ]
}

fn property(backend: Backend) {
    let mut runner =
        TestRunner::new(Config { cases: 6, max_shrink_iters: 16, failure_persistence: None, ..Config::default() });
    let result = runner.run(&proptest::collection::vec(op(), 4..30), |ops| {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let app = spawn_app(backend).await.expect("a database for the backend");
            World::new(&app).await.run(&app, &ops).await;
            assert_counters_true(&app);
        });
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// What the sequence has made so far, for the operations to pick from.
struct World {
    families: i64,
    citizens: i64,
    /// Units records may be filed in: the communes in force and their villages.
    units: Vec<i64>,
    communes: Vec<i64>,
    villages: Vec<i64>,
    hanoi: i64,
    households: Vec<i64>,
    people: Vec<i64>,
    evaluations: Vec<i64>,
    reorganised: bool,
}

fn pick<T: Copy>(list: &[T], i: usize) -> Option<T> {
    (!list.is_empty()).then(|| list[i % list.len()])
}

impl World {
    async fn new(app: &TestApp) -> World {
        let communes = vec![
            app.unit_by_code("00004", "2025-07-01").await["id"].as_i64().unwrap(),
            app.unit_by_code("00008", "2025-07-01").await["id"].as_i64().unwrap(),
        ];
        World {
            families: published_framework(app, "gia_dinh_hoc_tap").await,
            citizens: published_framework(app, "cong_dan_hoc_tap").await,
            units: communes.clone(),
            communes,
            villages: Vec::new(),
            hanoi: app.unit_by_code("01", "2025-07-01").await["id"].as_i64().unwrap(),
            households: Vec::new(),
            people: Vec::new(),
            evaluations: Vec::new(),
            reorganised: false,
        }
    }

    async fn run(&mut self, app: &TestApp, ops: &[Op]) {
        for op in ops {
            self.apply(app, op).await;
        }
    }

    async fn apply(&mut self, app: &TestApp, op: &Op) {
        match *op {
            Op::NewVillage { unit } => {
                let Some(commune) = pick(&self.communes, unit) else { return };
                let body = json!({"parent_id": commune, "name": format!("Thôn {}", self.villages.len() + 1),
                                  "division_type": "thôn", "valid_from": "2025-07-01"});
                if let Some(v) = ok(app.post_json("/api/v1/units", &body).await).await {
                    let id = v["id"].as_i64().unwrap();
                    self.villages.push(id);
                    self.units.push(id);
                }
            }
            Op::NewHousehold { unit } => {
                let Some(unit) = pick(&self.units, unit) else { return };
                let body = json!({"label": format!("Hộ {}", self.households.len() + 1), "unit_id": unit});
                if let Some(h) = ok(app.post_json("/api/v1/households", &body).await).await {
                    self.households.push(h["id"].as_i64().unwrap());
                }
            }
            Op::NewCitizen { household, group } => {
                let Some(h) = pick(&self.households, household) else { return };
                let Ok(home) = get(app, &format!("/api/v1/households/{h}")).await else { return };
                let groups = ["resident", "worker", "staff_business", "learner"];
                let body = json!({"full_name": "Nguyễn Văn A", "birth_year": 1980, "sex": "male",
                                  "target_group": groups[group % 4], "household_id": h, "unit_id": home["unit_id"]});
                if let Some(c) = ok(app.post_json("/api/v1/citizens", &body).await).await {
                    self.people.push(c["id"].as_i64().unwrap());
                }
            }
            Op::MoveHousehold { household, unit } => {
                let (Some(h), Some(unit)) = (pick(&self.households, household), pick(&self.units, unit)) else {
                    return;
                };
                let url = app.url(&format!("/api/v1/households/{h}"));
                let body = json!({"label": "Hộ chuyển", "unit_id": unit});
                let _ = app.client.put(url).header("if-match", "*").json(&body).send().await.unwrap();
            }
            Op::DeleteHousehold { household } => {
                let Some(h) = pick(&self.households, household) else { return };
                let url = app.url(&format!("/api/v1/households/{h}"));
                let _ = app.client.delete(url).header("if-match", "*").send().await.unwrap();
            }
            Op::Register { household, year, citizen } => {
                let body = if citizen {
                    let Some(c) = pick(&self.people, household) else { return };
                    json!({"subject_type": "citizen", "subject_id": c, "framework_id": self.citizens, "year": 2024 + year as i32})
                } else {
                    let Some(h) = pick(&self.households, household) else { return };
                    json!({"subject_type": "household", "subject_id": h, "framework_id": self.families, "year": 2024 + year as i32})
                };
                if let Some(ev) = ok(app.post_json("/api/v1/evaluations", &body).await).await {
                    self.evaluations.push(ev["id"].as_i64().unwrap());
                }
            }
            Op::Advance { evaluation, good } => {
                let Some(id) = pick(&self.evaluations, evaluation) else { return };
                let Ok(ev) = get(app, &format!("/api/v1/evaluations/{id}")).await else { return };
                let answers = if good {
                    good_answers()
                } else {
                    json!({"TC1.CT1": {"yes_no": true}, "TC1.CT2": {"percentage": 10}})
                };
                let url = |path: &str| app.url(&format!("/api/v1/evaluations/{id}{path}"));
                match ev["status"].as_str().unwrap_or_default() {
                    "registered" => {
                        let _ = app
                            .client
                            .put(url("/self-assessment"))
                            .header("if-match", "*")
                            .json(&json!({"answers": answers}))
                            .send()
                            .await;
                        let _ = app.client.post(url("/submit")).header("if-match", "*").send().await;
                    }
                    "submitted" => {
                        let _ = app
                            .client
                            .put(url("/inspection"))
                            .header("if-match", "*")
                            .json(&json!({"answers": answers}))
                            .send()
                            .await;
                    }
                    "inspected" => {
                        let kind =
                            if ev["allowed_actions"].as_array().is_some_and(|a| a.iter().any(|x| x == "recognise")) {
                                "recognition"
                            } else {
                                "rejection"
                            };
                        let reason = (kind == "rejection").then_some("Chưa đạt");
                        let _ =
                            decide(app, &app.client, kind, "2026-06-01", json!([{"evaluation_id": id}]), reason).await;
                    }
                    "recognised" => {
                        let _ = decide(
                            app,
                            &app.client,
                            "revocation",
                            "2026-07-01",
                            json!([{"evaluation_id": id}]),
                            Some("Thu hồi"),
                        )
                        .await;
                    }
                    _ => {}
                }
            }
            Op::Reorganise => {
                if self.reorganised {
                    return;
                }
                let villages: Vec<Value> =
                    self.villages.iter().map(|v| json!({"village_id": v, "target_index": 0})).collect();
                let body = json!({"kind": "merge", "effective_date": "2026-11-01", "legal_basis": "Nghị quyết thử",
                                  "sources": self.communes,
                                  "targets": [{"new": {"level": "commune", "code": "99991", "name": "Phường Hợp Nhất",
                                                       "division_type": "phường", "parent_id": self.hanoi}}],
                                  "villages": villages});
                let Some(done) = ok(app.post_json("/api/v1/reorganisations", &body).await).await else { return };
                self.reorganised = true;
                let target = done["targets"][0]["id"].as_i64().unwrap();
                self.communes = vec![target];
                self.villages = done["moved_villages"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["to"]["id"].as_i64().unwrap())
                    .collect();
                self.units = self.communes.iter().chain(&self.villages).copied().collect();
            }
        }
    }
}

/// The body of a success; `None` for a refusal (which the property allows: it writes nothing).
async fn ok(response: reqwest::Response) -> Option<Value> {
    let status = response.status();
    assert!(status.as_u16() < 500, "a server error: {status}");
    if status.is_success() { response.json().await.ok() } else { None }
}

async fn get(app: &TestApp, path: &str) -> Result<Value, ()> {
    let response = app.get(path).await;
    if response.status().is_success() { response.json().await.map_err(|_| ()) } else { Err(()) }
}
