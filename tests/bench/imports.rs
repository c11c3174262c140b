//! `make bench`: bulk imports through the real server against a raw load of the same rows into
//! a twin database, in the same run (machines of this kind differ by up to 3×; the share is the
//! figure): 1 M households and 2.5 M citizens as CSV, on SQLite (against prepared INSERTs in one
//! transaction) and, when the bench script started a cluster, PostgreSQL (against `COPY … FROM
//! STDIN`); a dry run; the peak memory of the server (the real binary, a process of its own)
//! during the households' import; an XLSX of 100 k households.
//!
//! `XHHT_BENCH_SCALE` (default 1.0) scales the rows; `XHHT_BENCH_BACKENDS=postgres` (or
//! `sqlite`) runs one backend. Figures are printed, never asserted.
//! Under `cargo test` (no `--bench`) the same code runs on a thousandth of them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::{Connection, PgConnection};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use xhht_persistence::schema::{citizens, households};
use xhht_persistence::{Database, DatabaseUrl, DbConn, units};

const ADMIN_PASSWORD: &str = "bench-admin-password";

fn scale() -> f64 {
    if !std::env::args().any(|a| a == "--bench") {
        return 0.001;
    }
    std::env::var("XHHT_BENCH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0)
}

/// The real binary serving the product's database, a process of its own: its memory is the
/// server's alone, not this program's (which generates the files and runs the raw loads).
struct Server {
    child: std::process::Child,
    address: String,
}

impl Server {
    fn start(database_url: &str, data_dir: &Path) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        // No configuration file: the settings are these and the defaults.
        let config = data_dir.with_extension("toml");
        std::fs::write(&config, "").unwrap();
        let log = std::env::var("XHHT_BENCH_LOG").ok();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_xhht"))
            .arg("serve")
            .env("XHHT_CONFIG", &config)
            .env("XHHT_DATABASE_URL", database_url)
            .env("XHHT_DATA_DIR", data_dir)
            .env("XHHT_PORT", port.to_string())
            // `XHHT_BENCH_LOG=info` shows, among others, where each import job spent its time.
            .env("XHHT_LOG", log.as_deref().unwrap_or("error"))
            .env("XHHT_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("XHHT_ARGON2_MEMORY_KIB", "256")
            .env("XHHT_ARGON2_ITERATIONS", "1")
            .stdout(if log.is_some() { std::process::Stdio::inherit() } else { std::process::Stdio::null() })
            .spawn()
            .unwrap();
        Server { child, address: format!("http://127.0.0.1:{port}") }
    }

    async fn ready(&self) {
        for _ in 0..1200 {
            let ready = reqwest::get(format!("{}/health/ready", self.address)).await;
            if ready.is_ok_and(|r| r.status() == 200) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server at {} did not start", self.address);
    }

    /// A line of the server's `/proc/{pid}/status`, in MiB (Linux): `VmRSS` now, `VmHWM` the
    /// peak since the last reset.
    fn memory(&self, field: &str) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with(field))?;
        let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib / 1024.0)
    }

    fn reset_peak(&self) {
        let _ = std::fs::write(format!("/proc/{}/clear_refs", self.child.id()), "5");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Files {
    households: PathBuf,
    citizens: PathBuf,
    /// The same rows as the raw load takes them: ids resolved, every column given.
    raw_households: PathBuf,
    raw_citizens: PathBuf,
    xlsx: PathBuf,
}

/// The files, written once for both backends. Households `H{i}` live in the commune; citizen
/// `C{j}` in household `H{j % households}`.
fn write_files(dir: &Path, households: usize, citizens: usize, xlsx_rows: usize, commune: &units::Unit) -> Files {
    let f = |name: &str| dir.join(name);
    let files = Files {
        households: f("households.csv"),
        citizens: f("citizens.csv"),
        raw_households: f("raw-households.csv"),
        raw_citizens: f("raw-citizens.csv"),
        xlsx: f("households.xlsx"),
    };
    let now = "2026-11-30 00:00:00";
    let (id, path) = (commune.id, &commune.path);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&files.households).unwrap());
    let mut raw = std::io::BufWriter::new(std::fs::File::create(&files.raw_households).unwrap());
    writeln!(out, "Mã hộ,Tên hộ,Đơn vị hành chính").unwrap();
    for i in 0..households {
        writeln!(out, "H{i},Hộ gia đình số {i},{}", commune.code).unwrap();
        writeln!(raw, "Hộ gia đình số {i},{id},{path},1,{now},{now},H{i}").unwrap();
    }
    out.flush().unwrap();
    raw.flush().unwrap();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&files.citizens).unwrap());
    let mut raw = std::io::BufWriter::new(std::fs::File::create(&files.raw_citizens).unwrap());
    writeln!(out, "Mã công dân,Họ và tên,Năm sinh,Giới tính,Nhóm đối tượng,Đơn vị hành chính,Mã hộ").unwrap();
    let groups = [
        ("resident", "Người dân trong xã"),
        ("worker", "Người lao động"),
        ("learner", "Học sinh, sinh viên, học viên"),
    ];
    for j in 0..citizens {
        let household = j % households.max(1);
        let (group, group_vi) = groups[j % 3];
        let (sex, sex_vi) = if j % 2 == 0 { ("male", "Nam") } else { ("female", "Nữ") };
        let year = 1940 + j % 70;
        writeln!(out, "C{j},Công dân số {j},{year},{sex_vi},\"{group_vi}\",{},H{household}", commune.code).unwrap();
        // Households get ids 1… in file order in a fresh database.
        writeln!(raw, "Công dân số {j},{year},{sex},{group},{},{id},{path},1,{now},{now},C{j}", household + 1).unwrap();
    }
    out.flush().unwrap();
    raw.flush().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Mã hộ", "Tên hộ", "Đơn vị hành chính"].into_iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for i in 0..xlsx_rows {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, format!("X{i}")).unwrap();
        sheet.write_string(r, 1, format!("Hộ số {i} (bảng tính)")).unwrap();
        sheet.write_string(r, 2, &commune.code).unwrap();
    }
    book.save(&files.xlsx).unwrap();
    files
}

