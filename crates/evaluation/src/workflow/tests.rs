//! Every transition, every role and every rule of the workflow, as tables.

use super::*;
use crate::{Answer, Answers, Context, MetricValues, Subject, score};
use EvaluationAction::*;
use Role::*;
use xhht_domain::DecisionKind;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A published two-level pass/fail framework in force from 2024, two indicators.
fn framework() -> Framework {
    let json = serde_json::json!({
        "id": "test.workflow", "version": 1, "status": "published", "name_vi": "Kiểm thử",
        "model_kind": "gia_dinh_hoc_tap", "valid_from": "2024-01-01",
        "legal_basis": {"number": "KT", "issuer_vi": "Kiểm thử"},
        "cycle": {"period": "calendar_year", "filing_deadline": "--02-28", "late_policy": "refuse"},
        "retained_years_after_recognition_year": 3,
        "groups": [{"id": "TC1", "name_vi": "Tiêu chí", "indicators": [
            {"id": "CT1", "text_vi": "Có kế hoạch", "measure": {"kind": "yes_no", "required": {"level1": true, "level2": true}}},
            {"id": "CT2", "text_vi": "Tỉ lệ", "measure": {"kind": "percentage", "min": {"level1": 80, "level2": 90}}}
        ]}],
        "result": {"kind": "all_indicators_pass",
                   "levels": [{"id": "muc_do_1", "name_vi": "Mức độ 1", "tier": "level1"},
                              {"id": "muc_do_2", "name_vi": "Mức độ 2", "tier": "level2", "min_months_at_level1": 12}],
                   "fail": {"id": "khong_dat", "name_vi": "Không đạt"}}
    });
    serde_json::from_value(json).unwrap_or_else(|e| panic!("fixture: {e}"))
}

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs.iter().map(|(id, a)| ((*id).to_owned(), a.clone())).collect()
}

fn full(share: f64) -> Answers {
    answers(&[("CT1", Answer::YesNo(true)), ("CT2", Answer::Percentage(share))])
}

fn outcome(f: &Framework, a: &Answers, on: NaiveDate, level1_since: Option<NaiveDate>) -> Outcome<'static> {
    let mut context = Context::on(on);
    context.held_level1_since = level1_since;
    score(f, a, &MetricValues::new(), &Subject::default(), &context).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_step_has_its_transition() {
    let table: [(EvaluationAction, &[EvaluationStatus], Option<EvaluationStatus>); 7] = [
        (SelfAssess, &[Registered], None),
        (AddEvidence, &[Registered, Submitted, Inspected], None),
        (Submit, &[Registered], Some(Submitted)),
        (Inspect, &[Submitted, Inspected], Some(Inspected)),
        (Recognise, &[Inspected], Some(Recognised)),
        (Reject, &[Submitted, Inspected], Some(Rejected)),
        (Revoke, &[Recognised], Some(Revoked)),
    ];
    assert_eq!(table.len(), EvaluationAction::ALL.len());
    for (action, from, to) in table {
        assert_eq!(action.from_statuses(), from, "{action}");
        assert_eq!(action.leads_to(), to, "{action}");
        for status in EvaluationStatus::ALL.iter().copied() {
            let allowed = check_status(action, status);
            assert_eq!(allowed.is_ok(), from.contains(&status), "{action} from {status}");
            if let Err(refusal) = allowed {
                assert_eq!(refusal.code(), "evaluation_status_conflict");
                assert!(refusal.message_vi().contains(status.name_vi()));
                assert!(refusal.message_en().contains(status.name_en()));
            }
        }
    }
    // Decided evaluations end the workflow; nothing starts from a rejection or a revocation.
    for status in [Rejected, Revoked] {
        assert!(EvaluationAction::ALL.iter().all(|a| !a.starts_from(status)), "{status}");
    }
    assert_eq!(EvaluationAction::of_decision(DecisionKind::Revocation), Revoke);
}

