//! `make bench`: statistics on a synthetic province (by default Hà Nội: its 126 communes, 20
//! villages each, 3 million households, 10 million citizens, 1 million evaluations decided over
//! 2021-2025), on SQLite and, when the bench script started a cluster, PostgreSQL:
//!  - the province's report by commune, median over many, against an indexed GROUP BY over
//!    the evaluations of the same province and year measured in the same run;
//!  - the national report by province, and the XLSX of all 3,321 communes;
//!  - the time to build the data and the counters.
//!
//! `XHHT_BENCH_SCALE` (default 1.0) scales the data; `XHHT_BENCH_SQLITE=<file>` keeps the
//! SQLite database there and reuses it on the next run. Figures are printed, never asserted.
//! Under `cargo test` (no `--bench`) the same code runs on a thousandth of the data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use std::time::{Duration, Instant};
use xhht_api::dto::{BoundariesDto, Breakdown};
use xhht_api::statistics::{Request, report};
use xhht_persistence::db::PoolOptions;
use xhht_persistence::{Database, DatabaseUrl, DbConn, units};

fn scale() -> f64 {
    if !std::env::args().any(|a| a == "--bench") {
        return 0.001;
    }
    std::env::var("XHHT_BENCH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let _ = f(); // warm
    median(
        (0..runs)
            .map(|_| {
                let started = Instant::now();
                let _ = std::hint::black_box(f());
                started.elapsed()
            })
            .collect(),
    )
}

/// The villages of the province's communes, made through the persistence layer.
fn villages(db: &Database, province: &units::Unit, per_commune: usize) -> Vec<(i64, String)> {
    db.write(|conn| -> Result<_, xhht_persistence::PersistenceError> {
        let day = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let communes = units::in_force_under(conn, Some(&province.path), day, &[xhht_domain::UnitLevel::Commune])?;
        let mut out = Vec::new();
        for commune in &communes {
            for n in 0..per_commune {
                let v = units::create(
                    conn,
                    &units::NewUnit {
                        level: xhht_domain::UnitLevel::Village,
                        code: format!("{}-{:03}", commune.code, n + 1),
                        name: format!("Thôn {}", n + 1),
                        division_type: "thôn".into(),
                        parent_id: Some(commune.id),
                        valid_from: day,
                    },
                )?;
                out.push((v.id, v.path));
            }
        }
        Ok(out)
    })
    .unwrap()
}

/// Households, citizens and decided evaluations, generated inside the database.
fn generate(conn: &mut DbConn, households: i64, framework: i64) {
    let pg = matches!(conn, DbConn::Pg(_));
    let series = |n: i64| {
        if pg {
            format!("(SELECT generate_series(1, {n}) AS i) AS n")
        } else {
            format!(
                "(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) SELECT i FROM s) AS n"
            )
        }
    };
    let now = if pg { "LOCALTIMESTAMP" } else { "'2026-11-30 00:00:00'" };
    // A typed literal on PostgreSQL (a CASE of bare literals would be text); SQLite keeps dates as text.
    let date = |d: String| if pg { format!("DATE '{d}'") } else { format!("'{d}'") };
    let sql = format!(
        "INSERT INTO households (label, unit_id, unit_path, version, created_at, updated_at)
         SELECT 'Hộ ' || n.i, v.id, v.path, 1, {now}, {now} FROM {} JOIN bench_villages v ON v.k = n.i % (SELECT COUNT(*) FROM bench_villages);",
        series(households)
    );
    conn.batch_execute(&sql).unwrap();
    // Three citizens a household, and a fourth in every third: 10 for every 3 households.
    for (c, which) in ["1 = 1", "1 = 1", "1 = 1", "h.id % 3 = 0"].into_iter().enumerate() {
        let group = ["resident", "worker", "staff_business", "learner"][c];
        conn.batch_execute(&format!(
            "INSERT INTO citizens (full_name, birth_year, sex, target_group, household_id, unit_id, unit_path, version, created_at, updated_at)
             SELECT 'Công dân ' || h.id, 1940 + (h.id % 70), CASE WHEN h.id % 2 = 0 THEN 'male' ELSE 'female' END, '{group}',
                    h.id, h.unit_id, h.unit_path, 1, {now}, {now}
             FROM households h WHERE {which};"
        ))
        .unwrap();
    }
    // 1 household in 15 a year, 2021-2025: three in four recognised, the rest rejected.
    for year in 2021..=2025 {
        conn.batch_execute(&format!(
            "INSERT INTO evaluations (subject_type, subject_id, model_kind, year, framework_id, unit_id, unit_path, status,
                                      self_answers, subject_types, late, submitted_at, inspected_at, result_level, result_rank,
                                      decided_on, valid_until, version, created_at, updated_at, subgroup)
             SELECT 'household', h.id, 'gia_dinh_hoc_tap', {year}, {framework}, h.unit_id, h.unit_path,
                    CASE WHEN h.id % 20 < 15 THEN 'recognised' ELSE 'rejected' END, '{{}}', '[]', FALSE, {now}, {now},
                    CASE WHEN h.id % 20 < 15 THEN 'muc_do_1' END, CASE WHEN h.id % 20 < 15 THEN 1 END,
                    {decided}, CASE WHEN h.id % 20 < 15 THEN {until} END, 1, {now}, {now}, ''
             FROM households h WHERE h.id % 15 = {};",
            year % 15,
            decided = date(format!("{}-03-15", year + 1)),
            until = date(format!("{}-12-31", year + 4)),
        ))
        .unwrap();
    }
}

