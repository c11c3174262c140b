//! `xhht import`: a file into a running server, as a script would do it. Signs in with an API
//! key, streams the file to `POST /api/v1/imports`, shows the job's progress, and on failed
//! rows saves the error workbook beside the file.

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The server, e.g. http://127.0.0.1:8080.
    #[arg(long, env = "XHHT_URL")]
    url: String,
    /// A service account's API key (`xhht user add --service`).
    #[arg(long, env = "XHHT_API_KEY", hide_env_values = true)]
    api_key: String,
    /// households, citizens, organisations, clans or learning_centres.
    #[arg(long)]
    kind: String,
    /// The file: .csv, .xlsx, .json or .ndjson.
    #[arg(long)]
    file: PathBuf,
    /// Check every row and report, writing nothing.
    #[arg(long)]
    dry_run: bool,
    /// atomic (every row or none) or per_row (the valid rows, the others reported).
    #[arg(long, default_value = "atomic")]
    mode: String,
    /// The sheet of a workbook (the first when absent).
    #[arg(long)]
    sheet: Option<String>,
    /// Where to save the error workbook (default: beside the file, `<name>.loi.xlsx`).
    #[arg(long)]
    errors_out: Option<PathBuf>,
    /// Messages in English rather than Vietnamese.
    #[arg(long)]
    english: bool,
}

fn media_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("csv" | "tsv" | "txt") => "text/csv",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("json") => "application/json",
        Some("ndjson" | "jsonl") => "application/x-ndjson",
        _ => "application/octet-stream",
    }
}

/// The detail of a problem answer, or the status.
async fn problem(response: reqwest::Response) -> String {
    let status = response.status();
    let body: Value = response.json().await.unwrap_or_default();
    let mut text = body.get("detail").and_then(Value::as_str).map_or_else(|| status.to_string(), str::to_owned);
    if let Some(errors) = body.get("errors").and_then(Value::as_array) {
        for e in errors {
            if let Some(message) = e.get("message").and_then(Value::as_str) {
                text.push_str("\n  - ");
                text.push_str(message);
            }
        }
    }
    text
}

fn count(job: &Value, key: &str) -> i64 {
    job.get(key).and_then(Value::as_i64).unwrap_or(0)
}

/// Runs the import; the exit status: 0 done, 1 failed, 2 rows with errors.
pub async fn run(args: ImportArgs) -> anyhow::Result<i32> {
    let base = args.url.trim_end_matches('/').to_owned();
    let lang = if args.english { "en" } else { "vi" };
    let client = reqwest::Client::builder().build()?;
    let token: Value = {
        let response = client
            .post(format!("{base}/api/v1/auth/token"))
            .header("Accept-Language", lang)
            .json(&serde_json::json!({"grant_type": "api_key", "api_key": args.api_key}))
            .send()
            .await
            .with_context(|| format!("cannot reach {base}"))?;
        if !response.status().is_success() {
            bail!("sign-in refused: {}", problem(response).await);
        }
        response.json().await?
    };
    let bearer = format!("Bearer {}", token.get("access_token").and_then(Value::as_str).unwrap_or_default());
    let file =
        tokio::fs::File::open(&args.file).await.with_context(|| format!("cannot open {}", args.file.display()))?;
    let name = args.file.file_name().and_then(|n| n.to_str()).unwrap_or("upload").to_owned();
    let mut query = vec![
        ("kind", args.kind.clone()),
        ("mode", args.mode.clone()),
        ("dry_run", args.dry_run.to_string()),
        ("file_name", name.clone()),
    ];
    if let Some(sheet) = &args.sheet {
        query.push(("sheet", sheet.clone()));
    }
    let response = client
        .post(format!("{base}/api/v1/imports"))
        .query(&query)
        .header("Authorization", &bearer)
        .header("Accept-Language", lang)
        .header("Content-Type", media_type(&args.file))
        .body(reqwest::Body::from(file))
        .send()
        .await?;
    if response.status() != reqwest::StatusCode::ACCEPTED {
        eprintln!("{}", problem(response).await);
        return Ok(1);
    }
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .context("the server gave no Location")?
        .to_owned();
    let bar = ProgressBar::new(1000);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {percent:>3}% {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let job = loop {
        let job: Value = client
            .get(format!("{base}{location}"))
            .header("Authorization", &bearer)
            .header("Accept-Language", lang)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let percent = job.get("progress_percent").and_then(Value::as_f64).unwrap_or(0.0);
        bar.set_position((percent * 10.0) as u64);
        bar.set_message(format!(
            "{}: {} rows read, {} with errors, {} written",
            job.get("state").and_then(Value::as_str).unwrap_or("?"),
            count(&job, "rows_read"),
            count(&job, "rows_invalid"),
            count(&job, "rows_written"),
        ));
        if matches!(job.get("state").and_then(Value::as_str), Some("done" | "failed" | "cancelled")) {
            break job;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    bar.finish();
    let state = job.get("state").and_then(Value::as_str).unwrap_or("?").to_owned();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{state}: {} rows read, {} valid, {} with errors; {} created, {} updated, {} unchanged{}",
        count(&job, "rows_read"),
        count(&job, "rows_valid"),
        count(&job, "rows_invalid"),
        count(&job, "rows_created"),
        count(&job, "rows_updated"),
        count(&job, "rows_unchanged"),
        if args.dry_run { " (dry run: nothing written)" } else { "" },
    )?;
    for warning in job.get("warnings").and_then(Value::as_array).into_iter().flatten() {
        if let Some(message) = warning.get("message").and_then(Value::as_str) {
            writeln!(out, "warning: {message}")?;
        }
    }
    if let Some(message) = job.get("failure").and_then(|f| f.get("message")).and_then(Value::as_str) {
        eprintln!("{message}");
    }
    if count(&job, "rows_invalid") > 0 {
        let out = args.errors_out.clone().unwrap_or_else(|| {
            let stem = args.file.file_stem().and_then(|s| s.to_str()).unwrap_or("import");
            args.file.with_file_name(format!("{stem}.loi.xlsx"))
        });
        let workbook = client
            .get(format!("{base}{location}/errors"))
            .query(&[("format", "xlsx")])
            .header("Authorization", &bearer)
            .header("Accept-Language", lang)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        tokio::fs::write(&out, &workbook).await.with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!("errors: {}", out.display());
        return Ok(2);
    }
    Ok(if state == "done" { 0 } else { 1 })
}