#[test]
fn every_role_may_take_exactly_its_steps() {
    use Authority::*;
    let commune_models: Vec<ModelKind> = ModelKind::ALL.iter().copied().filter(|m| m.decided_by_commune()).collect();
    let cases: [(Role, [Authority; 7]); 6] = [
        (Admin, [Always, Always, Always, Always, Always, Always, Always]),
        (ProvincialOfficer, [Always, Always, Always, Always, Always, Always, Always]),
        (
            CommuneOfficer,
            [
                Always,
                InStatuses(vec![Registered]),
                Always,
                Never,
                ForModels(commune_models.clone()),
                ForModels(commune_models.clone()),
                ForModels(commune_models.clone()),
            ],
        ),
        (Inspector, [Never, InStatuses(vec![Submitted, Inspected]), Never, Always, Never, Never, Never]),
        (AssociationOfficer, [Always, InStatuses(vec![Registered]), Always, Never, Never, Never, Never]),
        (Viewer, [Never, Never, Never, Never, Never, Never, Never]),
    ];
    assert_eq!(cases.len(), Role::ALL.len());
    for (role, expected) in cases {
        for (action, authority) in EvaluationAction::ALL.iter().copied().zip(expected) {
            assert_eq!(super::authority(role, action), authority, "{role} {action}");
        }
    }
    // A commune officer never decides a provincial title, whatever else it holds.
    assert!(!roles_may(&[CommuneOfficer, Inspector], Recognise, Inspected, ModelKind::DonViHocTapTinh));
    assert!(roles_may(&[CommuneOfficer], Recognise, Inspected, ModelKind::GiaDinhHocTap));
}

#[test]
fn registration_needs_a_live_framework_in_force_in_the_year() {
    let f = framework();
    assert_eq!(check_registration(&f, 2026, None), Ok(()));
    assert_eq!(check_registration(&f, 2024, Some("muc_do_2")), Ok(()));
    let too_early = check_registration(&f, 2023, None);
    assert!(matches!(too_early, Err(Refusal::FrameworkNotValidForYear { year: 2023, .. })), "{too_early:?}");
    // QĐ 448 was for 2016-2020: a 2026 evaluation cannot use it.
    let mut old = framework();
    old.valid_from = Some(day(2016, 1, 1));
    old.valid_to = Some(day(2020, 12, 31));
    assert_eq!(check_registration(&old, 2020, None), Ok(()));
    let refused = check_registration(&old, 2026, None).err();
    assert_eq!(refused.as_ref().map(Refusal::code), Some("framework_not_valid_for_year"));
    assert!(refused.is_some_and(|r| r.message_vi().contains("năm đánh giá 2026") && r.message_en().contains("2026")));
    assert!(matches!(check_registration(&f, 2026, Some("khong_dat")), Err(Refusal::UnknownLevel { .. })));
    assert!(matches!(check_registration(&f, 2026, Some("muc_do_9")), Err(Refusal::UnknownLevel { .. })));
    let mut retired = framework();
    retired.status = FrameworkStatus::Retired;
    assert_eq!(check_registration(&retired, 2026, None), Err(Refusal::FrameworkRetired));
    // A draft may register (it is completed before the decision), never recognise.
    let mut draft = framework();
    draft.status = FrameworkStatus::Draft;
    assert_eq!(check_registration(&draft, 2026, None), Ok(()));
}