/// Writes PostgreSQL's dirty buffers out before a timed load, so that no load pays for the
/// writes of the one before it (a checkpoint falling inside one load moved it by half).
fn settle(db: &Database) {
    if let DbConn::Pg(pg) = &mut *db.conn().unwrap() {
        pg.batch_execute("CHECKPOINT").unwrap();
    }
}

/// The raw load of one file: PostgreSQL's COPY, or SQLite's prepared INSERT of each row in one
/// transaction.
fn raw_load(db: &Database, file: &Path, households_table: bool) -> Duration {
    settle(db);
    let mut conn = db.conn().unwrap();
    let conn: &mut DbConn = &mut conn;
    match conn {
        DbConn::Pg(pg) => {
            let copy = |pg: &mut PgConnection, file: &Path, households_table: bool| {
                let started = Instant::now();
                let read = |w: &mut dyn Write| -> QueryResult<()> {
                    let mut rows = std::io::BufReader::new(std::fs::File::open(file).unwrap());
                    std::io::copy(&mut rows, w)
                        .map(|_| ())
                        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))
                };
                if households_table {
                    diesel::copy_from(households::table)
                        .from_raw_data(
                            (
                                households::label,
                                households::unit_id,
                                households::unit_path,
                                households::version,
                                households::created_at,
                                households::updated_at,
                                households::external_id,
                            ),
                            read,
                        )
                        .with_format(diesel::pg::CopyFormat::Csv)
                        .execute(pg)
                        .unwrap();
                } else {
                    diesel::copy_from(citizens::table)
                        .from_raw_data(
                            (
                                citizens::full_name,
                                citizens::birth_year,
                                citizens::sex,
                                citizens::target_group,
                                citizens::household_id,
                                citizens::unit_id,
                                citizens::unit_path,
                                citizens::version,
                                citizens::created_at,
                                citizens::updated_at,
                                citizens::external_id,
                            ),
                            read,
                        )
                        .with_format(diesel::pg::CopyFormat::Csv)
                        .execute(pg)
                        .unwrap();
                }
                started.elapsed()
            };
            copy(pg, file, households_table)
        }
        DbConn::Sqlite(lite) => {
            let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(0, 0, 0).unwrap();
            let started = Instant::now();
            if households_table {
                lite.transaction(|c| -> QueryResult<()> {
                    for line in std::fs::read_to_string(file).unwrap().lines() {
                        let f: Vec<&str> = line.split(',').collect();
                        diesel::insert_into(households::table)
                            .values((
                                households::label.eq(f[0]),
                                households::unit_id.eq(f[1].parse::<i64>().unwrap()),
                                households::unit_path.eq(f[2]),
                                households::version.eq(1),
                                households::created_at.eq(now),
                                households::updated_at.eq(now),
                                households::external_id.eq(f[6]),
                            ))
                            .execute(c)?;
                    }
                    Ok(())
                })
                .unwrap();
            } else {
                lite.transaction(|c| -> QueryResult<()> {
                    for line in std::fs::read_to_string(file).unwrap().lines() {
                        let f: Vec<&str> = line.split(',').collect();
                        diesel::insert_into(citizens::table)
                            .values((
                                citizens::full_name.eq(f[0]),
                                citizens::birth_year.eq(f[1].parse::<i32>().unwrap()),
                                citizens::sex.eq(f[2]),
                                citizens::target_group.eq(f[3]),
                                citizens::household_id.eq(f[4].parse::<i64>().unwrap()),
                                citizens::unit_id.eq(f[5].parse::<i64>().unwrap()),
                                citizens::unit_path.eq(f[6]),
                                citizens::version.eq(1),
                                citizens::created_at.eq(now),
                                citizens::updated_at.eq(now),
                                citizens::external_id.eq(f[10]),
                            ))
                            .execute(c)?;
                    }
                    Ok(())
                })
                .unwrap();
            }
            started.elapsed()
        }
    }
}

