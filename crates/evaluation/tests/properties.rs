//! Property tests: monotonicity, totals, determinism, and rejection of mutated documents.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly on purpose")]

mod common;

use common::{PASS_FAIL_15_FIXTURE, QD324_FIXTURE, TT24_TINH_FIXTURE, date, parse, shipped};
use proptest::prelude::*;
use xhht_evaluation::{
    Answer, Answers, Context, ErrorCode, Framework, Measure, Metric, MetricValues, Outcome, Scorer, Subject,
    SubjectType, validate,
};

/// A raw random answer, turned into an answer of the indicator's kind by [`answer_for`].
/// `None` leaves the indicator unanswered. Values are on a 0–1000 scale.
type Raw = Option<u16>;

fn answer_for(measure: &Measure, raw: u16) -> Answer {
    let share = f64::from(raw.min(1000)) / 1000.0;
    match measure {
        // Half points, so that sums are exact in binary floating point.
        Measure::Points { max } => Answer::Points((share * max * 2.0).floor() / 2.0),
        Measure::YesNo { .. } => Answer::YesNo(raw >= 500),
        Measure::Percentage { .. } => Answer::Percentage((share * 1000.0).round() / 10.0),
        Measure::Count { .. } => Answer::Count(u64::from(raw / 100)),
        Measure::Ordinal { values, .. } => {
            // raw 0..=1000 over "none" plus every value, lowest first.
            let slots = values.len() + 1;
            let slot = usize::from(raw.min(999)) * slots / 1000;
            Answer::Ordinal(slot.checked_sub(1).map(|i| values[i].clone()))
        }
    }
}

fn build(framework: &Framework, raws: &[Raw]) -> Answers {
    framework
        .indicators()
        .into_iter()
        .zip(raws)
        .filter_map(|(i, raw)| raw.map(|r| (i.id.clone(), answer_for(&i.measure, r))))
        .collect()
}

fn subject_from(bits: u8) -> Subject {
    Subject::new(SubjectType::ALL.into_iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, t)| t))
}

fn context_from(months_held: Option<u8>) -> Context {
    let ctx = Context::on(date(2025, 3, 1));
    match months_held {
        Some(m) => ctx.with_level1_since(date(2025, 3, 1) - chrono::Months::new(u32::from(m))),
        None => ctx,
    }
}

fn rank(scorer: &Scorer, a: &Answers, metrics: &MetricValues, subject: &Subject, ctx: &Context) -> u8 {
    scorer.score_answers(a, metrics, subject, ctx).unwrap().level.rank
}

/// Raising one answer (answering it, or a higher value) never lowers the result.
fn check_monotone(framework: &Framework, raws: Vec<Raw>, which: usize, raise: u16, bits: u8, held: Option<u8>) {
    let scorer = Scorer::new(framework).unwrap();
    let subject = subject_from(bits);
    let ctx = context_from(held);
    let metrics = MetricValues::new();
    let which = which % raws.len();
    let mut raised = raws.clone();
    raised[which] = Some(match raws[which] {
        None => raise,
        Some(r) => r.saturating_add(raise).min(1000),
    });
    let before = rank(&scorer, &build(framework, &raws), &metrics, &subject, &ctx);
    let after = rank(&scorer, &build(framework, &raised), &metrics, &subject, &ctx);
    assert!(after >= before, "raising indicator {which} lowered the result from {before} to {after}");
}

fn raws(len: usize) -> impl Strategy<Value = Vec<Raw>> {
    prop::collection::vec(prop::option::weighted(0.9, 0u16..=1000), len)
}

