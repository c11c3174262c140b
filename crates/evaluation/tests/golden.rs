//! Golden tests: outcomes computed by hand from the regulations (docs: shared/domain/regulations.md).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly on purpose")]

mod common;

use common::{PASS_FAIL_15_FIXTURE, QD324_FIXTURE, TT24_TINH_FIXTURE, answers, date, ordinal, parse, shipped};
use xhht_evaluation::{
    Answer, Answers, Context, Framework, FrameworkStatus, IndicatorStatus, Metric, MetricValues, Outcome, Subject,
    SubjectType, Tier, ValueSource, score,
};

fn run(
    framework: &Framework,
    answers: &Answers,
    metrics: &MetricValues,
    subject: &Subject,
    ctx: &Context,
) -> Outcome<'static> {
    score(framework, answers, metrics, subject, ctx).unwrap()
}

fn text(outcome: &Outcome, id: &str) -> String {
    outcome.indicator(id).unwrap().to_string()
}

fn gaps(outcome: &Outcome) -> Vec<String> {
    outcome.next_level.as_ref().map(|n| n.gaps.iter().map(ToString::to_string).collect()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// TT 22/2020: 100 points; Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50, else Không đạt.
// ---------------------------------------------------------------------------------------------

/// Fills indicators in document order up to their maxima until `total` is reached.
fn tt22_answers(framework: &Framework, total: f64) -> Answers {
    let mut left = total;
    framework
        .indicators()
        .into_iter()
        .map(|i| {
            let max = match i.measure {
                xhht_evaluation::Measure::Points { max } => max,
                _ => 0.0,
            };
            let p = left.min(max);
            left -= p;
            (i.id.clone(), Answer::Points(p))
        })
        .collect()
}

#[test]
fn tt22_bands_at_their_edges() {
    for id in ["vn.moet.dvht.huyen.tt22-2020", "vn.moet.dvht.tinh.tt22-2020"] {
        let framework = shipped(id);
        assert!(framework.may_recognise());
        let ctx = Context::on(date(2023, 3, 1));
        for (total, level, name) in [
            (100.0, "tot", "Tốt"),
            (85.0, "tot", "Tốt"),
            (84.0, "kha", "Khá"),
            (84.5, "kha", "Khá"),
            (70.0, "kha", "Khá"),
            (69.0, "trung_binh", "Trung bình"),
            (50.0, "trung_binh", "Trung bình"),
            (49.0, "khong_dat", "Không đạt"),
            (0.0, "khong_dat", "Không đạt"),
        ] {
            let outcome =
                run(&framework, &tt22_answers(&framework, total), &MetricValues::new(), &Subject::default(), &ctx);
            assert_eq!((&*outcome.level.id, &*outcome.level.name_vi), (level, name), "{id} at {total}");
            let points = outcome.points.unwrap();
            assert_eq!((points.total, points.max), (total, 100.0));
            assert!(outcome.complete);
            assert_eq!(outcome.framework_status, FrameworkStatus::Published);
        }
    }
}

#[test]
fn tt22_reasons_and_next_band() {
    let framework = shipped("vn.moet.dvht.huyen.tt22-2020");
    let mut a = tt22_answers(&framework, 100.0);
    a.insert("TC1.1".into(), Answer::Points(8.0));
    a.insert("TC3.1".into(), Answer::Points(17.5));
    a.insert("TC2.4".into(), Answer::Points(4.5));
    // 100 − 2 − 7,5 − 0,5 = 90; then drop TC3.3 (5 points) by leaving it unanswered: 85.
    a.remove("TC3.3");
    let outcome = run(&framework, &a, &MetricValues::new(), &Subject::default(), &Context::on(date(2023, 3, 1)));
    assert_eq!(&*outcome.level.id, "tot");
    assert_eq!(outcome.to_string(), "Tốt (85/100 điểm)");
    assert_eq!(text(&outcome, "TC1.1"), "TC1.1: 8/10 điểm");
    assert_eq!(text(&outcome, "TC3.1"), "TC3.1: 17,5/25 điểm");
    assert_eq!(text(&outcome, "TC3.3"), "TC3.3: chưa có câu trả lời");
    assert_eq!(outcome.indicator("TC3.3").unwrap().status, IndicatorStatus::MissingAnswer);
    assert_eq!(outcome.indicator("TC3.3").unwrap().points, Some(0.0));
    assert!(outcome.next_level.is_none(), "Tốt is the top band");
    let tc3 = outcome.group("TC3").unwrap();
    assert_eq!((tc3.points, tc3.max_points), (Some(27.5), Some(40.0)));

    a.insert("TC1.2".into(), Answer::Points(9.0));
    let outcome = run(&framework, &a, &MetricValues::new(), &Subject::default(), &Context::on(date(2023, 3, 1)));
    assert_eq!(outcome.to_string(), "Khá (84/100 điểm)");
    let next = outcome.next_level.as_ref().unwrap();
    assert_eq!(&*next.level.id, "tot");
    assert_eq!(gaps(&outcome), ["tổng điểm cần ≥ 85 (hiện 84/100)"]);
}

// ---------------------------------------------------------------------------------------------
// QĐ 324/QĐ-KHVN: pass at ≥ 80/100 with no indicator below 5 (test-only 10 × 10 indicators).
// ---------------------------------------------------------------------------------------------

fn qd324(points: [f64; 10]) -> Outcome<'static> {
    let framework = parse(QD324_FIXTURE);
    let a = (1..=10).map(|i| (format!("CT{i}"), Answer::Points(points[i - 1]))).collect();
    run(&framework, &a, &MetricValues::new(), &Subject::default(), &Context::on(date(2024, 12, 31)))
}

#[test]
fn qd324_85_points_with_one_indicator_at_4_fails() {
    let outcome = qd324([4.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0]);
    assert_eq!(outcome.points.unwrap().total, 85.0);
    assert_eq!((&*outcome.level.id, &*outcome.level.name_vi), ("khong_dat", "Không đạt"));
    assert_eq!(outcome.indicator("CT1").unwrap().status, IndicatorStatus::BelowFloor);
    assert_eq!(text(&outcome, "CT1"), "CT1: 4/10 điểm; mỗi chỉ tiêu cần ≥ 5 điểm");
    assert_eq!(text(&outcome, "CT2"), "CT2: 9/10 điểm");
    assert_eq!(gaps(&outcome), ["CT1: cần ≥ 5 điểm (hiện 4)"]);
}

#[test]
fn qd324_80_points_all_at_least_5_passes() {
    let outcome = qd324([8.0; 10]);
    assert_eq!((&*outcome.level.id, &*outcome.level.name_vi), ("dat", "Đạt danh hiệu Công dân học tập"));
    assert_eq!(outcome.level.rank, 1);
    let outcome = qd324([5.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 5.0, 5.0, 5.0]);
    assert_eq!(&*outcome.level.id, "dat");
    let outcome = qd324([8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 7.0]);
    assert_eq!(&*outcome.level.id, "khong_dat");
    assert_eq!(gaps(&outcome), ["tổng điểm cần ≥ 80 (hiện 79/100)"]);
}

// ---------------------------------------------------------------------------------------------
// TT 24/2023 provincial learning unit (test-only complete variant; TC3 thresholds are real).
// ---------------------------------------------------------------------------------------------

fn agency() -> Subject {
    Subject::new([SubjectType::StateAgency])
}

fn school() -> Subject {
    Subject::new([
        SubjectType::PublicServiceUnit,
        SubjectType::EducationalEstablishment,
        SubjectType::UpperSecondarySchool,
    ])
}

/// Answers that pass every indicator at level 2 (TC3.CT1 comes from the metrics).
fn tt24_level2_answers() -> Answers {
    answers([
        ("TC1.CT1", Answer::YesNo(true)),
        ("TC1.CT2", Answer::YesNo(true)),
        ("TC1.CT3", Answer::YesNo(true)),
        ("TC1.CT4", Answer::YesNo(true)),
        ("TC1.CT5", Answer::YesNo(true)),
        ("TC2.CT1", Answer::Percentage(98.0)),
        ("TC2.CT2", Answer::Percentage(96.5)),
        ("TC3.CT2", Answer::YesNo(true)),
        ("TC3.CT3", ordinal("Tập thể lao động xuất sắc")),
        ("TC3.CT4", ordinal("đáp ứng khá")),
        ("TC3.CT5", ordinal("đáp ứng khá")),
        ("TC3.CT6", Answer::YesNo(true)),
    ])
}

fn held_two_years() -> Context {
    Context::on(date(2025, 3, 1)).with_level1_since(date(2023, 2, 1))
}

#[test]
fn tt24_members_at_94_percent_reach_level1_not_level2() {
    let framework = parse(TT24_TINH_FIXTURE);
    let metrics = MetricValues::new().with(Metric::ShareMembersCongDanHocTap, 94.0);
    let outcome = run(&framework, &tt24_level2_answers(), &metrics, &agency(), &held_two_years());
    let ct1 = outcome.indicator("TC3.CT1").unwrap();
    assert_eq!(
        (ct1.status, ct1.passed_tier, ct1.source),
        (IndicatorStatus::Passed, Some(Tier::Level1), Some(ValueSource::Metric))
    );
    assert_eq!(
        ct1.to_string(),
        "TC3.CT1: 94 % thành viên đạt Công dân học tập; đạt Mức độ 1 (cần ≥ 90 %); Mức độ 2 cần ≥ 95 %"
    );
    assert_eq!((&*outcome.level.id, &*outcome.level.name_vi), ("muc_do_1", "Mức độ 1"));
    assert_eq!(outcome.group("TC3").unwrap().passed_tier, Some(Tier::Level1));
    assert_eq!(outcome.group("TC1").unwrap().passed_tier, Some(Tier::Level2));
    assert_eq!(gaps(&outcome), ["TC3.CT1: Mức độ 2 cần ≥ 95 % (hiện 94 % thành viên đạt Công dân học tập)"]);
}

#[test]
fn tt24_members_at_88_5_percent_fail_with_the_figure() {
    let framework = parse(TT24_TINH_FIXTURE);
    let mut a = tt24_level2_answers();
    a.insert("TC3.CT1".into(), Answer::Percentage(88.5));
    let outcome = run(&framework, &a, &MetricValues::new(), &agency(), &held_two_years());
    assert_eq!(text(&outcome, "TC3.CT1"), "TC3.CT1: 88,5 % thành viên đạt Công dân học tập; Mức độ 1 cần ≥ 90 %");
    assert_eq!(outcome.indicator("TC3.CT1").unwrap().source, Some(ValueSource::Answer));
    assert_eq!(&*outcome.level.id, "khong_dat");
    assert_eq!(outcome.level.rank, 0);
    assert_eq!(gaps(&outcome), ["TC3.CT1: Mức độ 1 cần ≥ 90 % (hiện 88,5 % thành viên đạt Công dân học tập)"]);
}

#[test]
fn tt24_school_counts_learners_95_and_97_percent() {
    let framework = parse(TT24_TINH_FIXTURE);
    // The members' share is high, but a school is judged on its learners.
    let members = MetricValues::new().with(Metric::ShareMembersCongDanHocTap, 100.0);
    let at = |learners: f64| {
        let metrics = members.clone().with(Metric::ShareLearnersCongDanHocTap, learners);
        run(&framework, &tt24_level2_answers(), &metrics, &school(), &held_two_years())
    };

    let outcome = at(96.0);
    let ct1 = outcome.indicator("TC3.CT1").unwrap();
    assert_eq!(ct1.passed_tier, Some(Tier::Level1));
    assert_eq!(
        ct1.to_string(),
        "TC3.CT1: 96 % người học đạt Công dân học tập; đạt Mức độ 1 (cần ≥ 95 %); Mức độ 2 cần ≥ 97 %"
    );
    assert_eq!(&*outcome.level.id, "muc_do_1");

    let outcome = at(97.0);
    let ct1 = outcome.indicator("TC3.CT1").unwrap();
    assert_eq!(ct1.passed_tier, Some(Tier::Level2));
    assert_eq!(ct1.to_string(), "TC3.CT1: 97 % người học đạt Công dân học tập; đạt Mức độ 2 (cần ≥ 97 %)");
    assert_eq!((&*outcome.level.id, outcome.level.rank), ("muc_do_2", 2));
    assert!(outcome.next_level.is_none());

    let outcome = at(94.0);
    assert_eq!(outcome.indicator("TC3.CT1").unwrap().status, IndicatorStatus::Failed);
    assert_eq!(&*outcome.level.id, "khong_dat");
}

#[test]
fn tt24_level2_needs_12_months_at_level1() {
    let framework = parse(TT24_TINH_FIXTURE);
    let metrics = MetricValues::new().with(Metric::ShareMembersCongDanHocTap, 99.0);
    let a = tt24_level2_answers();
    let with = |ctx: Context| run(&framework, &a, &metrics, &agency(), &ctx);

    let outcome = with(Context::on(date(2025, 3, 1)).with_level1_since(date(2024, 6, 1)));
    assert_eq!(&*outcome.level.id, "muc_do_1");
    assert_eq!(
        gaps(&outcome),
        [
            "cần đã được công nhận Mức độ 1 ít nhất 12 tháng (công nhận Mức độ 1 ngày 01/06/2024, đủ 12 tháng vào ngày 01/06/2025)"
        ]
    );

    let outcome = with(Context::on(date(2025, 3, 1)));
    assert_eq!(&*outcome.level.id, "muc_do_1");
    assert_eq!(gaps(&outcome), ["cần đã được công nhận Mức độ 1 ít nhất 12 tháng (chưa được công nhận Mức độ 1)"]);

    let outcome = with(Context::on(date(2025, 3, 1)).with_level1_since(date(2024, 3, 1)));
    assert_eq!(&*outcome.level.id, "muc_do_2", "exactly 12 months is enough");
    let outcome = with(Context::on(date(2025, 2, 28)).with_level1_since(date(2024, 3, 1)));
    assert_eq!(&*outcome.level.id, "muc_do_1", "one day short");
}

#[test]
fn tt24_indicators_for_other_unit_types_are_skipped() {
    let framework = parse(TT24_TINH_FIXTURE);
    let metrics = MetricValues::new().with(Metric::ShareMembersCongDanHocTap, 99.0);
    let mut a = tt24_level2_answers();
    for id in ["TC3.CT4", "TC3.CT5", "TC3.CT6"] {
        a.remove(id);
    }
    let outcome = run(&framework, &a, &metrics, &agency(), &held_two_years());
    assert_eq!(&*outcome.level.id, "muc_do_2");
    for id in ["TC3.CT4", "TC3.CT5", "TC3.CT6"] {
        assert_eq!(outcome.indicator(id).unwrap().status, IndicatorStatus::NotApplicable, "{id}");
    }
    assert_eq!(text(&outcome, "TC3.CT4"), "TC3.CT4: không áp dụng cho đối tượng được đánh giá");

    // A subject that is neither a state agency nor a public service unit skips TC1.CT3.
    let outcome = run(&framework, &a, &metrics, &Subject::default(), &held_two_years());
    assert_eq!(outcome.indicator("TC1.CT3").unwrap().status, IndicatorStatus::NotApplicable);

    // A school must answer TC3.CT4: without it, the school is not recognised.
    let learners = metrics.with(Metric::ShareLearnersCongDanHocTap, 99.0);
    let outcome = run(&framework, &a, &learners, &school(), &held_two_years());
    assert_eq!(outcome.indicator("TC3.CT4").unwrap().status, IndicatorStatus::MissingAnswer);
    assert_eq!(text(&outcome, "TC3.CT4"), "TC3.CT4: chưa có câu trả lời");
    assert_eq!(&*outcome.level.id, "khong_dat");
    assert_eq!(gaps(&outcome), ["TC3.CT4: chưa có câu trả lời"]);
}

#[test]
fn tt24_ordinal_reasons() {
    let framework = parse(TT24_TINH_FIXTURE);
    let metrics = MetricValues::new().with(Metric::ShareMembersCongDanHocTap, 99.0);
    let mut a = tt24_level2_answers();
    a.insert("TC3.CT3".into(), ordinal("Tập thể lao động tiên tiến"));
    let outcome = run(&framework, &a, &metrics, &agency(), &held_two_years());
    assert_eq!(
        text(&outcome, "TC3.CT3"),
        "TC3.CT3: danh hiệu thi đua “Tập thể lao động tiên tiến”; đạt Mức độ 1 (cần từ “Tập thể lao động tiên tiến” trở lên); \
         Mức độ 2 cần từ “Tập thể lao động xuất sắc” trở lên"
    );
    a.insert("TC3.CT3".into(), Answer::Ordinal(None));
    let outcome = run(&framework, &a, &metrics, &agency(), &held_two_years());
    assert_eq!(
        text(&outcome, "TC3.CT3"),
        "TC3.CT3: danh hiệu thi đua chưa đạt mức nào trong danh sách; Mức độ 1 cần từ “Tập thể lao động tiên tiến” trở lên"
    );
    assert_eq!(text(&outcome, "TC1.CT1"), "TC1.CT1: có; đạt Mức độ 2");
}

#[test]
fn wrong_answers_are_errors_not_panics() {
    let framework = parse(TT24_TINH_FIXTURE);
    let ctx = held_two_years();
    let none = MetricValues::new();
    let code = |a: Answers, metrics: &MetricValues| score(&framework, &a, metrics, &agency(), &ctx).unwrap_err();

    let err = code(answers([("TC1.CT1", Answer::Percentage(90.0))]), &none);
    assert_eq!(err.code(), "wrong_answer_kind");
    assert_eq!(err.to_string(), "Chỉ tiêu “TC1.CT1” cần câu trả lời loại “yes_no”, nhận được loại “percentage”");
    assert_eq!(code(answers([("TC9.CT9", Answer::YesNo(true))]), &none).code(), "unknown_indicator");
    let err = code(answers([("TC2.CT1", Answer::Percentage(100.5))]), &none);
    assert_eq!(err.code(), "answer_out_of_range");
    assert_eq!(err.to_string(), "Câu trả lời cho “TC2.CT1” là 100,5, nằm ngoài khoảng 0–100");
    assert_eq!(code(answers([("TC2.CT1", Answer::Percentage(f64::NAN))]), &none).code(), "answer_out_of_range");
    assert_eq!(code(answers([("TC3.CT3", ordinal("Cờ thi đua"))]), &none).code(), "unknown_ordinal_value");
    let bad_metric = MetricValues::new().with(Metric::ShareMembersCongDanHocTap, 120.0);
    assert_eq!(code(Answers::new(), &bad_metric).code(), "metric_out_of_range");
    let points = parse(QD324_FIXTURE);
    let err = score(&points, &answers([("CT1", Answer::Points(11.0))]), &none, &agency(), &ctx).unwrap_err();
    assert_eq!(err.code(), "answer_out_of_range");
    let mut invalid = points.clone();
    invalid.version = 0;
    assert_eq!(score(&invalid, &Answers::new(), &none, &agency(), &ctx).unwrap_err().code(), "invalid_framework");
}

#[test]
fn pass_fail_15_fixture_scores_every_kind() {
    let framework = parse(PASS_FAIL_15_FIXTURE);
    let outcome =
        run(&framework, &Answers::new(), &MetricValues::new(), &Subject::default(), &Context::on(date(2025, 3, 1)));
    assert_eq!(outcome.indicators.len(), 15);
    assert_eq!(&*outcome.level.id, "khong_dat");
    assert_eq!(outcome.next_level.as_ref().unwrap().gaps.len(), 15);
    let a = answers([("TC1.CT3", Answer::Count(4))]);
    let outcome = run(&framework, &a, &MetricValues::new(), &Subject::default(), &Context::on(date(2025, 3, 1)));
    assert_eq!(text(&outcome, "TC1.CT3"), "TC1.CT3: 4 hoạt động; đạt Mức độ 1 (cần ≥ 3); Mức độ 2 cần ≥ 5");
}

// ---------------------------------------------------------------------------------------------
// Shipped drafts: scored on their known part, never final.
// ---------------------------------------------------------------------------------------------

fn all_yes(framework: &Framework) -> Answers {
    framework.indicators().into_iter().map(|i| (i.id.clone(), Answer::YesNo(true))).collect()
}

#[test]
fn tt24_provincial_draft_gives_level1_on_known_part_only() {
    let framework = shipped("vn.moet.dvht.tinh.tt24-2023");
    assert!(!framework.may_recognise());
    let metrics = MetricValues::new().with(Metric::ShareMembersCongDanHocTap, 94.0);
    let mut a = tt24_level2_answers();
    a.insert("TC3.CT3".into(), ordinal("Tập thể lao động tiên tiến"));
    let outcome = run(&framework, &a, &metrics, &agency(), &held_two_years());
    assert_eq!(&*outcome.level.id, "muc_do_1");
    assert!(!outcome.complete);
    assert_eq!(outcome.framework_status, FrameworkStatus::Draft);
    assert_eq!(outcome.to_string(), "Mức độ 1 — tạm tính trên phần tiêu chí đã biết (bộ tiêu chí chưa ban hành)");
    assert_eq!(
        text(&outcome, "TC2.CT1"),
        "TC2.CT1: 98 % thành viên chấp hành kỷ luật lao động, đoàn kết, chia sẻ; đạt Mức độ 1 (cần ≥ 90 %); ngưỡng Mức độ 2 chưa xác định"
    );
    let gaps = gaps(&outcome);
    assert!(
        gaps.contains(&"TC3.CT1: Mức độ 2 cần ≥ 95 % (hiện 94 % thành viên đạt Công dân học tập)".to_owned()),
        "{gaps:?}"
    );
    assert!(gaps.iter().any(|g| g.starts_with("TC2.CT1: ngưỡng Mức độ 2 chưa xác định")), "{gaps:?}");
}

#[test]
fn tt24_district_draft_has_no_level2_yet() {
    let framework = shipped("vn.moet.dvht.huyen.tt24-2023");
    let a = answers([
        ("TC1.CT1", Answer::YesNo(true)),
        ("TC1.CT2", Answer::YesNo(true)),
        ("TC1.CT3", Answer::YesNo(true)),
        ("TC1.CT4", Answer::YesNo(true)),
        ("TC1.CT5", Answer::YesNo(true)),
        ("TC2.CT1", Answer::Percentage(100.0)),
        ("TC2.CT2", Answer::Percentage(90.0)),
    ]);
    let outcome = run(&framework, &a, &MetricValues::new(), &agency(), &held_two_years());
    assert_eq!(&*outcome.level.id, "muc_do_1");
    assert!(!outcome.complete);
    assert_eq!(outcome.next_level.as_ref().unwrap().gaps.len(), 7, "every known indicator lacks its level-2 threshold");
    assert_eq!(
        framework.recogniser_on(date(2025, 1, 1)).and_then(|r| r.role_vi.as_deref()),
        Some("Chủ tịch UBND cấp huyện")
    );
    assert_eq!(framework.recogniser_on(date(2025, 7, 1)).map(|r| r.role_vi.is_none()), Some(true));
    assert_eq!(framework.cycle.filing_deadline_for(2024), Some(date(2025, 1, 15)));
}

#[test]
fn tt25_drafts_score_their_known_criteria() {
    let ctx = Context::on(date(2025, 2, 1));
    for (id, level) in [
        ("vn.moet.cdht.xa.tt25-2023", "Mức độ 1 (Khá)"),
        ("vn.moet.cdht.huyen.tt25-2023", "Mức độ 1"),
        ("vn.moet.cdht.tinh.tt25-2023", "Mức độ 1"),
    ] {
        let framework = shipped(id);
        let outcome = run(&framework, &all_yes(&framework), &MetricValues::new(), &Subject::default(), &ctx);
        assert_eq!(&*outcome.level.name_vi, level, "{id}");
        assert!(!outcome.complete, "{id}");
        assert!(!framework.may_recognise());
    }
    let framework = shipped("vn.moet.cdht.xa.tt25-2023");
    let mut a = all_yes(&framework);
    a.insert("TC1.CT2".into(), Answer::YesNo(false));
    let outcome = run(&framework, &a, &MetricValues::new(), &Subject::default(), &ctx);
    assert_eq!(&*outcome.level.id, "khong_dat");
    assert_eq!(text(&outcome, "TC1.CT2"), "TC1.CT2: không; Mức độ 1 cần “có”");
    assert_eq!(gaps(&outcome), ["TC1.CT2: Mức độ 1 cần “có” (hiện không)"]);
}

#[test]
fn qd324_drafts_cannot_pass_without_their_indicators() {
    for group in ["resident", "worker", "staff-business", "learner"] {
        let framework = shipped(&format!("vn.hkh.cdht.qd324-2023.{group}"));
        assert!(framework.target_group.is_some());
        let outcome = run(
            &framework,
            &Answers::new(),
            &MetricValues::new(),
            &Subject::default(),
            &Context::on(date(2024, 12, 31)),
        );
        assert_eq!(&*outcome.level.id, "khong_dat");
        assert_eq!(outcome.points.map(|p| (p.total, p.max)), Some((0.0, 100.0)));
        assert_eq!(gaps(&outcome), ["tổng điểm cần ≥ 80 (hiện 0/100)"]);
    }
}

#[test]
fn qd448_draft_scores_the_known_criterion() {
    let framework = shipped("vn.hkh.gdht.qd448-2015");
    let a = answers([("TC1.1", Answer::Points(10.0)), ("TC1.2", Answer::Points(8.0))]);
    let outcome = run(&framework, &a, &MetricValues::new(), &Subject::default(), &Context::on(date(2018, 12, 31)));
    assert_eq!(&*outcome.level.id, "khong_dat");
    assert_eq!(outcome.points.map(|p| (p.total, p.max)), Some((18.0, 20.0)));
    let tc1 = outcome.group("TC1").unwrap();
    assert_eq!((tc1.points, tc1.max_points), (Some(18.0), Some(30.0)));
    assert!(outcome.next_level.is_none(), "no pass mark is known");
    assert_eq!(
        outcome.to_string(),
        "Không đạt (18/20 điểm) — tạm tính trên phần tiêu chí đã biết (bộ tiêu chí chưa ban hành)"
    );
}

#[test]
fn outcomes_serialise_with_their_sentences_and_read_back() {
    let framework = parse(TT24_TINH_FIXTURE);
    let metrics = MetricValues::new().with(Metric::ShareMembersCongDanHocTap, 94.0);
    let outcome = run(&framework, &tt24_level2_answers(), &metrics, &agency(), &held_two_years());
    let json = serde_json::to_value(&outcome).unwrap();
    assert_eq!(json["summary_vi"], "Mức độ 1");
    assert_eq!(json["level"]["id"], "muc_do_1");
    let ct1 = json["indicators"].as_array().unwrap().iter().find(|i| i["id"] == "TC3.CT1").unwrap();
    assert_eq!(
        ct1["text_vi"],
        "TC3.CT1: 94 % thành viên đạt Công dân học tập; đạt Mức độ 1 (cần ≥ 90 %); Mức độ 2 cần ≥ 95 %"
    );
    assert_eq!(ct1["reason"]["code"], "checked");
    assert_eq!(ct1["source"], "metric");
    assert_eq!(json["next_level"]["gaps"][0]["kind"], "indicator");
    assert_eq!(
        json["next_level"]["gaps"][0]["text_vi"],
        "TC3.CT1: Mức độ 2 cần ≥ 95 % (hiện 94 % thành viên đạt Công dân học tập)"
    );
    let back: Outcome<'static> = serde_json::from_value(json).unwrap();
    assert_eq!(back, outcome);
}
