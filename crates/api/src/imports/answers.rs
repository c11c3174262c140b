//! Self-assessment answers: one indicator a row. A row names its evaluation (by id, or by
//! model, year and subject), is checked by the rules of the self-assessment step (the
//! evaluation's status, the caller's roles and units, the framework's indicator and the
//! answer's kind and range), and the rows of an evaluation are saved through that step,
//! added to the answers saved before.

use super::check::{Checked, Checker, Reading, RowProblem};
use super::kinds::MODELS;
use crate::auth::Actor;
use crate::error::ApiError;
use crate::scoring::Compiled;
use crate::state::AppState;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use xhht_domain::{ModelKind, SubjectKind};
use xhht_evaluation::MeasureKind;
use xhht_evaluation::workflow::EvaluationAction;
use xhht_evaluation::{Answer, Answers};
use xhht_persistence::DbConn;
use xhht_persistence::evaluations::{self, Evaluation, EvaluationFilter};
use xhht_persistence::registry::{citizen, clan, household, organisation};

/// A row that passed: an answer to one indicator of one evaluation.
pub struct AnswerRow {
    pub evaluation_id: i64,
    pub indicator: String,
    pub answer: Answer,
}

/// An evaluation rows may answer: still in self-assessment, within the caller's units and
/// roles, with its compiled framework.
struct Open {
    compiled: Arc<Compiled>,
}

/// A subject as a row names it: model, year, the subject as written, the unit given.
type SubjectKey = (ModelKind, i32, String, Option<i64>);

/// Evaluations already looked up in this job, so that a file of many rows per evaluation reads
/// each once.
#[derive(Default)]
pub struct Lookup {
    /// (model, year, subject as written, unit) → the evaluation, or why there is none.
    by_subject: HashMap<SubjectKey, Result<i64, Unanswerable>>,
    by_id: HashMap<i64, Result<Arc<Open>, Unanswerable>>,
}

/// Why a row's evaluation cannot be answered, kept for the next rows that name it.
#[derive(Clone)]
enum Unanswerable {
    /// A problem in one of the cells that name the evaluation.
    Cell(RowProblem),
    /// The step's own refusal (status, roles, units), as the single-record API gives it.
    Step(ApiError),
}

fn not_found(column: &'static str, value: &str, vi: &str, en: &str) -> Unanswerable {
    Unanswerable::Cell(RowProblem {
        column: Some(column),
        value: Some(value.to_owned()),
        code: "evaluation_not_found".into(),
        vi: vi.into(),
        en: en.into(),
    })
}

