//! Scoring throughput on one core: `cargo bench -p xhht-evaluation --bench scoring`.
//!
//! No benchmark framework: a warm-up, then batches until about two seconds have passed, for
//! each case. Answer sheets are prepared up front and cycled, as a batch re-scoring would.

#![allow(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::error::Error;
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use xhht_evaluation::{
    Answer, AnswerSheet, Answers, Context, Framework, Measure, MetricValues, Scorer, Subject, shipped_framework,
};

const PASS_FAIL_15: &str = include_str!("../tests/fixtures/pass-fail-15.test.json");
const WARM_UP: Duration = Duration::from_millis(300);
const RUN: Duration = Duration::from_secs(2);
const BATCH: usize = 1024;
const SHEETS: usize = 64;

/// Deterministic pseudo-random numbers (xorshift), so that runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A value in 0..n.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Answers of the right kind for every indicator, mostly high so that all levels occur.
#[allow(clippy::cast_precision_loss, reason = "small integers")]
fn random_answers(framework: &Framework, rng: &mut Rng) -> Answers {
    framework
        .indicators()
        .into_iter()
        .map(|i| {
            let answer = match &i.measure {
                Measure::Points { max } => Answer::Points((*max - rng.below(4) as f64).max(0.0)),
                Measure::YesNo { .. } => Answer::YesNo(rng.below(10) > 0),
                Measure::Percentage { .. } => Answer::Percentage(75.0 + rng.below(250) as f64 / 10.0),
                Measure::Count { .. } => Answer::Count(rng.below(8)),
                Measure::Ordinal { values, .. } => {
                    let slot = usize::try_from(rng.below(values.len() as u64 + 1)).unwrap_or(0);
                    Answer::Ordinal(slot.checked_sub(1).map(|s| values[s].clone()))
                }
            };
            (i.id.clone(), answer)
        })
        .collect()
}

/// Runs `f` for `RUN` after a warm-up and prints the rate; `f(i)` scores one outcome.
/// `SCORING_BENCH=text` runs only the cases whose name contains `text` (for profiling).
fn measure(name: &str, mut f: impl FnMut(usize) -> u64) {
    if std::env::var("SCORING_BENCH").is_ok_and(|filter| !name.contains(&filter)) {
        return;
    }
    let mut checksum = 0u64;
    let start = Instant::now();
    let mut i = 0;
    while start.elapsed() < WARM_UP {
        for _ in 0..BATCH {
            checksum = checksum.wrapping_add(f(i));
            i += 1;
        }
    }
    let mut count: u64 = 0;
    let start = Instant::now();
    while start.elapsed() < RUN {
        for _ in 0..BATCH {
            checksum = checksum.wrapping_add(f(i));
            i += 1;
        }
        count += BATCH as u64;
    }
    let elapsed = start.elapsed();
    #[allow(clippy::cast_precision_loss, reason = "display only")]
    let (per_second, ns) = (count as f64 / elapsed.as_secs_f64(), elapsed.as_nanos() as f64 / count as f64);
    println!(
        "{name:<56} {per_second:>12.0} outcomes/s {ns:>8.1} ns/outcome  ({count} in {elapsed:.2?}, checksum {checksum})"
    );
}

fn case(name: &str, framework: &Framework, subject: &Subject, context: &Context) -> Result<(), Box<dyn Error>> {
    let scorer = Scorer::new(framework).map_err(|e| format!("{}: {e:?}", framework.id))?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let answers: Vec<Answers> = (0..SHEETS).map(|_| random_answers(framework, &mut rng)).collect();
    let sheets: Vec<AnswerSheet> = answers.iter().map(|a| scorer.prepare(a)).collect::<Result<_, _>>()?;
    let metrics = MetricValues::new();

    // The hot path: a compiled framework and prepared answer sheets.
    measure(&format!("{name}: Scorer::score"), |i| {
        let outcome = scorer.score(black_box(&sheets[i % SHEETS]), &metrics, subject, context);
        u64::from(black_box(&outcome).as_ref().map_or(u8::MAX, |o| o.level.rank))
    });
    // What one API request does: answers by id checked, then scored.
    measure(&format!("{name}: Scorer::score_answers"), |i| {
        let outcome = scorer.score_answers(black_box(&answers[i % SHEETS]), &metrics, subject, context);
        u64::from(black_box(&outcome).as_ref().map_or(u8::MAX, |o| o.level.rank))
    });
    // The one-off convenience: validate and compile the framework every time.
    measure(&format!("{name}: score (compiles each time)"), |i| {
        let outcome = xhht_evaluation::score(framework, black_box(&answers[i % SHEETS]), &metrics, subject, context);
        u64::from(black_box(&outcome).as_ref().map_or(u8::MAX, |o| o.level.rank))
    });
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let day = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("bad date")?;
    let since = NaiveDate::from_ymd_opt(2023, 3, 1).ok_or("bad date")?;
    let context = Context::on(day).with_level1_since(since);

    let tt22 = shipped_framework("vn.moet.dvht.huyen.tt22-2020").ok_or("TT 22/2020 is not shipped")?;
    case("TT 22/2020 (10 points indicators)", &tt22, &Subject::default(), &context)?;

    let pass_fail = Framework::from_json(PASS_FAIL_15).map_err(|e| format!("{e:?}"))?;
    case("pass/fail, 15 indicators, 2 levels", &pass_fail, &Subject::default(), &context)?;
    Ok(())
}