/// Uploads a file and waits for its job; returns the job and the time from upload to end.
async fn import(client: &reqwest::Client, base: &str, query: &str, file: &Path, media: &str) -> (Value, Duration) {
    let started = Instant::now();
    let body = reqwest::Body::from(tokio::fs::File::open(file).await.unwrap());
    let response = client
        .post(format!("{base}/api/v1/imports?{query}"))
        .header("Content-Type", media)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 202, "{}", response.text().await.unwrap_or_default());
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    loop {
        let job: Value = client.get(format!("{base}{location}")).send().await.unwrap().json().await.unwrap();
        if matches!(job["state"].as_str(), Some("done" | "failed" | "cancelled")) {
            assert_eq!(job["state"], "done", "{job}");
            return (job, started.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn rate(rows: usize, d: Duration) -> String {
    format!("{:.0} rows/s", rows as f64 / d.as_secs_f64().max(1e-9))
}

async fn run(product: DatabaseUrl, twin: DatabaseUrl, label: &str, dir: &Path) {
    let s = scale();
    let (n_households, n_citizens) = (((1_000_000.0 * s) as usize).max(10), ((2_500_000.0 * s) as usize).max(25));
    let xlsx_rows = ((100_000.0 * s) as usize).max(10);
    let twin_db = Database::connect(&twin, &Default::default()).unwrap();
    xhht_api::startup::prepare(&twin_db).unwrap();
    let commune = twin_db
        .read(|c| units::by_code(c, "00004", chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(), None))
        .unwrap()
        .remove(0);
    let files = write_files(dir, n_households, n_citizens, xlsx_rows, &commune);

    let database_url = match &product {
        DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
        DatabaseUrl::Postgres(u) => u.clone(),
    };
    let server = Server::start(&database_url, &dir.join(format!("data-{label}")));
    let base = server.address.clone();
    server.ready().await;
    let token: Value = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/token"))
        .json(&serde_json::json!({"grant_type": "password", "username": "admin", "password": ADMIN_PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("Authorization", format!("Bearer {}", token["access_token"].as_str().unwrap()).parse().unwrap());
    let client = reqwest::Client::builder().default_headers(headers).build().unwrap();

    println!("{label}: {n_households} households, {n_citizens} citizens");
    let (_, dry) = import(&client, &base, "kind=households&dry_run=true", &files.households, "text/csv").await;
    // Each raw load just before the import of the same rows, every one of them after a
    // checkpoint: the two see the same state of the cluster.
    let raw_households = raw_load(&twin_db, &files.raw_households, true);
    settle(&twin_db);
    let before = server.memory("VmRSS");
    server.reset_peak();
    let (job, households_time) = import(&client, &base, "kind=households", &files.households, "text/csv").await;
    let peak = server.memory("VmHWM");
    assert_eq!(job["rows_created"].as_u64(), Some(n_households as u64));
    let raw_citizens = raw_load(&twin_db, &files.raw_citizens, false);
    settle(&twin_db);
    let (job, citizens_time) = import(&client, &base, "kind=citizens", &files.citizens, "text/csv").await;
    assert_eq!(job["rows_created"].as_u64(), Some(n_citizens as u64));
    let (job, again) = import(&client, &base, "kind=households", &files.households, "text/csv").await;
    assert_eq!(job["rows_unchanged"].as_u64(), Some(n_households as u64));
    let xlsx_media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let (_, xlsx_time) = import(&client, &base, "kind=households", &files.xlsx, xlsx_media).await;
    let raw_name = if label == "SQLite" { "prepared INSERT, one transaction" } else { "COPY FROM STDIN" };
    let share = |raw: Duration, product: Duration| raw.as_secs_f64() / product.as_secs_f64() * 100.0;
    println!(
        "  households: import {households_time:.2?} ({}), raw {raw_name} {raw_households:.2?} ({}): {:.0} % of the raw load",
        rate(n_households, households_time),
        rate(n_households, raw_households),
        share(raw_households, households_time)
    );
    println!(
        "  citizens:   import {citizens_time:.2?} ({}), raw {raw_name} {raw_citizens:.2?} ({}): {:.0} % of the raw load",
        rate(n_citizens, citizens_time),
        rate(n_citizens, raw_citizens),
        share(raw_citizens, citizens_time)
    );
    println!(
        "  households dry run {dry:.2?} ({}; {:.1}× faster than the import); second import, all unchanged, {again:.2?}",
        rate(n_households, dry),
        households_time.as_secs_f64() / dry.as_secs_f64()
    );
    match (peak, before) {
        (Some(mib), Some(before)) => println!(
            "  peak memory of the server process during the households' import: {mib:.0} MiB ({before:.0} MiB before it)"
        ),
        _ => println!("  peak memory: not measured (no /proc)"),
    }
    println!("  XLSX of {xlsx_rows} households: {xlsx_time:.2?} ({})", rate(xlsx_rows, xlsx_time));
}

#[tokio::main]
async fn main() {
    let dir = std::env::temp_dir().join(format!("xhht-bench-imports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let backends = std::env::var("XHHT_BENCH_BACKENDS").unwrap_or_else(|_| "sqlite,postgres".into());
    if backends.contains("sqlite") {
        let (product, twin) = (dir.join("product.sqlite"), dir.join("twin.sqlite"));
        run(DatabaseUrl::Sqlite(product), DatabaseUrl::Sqlite(twin), "SQLite", &dir).await;
    }
    if !backends.contains("postgres") {
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    match std::env::var("XHHT_TEST_PG_URL").ok().filter(|u| !u.is_empty()) {
        Some(admin) => {
            let mut conn = PgConnection::establish(&admin).unwrap();
            let url = |name: &str| match admin.rfind('/') {
                Some(i) => format!("{}/{name}", &admin[..i]),
                None => format!("{admin}/{name}"),
            };
            let names = [format!("bench_import_{}", std::process::id()), format!("bench_twin_{}", std::process::id())];
            for name in &names {
                conn.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
            }
            let pg_dir = dir.join("pg");
            std::fs::create_dir_all(&pg_dir).unwrap();
            run(
                DatabaseUrl::parse(&url(&names[0])).unwrap(),
                DatabaseUrl::parse(&url(&names[1])).unwrap(),
                "PostgreSQL",
                &pg_dir,
            )
            .await;
        }
        None => println!("PostgreSQL: skipped (no cluster; `make bench` starts one)"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
