//! Validation: every shipped framework is valid, every document of the broken corpus is not.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly on purpose")]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{PASS_FAIL_15_FIXTURE, QD324_FIXTURE, TT24_TINH_FIXTURE, parse};
use xhht_evaluation::{ErrorCode, Framework, FrameworkStatus, SHIPPED_SOURCES, shipped_frameworks, validate};

#[test]
fn every_shipped_framework_validates() {
    let frameworks = shipped_frameworks();
    assert_eq!(frameworks.len(), SHIPPED_SOURCES.len());
    let mut ids = BTreeSet::new();
    for ((file, json), framework) in SHIPPED_SOURCES.iter().zip(&frameworks) {
        if let Err(errors) = Framework::from_json(json) {
            panic!("{file}: {errors:#?}");
        }
        assert_eq!(format!("{}.json", framework.id), *file, "file named after the id");
        assert!(ids.insert(framework.id.clone()), "duplicate id {}", framework.id);
        assert!(!framework.id.starts_with("test."), "test fixtures are never shipped");
        // Drafts say what is missing; published frameworks are complete.
        match framework.status {
            FrameworkStatus::Draft => assert!(!framework.missing.is_empty(), "{file}: a draft lists what is missing"),
            FrameworkStatus::Published => assert!(framework.missing.is_empty()),
            FrameworkStatus::Retired => {}
        }
        assert!(!framework.confidence_notes.is_empty(), "{file}: has confidence notes");
    }
    let published: Vec<&str> = frameworks.iter().filter(|f| f.may_recognise()).map(|f| f.id.as_str()).collect();
    assert_eq!(published, ["vn.moet.dvht.huyen.tt22-2020", "vn.moet.dvht.tinh.tt22-2020"]);
}

#[test]
fn shipped_json_round_trips() {
    for framework in shipped_frameworks() {
        let json = serde_json::to_string(&framework).unwrap();
        assert_eq!(Framework::from_json(&json).unwrap(), framework);
    }
}