impl Checker<'_> {
    /// Checks an answer row.
    pub(super) fn answer(&mut self, conn: &mut DbConn, r: &mut Reading) -> Option<AnswerRow> {
        let evaluation = self.evaluation_of(conn, r);
        let indicator = r.required("indicator");
        let text = r.required("answer");
        let (id, open) = evaluation?;
        let (indicator, text) = (indicator?, text?);
        let scorer = &open.compiled.scorer;
        let Some(kind) = scorer.answer_kind(&indicator) else {
            let known: Vec<&str> = scorer.indicator_ids().collect();
            r.problem(
                "indicator",
                Some(&indicator),
                "unknown_indicator",
                format!("Bộ tiêu chí của hồ sơ không có chỉ tiêu này; các chỉ tiêu: {}.", known.join(", ")),
                format!("The evaluation's framework has no such indicator; its indicators: {}.", known.join(", ")),
            );
            return None;
        };
        let answer = read_answer(r, kind, &text)?;
        let single: Answers = BTreeMap::from([(indicator.clone(), answer.clone())]);
        if let Err(e) = scorer.prepare(&single) {
            r.problem("answer", Some(&text), e.code(), e.message_vi(), e.message_en());
            return None;
        }
        Some(AnswerRow { evaluation_id: id, indicator, answer })
    }

    /// The evaluation a row names, if it may be answered by the caller.
    fn evaluation_of(&mut self, conn: &mut DbConn, r: &mut Reading) -> Option<(i64, Arc<Open>)> {
        let id = match r.text("evaluation_id") {
            Some(text) => match text.trim().parse::<i64>() {
                Ok(id) => id,
                Err(_) => {
                    r.problem(
                        "evaluation_id",
                        Some(&text),
                        "not_a_number",
                        "Phải là một số nguyên.".into(),
                        "Must be a whole number.".into(),
                    );
                    return None;
                }
            },
            None => self.by_subject(conn, r)?,
        };
        let found = match self.answers.by_id.get(&id) {
            Some(found) => found.clone(),
            None => {
                let found = open(conn, self.state, self.actor, id);
                if let Err(ApiError::Internal) = &found {
                    // Not kept: a failure of the database is no fact about the evaluation.
                    r.refused(ApiError::Internal);
                    return None;
                }
                let found = found.map(Arc::new).map_err(|e| match e {
                    ApiError::NotFound(_) => not_found(
                        "evaluation_id",
                        &id.to_string(),
                        "Không có hồ sơ đánh giá với số này trong địa bàn của tài khoản.",
                        "No evaluation with this id among the account's units.",
                    ),
                    other => Unanswerable::Step(other),
                });
                self.answers.by_id.insert(id, found.clone());
                found
            }
        };
        settle(r, found).map(|open| (id, open))
    }

    /// The evaluation of a model and year for a subject named by its key (or, for a learning
    /// community, by its unit).
    fn by_subject(&mut self, conn: &mut DbConn, r: &mut Reading) -> Option<i64> {
        let model: Option<ModelKind> = r.choice("model_kind", MODELS);
        let year = r.integer("year", true);
        let subject = r.required("subject");
        let unit = match r.text("unit") {
            Some(text) => match self.units.resolve(&text) {
                Ok(unit) => Some(unit.id),
                Err(problem) => {
                    r.problems.push(problem);
                    return None;
                }
            },
            None => None,
        };
        let (model, year, subject) = (model?, year?, subject?);
        let key = (model, year, subject.clone(), unit);
        let found = match self.answers.by_subject.get(&key) {
            Some(found) => found.clone(),
            None => {
                let found = match self.find(conn, model, year, &subject, unit) {
                    Ok(found) => found,
                    Err(e) => {
                        r.refused(e);
                        return None;
                    }
                };
                self.answers.by_subject.insert(key, found.clone());
                found
            }
        };
        settle(r, found)
    }

    fn find(
        &self,
        conn: &mut DbConn,
        model: ModelKind,
        year: i32,
        subject: &str,
        unit: Option<i64>,
    ) -> Result<Result<i64, Unanswerable>, ApiError> {
        let (kind, _) = model.subject();
        // The records of the subject's registry with this key: (id, unit, unit path, deleted).
        macro_rules! keyed {
            ($registry:ident) => {
                $registry::by_external_id(conn, &[(0, subject)])?
                    .into_values()
                    .map(|r| (r.id, r.unit_id, r.unit_path, r.deleted_at.is_some()))
                    .collect()
            };
        }
        let candidates: Vec<(i64, i64, String, bool)> = match kind {
            SubjectKind::Unit => match self.units.resolve(subject) {
                Ok(found) => vec![(found.id, found.id, found.path.clone(), false)],
                Err(problem) => return Ok(Err(Unanswerable::Cell(RowProblem { column: Some("subject"), ..problem }))),
            },
            SubjectKind::Household => keyed!(household),
            SubjectKind::Citizen => keyed!(citizen),
            SubjectKind::Clan => keyed!(clan),
            SubjectKind::Organisation => keyed!(organisation),
        };
        let readable: Vec<i64> = candidates
            .into_iter()
            .filter(|(_, unit_id, path, deleted)| {
                !deleted && self.actor.scope.can_read(path) && unit.is_none_or(|u| u == *unit_id)
            })
            .map(|(id, ..)| id)
            .collect();
        let subject_id = match readable.as_slice() {
            [id] => *id,
            [] => {
                return Ok(Err(not_found(
                    "subject",
                    subject,
                    "Không có đối tượng nào với mã này trong địa bàn của tài khoản.",
                    "No subject with this key among the account's units.",
                )));
            }
            many => {
                return Ok(Err(Unanswerable::Cell(RowProblem {
                    column: Some("subject"),
                    value: Some(subject.to_owned()),
                    code: "ambiguous_key".into(),
                    vi: format!("Mã này có ở {} nơi; ghi thêm đơn vị hành chính.", many.len()),
                    en: format!("This key is used in {} units; give the unit too.", many.len()),
                })));
            }
        };
        let filter = EvaluationFilter {
            year: Some(year),
            model_kind: Some(model),
            subject_type: Some(kind),
            subject_id: Some(subject_id),
            ..EvaluationFilter::default()
        };
        let found = evaluations::list(conn, &filter, None, 1)?;
        Ok(match found.first() {
            Some(ev) if self.actor.scope.can_read(&ev.unit_path) => Ok(ev.id),
            _ => Err(not_found(
                "subject",
                subject,
                "Đối tượng chưa được đăng ký mô hình này trong năm này.",
                "The subject is not registered for this model in this year.",
            )),
        })
    }
}

