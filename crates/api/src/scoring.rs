//! Frameworks compiled for scoring, kept between requests, and the parsing of answers and
//! registry figures that every scoring route shares.

use crate::error::{ApiError, FieldError, Issue};
use crate::extract;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use xhht_evaluation::{Answer, Answers, Framework, MetricValues, ScoreError, Scorer};
use xhht_persistence::DbConn;
use xhht_persistence::frameworks::{self, NewFramework};

/// A framework version parsed and compiled once.
pub struct Compiled {
    pub id: i64,
    /// The row version it was compiled from: a transition (publish, retire) makes a new one.
    pub row_version: i32,
    /// The owning province of a provincial framework.
    pub province_id: Option<i64>,
    pub framework: Framework,
    pub scorer: Scorer,
    /// Whether any indicator is filled from the registry: only then are figures loaded.
    pub needs_metrics: bool,
}

/// Compiled frameworks by version id. Compiling costs far more than scoring (TT 22/2020:
/// hundreds of microseconds against 0.3 µs), and versions are few and change only by
/// transition; a cached copy is checked against the stored row version on every use, so
/// servers sharing one database never score with a stale copy.
#[derive(Default)]
pub struct Frameworks {
    compiled: RwLock<HashMap<i64, Arc<Compiled>>>,
}

impl Frameworks {
    /// The compiled framework version `id`.
    pub fn get(&self, conn: &mut DbConn, id: i64) -> Result<Arc<Compiled>, ApiError> {
        let version = frameworks::row_version(conn, id)?;
        if let Some(found) = self.compiled.read().ok().and_then(|map| map.get(&id).cloned())
            && found.row_version == version
        {
            return Ok(found);
        }
        let row = frameworks::get(conn, id)?;
        let framework: Framework = serde_json::from_str(&row.document).map_err(|e| {
            tracing::error!(framework = id, error = %e, "a stored framework document does not parse");
            ApiError::Internal
        })?;
        let scorer = Scorer::new(&framework).map_err(|errors| {
            tracing::error!(framework = id, errors = errors.len(), "a stored framework does not validate");
            ApiError::Internal
        })?;
        let needs_metrics =
            framework.indicators().iter().any(|i| i.metric.is_some() || i.variants.iter().any(|v| v.metric.is_some()));
        let compiled = Arc::new(Compiled {
            id,
            row_version: row.row_version,
            province_id: row.province_id,
            framework,
            scorer,
            needs_metrics,
        });
        if let Ok(mut map) = self.compiled.write() {
            map.insert(id, compiled.clone());
        }
        Ok(compiled)
    }
}

/// The row for a shipped framework document.
pub fn shipped_row(f: &Framework) -> NewFramework {
    NewFramework {
        framework_key: f.id.clone(),
        version: i32::try_from(f.version).unwrap_or(i32::MAX),
        status: f.status,
        model_kind: f.model_kind,
        name_vi: f.name_vi.clone(),
        valid_from: f.valid_from,
        valid_to: f.valid_to,
        province_id: None,
        document: serde_json::to_string(f).unwrap_or_default(),
        shipped: true,
        template: f.template,
    }
}

/// Answers of the documented shapes; read before anything else, so that a malformed body is
/// refused as such even when the `If-Match` that comes with it is stale.
pub fn parse_answers(answers: serde_json::Value) -> Result<Answers, ApiError> {
    let parsed: Answers = extract::from_value(answers, "answers")?;
    // Bounds that hold whatever the framework, checked here with the shapes (the engine checks
    // them again, with the framework's own maximum for points). Counts get the int64 range the
    // document gives every integer; the engine's u64 would take more.
    for (id, answer) in &parsed {
        let max = match answer {
            Answer::Percentage(p) if !(0.0..=100.0).contains(p) => Some(Some(100)),
            Answer::Points(p) if *p < 0.0 => Some(None),
            Answer::Count(n) if i64::try_from(*n).is_err() => Some(Some(i64::MAX)),
            _ => None,
        };
        if let Some(max) = max {
            return Err(ApiError::Validation(vec![FieldError::new(
                format!("answers[\"{id}\"]"),
                Issue::Range { min: Some(0), max },
            )]));
        }
    }
    Ok(parsed)
}

/// Registry figures given to a score preview: known metrics, each a percentage whatever the
/// framework (the document says 0–100).
pub fn parse_metrics(metrics: serde_json::Value) -> Result<MetricValues, ApiError> {
    let out_of_range = metrics
        .as_object()
        .and_then(|m| m.iter().find(|(_, v)| v.as_f64().is_some_and(|x| !(0.0..=100.0).contains(&x))));
    if let Some((name, _)) = out_of_range {
        return Err(ApiError::Validation(vec![FieldError::new(
            format!("metrics[\"{name}\"]"),
            Issue::Range { min: Some(0), max: Some(100) },
        )]));
    }
    extract::from_value(metrics, "metrics")
}

/// Answers that do not fit the framework (`score_rejected`, 409), in both languages.
pub fn score_rejected(e: &ScoreError) -> ApiError {
    ApiError::ScoreRejected(vec![FieldError::new(
        "answers",
        Issue::Message { code: e.code().into(), vi: e.message_vi(), en: e.message_en() },
    )])
}