fn run(url: DatabaseUrl, label: &str) {
    let scale = scale();
    let households = (3_000_000.0 * scale).max(1_000.0) as i64;
    let db = Database::connect(&url, &PoolOptions { max_size: 2, ..PoolOptions::default() }).unwrap();
    let started = Instant::now();
    xhht_api::startup::prepare(&db).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let province =
        db.read(|conn| units::by_code(conn, "01", day, Some(xhht_domain::UnitLevel::Province))).unwrap().remove(0);
    let reused = db
        .read(|conn| {
            let villages = units::count_within(conn, &[province.id], &[xhht_domain::UnitLevel::Village], day)?;
            Ok::<_, xhht_persistence::PersistenceError>(
                villages.get(&(province.id, xhht_domain::UnitLevel::Village)).copied().unwrap_or(0) as usize,
            )
        })
        .unwrap();
    if reused > 0 {
        measure(&db, &province, day, started.elapsed(), None, reused, label);
        return;
    }
    let made = villages(&db, &province, 20);
    let framework: i64 = db
        .read(|conn| xhht_persistence::frameworks::list(conn, &Default::default(), None, 1))
        .unwrap()
        .first()
        .map(|f| f.id)
        .unwrap();
    db.write(|conn| -> Result<(), xhht_persistence::PersistenceError> {
        conn.batch_execute(
            "CREATE TABLE bench_villages (k BIGINT PRIMARY KEY, id BIGINT NOT NULL, path TEXT NOT NULL)",
        )?;
        for (k, (id, path)) in made.iter().enumerate() {
            conn.batch_execute(&format!("INSERT INTO bench_villages VALUES ({k}, {id}, '{path}')"))?;
        }
        generate(conn, households, framework);
        Ok(())
    })
    .unwrap();
    // Planner statistics, as a database in service has them.
    db.read(|conn| conn.batch_execute("ANALYZE").map_err(xhht_persistence::PersistenceError::from)).unwrap();
    let generated = started.elapsed();
    let started = Instant::now();
    let counter_rows = db.write(xhht_persistence::stats::rebuild).unwrap();
    let counters = started.elapsed();
    if db.backend() == xhht_persistence::db::Backend::Postgres {
        // Vacuumed and checkpointed, as a database in service is: otherwise autovacuum and the
        // checkpointer work through the 14 million rows just written while the reports are timed.
        // One statement a call: several in one simple query form a transaction block.
        for settle in ["VACUUM ANALYZE", "CHECKPOINT"] {
            db.read(|conn| conn.batch_execute(settle).map_err(xhht_persistence::PersistenceError::from)).unwrap();
        }
    }
    if db.backend() == xhht_persistence::db::Backend::Postgres {
        sizes(&db, households);
    }
    // The gigabytes just written are still being flushed by the operating system: flushed
    // first, so that the disk's writeback does not compete with the reads being timed.
    let _ = std::process::Command::new("sync").status();
    measure(&db, &province, day, generated, Some((counters, counter_rows)), made.len(), label);
}

#[derive(diesel::QueryableByName)]
struct TableSize {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    rows: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    table: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    indexes: i64,
}

/// The sizes of the tables that grow with the people and their indexes, a row, and multiplied
/// out to the nation
/// (about 27 M households and 100 M people; evaluations as many per household as here): the
/// deployment note in the README is made of these.
fn sizes(db: &Database, households: i64) {
    use diesel::RunQueryDsl;
    let found: Vec<TableSize> = db
        .read(|conn| {
            diesel::sql_query(
                "SELECT c.relname::text AS name, c.reltuples::bigint AS rows, pg_table_size(c.oid) AS table,
                        pg_indexes_size(c.oid) AS indexes
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relname IN ('households', 'citizens', 'evaluations')
                 ORDER BY pg_total_relation_size(c.oid) DESC",
            )
            .load(conn)
            .map_err(xhht_persistence::PersistenceError::from)
        })
        .unwrap();
    let national_households = 27_000_000.0 / households as f64;
    println!("  sizes on PostgreSQL (table + indexes, bytes a row; times the nation's count):");
    for t in &found {
        let a_row = (t.table + t.indexes) as f64 / t.rows.max(1) as f64;
        let factor = if t.name == "citizens" { 100_000_000.0 / t.rows.max(1) as f64 } else { national_households };
        println!(
            "    {:<24} {:>11} rows  {:>7.0} MB + {:>6.0} MB  {:>5.0} B/row  nation: {:>6.1} GB",
            t.name,
            t.rows,
            t.table as f64 / 1e6,
            t.indexes as f64 / 1e6,
            a_row,
            (t.table + t.indexes) as f64 * factor / 1e9
        );
    }
}