/// What was found, or the row's problem.
fn settle<T>(r: &mut Reading, found: Result<T, Unanswerable>) -> Option<T> {
    match found {
        Ok(found) => Some(found),
        Err(Unanswerable::Cell(problem)) => {
            r.problems.push(problem);
            None
        }
        Err(Unanswerable::Step(error)) => {
            r.refused(error);
            None
        }
    }
}

/// The evaluation, if the caller may take the self-assessment step on it now.
fn open(conn: &mut DbConn, state: &AppState, actor: &Actor, id: i64) -> Result<Open, ApiError> {
    let ev: Evaluation = evaluations::get(conn, id)?;
    crate::workflow::writable(actor, &ev)?;
    crate::workflow::step_allowed(actor, EvaluationAction::SelfAssess, &ev)?;
    Ok(Open { compiled: state.frameworks.get(conn, ev.framework_id)? })
}

/// The answer as written in the cell, read as the indicator's kind of answer.
fn read_answer(r: &mut Reading, kind: MeasureKind, text: &str) -> Option<Answer> {
    let folded = text.trim().to_lowercase();
    let number = || folded.trim_end_matches('%').trim().replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite());
    let answer = match kind {
        MeasureKind::YesNo => match folded.as_str() {
            "có" | "co" | "đạt" | "dat" | "x" | "1" | "true" | "yes" | "y" => Some(Answer::YesNo(true)),
            "không" | "khong" | "không đạt" | "khong dat" | "chưa đạt" | "chua dat" | "0" | "false" | "no" | "n" => {
                Some(Answer::YesNo(false))
            }
            _ => None,
        },
        MeasureKind::Points => number().map(Answer::Points),
        MeasureKind::Percentage => number().map(Answer::Percentage),
        MeasureKind::Count => {
            number().filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n < 9.0e15).map(|n| Answer::Count(n as u64))
        }
        MeasureKind::Ordinal => Some(Answer::Ordinal(Some(text.trim().to_owned()))),
    };
    if answer.is_none() {
        let (vi, en) = match kind {
            MeasureKind::YesNo => {
                ("Phải là Có hoặc Không (Đạt hoặc Không đạt).", "Must be yes or no (Có or Không, Đạt or Không đạt).")
            }
            MeasureKind::Points => {
                ("Phải là số điểm (ví dụ 8 hoặc 7,5).", "Must be a number of points (8 or 7.5, say).")
            }
            MeasureKind::Percentage => {
                ("Phải là tỷ lệ phần trăm (ví dụ 85 hoặc 85%).", "Must be a percentage (85 or 85%, say).")
            }
            MeasureKind::Count => ("Phải là một số nguyên, từ 0.", "Must be a whole number, from 0."),
            MeasureKind::Ordinal => ("Phải là một mức trong bộ tiêu chí.", "Must be one of the framework's ratings."),
        };
        r.problem("answer", Some(text), "wrong_answer_kind", vi.into(), en.into());
    }
    answer
}

/// Saves the checked rows of a page: each evaluation's answers through the self-assessment
/// step (audited as that step), added to its saved answers. A row whose answer is already
/// saved is unchanged; an evaluation none of whose answers change is not touched.
pub fn save(
    conn: &mut DbConn,
    state: &AppState,
    actor: &Actor,
    rows: Vec<Checked>,
) -> Result<xhht_persistence::registry::Written, ApiError> {
    let mut by_evaluation: BTreeMap<i64, Answers> = BTreeMap::new();
    for row in rows {
        if let Checked::Answer(a) = row {
            by_evaluation.entry(a.evaluation_id).or_default().insert(a.indicator, a.answer);
        }
    }
    let mut written = xhht_persistence::registry::Written::default();
    for (id, answers) in by_evaluation {
        let saved = saved_answers(&evaluations::get(conn, id)?);
        let (mut created, mut updated) = (0, 0);
        for (indicator, answer) in &answers {
            match saved.get(indicator) {
                None => created += 1,
                Some(before) if before == answer => written.unchanged += 1,
                Some(_) => updated += 1,
            }
        }
        if created + updated == 0 {
            continue;
        }
        crate::workflow::take_step(conn, state, actor, id, None, EvaluationAction::SelfAssess, |conn, ev, facts| {
            let mut merged = saved_answers(ev);
            merged.extend(answers);
            crate::workflow::save_self_answers(conn, ev, facts, &merged)
        })?;
        written.created += created;
        written.updated += updated;
    }
    Ok(written)
}

fn saved_answers(ev: &Evaluation) -> Answers {
    serde_json::from_str(&ev.self_answers).unwrap_or_default()
}