#[test]
fn submission_needs_every_answer_and_respects_the_deadline() {
    let f = framework();
    let partial = outcome(&f, &answers(&[("CT1", Answer::YesNo(true))]), day(2027, 1, 10), None);
    assert_eq!(
        check_submission(&f, 2026, &partial, day(2027, 1, 10)),
        Err(Refusal::AnswersIncomplete { missing: vec!["CT2".into()] })
    );
    let mut lenient = framework();
    lenient.accepts_partial_answers = true;
    assert_eq!(check_submission(&lenient, 2026, &partial, day(2027, 1, 10)), Ok(Filing { late: false }));

    let complete = outcome(&f, &full(50.0), day(2027, 1, 10), None);
    assert_eq!(check_submission(&f, 2026, &complete, day(2027, 2, 28)), Ok(Filing { late: false }));
    assert_eq!(
        check_submission(&f, 2026, &complete, day(2027, 3, 1)),
        Err(Refusal::FilingDeadlinePassed { deadline: day(2027, 2, 28) })
    );
    let mut flagging = framework();
    flagging.cycle.late_policy = LatePolicy::Flag;
    assert_eq!(check_submission(&flagging, 2026, &complete, day(2027, 3, 1)), Ok(Filing { late: true }));
}

#[test]
fn recognition_grants_the_level_reached_and_explains_the_rest() {
    let f = framework();
    let on = day(2027, 3, 15);
    let level1 = outcome(&f, &full(85.0), on, None);
    assert_eq!(recognition(&f, &level1, None), Ok(Grant { level: "muc_do_1".into(), rank: 1, points: None }));
    assert_eq!(recognition(&f, &level1, Some("muc_do_1")).map(|g| g.rank), Ok(1));

    // Reaching nothing: the message says so instead of naming the fail level as wanted.
    let failed = outcome(&f, &full(50.0), on, None);
    let refusal = recognition(&f, &failed, None).err();
    assert_eq!(refusal.as_ref().map(Refusal::code), Some("level_not_reached"));
    assert!(refusal.is_some_and(|r| !r.message_vi().contains("khong_dat") && r.message_vi().contains("Không đạt")));

    // Level 2 with the answers for it but not 12 months at level 1: time is what is missing.
    let early = outcome(&f, &full(95.0), on, Some(day(2026, 6, 1)));
    assert_eq!(
        recognition(&f, &early, Some("muc_do_2")),
        Err(Refusal::Level2TooEarly { months: 12, since: Some(day(2026, 6, 1)), eligible_on: Some(day(2027, 6, 1)) })
    );
    let never_level1 = outcome(&f, &full(95.0), on, None);
    assert!(matches!(
        recognition(&f, &never_level1, Some("muc_do_2")),
        Err(Refusal::Level2TooEarly { since: None, .. })
    ));
    // Level 2 without the answers for it: the level is not reached, whatever the time.
    let weak = outcome(&f, &full(85.0), on, Some(day(2025, 1, 1)));
    assert!(matches!(recognition(&f, &weak, Some("muc_do_2")), Err(Refusal::LevelNotReached { .. })));
    // In time and good enough: level 2; and a lower level may be granted than reached.
    let ready = outcome(&f, &full(95.0), on, Some(day(2026, 3, 15)));
    assert_eq!(recognition(&f, &ready, Some("muc_do_2")).map(|g| g.rank), Ok(2));
    assert_eq!(recognition(&f, &ready, Some("muc_do_1")).map(|g| g.level), Ok("muc_do_1".to_owned()));
    assert!(matches!(recognition(&f, &ready, Some("tot")), Err(Refusal::UnknownLevel { .. })));

    let mut draft = framework();
    draft.status = FrameworkStatus::Draft;
    assert_eq!(recognition(&draft, &ready, None), Err(Refusal::FrameworkNotPublished));

    assert_eq!(check_decision_date(day(2027, 3, 15), day(2027, 3, 15)), Ok(()));
    assert_eq!(check_decision_date(day(2025, 1, 1), day(2027, 3, 15)), Ok(()), "entered later than signed");
    assert!(matches!(check_decision_date(day(2027, 3, 16), day(2027, 3, 15)), Err(Refusal::DecidedInTheFuture { .. })));
    assert_eq!(valid_until(&f, day(2027, 3, 15)), Some(day(2030, 12, 31)));
    let mut unknown = framework();
    unknown.retained_years_after_recognition_year = None;
    assert_eq!(valid_until(&unknown, day(2027, 3, 15)), None);
}

