//! Bulk imports: the upload's parameters, the job, and its errors.

use super::*;

/// What an import brings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportKindParam {
    Households,
    Citizens,
    Organisations,
    Clans,
    LearningCentres,
    /// Villages and residential groups under the caller's communes (needs `manage_villages`).
    Villages,
    /// Answers of self-assessments, one indicator a row, added to those of evaluations still in
    /// self-assessment.
    SelfAssessments,
}

/// `atomic`: every row is written, or none (one bad row fails the import). `per_row`: the
/// valid rows are written and the others reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    Atomic,
    PerRow,
}

/// The format of an upload: by `format=`, else the `Content-Type`, else its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    Csv,
    Xlsx,
    Json,
    Ndjson,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    pub kind: ImportKindParam,
    /// Check every row and report, writing nothing.
    pub dry_run: Option<bool>,
    /// `atomic` (the default) or `per_row`.
    pub mode: Option<ImportMode>,
    pub format: Option<ImportFormat>,
    /// The sheet of a workbook to read; the first when absent.
    #[param(min_length = 1, max_length = 31, pattern = "^[^\\x00-\\x1F\\x7F-\\x9F]*$")]
    pub sheet: Option<String>,
    /// The file's name, kept with the job for the audit trail.
    #[param(min_length = 1, max_length = 255, pattern = "^[^\\x00-\\x1F\\x7F-\\x9F]*$")]
    pub file_name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportListQuery {
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportErrorsQuery {
    /// `json` (the default), `csv`, or `xlsx`: the rows that failed as uploaded, with an error
    /// column and the bad cells in red, to correct and upload again.
    pub format: Option<ReportFormat>,
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportState {
    Queued,
    Validating,
    Writing,
    Done,
    Failed,
    Cancelled,
}

/// Something said about the whole file: a column ignored, errors past those kept.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportWarning {
    /// `column_ignored`, `key_ignored` or `errors_truncated`.
    pub code: String,
    pub column: Option<String>,
    pub message: String,
}

/// Why a job failed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportFailure {
    /// `import_rows_invalid` (atomic: rows failed, none written), `import_file_unreadable`,
    /// `import_columns_missing`, `import_interrupted` (the server stopped), or an error code.
    pub code: String,
    pub message: Option<String>,
}

/// An import job.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportJobDto {
    pub id: i64,
    pub kind: ImportKindParam,
    pub format: ImportFormat,
    pub mode: ImportMode,
    pub dry_run: bool,
    pub state: ImportState,
    pub file_name: Option<String>,
    /// SHA-256 of the upload, hex.
    pub file_sha256: String,
    pub file_bytes: i64,
    pub sheet: Option<String>,
    /// Share of the file read, 0–100.
    pub progress_percent: f64,
    pub rows_read: i64,
    pub rows_valid: i64,
    pub rows_invalid: i64,
    /// Rows written: created plus updated.
    pub rows_written: i64,
    pub rows_created: i64,
    pub rows_updated: i64,
    /// Rows whose record already held the same values.
    pub rows_unchanged: i64,
    pub warnings: Vec<ImportWarning>,
    pub failure: Option<ImportFailure>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// From start to end (or to now, while it runs).
    pub seconds: Option<f64>,
    /// The errors of the rows, when there are any.
    pub errors_url: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportJobPage {
    pub items: Vec<ImportJobDto>,
    pub next_cursor: Option<String>,
}

/// One problem with one row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportRowError {
    /// The row as the clerk sees it: the line of a CSV, the row of a sheet, the element of a
    /// JSON array counted from 1.
    pub row: i64,
    /// The column's key (`full_name`); null for the row as a whole.
    pub column: Option<String>,
    /// The column's heading as the file has it.
    pub heading: Option<String>,
    /// The cell as read (never a national ID number).
    pub value: Option<String>,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportErrorList {
    pub job_id: i64,
    /// Rows with errors; the list keeps the first 10,000 errors.
    pub rows_invalid: i64,
    pub items: Vec<ImportRowError>,
}