#[test]
fn test_fixtures_validate() {
    for json in [TT24_TINH_FIXTURE, QD324_FIXTURE, PASS_FAIL_15_FIXTURE] {
        let framework = parse(json);
        assert!(framework.id.starts_with("test.fixture."), "fixtures are marked as such");
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BrokenCase {
    expect: ErrorCode,
    why: String,
    framework: serde_json::Value,
}

#[test]
fn every_broken_document_is_rejected_with_its_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut codes = BTreeSet::new();
    for file in &files {
        let case: BrokenCase = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let json = serde_json::to_string(&case.framework).unwrap();
        let name = file.file_name().unwrap().to_string_lossy();
        match Framework::from_json(&json) {
            Ok(_) => panic!("{name} ({}) was accepted", case.why),
            Err(errors) => {
                // Precise: the expected problem, and no follow-on noise.
                assert!(
                    !errors.is_empty() && errors.iter().all(|e| e.code == case.expect),
                    "{name}: expected only {}, got {errors:#?}",
                    case.expect
                );
                for e in &errors {
                    assert!(!e.message_vi.is_empty());
                    assert!(e.path.is_empty() || e.path.starts_with('/'), "{name}: path {}", e.path);
                }
            }
        }
        codes.insert(case.expect);
    }
    assert!(files.len() >= 30, "corpus has {} documents", files.len());
    assert!(codes.len() >= 25, "corpus covers {} codes", codes.len());
    let uncovered: Vec<_> = ErrorCode::ALL.into_iter().filter(|c| !codes.contains(c)).collect();
    assert!(uncovered.is_empty(), "codes without a broken document: {uncovered:?}");
}

#[test]
fn errors_point_at_the_value() {
    let mut framework = parse(PASS_FAIL_15_FIXTURE);
    framework.groups[0].indicators[1].measure =
        serde_json::from_str(r#"{"kind": "percentage", "min": {"level1": 120, "level2": 130}}"#).unwrap();
    let errors = validate(&framework).unwrap_err();
    let first = &errors[0];
    assert_eq!(first.path, "/groups/0/indicators/1/measure/min/level1");
    assert_eq!(first.code, ErrorCode::ThresholdOutOfRange);
    assert_eq!(first.message_vi, "Ngưỡng 120 % nằm ngoài khoảng 0–100 %");
    assert_eq!(serde_json::to_value(first).unwrap()["code"], "threshold_out_of_range");
    assert_eq!(first.to_string(), "/groups/0/indicators/1/measure/min/level1: Ngưỡng 120 % nằm ngoài khoảng 0–100 %");
}

#[test]
fn a_draft_may_be_incomplete_but_not_wrong() {
    let mut framework = parse(QD324_FIXTURE);
    framework.status = FrameworkStatus::Draft;
    framework.missing = vec!["Danh sách chỉ tiêu".into()];
    framework.groups[0].indicators.pop();
    // 30 of the group's 40 points are known: fine for a draft...
    assert!(validate(&framework).is_ok());
    // ...but not once published.
    framework.status = FrameworkStatus::Published;
    let codes: BTreeSet<_> = validate(&framework).unwrap_err().into_iter().map(|e| e.code).collect();
    assert!(codes.contains(&ErrorCode::PublishedIncomplete));
    // The group's declared 40 still stands for it, so the total adds up; the group does not.
    assert!(codes.contains(&ErrorCode::GroupMaxMismatch));
    assert!(!codes.contains(&ErrorCode::TotalMaxMismatch));
    // A draft whose known part already exceeds its maximum is wrong whatever its status.
    framework.status = FrameworkStatus::Draft;
    framework.groups[0].max_points = Some(20.0);
    let codes: BTreeSet<_> = validate(&framework).unwrap_err().into_iter().map(|e| e.code).collect();
    assert!(codes.contains(&ErrorCode::GroupMaxMismatch));
}

#[test]
fn every_error_code_has_a_stable_name() {
    let mut seen = BTreeSet::new();
    for code in ErrorCode::ALL {
        assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        assert!(seen.insert(code.as_str()));
    }
    assert_eq!(ErrorCode::Level2BelowLevel1.as_str(), "level2_below_level1");
}

#[test]
fn templates_are_drafts_that_a_province_completes_and_never_publishes_itself() {
    let templates: Vec<Framework> = shipped_frameworks().into_iter().filter(|f| f.template).collect();
    let kinds: BTreeSet<&str> = templates.iter().map(|f| f.model_kind.as_str()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from([
            "cong_dan_hoc_tap",
            "cong_dong_hoc_tap_thon",
            "don_vi_hoc_tap_xa",
            "dong_ho_hoc_tap",
            "gia_dinh_hoc_tap"
        ])
    );
    assert_eq!(templates.iter().filter(|f| f.target_group.is_some()).count(), 4, "one per QĐ 324 target group");
    for template in &templates {
        assert!(template.id.starts_with("mau."), "{}", template.id);
        assert_eq!(template.status, FrameworkStatus::Draft);
        assert!(!template.missing.is_empty(), "{}: says what the province must complete", template.id);
        let mut published = template.clone();
        published.status = FrameworkStatus::Published;
        published.missing.clear();
        let errors = validate(&published).unwrap_err();
        assert!(errors.iter().any(|e| e.code == ErrorCode::TemplateNotPublishable), "{}", template.id);
    }
    // The learning-citizen templates: 10 indicators of 10 points, pass at 80 with none below 5.
    for citizen in templates.iter().filter(|f| f.target_group.is_some()) {
        let indicators = citizen.indicators();
        assert_eq!(indicators.len(), 10);
        assert!(indicators.iter().all(|i| i.measure == xhht_evaluation::Measure::Points { max: 10.0 }));
        let mut adopted = citizen.clone();
        adopted.template = false;
        adopted.missing.clear();
        adopted.status = FrameworkStatus::Published;
        validate(&adopted).unwrap_or_else(|e| panic!("{}: {e:#?}", citizen.id));
    }
}
