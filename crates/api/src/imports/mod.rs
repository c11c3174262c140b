//! Bulk imports: spreadsheets and JSON in, per-row errors out. The file is streamed to disk
//! with its SHA-256, its headings checked, and a job runs it off the request (`run`); each row
//! is checked by the single-record API's own rules (`check`) and written by the registries'
//! multi-row imports. Re-importing a file changes nothing: rows are matched on the
//! province's own key (`external_id`) within their unit.

pub mod answers;
pub mod check;
pub mod kinds;
pub mod run;

use crate::dto::*;
use crate::error::ApiError;
use crate::i18n::Lang;
use crate::report_files::{BOM, csv_error, xlsx_error};
use check::UnitIndex;
use kinds::ImportKind;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use xhht_import_files::read::{Format, Limits, open};
use xhht_import_files::write::{CellProblem, Template, errors_workbook, template};
use xhht_import_files::{ColumnMap, match_columns};
use xhht_persistence::imports::{Job, RowError};

pub use run::{Live, Mode, Running, Spec};

/// Where uploads wait for their job, and how large one may be.
#[derive(Debug, Clone)]
pub struct Spool {
    pub dir: PathBuf,
    pub max_bytes: u64,
}

impl Spool {
    pub fn upload(&self, job: i64) -> PathBuf {
        self.dir.join(format!("{job}.upload"))
    }

    /// Removes uploads older than `days` (kept meanwhile for their error workbooks): they
    /// hold personal data, which is not kept longer than a clerk needs to correct a file.
    pub fn purge(&self, days: u64) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return 0 };
        let limit = std::time::Duration::from_secs(days * 86_400);
        let mut removed = 0;
        for entry in entries.flatten() {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > limit);
            if old && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

pub fn kind_of(param: ImportKindParam) -> ImportKind {
    match param {
        ImportKindParam::Households => ImportKind::Households,
        ImportKindParam::Citizens => ImportKind::Citizens,
        ImportKindParam::Organisations => ImportKind::Organisations,
        ImportKindParam::Clans => ImportKind::Clans,
        ImportKindParam::LearningCentres => ImportKind::LearningCentres,
        ImportKindParam::Villages => ImportKind::Villages,
        ImportKindParam::SelfAssessments => ImportKind::SelfAssessments,
    }
}

fn param_of(kind: ImportKind) -> ImportKindParam {
    match kind {
        ImportKind::Households => ImportKindParam::Households,
        ImportKind::Citizens => ImportKindParam::Citizens,
        ImportKind::Organisations => ImportKindParam::Organisations,
        ImportKind::Clans => ImportKindParam::Clans,
        ImportKind::LearningCentres => ImportKindParam::LearningCentres,
        ImportKind::Villages => ImportKindParam::Villages,
        ImportKind::SelfAssessments => ImportKindParam::SelfAssessments,
    }
}

pub fn format_of(format: ImportFormat) -> Format {
    match format {
        ImportFormat::Csv => Format::Csv,
        ImportFormat::Xlsx => Format::Xlsx,
        ImportFormat::Json => Format::Json,
        ImportFormat::Ndjson => Format::Ndjson,
    }
}

/// Text read from a file, as a response may carry it: control characters (other than tab and
/// line breaks) shown as U+FFFD.
fn shown(text: &str) -> String {
    if crate::extract::has_control_character(text) {
        text.chars().map(|c| if crate::extract::is_refused_control(c) { '\u{FFFD}' } else { c }).collect()
    } else {
        text.to_owned()
    }
}

fn texts(detail: Option<&str>, lang: Lang) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(detail?).ok()?;
    value.get(if lang == Lang::Vi { "vi" } else { "en" })?.as_str().map(str::to_owned)
}

fn warning(value: &serde_json::Value, lang: Lang) -> ImportWarning {
    let code = value.get("code").and_then(|c| c.as_str()).unwrap_or_default().to_owned();
    let column = value.get("column").and_then(|c| c.as_str()).map(shown);
    let name = column.clone().unwrap_or_default();
    let message = match (code.as_str(), lang) {
        ("column_ignored" | "key_ignored", Lang::Vi) => format!("Cột “{name}” không được dùng và đã bỏ qua."),
        ("column_ignored" | "key_ignored", Lang::En) => format!("The column “{name}” is not read, and was ignored."),
        ("errors_truncated", Lang::Vi) => {
            format!("Có hơn {} lỗi; chỉ giữ {} lỗi đầu tiên.", run::MAX_STORED_ERRORS, run::MAX_STORED_ERRORS)
        }
        (_, Lang::Vi) => format!("Có hơn {} lỗi.", run::MAX_STORED_ERRORS),
        (_, Lang::En) => format!("There are more than {} errors; the first are kept.", run::MAX_STORED_ERRORS),
    };
    ImportWarning { code, column, message }
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
}