fn measure(
    db: &Database,
    province: &units::Unit,
    day: NaiveDate,
    generated: Duration,
    rebuilt: Option<(Duration, usize)>,
    villages: usize,
    label: &str,
) {
    let counts: (i64, i64, i64) = db
        .read(|conn| -> Result<_, xhht_persistence::PersistenceError> {
            use diesel::prelude::*;
            use xhht_persistence::schema::{citizens, evaluations, households};
            Ok((
                households::table.count().get_result(conn)?,
                citizens::table.count().get_result(conn)?,
                evaluations::table.count().get_result(conn)?,
            ))
        })
        .unwrap();

    let today = day;
    let province_request = Request {
        unit: Some(province.clone()),
        year: 2024,
        models: None,
        by: Breakdown::Children,
        boundaries: BoundariesDto::Today,
        on: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    };
    let province_report = time(40, || {
        db.read(|conn| report(conn, &province_request, today).map(|r| serde_json::to_vec(&r).unwrap().len())).unwrap()
    });
    // The same figures (registered, recognised and rejected by commune) straight from the
    // evaluations, with the index on (year, unit_path).
    let end = format!("{}0", &province.path[..province.path.len() - 1]);
    let group_by = format!(
        "SELECT unit_id, model_kind, COUNT(*) AS n, SUM(CASE WHEN status = 'recognised' THEN 1 ELSE 0 END) AS r,
                SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS j
         FROM evaluations WHERE year = 2024 AND unit_path >= '{}' AND unit_path < '{end}' GROUP BY unit_id, model_kind",
        province.path
    );
    #[derive(diesel::QueryableByName)]
    #[allow(dead_code)]
    struct Grouped {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        unit_id: i64,
        #[diesel(sql_type = diesel::sql_types::Text)]
        model_kind: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        r: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        j: i64,
    }
    let scan = time(10, || {
        db.read(|conn| {
            use diesel::RunQueryDsl;
            diesel::sql_query(&group_by)
                .load::<Grouped>(conn)
                .map(|rows| rows.len())
                .map_err(xhht_persistence::PersistenceError::from)
        })
        .unwrap()
    });
    let national = Request { unit: None, by: Breakdown::Children, ..province_request.clone() };
    let national_report = time(20, || {
        db.read(|conn| report(conn, &national, today).map(|r| serde_json::to_vec(&r).unwrap().len())).unwrap()
    });
    let communes = Request { unit: None, by: Breakdown::Communes, ..province_request.clone() };
    let mut xlsx_bytes = 0;
    let xlsx = time(5, || {
        let r = db.read(|conn| report(conn, &communes, today)).unwrap();
        xlsx_bytes = xhht_api::report_files::statistics_xlsx(&r).unwrap().len();
    });
    println!(
        "== {label}: {} households, {} citizens, {} evaluations ({villages} villages of 126 communes)",
        counts.0, counts.1, counts.2
    );
    match rebuilt {
        Some((rebuilt, rows)) => println!(
            "  generate the data (in the database): {generated:.1?}; build the counters from it: {rebuilt:.1?} ({rows} rows)"
        ),
        None => println!("  reused the database kept by XHHT_BENCH_SQLITE (opened in {generated:.1?})"),
    }
    println!(
        "  province report by commune (all models, 2024): median {province_report:.2?}; GROUP BY over the evaluations: median {scan:.2?} ({:.1}x)",
        scan.as_secs_f64() / province_report.as_secs_f64()
    );
    println!("  national report by province: median {national_report:.2?}");
    println!("  XLSX of all 3,321 communes: median {xlsx:.0?} ({xlsx_bytes} bytes)");
}

fn main() {
    match std::env::var("XHHT_BENCH_SQLITE").ok().filter(|p| !p.is_empty()) {
        Some(kept) => run(DatabaseUrl::Sqlite(kept.into()), "SQLite"),
        None => {
            let dir = std::env::temp_dir().join(format!("xhht-bench-stats-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            run(DatabaseUrl::Sqlite(dir.join("bench.sqlite")), "SQLite");
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    match std::env::var("XHHT_TEST_PG_URL").ok().filter(|u| !u.is_empty()) {
        Some(admin) => {
            let name = format!("bench_stats_{}", std::process::id());
            let mut conn = PgConnection::establish(&admin).unwrap();
            conn.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
            let url = match admin.rfind('/') {
                Some(i) => format!("{}/{name}", &admin[..i]),
                None => format!("{admin}/{name}"),
            };
            run(DatabaseUrl::parse(&url).unwrap(), "PostgreSQL");
            conn.batch_execute(&format!("DROP DATABASE {name}")).unwrap();
        }
        None => println!("PostgreSQL: skipped (no cluster; `make bench` starts one)"),
    }
}