#[test]
fn allowed_actions_are_the_steps_that_would_succeed() {
    let f = framework();
    let today = day(2027, 1, 20);
    let stand = |status, o: &'static Outcome<'static>| Standing {
        status,
        model: ModelKind::GiaDinhHocTap,
        year: 2026,
        framework: Box::leak(Box::new(framework())),
        outcome: Some(o),
        requested_level: None,
        today,
    };
    let leak = |o: Outcome<'static>| -> &'static Outcome<'static> { Box::leak(Box::new(o)) };
    let incomplete = leak(outcome(&f, &answers(&[("CT1", Answer::YesNo(true))]), today, None));
    let passing = leak(outcome(&f, &full(85.0), today, None));
    let failing = leak(outcome(&f, &full(10.0), today, None));

    let commune = [CommuneOfficer];
    assert_eq!(allowed_actions(&commune, true, &stand(Registered, incomplete)), vec![SelfAssess, AddEvidence]);
    assert_eq!(allowed_actions(&commune, true, &stand(Registered, passing)), vec![SelfAssess, AddEvidence, Submit]);
    assert_eq!(allowed_actions(&commune, false, &stand(Registered, passing)), vec![]);
    assert_eq!(allowed_actions(&[Inspector], true, &stand(Submitted, passing)), vec![AddEvidence, Inspect]);
    assert_eq!(allowed_actions(&commune, true, &stand(Inspected, passing)), vec![Recognise, Reject]);
    // The case a new user met: a failing evaluation was offered `recognise`.
    assert_eq!(allowed_actions(&commune, true, &stand(Inspected, failing)), vec![Reject]);
    assert_eq!(allowed_actions(&commune, true, &stand(Recognised, passing)), vec![Revoke]);
    assert_eq!(allowed_actions(&[Admin], true, &stand(Revoked, passing)), vec![]);
    assert_eq!(allowed_actions(&[Viewer], true, &stand(Inspected, passing)), vec![]);
    let mut s = stand(Inspected, passing);
    s.model = ModelKind::DonViHocTapTinh;
    assert_eq!(allowed_actions(&commune, true, &s), vec![]);
    assert_eq!(allowed_actions(&[ProvincialOfficer], true, &s), vec![AddEvidence, Inspect, Recognise, Reject]);
    // Past a deadline the framework enforces, submission is not offered.
    let mut late = stand(Registered, passing);
    late.today = day(2027, 3, 1);
    assert_eq!(allowed_actions(&commune, true, &late), vec![SelfAssess, AddEvidence]);
    // Unscorable answers offer neither submission nor recognition.
    let mut broken = stand(Inspected, passing);
    broken.outcome = None;
    assert_eq!(check_step(Recognise, &broken), Err(Refusal::NotScorable));
}

#[test]
fn every_refusal_speaks_both_languages() {
    let refusals = [
        Refusal::WrongStatus { action: Submit, status: Inspected },
        Refusal::FrameworkRetired,
        Refusal::FrameworkNotValidForYear { year: 2026, valid_from: Some(day(2016, 1, 1)), valid_to: None },
        Refusal::UnknownLevel { level: "x".into() },
        Refusal::AnswersIncomplete { missing: vec!["CT1".into()] },
        Refusal::FilingDeadlinePassed { deadline: day(2027, 2, 28) },
        Refusal::FrameworkNotPublished,
        Refusal::NothingReached { result_vi: "Không đạt".into() },
        Refusal::LevelNotReached { wanted: "muc_do_2".into(), reached_vi: "Mức độ 1".into() },
        Refusal::Level2TooEarly { months: 12, since: None, eligible_on: None },
        Refusal::NotScorable,
        Refusal::DecidedInTheFuture { decided_on: day(2027, 1, 2), today: day(2027, 1, 1) },
    ];
    for r in refusals {
        let (vi, en) = (r.message_vi(), r.message_en());
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{r:?}");
        assert!(!r.code().is_empty());
    }
}