fn sum_parts(outcome: &Outcome, framework: &Framework) {
    let points = outcome.points.unwrap();
    let top: f64 = framework.groups.iter().map(|g| outcome.group(&g.id).unwrap().points.unwrap()).sum();
    assert_eq!(points.total, top, "total = sum of the top-level groups");
    let all: f64 = outcome.indicators.iter().map(|i| i.points.unwrap()).sum();
    assert_eq!(points.total, all, "total = sum of the indicators");
    for group in &framework.groups {
        let ids: Vec<&str> = group.indicators.iter().map(|i| i.id.as_str()).collect();
        let sum: f64 = outcome.indicators.iter().filter(|i| ids.contains(&&*i.id)).map(|i| i.points.unwrap()).sum();
        assert_eq!(outcome.group(&group.id).unwrap().points, Some(sum), "group {}", group.id);
    }
    for indicator in &outcome.indicators {
        assert!(indicator.points.unwrap() <= indicator.max_points.unwrap());
    }
    assert!(points.total <= points.max);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn raising_an_answer_never_lowers_tt22(raws in raws(10), which in 0usize..10, raise in 1u16..=1000) {
        check_monotone(&shipped("vn.moet.dvht.huyen.tt22-2020"), raws, which, raise, 0, None);
    }

    #[test]
    fn raising_an_answer_never_lowers_qd324(raws in raws(10), which in 0usize..10, raise in 1u16..=1000) {
        check_monotone(&parse(QD324_FIXTURE), raws, which, raise, 0, None);
    }

    #[test]
    fn raising_an_answer_never_lowers_pass_fail(
        raws in raws(15), which in 0usize..15, raise in 1u16..=1000, held in prop::option::of(0u8..30)
    ) {
        check_monotone(&parse(PASS_FAIL_15_FIXTURE), raws, which, raise, 0, held);
    }

    #[test]
    fn raising_an_answer_never_lowers_tt24(
        raws in raws(13), which in 0usize..13, raise in 1u16..=1000, bits in any::<u8>(), held in prop::option::of(0u8..30)
    ) {
        check_monotone(&parse(TT24_TINH_FIXTURE), raws, which, raise, bits, held);
    }

    #[test]
    fn raising_a_metric_never_lowers_tt24(
        raws in raws(13), bits in any::<u8>(), share in 0u16..=1000, raise in 1u16..=1000, learners in any::<bool>()
    ) {
        let framework = parse(TT24_TINH_FIXTURE);
        let scorer = Scorer::new(&framework).unwrap();
        let metric = if learners { Metric::ShareLearnersCongDanHocTap } else { Metric::ShareMembersCongDanHocTap };
        let a = build(&framework, &raws);
        let subject = subject_from(bits);
        let ctx = context_from(Some(24));
        let low = MetricValues::new().with(metric, f64::from(share) / 10.0);
        let high = MetricValues::new().with(metric, f64::from(share.saturating_add(raise).min(1000)) / 10.0);
        prop_assert!(rank(&scorer, &a, &high, &subject, &ctx) >= rank(&scorer, &a, &low, &subject, &ctx));
    }

    #[test]
    fn totals_are_the_sum_of_their_parts(raws in raws(10)) {
        for framework in [shipped("vn.moet.dvht.tinh.tt22-2020"), parse(QD324_FIXTURE)] {
            let a = build(&framework, &raws);
            let outcome = xhht_evaluation::score(&framework, &a, &MetricValues::new(), &Subject::default(), &context_from(None)).unwrap();
            sum_parts(&outcome, &framework);
            prop_assert_eq!(outcome.points.unwrap().max, 100.0);
        }
    }

    #[test]
    fn scoring_is_deterministic_and_round_trips(raws in raws(13), bits in any::<u8>(), held in prop::option::of(0u8..30)) {
        let framework = parse(TT24_TINH_FIXTURE);
        let a = build(&framework, &raws);
        let (subject, ctx) = (subject_from(bits), context_from(held));
        let first = xhht_evaluation::score(&framework, &a, &MetricValues::new(), &subject, &ctx).unwrap();
        let second = xhht_evaluation::score(&framework, &a, &MetricValues::new(), &subject, &ctx).unwrap();
        prop_assert_eq!(&first, &second);
        let json = serde_json::to_string(&first).unwrap();
        prop_assert_eq!(json.clone(), serde_json::to_string(&second).unwrap());
        let back: Outcome<'static> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, first);
    }

    #[test]
    fn out_of_range_percentages_are_rejected(which in 0usize..15, bad in prop_oneof![100.001f64..1e6, -1e6f64..-0.001]) {
        let mut framework = parse(PASS_FAIL_15_FIXTURE);
        let mut seen = 0;
        for indicator in framework.groups.iter_mut().flat_map(|g| g.indicators.iter_mut()) {
            if let Measure::Percentage { min } = &mut indicator.measure {
                if seen == which % 4 {
                    min.level1 = Some(bad);
                }
                seen += 1;
            }
        }
        let errors = validate(&framework).unwrap_err();
        prop_assert!(errors.iter().any(|e| e.code == ErrorCode::ThresholdOutOfRange));
    }

    #[test]
    fn bands_above_the_maximum_are_rejected(excess in 0.001f64..1000.0) {
        let mut framework = shipped("vn.moet.dvht.huyen.tt22-2020");
        if let xhht_evaluation::ResultRule::Points { bands, .. } = &mut framework.result {
            bands[0].min_total = 100.0 + excess;
        }
        let errors = validate(&framework).unwrap_err();
        prop_assert!(errors.iter().any(|e| e.code == ErrorCode::UnreachableBand));
    }

    #[test]
    fn duplicate_ids_are_rejected(a in 0usize..15, b in 0usize..15) {
        prop_assume!(a != b);
        let mut framework = parse(PASS_FAIL_15_FIXTURE);
        let ids: Vec<String> = framework.indicators().into_iter().map(|i| i.id.clone()).collect();
        for indicator in framework.groups.iter_mut().flat_map(|g| g.indicators.iter_mut()) {
            if indicator.id == ids[b] {
                indicator.id = ids[a].clone();
            }
        }
        let errors = validate(&framework).unwrap_err();
        prop_assert!(errors.iter().any(|e| e.code == ErrorCode::DuplicateId));
    }

    #[test]
    fn level2_thresholds_below_level1_are_rejected(l1 in 1u32..=100, drop in 1u32..=100) {
        let mut framework = parse(PASS_FAIL_15_FIXTURE);
        if let Measure::Percentage { min } = &mut framework.groups[0].indicators[1].measure {
            min.level1 = Some(f64::from(l1));
            min.level2 = Some(f64::from(l1.saturating_sub(drop)));
        }
        let errors = validate(&framework).unwrap_err();
        prop_assert!(errors.iter().any(|e| e.code == ErrorCode::Level2BelowLevel1));
    }
}