/// The job as the API shows it; `live` is the progress of a job running in this process.
pub fn job_dto(job: &Job, live: Option<&Live>, lang: Lang) -> Result<ImportJobDto, ApiError> {
    let mut state: ImportState = parse(&job.state).map_err(|_| ApiError::Internal)?;
    let mut p = xhht_persistence::imports::Progress {
        bytes_read: job.bytes_read,
        rows_read: job.rows_read,
        rows_valid: job.rows_valid,
        rows_invalid: job.rows_invalid,
        rows_created: job.rows_created,
        rows_updated: job.rows_updated,
        rows_unchanged: job.rows_unchanged,
    };
    if let Some(live) = live
        && !job.finished()
    {
        let (now, progress) = live.now.lock().map(|g| g.clone()).unwrap_or_else(|p| p.into_inner().clone());
        state = parse(now).unwrap_or(state);
        p = progress;
    }
    let done = matches!(state, ImportState::Done | ImportState::Failed | ImportState::Cancelled);
    let percent = if done && state == ImportState::Done {
        100.0
    } else if job.file_bytes > 0 {
        ((p.bytes_read as f64 / job.file_bytes as f64) * 100.0).clamp(0.0, 100.0)
    } else {
        0.0
    };
    let end = job.finished_at.unwrap_or_else(|| chrono::Utc::now().naive_utc());
    let warnings: Vec<serde_json::Value> = serde_json::from_str(&job.warnings).unwrap_or_default();
    Ok(ImportJobDto {
        id: job.id,
        kind: ImportKind::parse(&job.kind).map(param_of).ok_or(ApiError::Internal)?,
        format: parse(&job.format).map_err(|_| ApiError::Internal)?,
        mode: parse(&job.mode).map_err(|_| ApiError::Internal)?,
        dry_run: job.dry_run,
        state,
        file_name: job.file_name.clone(),
        file_sha256: job.file_sha256.clone(),
        file_bytes: job.file_bytes,
        sheet: job.sheet.clone(),
        progress_percent: (percent * 10.0).round() / 10.0,
        rows_read: p.rows_read,
        rows_valid: p.rows_valid,
        rows_invalid: p.rows_invalid,
        rows_written: p.rows_created + p.rows_updated,
        rows_created: p.rows_created,
        rows_updated: p.rows_updated,
        rows_unchanged: p.rows_unchanged,
        warnings: warnings.iter().map(|w| warning(w, lang)).collect(),
        failure: job
            .failure_code
            .as_ref()
            .map(|code| ImportFailure { code: code.clone(), message: texts(job.failure_detail.as_deref(), lang) }),
        created_at: job.created_at.and_utc(),
        started_at: job.started_at.map(|t| t.and_utc()),
        finished_at: job.finished_at.map(|t| t.and_utc()),
        seconds: job.started_at.map(|s| ((end - s).num_milliseconds() as f64 / 1000.0).max(0.0)),
        errors_url: (p.rows_invalid > 0).then(|| format!("/api/v1/imports/{}/errors", job.id)),
    })
}

pub fn error_dto(e: &RowError, lang: Lang) -> ImportRowError {
    ImportRowError {
        row: e.row_number,
        column: e.column_key.clone(),
        heading: e.heading.as_deref().map(shown),
        value: e.value.as_deref().map(shown),
        code: e.code.clone(),
        message: texts(e.detail.as_deref(), lang).unwrap_or_else(|| e.code.clone()),
    }
}

/// The errors as CSV, one line per problem.
pub fn errors_csv(errors: &[RowError], lang: Lang) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::Writer::from_writer(BOM.to_vec());
    let headings = match lang {
        Lang::Vi => ["Dòng", "Cột", "Tiêu đề cột", "Giá trị", "Mã lỗi", "Thông báo"],
        Lang::En => ["Row", "Column", "Heading", "Value", "Code", "Message"],
    };
    out.write_record(headings).map_err(csv_error)?;
    for e in errors {
        let d = error_dto(e, lang);
        out.write_record([
            d.row.to_string(),
            d.column.unwrap_or_default(),
            d.heading.unwrap_or_default(),
            d.value.unwrap_or_default(),
            d.code,
            d.message,
        ])
        .map_err(csv_error)?;
    }
    out.into_inner().map_err(|_| ApiError::Internal)
}

