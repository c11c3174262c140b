//! Helpers shared by the integration tests.

#![allow(dead_code, reason = "each test crate uses a different part")]

use chrono::NaiveDate;
use xhht_evaluation::{Answer, Answers, Framework};

/// Test-only complete TT 24/2023 provincial framework (known TC3 thresholds, invented TC2
/// level-2 thresholds). Never shipped.
pub const TT24_TINH_FIXTURE: &str = include_str!("../fixtures/tt24-tinh-complete.test.json");
/// Test-only complete Công dân học tập framework: 10 indicators × 10 points. Never shipped.
pub const QD324_FIXTURE: &str = include_str!("../fixtures/qd324-complete.test.json");
/// Test-only 15-indicator pass/fail framework with two levels. Never shipped.
pub const PASS_FAIL_15_FIXTURE: &str = include_str!("../fixtures/pass-fail-15.test.json");

pub fn parse(json: &str) -> Framework {
    match Framework::from_json(json) {
        Ok(framework) => framework,
        Err(errors) => panic!("fixture does not validate: {errors:#?}"),
    }
}

pub fn shipped(id: &str) -> Framework {
    xhht_evaluation::shipped_framework(id).unwrap_or_else(|| panic!("no shipped framework {id}"))
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date {y}-{m}-{d}"))
}

pub fn answers<const N: usize>(pairs: [(&str, Answer); N]) -> Answers {
    pairs.into_iter().map(|(id, a)| (id.to_owned(), a)).collect()
}

pub fn ordinal(value: &str) -> Answer {
    Answer::Ordinal(Some(value.to_owned()))
}