/// The rows that failed, as uploaded, each with what is wrong and its bad cells in red. The
/// upload is read again; once it is gone (past its retention), the workbook lists the errors
/// under the headings alone.
pub fn errors_xlsx(job: &Job, upload: &Path, errors: &[RowError], lang: Lang) -> Result<Vec<u8>, ApiError> {
    let kind = ImportKind::parse(&job.kind).ok_or(ApiError::Internal)?;
    let mut by_row: HashMap<i64, Vec<&RowError>> = HashMap::new();
    for e in errors {
        by_row.entry(e.row_number).or_default().push(e);
    }
    let format = Format::parse(&job.format).ok_or(ApiError::Internal)?;
    let mut headings: Vec<String> = kind.columns().iter().map(|c| c.template_heading()).collect();
    let mut rows: Vec<(u64, Vec<String>, Vec<CellProblem>)> = Vec::new();
    let problems = |list: &[&RowError], map: Option<&ColumnMap>| -> Vec<CellProblem> {
        list.iter()
            .map(|e| {
                let column = e.column_key.as_ref().and_then(|key| {
                    let at = kind.columns().iter().position(|c| c.key == key)?;
                    match map {
                        Some(map) => map.positions[at],
                        None => Some(at),
                    }
                });
                let d = error_dto(e, lang);
                let message = match &d.heading {
                    Some(h) => format!("{h}: {}", d.message),
                    None => d.message,
                };
                CellProblem { column, message }
            })
            .collect()
    };
    let reread = open(format, upload, job.sheet.as_deref(), &kind.keys(), Limits::default()).ok();
    match reread {
        Some(mut file) => {
            headings = file.headings().to_vec();
            let map = match_columns(&headings, kind.columns()).ok();
            while let Some(Ok(row)) = file.next_row() {
                if let Some(list) = by_row.get(&(row.number as i64)) {
                    rows.push((row.number, row.cells, problems(list, map.as_ref())));
                }
            }
        }
        None => {
            let mut numbers: Vec<&i64> = by_row.keys().collect();
            numbers.sort();
            for n in numbers {
                let list = &by_row[n];
                let mut cells = vec![String::new(); headings.len()];
                for e in list {
                    if let (Some(key), Some(value)) = (&e.column_key, &e.value)
                        && let Some(at) = kind.columns().iter().position(|c| c.key == key)
                    {
                        cells[at].clone_from(value);
                    }
                }
                rows.push((*n as u64, cells, problems(list, None)));
            }
        }
    }
    let (error_heading, row_heading) = match lang {
        Lang::Vi => ("Lỗi (cột này được bỏ qua khi nhập lại)", "Dòng trong tệp gốc"),
        Lang::En => ("Errors (ignored when imported again)", "Row in the original file"),
    };
    errors_workbook(&headings, &rows, error_heading, row_heading).map_err(xlsx_error)
}

/// The workbook to fill in for a kind, with the caller's units in its drop-down.
pub fn template_xlsx(kind: ImportKind, units: &UnitIndex) -> Result<Vec<u8>, ApiError> {
    let (title_vi, title_en) = kind.title();
    let notes: &[(&str, &str)] = &[
        (
            "Điền từ dòng 2 của trang “Dữ liệu” (dòng mẫu có thể xoá hoặc ghi đè). Giữ nguyên dòng tiêu đề; thứ tự cột không quan trọng, cột thừa được bỏ qua.",
            "Fill in from row 2 of the “Dữ liệu” sheet (the example row may be deleted or overwritten). Keep the heading row; the order of the columns does not matter, and extra columns are ignored.",
        ),
        (
            "Ngày ghi theo dạng dd/mm/yyyy hoặc yyyy-mm-dd. Đơn vị hành chính ghi bằng mã, tên, hoặc chọn trong danh sách.",
            "Dates as dd/mm/yyyy or yyyy-mm-dd. Units by code or name, or chosen from the list.",
        ),
        (
            "Tải lên bằng POST /api/v1/imports?kind=… hoặc lệnh “xhht import”. Nhập lại cùng tệp không tạo bản ghi trùng: bản ghi có cùng mã được cập nhật.",
            "Upload with POST /api/v1/imports?kind=… or the “xhht import” command. Importing the same file again makes no duplicates: records with the same key are updated.",
        ),
    ];
    let units = units.choices();
    template(&Template { title_vi, title_en, columns: kind.columns(), units: &units, notes }).map_err(xlsx_error)
}
