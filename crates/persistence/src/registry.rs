//! The registries: organisations, households, citizens, clans and community learning centres.
//! Every row carries its home unit's path, so that a caller's units bound every read with one
//! range condition; rows are marked deleted, never removed, so that sync clients see deletions.

use crate::db::{DbConn, MultiBackend, subtree_end};
use crate::error::{PersistenceError, Record, Result};
use crate::schema::{citizens, clan_households, clans, households, learning_centres, organisations};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Nullable};
use std::collections::HashMap;

/// What a list may return.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Readable subtrees; `None` reads everything (administrators).
    pub scope: Option<Vec<String>>,
    /// Only rows under this unit path.
    pub within: Option<String>,
    /// Only rows changed at or after this instant; deleted rows are included (as markers).
    pub updated_since: Option<NaiveDateTime>,
}

/// An imported row: the province's key of the record, and its values.
#[derive(Debug, Clone)]
pub struct Keyed<F> {
    pub external_id: String,
    pub fields: F,
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Rows per multi-row INSERT on SQLite: within its 32,766 bound parameters for the widest
/// registry (12 columns).
const INSERT_ROWS: usize = 2000;

/// Inserts new rows: PostgreSQL's binary `COPY … FROM STDIN` (several times a multi-row
/// INSERT's speed there), SQLite's multi-row INSERT.
macro_rules! insert_all {
    ($conn:expr, $table:path, $rows:expr) => {{
        let rows = $rows;
        match $conn {
            _ if rows.is_empty() => {}
            DbConn::Pg(pg) => {
                diesel::copy_from($table).from_insertable(rows).execute(pg)?;
            }
            DbConn::Sqlite(lite) => {
                for chunk in rows.chunks(INSERT_ROWS) {
                    diesel::insert_into($table).values(chunk).execute(lite)?;
                }
            }
        }
    }};
}

/// Lists are ordered by (updated_at, id): a client syncing page by page never misses a row.
pub type Position = (NaiveDateTime, i64);

macro_rules! registry_reads {
    ($table:ident, $row:ty, $record:expr) => {
        pub fn get(conn: &mut DbConn, id: i64) -> Result<$row> {
            crate::per_backend!(conn, |c| $table::table.find(id).select(<$row>::as_select()).get_result(c))
                .optional()?
                .ok_or(PersistenceError::NotFound($record))
        }

        pub fn list(conn: &mut DbConn, f: &ListFilter, after: Option<Position>, limit: i64) -> Result<Vec<$row>> {
            let mut query = $table::table.into_boxed::<MultiBackend>();
            if let Some(roots) = &f.scope {
                let Some((first, rest)) = roots.split_first() else {
                    return Ok(Vec::new());
                };
                let mut any: Box<dyn BoxableExpression<$table::table, MultiBackend, SqlType = Nullable<Bool>>> =
                    Box::new(
                        $table::unit_path.ge(first.clone()).and($table::unit_path.lt(subtree_end(first))).nullable(),
                    );
                for root in rest {
                    any = Box::new(
                        any.or($table::unit_path.ge(root.clone()).and($table::unit_path.lt(subtree_end(root)))),
                    );
                }
                query = query.filter(any);
            }
            if let Some(root) = &f.within {
                query =
                    query.filter($table::unit_path.ge(root.clone())).filter($table::unit_path.lt(subtree_end(root)));
            }
            match f.updated_since {
                Some(since) => query = query.filter($table::updated_at.ge(since)),
                None => query = query.filter($table::deleted_at.is_null()),
            }
            if let Some((at, id)) = after {
                query = query.filter($table::updated_at.gt(at).or($table::updated_at.eq(at).and($table::id.gt(id))));
            }
            Ok(query
                .order(($table::updated_at.asc(), $table::id.asc()))
                .limit(limit)
                .select(<$row>::as_select())
                .load(conn)?)
        }

        /// Marks the row deleted if it is still at `expected` (any version when `None`).
        pub fn delete(conn: &mut DbConn, id: i64, expected: Option<i32>) -> Result<$row> {
            let current = get(conn, id)?;
            if current.deleted_at.is_some() {
                return Err(PersistenceError::NotFound($record));
            }
            if expected.is_some_and(|v| v != current.version) {
                return Err(PersistenceError::StaleVersion);
            }
            let now = Utc::now().naive_utc();
            let changed =
                diesel::update($table::table.filter($table::id.eq(id)).filter($table::version.eq(current.version)))
                    .set((
                        $table::deleted_at.eq(Some(now)),
                        $table::updated_at.eq(now),
                        $table::version.eq(current.version + 1),
                    ))
                    .execute(conn)?;
            if changed != 1 {
                return Err(PersistenceError::StaleVersion);
            }
            count(conn, &current, -1)?;
            get(conn, id)
        }

        /// Adds `n` to the statistics counter the record counts in.
        fn count(conn: &mut DbConn, row: &$row, n: i64) -> Result<()> {
            let mut deltas = crate::stats::Deltas::default();
            deltas.record(stats_key(row), n);
            deltas.apply(conn)
        }

        /// After an update: the record moves between counters when its unit or subgroup changed.
        fn recount(conn: &mut DbConn, before: &$row, after: &$row) -> Result<()> {
            let (old, new) = (stats_key(before), stats_key(after));
            if old != new {
                let mut deltas = crate::stats::Deltas::default();
                deltas.record(old, -1);
                deltas.record(new, 1);
                deltas.apply(conn)?;
            }
            Ok(())
        }

        /// The records with these keys, in any unit, by (unit, key), deleted ones included.
        /// Found by key alone (the key leads the index); the caller picks the units it wants.
        pub fn by_external_id(conn: &mut DbConn, keys: &[(i64, &str)]) -> Result<HashMap<(i64, String), $row>> {
            let mut texts: Vec<&str> = keys.iter().map(|(_, k)| *k).collect();
            texts.sort_unstable();
            texts.dedup();
            let mut out = HashMap::with_capacity(keys.len());
            for chunk in texts.chunks(1000) {
                let rows: Vec<$row> = $table::table
                    .filter($table::external_id.is_not_null())
                    .filter($table::external_id.eq_any(chunk))
                    .select(<$row>::as_select())
                    .load(conn)?;
                for row in rows {
                    if let Some(key) = row.external_id.clone() {
                        out.insert((row.unit_id, key), row);
                    }
                }
            }
            Ok(out)
        }

        /// Imported rows split into those naming a record already there (with it) and new ones.
        fn known_and_new(
            rows: &[Keyed<Fields>],
            mut existing: HashMap<(i64, String), $row>,
        ) -> (Vec<($row, usize)>, Vec<usize>) {
            let (mut known, mut new) = (Vec::new(), Vec::new());
            for (i, row) in rows.iter().enumerate() {
                match existing.remove(&(row.fields.unit_id, row.external_id.clone())) {
                    Some(e) => known.push((e, i)),
                    None => new.push(i),
                }
            }
            (known, new)
        }

        /// Names the job, and the key, on records an import wrote.
        fn mark_imported(conn: &mut DbConn, id: i64, external_id: &str, job: i64) -> Result<()> {
            diesel::update($table::table.find(id))
                .set(($table::external_id.eq(external_id), $table::import_job_id.eq(job)))
                .execute(conn)?;
            Ok(())
        }

        /// An imported row names a deleted record: the file says it exists, so it is restored
        /// (a new version, counted again) before the row's values are written over it.
        fn restore(conn: &mut DbConn, row: &$row) -> Result<()> {
            diesel::update($table::table.find(row.id))
                .set((
                    $table::deleted_at.eq(None::<NaiveDateTime>),
                    $table::updated_at.eq(Utc::now().naive_utc()),
                    $table::version.eq(row.version + 1),
                ))
                .execute(conn)?;
            count(conn, row, 1)
        }

        /// Writes one imported row over the record it names: restores a deleted one, and
        /// leaves one with the same values (`same`) untouched.
        fn import_over(
            conn: &mut DbConn,
            existing: &$row,
            job: i64,
            external_id: &str,
            f: &Fields,
            same: bool,
            written: &mut crate::registry::Written,
        ) -> Result<()> {
            if existing.deleted_at.is_none() && same {
                written.unchanged += 1;
                return Ok(());
            }
            if existing.deleted_at.is_some() {
                restore(conn, existing)?;
            }
            update(conn, existing.id, None, f)?;
            mark_imported(conn, existing.id, external_id, job)?;
            written.updated += 1;
            Ok(())
        }

        /// Checks the version and bumps it, before an update writes the new values.
        fn bump(conn: &mut DbConn, id: i64, expected: Option<i32>) -> Result<$row> {
            let current = get(conn, id)?;
            if current.deleted_at.is_some() {
                return Err(PersistenceError::NotFound($record));
            }
            if expected.is_some_and(|v| v != current.version) {
                return Err(PersistenceError::StaleVersion);
            }
            let changed =
                diesel::update($table::table.filter($table::id.eq(id)).filter($table::version.eq(current.version)))
                    .set(($table::version.eq(current.version + 1), $table::updated_at.eq(Utc::now().naive_utc())))
                    .execute(conn)?;
            if changed != 1 {
                return Err(PersistenceError::StaleVersion);
            }
            Ok(current)
        }
    };
}

pub mod organisation {
    use super::*;

    #[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
    #[diesel(table_name = organisations)]
    pub struct Organisation {
        pub id: i64,
        pub name: String,
        pub org_type: String,
        pub managing_level: String,
        pub unit_id: i64,
        pub unit_path: String,
        pub staff_count: i32,
        pub learner_count: Option<i32>,
        pub version: i32,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub created_at: NaiveDateTime,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub updated_at: NaiveDateTime,
        pub deleted_at: Option<NaiveDateTime>,
        /// The province's own key of the record, set by imports.
        pub external_id: Option<String>,
        /// The import that last created or changed the record.
        pub import_job_id: Option<i64>,
    }

    #[derive(Debug, Clone)]
    pub struct Fields {
        pub name: String,
        pub org_type: String,
        pub managing_level: String,
        pub unit_id: i64,
        pub unit_path: String,
        pub staff_count: i32,
        pub learner_count: Option<i32>,
    }

    /// A new record as an import inserts it.
    #[derive(Insertable)]
    #[diesel(table_name = organisations, treat_none_as_default_value = false)]
    struct NewOrganisation<'a> {
        name: &'a str,
        org_type: &'a str,
        managing_level: &'a str,
        unit_id: i64,
        unit_path: &'a str,
        staff_count: i32,
        learner_count: Option<i32>,
        version: i32,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
        external_id: Option<&'a str>,
        import_job_id: Option<i64>,
    }

    /// The statistics counter a record counts in.
    fn stats_key(r: &Organisation) -> crate::stats::RegistryKey {
        crate::stats::RegistryKey {
            unit_id: r.unit_id,
            kind: crate::stats::RecordKind::Organisation,
            subgroup: crate::stats::organisation_subgroup(&r.managing_level, &r.org_type),
        }
    }

    registry_reads!(organisations, Organisation, Record::Organisation);

    /// The records under imported rows' keys, by (unit, key) (`by_external_id`): what
    /// `import` writes over, looked up by the caller apart from the write, so that an import
    /// can look up the next page's while the database writes this one.
    pub type Existing = HashMap<(i64, String), Organisation>;

    pub fn create(conn: &mut DbConn, f: &Fields) -> Result<Organisation> {
        let now = Utc::now().naive_utc();
        let created: Organisation = diesel::insert_into(organisations::table)
            .values((
                organisations::name.eq(&f.name),
                organisations::org_type.eq(&f.org_type),
                organisations::managing_level.eq(&f.managing_level),
                organisations::unit_id.eq(f.unit_id),
                organisations::unit_path.eq(&f.unit_path),
                organisations::staff_count.eq(f.staff_count),
                organisations::learner_count.eq(f.learner_count),
                organisations::version.eq(1),
                organisations::created_at.eq(now),
                organisations::updated_at.eq(now),
            ))
            .returning(<Organisation as Selectable<MultiBackend>>::construct_selection())
            .get_result(conn)?;
        count(conn, &created, 1)?;
        Ok(created)
    }

    pub fn update(conn: &mut DbConn, id: i64, expected: Option<i32>, f: &Fields) -> Result<Organisation> {
        let before = bump(conn, id, expected)?;
        diesel::update(organisations::table.find(id))
            .set((
                organisations::name.eq(&f.name),
                organisations::org_type.eq(&f.org_type),
                organisations::managing_level.eq(&f.managing_level),
                organisations::unit_id.eq(f.unit_id),
                organisations::unit_path.eq(&f.unit_path),
                organisations::staff_count.eq(f.staff_count),
                organisations::learner_count.eq(f.learner_count),
            ))
            .execute(conn)?;
        let after = get(conn, id)?;
        recount(conn, &before, &after)?;
        Ok(after)
    }

    fn same(r: &Organisation, f: &Fields) -> bool {
        r.name == f.name
            && r.org_type == f.org_type
            && r.managing_level == f.managing_level
            && r.unit_id == f.unit_id
            && r.staff_count == f.staff_count
            && r.learner_count == f.learner_count
    }

    /// Writes imported rows: new keys in multi-row INSERTs, known ones over their records.
    pub fn import(conn: &mut DbConn, job: i64, rows: &[Keyed<Fields>], existing: Existing) -> Result<Written> {
        let (known, new) = known_and_new(rows, existing);
        let mut written = Written::default();
        for (e, i) in &known {
            let row = &rows[*i];
            import_over(conn, e, job, &row.external_id, &row.fields, same(e, &row.fields), &mut written)?;
        }
        let new: Vec<&Keyed<Fields>> = new.into_iter().map(|i| &rows[i]).collect();
        let now = Utc::now().naive_utc();
        let mut deltas = crate::stats::Deltas::default();
        let values: Vec<NewOrganisation> = new
            .iter()
            .map(|r| {
                let f = &r.fields;
                NewOrganisation {
                    name: &f.name,
                    org_type: &f.org_type,
                    managing_level: &f.managing_level,
                    unit_id: f.unit_id,
                    unit_path: &f.unit_path,
                    staff_count: f.staff_count,
                    learner_count: f.learner_count,
                    version: 1,
                    created_at: now,
                    updated_at: now,
                    external_id: Some(&r.external_id),
                    import_job_id: Some(job),
                }
            })
            .collect();
        insert_all!(&mut *conn, organisations::table, &values);
        for r in &new {
            let subgroup = crate::stats::organisation_subgroup(&r.fields.managing_level, &r.fields.org_type);
            let kind = crate::stats::RecordKind::Organisation;
            deltas.record(crate::stats::RegistryKey { unit_id: r.fields.unit_id, kind, subgroup }, 1);
        }
        deltas.apply(conn)?;
        written.created = new.len() as u64;
        Ok(written)
    }
}

pub mod household {
    use super::*;
    use crate::audit::AuditEntry;

    #[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
    #[diesel(table_name = households)]
    pub struct Household {
        pub id: i64,
        pub label: String,
        pub unit_id: i64,
        pub unit_path: String,
        pub head_citizen_id: Option<i64>,
        pub version: i32,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub created_at: NaiveDateTime,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub updated_at: NaiveDateTime,
        pub deleted_at: Option<NaiveDateTime>,
        /// The province's own key of the record, set by imports.
        pub external_id: Option<String>,
        /// The import that last created or changed the record.
        pub import_job_id: Option<i64>,
    }

    #[derive(Debug, Clone)]
    pub struct Fields {
        pub label: String,
        pub unit_id: i64,
        pub unit_path: String,
        pub head_citizen_id: Option<i64>,
    }

    /// A new record as an import inserts it.
    #[derive(Insertable)]
    #[diesel(table_name = households, treat_none_as_default_value = false)]
    struct NewHousehold<'a> {
        label: &'a str,
        unit_id: i64,
        unit_path: &'a str,
        version: i32,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
        external_id: Option<&'a str>,
        import_job_id: Option<i64>,
    }

    /// The statistics counter a record counts in.
    fn stats_key(r: &Household) -> crate::stats::RegistryKey {
        crate::stats::RegistryKey {
            unit_id: r.unit_id,
            kind: crate::stats::RecordKind::Household,
            subgroup: String::new(),
        }
    }

    registry_reads!(households, Household, Record::Household);

    /// The records under imported rows' keys, by (unit, key) (`by_external_id`): what
    /// `import` writes over, looked up by the caller apart from the write, so that an import
    /// can look up the next page's while the database writes this one.
    pub type Existing = HashMap<(i64, String), Household>;

    pub fn create(conn: &mut DbConn, f: &Fields) -> Result<Household> {
        let created = insert(conn, f, Utc::now().naive_utc())?;
        count(conn, &created, 1)?;
        Ok(created)
    }

    /// One new record, not yet counted.
    fn insert(conn: &mut DbConn, f: &Fields, now: NaiveDateTime) -> Result<Household> {
        Ok(crate::per_backend!(conn, |c| diesel::insert_into(households::table)
            .values((
                households::label.eq(&f.label),
                households::unit_id.eq(f.unit_id),
                households::unit_path.eq(&f.unit_path),
                households::head_citizen_id.eq(f.head_citizen_id),
                households::version.eq(1),
                households::created_at.eq(now),
                households::updated_at.eq(now),
            ))
            .returning(Household::as_returning())
            .get_result(c))?)
    }

    /// Creates records sent at once by several requests, the statistics counters moved once
    /// for all: one cached INSERT each. (On PostgreSQL, where each is a round trip, a batch is
    /// `drawn` and written by `write_drawn` instead.)
    pub fn create_many(conn: &mut DbConn, fields: &[&Fields]) -> Result<Vec<Household>> {
        let now = Utc::now().naive_utc();
        let created: Vec<Household> = fields.iter().map(|f| insert(conn, f, now)).collect::<Result<_>>()?;
        let mut deltas = crate::stats::Deltas::default();
        for r in &created {
            deltas.record(stats_key(r), 1);
        }
        deltas.apply(conn)?;
        Ok(created)
    }

    /// New households as they will be stored, with ids drawn beforehand (`db::draw_ids`), so
    /// that their answers and audit rows can be made before they are written, and written with
    /// them in one statement (`write_drawn`).
    pub fn drawn(ids: &[i64], fields: &[&Fields], now: NaiveDateTime) -> Vec<Household> {
        ids.iter()
            .zip(fields)
            .map(|(&id, f)| Household {
                id,
                label: f.label.clone(),
                unit_id: f.unit_id,
                unit_path: f.unit_path.clone(),
                head_citizen_id: f.head_citizen_id,
                version: 1,
                created_at: now,
                updated_at: now,
                deleted_at: None,
                external_id: None,
                import_job_id: None,
            })
            .collect()
    }

    /// Writes households made by `drawn`, their audit rows, the counters they move and the
    /// `Idempotency-Key`s they answer in one statement: a round trip, and atomic without a
    /// transaction around it.
    pub fn write_drawn(
        pg: &mut diesel::PgConnection,
        rows: &[Household],
        audit: &[AuditEntry],
        keys: &[crate::idempotency::NewKey<'_>],
    ) -> Result<()> {
        // `drawn` gives a batch's records one time.
        let Some(now) = rows.first().map(|r| r.created_at) else { return Ok(()) };
        let mut deltas = crate::stats::Deltas::default();
        for r in rows {
            deltas.record(stats_key(r), 1);
        }
        let audit_rows = crate::audit::rows(audit, now);
        let keys = PgKeys {
            scopes: keys.iter().map(|k| k.scope).collect(),
            keys: keys.iter().map(|k| k.key).collect(),
            hashes: keys.iter().map(|k| k.request_hash).collect(),
            statuses: keys.iter().map(|k| i32::from(k.response.status)).collect(),
            bodies: keys.iter().map(|k| k.response.body.as_str()).collect(),
        };
        let counters = deltas.registry_rows();
        // Two texts, each prepared once: without keys the statement has no part for them.
        if keys.keys.is_empty() {
            PgWrite::<false>::new(rows, now, &audit_rows, counters, keys).execute(pg)?;
        } else {
            PgWrite::<true>::new(rows, now, &audit_rows, counters, keys).execute(pg)?;
        }
        Ok(())
    }

    /// The statement of `write_drawn`: the households from one array a column, their audit
    /// rows, the registry counters and, if `KEYED`, the keys; text that does not depend on how
    /// many there are.
    struct PgWrite<'a, const KEYED: bool = false> {
        ids: Vec<i64>,
        labels: Vec<&'a str>,
        unit_ids: Vec<i64>,
        unit_paths: Vec<&'a str>,
        heads: Vec<Option<i64>>,
        now: NaiveDateTime,
        audit: crate::audit::PgRows<'a>,
        counters: String,
        keys: PgKeys<'a>,
    }

    /// The `Idempotency-Key`s of a `PgWrite`, one array a column.
    struct PgKeys<'a> {
        scopes: Vec<&'a str>,
        keys: Vec<&'a str>,
        hashes: Vec<&'a str>,
        statuses: Vec<i32>,
        bodies: Vec<&'a str>,
    }

    impl<'a, const KEYED: bool> PgWrite<'a, KEYED> {
        fn new(
            rows: &'a [Household],
            now: NaiveDateTime,
            audit: &'a [crate::audit::Row<'a>],
            counters: String,
            keys: PgKeys<'a>,
        ) -> Self {
            PgWrite {
                ids: rows.iter().map(|r| r.id).collect(),
                labels: rows.iter().map(|r| r.label.as_str()).collect(),
                unit_ids: rows.iter().map(|r| r.unit_id).collect(),
                unit_paths: rows.iter().map(|r| r.unit_path.as_str()).collect(),
                heads: rows.iter().map(|r| r.head_citizen_id).collect(),
                now,
                audit: crate::audit::PgRows::new(now, audit),
                counters,
                keys,
            }
        }
    }

    impl<const KEYED: bool> diesel::query_builder::QueryId for PgWrite<'_, KEYED> {
        type QueryId = PgWrite<'static, KEYED>;
        const HAS_STATIC_QUERY_ID: bool = true;
    }

    impl<const KEYED: bool> diesel::query_builder::QueryFragment<diesel::pg::Pg> for PgWrite<'_, KEYED> {
        fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>) -> QueryResult<()> {
            use diesel::sql_types::{Array, BigInt, Integer, Text, Timestamp};
            out.push_sql(
                "WITH i AS (INSERT INTO households (id, label, unit_id, unit_path, head_citizen_id, created_at, \
                 updated_at, version) SELECT v.*, ",
            );
            out.push_bind_param::<Timestamp, _>(&self.now)?;
            out.push_sql(", ");
            out.push_bind_param::<Timestamp, _>(&self.now)?;
            out.push_sql(", 1 FROM unnest(");
            out.push_bind_param::<Array<BigInt>, _>(&self.ids)?;
            out.push_sql(", ");
            out.push_bind_param::<Array<Text>, _>(&self.labels)?;
            out.push_sql(", ");
            out.push_bind_param::<Array<BigInt>, _>(&self.unit_ids)?;
            out.push_sql(", ");
            out.push_bind_param::<Array<Text>, _>(&self.unit_paths)?;
            out.push_sql(", ");
            out.push_bind_param::<Array<Nullable<BigInt>>, _>(&self.heads)?;
            out.push_sql(") AS v), a AS (");
            self.audit.push_insert(&mut out)?;
            out.push_sql("), ");
            let [before, after] = crate::stats::PG_REGISTRY;
            out.push_sql(before);
            out.push_bind_param::<Text, _>(&self.counters)?;
            out.push_sql(after);
            if KEYED {
                let k = &self.keys;
                out.push_sql(
                    ", k AS (INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at) \
                     SELECT v.*, ",
                );
                out.push_bind_param::<Timestamp, _>(&self.now)?;
                out.push_sql(" FROM unnest(");
                out.push_bind_param::<Array<Text>, _>(&k.scopes)?;
                out.push_sql(", ");
                out.push_bind_param::<Array<Text>, _>(&k.keys)?;
                out.push_sql(", ");
                out.push_bind_param::<Array<Text>, _>(&k.hashes)?;
                out.push_sql(", ");
                out.push_bind_param::<Array<Integer>, _>(&k.statuses)?;
                out.push_sql(", ");
                out.push_bind_param::<Array<Text>, _>(&k.bodies)?;
                out.push_sql(") AS v)");
            }
            out.push_sql(" SELECT 1");
            Ok(())
        }
    }

    impl<const KEYED: bool> RunQueryDsl<diesel::PgConnection> for PgWrite<'_, KEYED> {}

    pub fn update(conn: &mut DbConn, id: i64, expected: Option<i32>, f: &Fields) -> Result<Household> {
        let before = bump(conn, id, expected)?;
        diesel::update(households::table.find(id))
            .set((
                households::label.eq(&f.label),
                households::unit_id.eq(f.unit_id),
                households::unit_path.eq(&f.unit_path),
                households::head_citizen_id.eq(f.head_citizen_id),
            ))
            .execute(conn)?;
        let after = get(conn, id)?;
        recount(conn, &before, &after)?;
        Ok(after)
    }

    fn same(r: &Household, f: &Fields) -> bool {
        r.label == f.label && r.unit_id == f.unit_id && r.head_citizen_id == f.head_citizen_id
    }

    /// Writes imported rows: new keys in multi-row INSERTs, known ones over their records. An
    /// import does not name heads: a known household keeps its own.
    pub fn import(conn: &mut DbConn, job: i64, rows: &[Keyed<Fields>], existing: Existing) -> Result<Written> {
        let (known, new) = known_and_new(rows, existing);
        let mut written = Written::default();
        for (e, i) in &known {
            let row = &rows[*i];
            let fields = Fields { head_citizen_id: e.head_citizen_id, ..row.fields.clone() };
            import_over(conn, e, job, &row.external_id, &fields, same(e, &fields), &mut written)?;
        }
        let new: Vec<&Keyed<Fields>> = new.into_iter().map(|i| &rows[i]).collect();
        let now = Utc::now().naive_utc();
        let mut deltas = crate::stats::Deltas::default();
        let values: Vec<NewHousehold> = new
            .iter()
            .map(|r| NewHousehold {
                label: &r.fields.label,
                unit_id: r.fields.unit_id,
                unit_path: &r.fields.unit_path,
                version: 1,
                created_at: now,
                updated_at: now,
                external_id: Some(&r.external_id),
                import_job_id: Some(job),
            })
            .collect();
        insert_all!(&mut *conn, households::table, &values);
        for r in &new {
            let kind = crate::stats::RecordKind::Household;
            deltas.record(crate::stats::RegistryKey { unit_id: r.fields.unit_id, kind, subgroup: String::new() }, 1);
        }
        deltas.apply(conn)?;
        written.created = new.len() as u64;
        Ok(written)
    }

    /// A household and the ids of its (not deleted) members, in id order, in one statement:
    /// a read by id is then one round trip to PostgreSQL and one read transaction on SQLite.
    pub fn get_with_members(conn: &mut DbConn, id: i64) -> Result<(Household, Vec<i64>)> {
        let found: Option<(Household, Option<String>)> = crate::per_backend!(conn, |c| households::table
            .find(id)
            .select((Household::as_select(), MemberList))
            .get_result(c)
            .optional())?;
        let (household, members) = found.ok_or(PersistenceError::NotFound(Record::Household))?;
        let members = crate::db::ids_in_list(members.as_deref())?;
        Ok((household, members))
    }

    crate::list_of_the_row!(
        /// The ids of the selected household's (not deleted) members. In no order: an
        /// `ORDER BY` inside the aggregate has SQLite open and close a temporary b-tree at each
        /// read, 8 % of a household read.
        MemberList,
        households::table,
        "c.id",
        " FROM citizens c WHERE c.household_id = households.id AND c.deleted_at IS NULL)"
    );

    /// The ids of the (not deleted) members of each household, in one query for a page.
    pub fn members(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Vec<i64>>> {
        // One household (a record shown after a change) by `=`: SQLite's `IN (…)` list is
        // prepared anew at every call, a statement of fixed text is prepared once.
        let rows: Vec<(Option<i64>, i64)> = match ids {
            [one] => crate::per_backend!(conn, |c| citizens::table
                .filter(citizens::household_id.eq(*one))
                .filter(citizens::deleted_at.is_null())
                .order(citizens::id)
                .select((citizens::household_id, citizens::id))
                .load(c))?,
            _ => citizens::table
                .filter(citizens::household_id.eq_any(ids))
                .filter(citizens::deleted_at.is_null())
                .order((citizens::household_id, citizens::id))
                .select((citizens::household_id, citizens::id))
                .load(conn)?,
        };
        let mut out: HashMap<i64, Vec<i64>> = ids.iter().map(|&id| (id, Vec::new())).collect();
        for (household, citizen) in rows {
            if let Some(list) = household.and_then(|h| out.get_mut(&h)) {
                list.push(citizen);
            }
        }
        Ok(out)
    }
}

pub mod citizen {
    use super::*;

    #[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
    #[diesel(table_name = citizens)]
    pub struct Citizen {
        pub id: i64,
        pub full_name: String,
        pub birth_year: i32,
        pub sex: String,
        pub target_group: String,
        pub household_id: Option<i64>,
        pub workplace_id: Option<i64>,
        pub unit_id: i64,
        pub unit_path: String,
        pub version: i32,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub created_at: NaiveDateTime,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub updated_at: NaiveDateTime,
        pub deleted_at: Option<NaiveDateTime>,
        /// The province's own key of the record, set by imports.
        pub external_id: Option<String>,
        /// The import that last created or changed the record.
        pub import_job_id: Option<i64>,
    }

    #[derive(Debug, Clone)]
    pub struct Fields {
        pub full_name: String,
        pub birth_year: i32,
        pub sex: String,
        pub target_group: String,
        pub household_id: Option<i64>,
        pub workplace_id: Option<i64>,
        pub unit_id: i64,
        pub unit_path: String,
        /// Set on creation (and when a new number is given); never read back out.
        pub national_id_hash: Option<String>,
        /// Citizens with the same national ID that the writer cannot see: flagged as possible
        /// duplicates (`duplicates`) for the officers who can see both, never told the writer.
        pub unseen_twins: Vec<i64>,
    }

    /// A new record as an import inserts it.
    #[derive(Insertable)]
    #[diesel(table_name = citizens, treat_none_as_default_value = false)]
    struct NewCitizen<'a> {
        full_name: &'a str,
        birth_year: i32,
        sex: &'a str,
        target_group: &'a str,
        household_id: Option<i64>,
        workplace_id: Option<i64>,
        unit_id: i64,
        unit_path: &'a str,
        national_id_hash: Option<&'a str>,
        version: i32,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
        external_id: Option<&'a str>,
        import_job_id: Option<i64>,
    }

    /// The statistics counter a record counts in.
    fn stats_key(r: &Citizen) -> crate::stats::RegistryKey {
        crate::stats::RegistryKey {
            unit_id: r.unit_id,
            kind: crate::stats::RecordKind::Citizen,
            subgroup: r.target_group.clone(),
        }
    }

    registry_reads!(citizens, Citizen, Record::Citizen);

    /// The records under imported rows' keys, by (unit, key) (`by_external_id`): what
    /// `import` writes over, looked up by the caller apart from the write, so that an import
    /// can look up the next page's while the database writes this one.
    pub type Existing = HashMap<(i64, String), Citizen>;

    pub fn create(conn: &mut DbConn, f: &Fields) -> Result<Citizen> {
        let now = Utc::now().naive_utc();
        let created: Citizen = diesel::insert_into(citizens::table)
            .values((
                citizens::full_name.eq(&f.full_name),
                citizens::birth_year.eq(f.birth_year),
                citizens::sex.eq(&f.sex),
                citizens::target_group.eq(&f.target_group),
                citizens::household_id.eq(f.household_id),
                citizens::workplace_id.eq(f.workplace_id),
                citizens::unit_id.eq(f.unit_id),
                citizens::unit_path.eq(&f.unit_path),
                citizens::national_id_hash.eq(&f.national_id_hash),
                citizens::version.eq(1),
                citizens::created_at.eq(now),
                citizens::updated_at.eq(now),
            ))
            .returning(<Citizen as Selectable<MultiBackend>>::construct_selection())
            .get_result(conn)?;
        count(conn, &created, 1)?;
        super::duplicates::flag(conn, created.id, &f.unseen_twins)?;
        Ok(created)
    }

    pub fn update(conn: &mut DbConn, id: i64, expected: Option<i32>, f: &Fields) -> Result<Citizen> {
        let before = bump(conn, id, expected)?;
        diesel::update(citizens::table.find(id))
            .set((
                citizens::full_name.eq(&f.full_name),
                citizens::birth_year.eq(f.birth_year),
                citizens::sex.eq(&f.sex),
                citizens::target_group.eq(&f.target_group),
                citizens::household_id.eq(f.household_id),
                citizens::workplace_id.eq(f.workplace_id),
                citizens::unit_id.eq(f.unit_id),
                citizens::unit_path.eq(&f.unit_path),
            ))
            .execute(conn)?;
        if let Some(hash) = &f.national_id_hash {
            diesel::update(citizens::table.find(id)).set(citizens::national_id_hash.eq(hash)).execute(conn)?;
        }
        let after = get(conn, id)?;
        recount(conn, &before, &after)?;
        super::duplicates::flag(conn, id, &f.unseen_twins)?;
        Ok(after)
    }

    fn same(r: &Citizen, f: &Fields) -> bool {
        r.full_name == f.full_name
            && r.birth_year == f.birth_year
            && r.sex == f.sex
            && r.target_group == f.target_group
            && r.household_id == f.household_id
            && r.workplace_id == f.workplace_id
            && r.unit_id == f.unit_id
    }

    /// The stored national-ID hashes of some citizens.
    fn hashes(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Option<String>>> {
        let mut out = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(1000) {
            let rows: Vec<(i64, Option<String>)> = citizens::table
                .filter(citizens::id.eq_any(chunk))
                .select((citizens::id, citizens::national_id_hash))
                .load(conn)?;
            out.extend(rows);
        }
        Ok(out)
    }

    /// Writes imported rows: new keys in multi-row INSERTs, known ones over their records.
    pub fn import(conn: &mut DbConn, job: i64, rows: &[Keyed<Fields>], existing: Existing) -> Result<Written> {
        let (known, new) = known_and_new(rows, existing);
        let stored = hashes(conn, &known.iter().map(|(c, _)| c.id).collect::<Vec<_>>())?;
        let mut written = Written::default();
        for (e, i) in &known {
            let row = &rows[*i];
            // A number given again is no change; only a different one is written.
            let same_number = row.fields.national_id_hash.is_none()
                || stored.get(&e.id).is_some_and(|h| *h == row.fields.national_id_hash);
            let fields =
                if same_number { Fields { national_id_hash: None, ..row.fields.clone() } } else { row.fields.clone() };
            let unchanged = same_number && same(e, &fields);
            import_over(conn, e, job, &row.external_id, &fields, unchanged, &mut written)?;
        }
        let new: Vec<&Keyed<Fields>> = new.into_iter().map(|i| &rows[i]).collect();
        let now = Utc::now().naive_utc();
        let mut deltas = crate::stats::Deltas::default();
        let values: Vec<NewCitizen> = new
            .iter()
            .map(|r| {
                let f = &r.fields;
                NewCitizen {
                    full_name: &f.full_name,
                    birth_year: f.birth_year,
                    sex: &f.sex,
                    target_group: &f.target_group,
                    household_id: f.household_id,
                    workplace_id: f.workplace_id,
                    unit_id: f.unit_id,
                    unit_path: &f.unit_path,
                    national_id_hash: f.national_id_hash.as_deref(),
                    version: 1,
                    created_at: now,
                    updated_at: now,
                    external_id: Some(&r.external_id),
                    import_job_id: Some(job),
                }
            })
            .collect();
        insert_all!(&mut *conn, citizens::table, &values);
        for r in &new {
            let kind = crate::stats::RecordKind::Citizen;
            let subgroup = r.fields.target_group.clone();
            deltas.record(crate::stats::RegistryKey { unit_id: r.fields.unit_id, kind, subgroup }, 1);
        }
        deltas.apply(conn)?;
        // Twins the importer cannot see are flagged, as for a citizen registered alone.
        let twinned: Vec<&&Keyed<Fields>> = new.iter().filter(|r| !r.fields.unseen_twins.is_empty()).collect();
        if !twinned.is_empty() {
            let keys: Vec<(i64, &str)> = twinned.iter().map(|r| (r.fields.unit_id, r.external_id.as_str())).collect();
            let created = by_external_id(conn, &keys)?;
            for r in twinned {
                if let Some(c) = created.get(&(r.fields.unit_id, r.external_id.clone())) {
                    super::duplicates::flag(conn, c.id, &r.fields.unseen_twins)?;
                }
            }
        }
        written.created = new.len() as u64;
        Ok(written)
    }

    /// Live citizens with any of these national-ID hashes: (hash, id, unit path).
    pub fn with_national_ids(conn: &mut DbConn, hashes: &[String]) -> Result<Vec<(String, i64, String)>> {
        let mut out = Vec::new();
        for chunk in hashes.chunks(1000) {
            let rows: Vec<(Option<String>, i64, String)> = citizens::table
                .filter(citizens::national_id_hash.eq_any(chunk))
                .filter(citizens::deleted_at.is_null())
                .select((citizens::national_id_hash, citizens::id, citizens::unit_path))
                .load(conn)?;
            out.extend(rows.into_iter().filter_map(|(h, id, path)| Some((h?, id, path))));
        }
        Ok(out)
    }

    /// Citizens already registered with this national ID (by its keyed hash).
    pub fn with_national_id(conn: &mut DbConn, hash: &str) -> Result<Vec<Citizen>> {
        Ok(citizens::table
            .filter(citizens::national_id_hash.eq(hash))
            .filter(citizens::deleted_at.is_null())
            .select(Citizen::as_select())
            .load(conn)?)
    }
}

/// Pairs of citizens with one national ID, flagged when the second was written by someone who
/// could not see the first.
pub mod duplicates {
    use super::*;
    use crate::schema::citizen_duplicates;

    #[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
    #[diesel(table_name = citizen_duplicates)]
    pub struct Pair {
        pub id: i64,
        /// The record written second.
        pub citizen_id: i64,
        /// The record that had the national ID first.
        pub twin_id: i64,
        pub flagged_at: NaiveDateTime,
        /// `merged` or `dismissed`; open while `None`.
        pub resolution: Option<String>,
        pub resolved_at: Option<NaiveDateTime>,
        pub resolved_by: Option<i64>,
    }

    /// Flags `citizen` with each twin, once a pair whichever was written second: a pair
    /// flagged already (open, merged or dismissed) is not flagged again.
    pub(super) fn flag(conn: &mut DbConn, citizen: i64, twins: &[i64]) -> Result<()> {
        let now = Utc::now().naive_utc();
        for twin in twins {
            let known: i64 = citizen_duplicates::table
                .filter(
                    (citizen_duplicates::citizen_id.eq(citizen).and(citizen_duplicates::twin_id.eq(twin)))
                        .or(citizen_duplicates::citizen_id.eq(twin).and(citizen_duplicates::twin_id.eq(citizen))),
                )
                .count()
                .get_result(conn)?;
            if known == 0 {
                diesel::insert_into(citizen_duplicates::table)
                    .values((
                        citizen_duplicates::citizen_id.eq(citizen),
                        citizen_duplicates::twin_id.eq(twin),
                        citizen_duplicates::flagged_at.eq(now),
                    ))
                    .execute(conn)?;
            }
        }
        Ok(())
    }

    /// Where one citizen of a pair is filed, and whether it was deleted since.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Place {
        pub unit_id: i64,
        pub unit_path: String,
        pub deleted: bool,
    }

    /// A pair with the places of its citizen and of its twin, in that order.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Placed {
        pub pair: Pair,
        pub places: [Place; 2],
    }

    pub fn get(conn: &mut DbConn, id: i64) -> Result<Pair> {
        citizen_duplicates::table
            .find(id)
            .select(Pair::as_select())
            .get_result(conn)
            .optional()?
            .ok_or(PersistenceError::NotFound(Record::CitizenDuplicate))
    }

    /// The pair with its citizens' places.
    pub fn get_placed(conn: &mut DbConn, id: i64) -> Result<Placed> {
        let pair = get(conn, id)?;
        place(conn, vec![pair])?.pop().ok_or(PersistenceError::NotFound(Record::CitizenDuplicate))
    }

    /// Pairs after `after` in id order, open or resolved, at most `limit`, with their citizens'
    /// places (one more statement for them all): the caller filters them by what it may see
    /// and asks again for more.
    pub fn list(conn: &mut DbConn, open: bool, after: i64, limit: i64) -> Result<Vec<Placed>> {
        let query = citizen_duplicates::table
            .filter(citizen_duplicates::id.gt(after))
            .order(citizen_duplicates::id)
            .limit(limit)
            .select(Pair::as_select());
        let pairs = if open {
            query.filter(citizen_duplicates::resolution.is_null()).load(conn)?
        } else {
            query.filter(citizen_duplicates::resolution.is_not_null()).load(conn)?
        };
        place(conn, pairs)
    }

    fn place(conn: &mut DbConn, pairs: Vec<Pair>) -> Result<Vec<Placed>> {
        let ids: Vec<i64> = pairs.iter().flat_map(|p| [p.citizen_id, p.twin_id]).collect();
        let places: HashMap<i64, Place> = citizens::table
            .filter(citizens::id.eq_any(&ids))
            .select((citizens::id, citizens::unit_id, citizens::unit_path, citizens::deleted_at))
            .load::<(i64, i64, String, Option<NaiveDateTime>)>(conn)?
            .into_iter()
            .map(|(id, unit_id, unit_path, deleted_at)| {
                (id, Place { unit_id, unit_path, deleted: deleted_at.is_some() })
            })
            .collect();
        pairs
            .into_iter()
            .map(|pair| {
                let of = |id: i64| places.get(&id).cloned().ok_or(PersistenceError::NotFound(Record::Citizen));
                Ok(Placed { places: [of(pair.citizen_id)?, of(pair.twin_id)?], pair })
            })
            .collect()
    }

    /// Records how an open pair was resolved; a pair resolved already is a conflict.
    pub fn resolve(conn: &mut DbConn, id: i64, resolution: &str, by: i64) -> Result<Pair> {
        let changed = diesel::update(
            citizen_duplicates::table
                .filter(citizen_duplicates::id.eq(id))
                .filter(citizen_duplicates::resolution.is_null()),
        )
        .set((
            citizen_duplicates::resolution.eq(resolution),
            citizen_duplicates::resolved_at.eq(Utc::now().naive_utc()),
            citizen_duplicates::resolved_by.eq(by),
        ))
        .execute(conn)?;
        if changed != 1 {
            get(conn, id)?;
            return Err(PersistenceError::Conflict(crate::error::Conflict::DuplicateResolved));
        }
        get(conn, id)
    }
}

pub mod clan {
    use super::*;

    #[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
    #[diesel(table_name = clans)]
    pub struct Clan {
        pub id: i64,
        pub name: String,
        pub unit_id: i64,
        pub unit_path: String,
        pub version: i32,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub created_at: NaiveDateTime,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub updated_at: NaiveDateTime,
        pub deleted_at: Option<NaiveDateTime>,
        /// The province's own key of the record, set by imports.
        pub external_id: Option<String>,
        /// The import that last created or changed the record.
        pub import_job_id: Option<i64>,
    }

    #[derive(Debug, Clone)]
    pub struct Fields {
        pub name: String,
        pub unit_id: i64,
        pub unit_path: String,
        pub household_ids: Vec<i64>,
    }

    /// The statistics counter a record counts in.
    fn stats_key(r: &Clan) -> crate::stats::RegistryKey {
        crate::stats::RegistryKey { unit_id: r.unit_id, kind: crate::stats::RecordKind::Clan, subgroup: String::new() }
    }

    registry_reads!(clans, Clan, Record::Clan);

    /// The records under imported rows' keys, by (unit, key) (`by_external_id`): what
    /// `import` writes over, looked up by the caller apart from the write, so that an import
    /// can look up the next page's while the database writes this one.
    pub type Existing = HashMap<(i64, String), Clan>;

    fn set_households(conn: &mut DbConn, id: i64, households: &[i64]) -> Result<()> {
        diesel::delete(clan_households::table.filter(clan_households::clan_id.eq(id))).execute(conn)?;
        for h in households {
            diesel::insert_into(clan_households::table)
                .values((clan_households::clan_id.eq(id), clan_households::household_id.eq(h)))
                .execute(conn)?;
        }
        Ok(())
    }

    pub fn create(conn: &mut DbConn, f: &Fields) -> Result<Clan> {
        let now = Utc::now().naive_utc();
        let id: i64 = diesel::insert_into(clans::table)
            .values((
                clans::name.eq(&f.name),
                clans::unit_id.eq(f.unit_id),
                clans::unit_path.eq(&f.unit_path),
                clans::version.eq(1),
                clans::created_at.eq(now),
                clans::updated_at.eq(now),
            ))
            .returning(clans::id)
            .get_result(conn)?;
        set_households(conn, id, &f.household_ids)?;
        let created = get(conn, id)?;
        count(conn, &created, 1)?;
        Ok(created)
    }

    pub fn update(conn: &mut DbConn, id: i64, expected: Option<i32>, f: &Fields) -> Result<Clan> {
        let before = bump(conn, id, expected)?;
        diesel::update(clans::table.find(id))
            .set((clans::name.eq(&f.name), clans::unit_id.eq(f.unit_id), clans::unit_path.eq(&f.unit_path)))
            .execute(conn)?;
        set_households(conn, id, &f.household_ids)?;
        let after = get(conn, id)?;
        recount(conn, &before, &after)?;
        Ok(after)
    }

    /// Writes imported rows one by one (clans are few, and each has its households).
    pub fn import(conn: &mut DbConn, job: i64, rows: &[Keyed<Fields>], existing: Existing) -> Result<Written> {
        let (known, new) = known_and_new(rows, existing);
        let mut households = households_of(conn, &known.iter().map(|(c, _)| c.id).collect::<Vec<_>>())?;
        let mut written = Written::default();
        for (e, i) in &known {
            let (row, members) = (&rows[*i], households.remove(&e.id).unwrap_or_default());
            let f = &row.fields;
            let same = e.name == f.name && e.unit_id == f.unit_id && members == f.household_ids;
            import_over(conn, e, job, &row.external_id, f, same, &mut written)?;
        }
        for i in new {
            let created = create(conn, &rows[i].fields)?;
            mark_imported(conn, created.id, &rows[i].external_id, job)?;
            written.created += 1;
        }
        Ok(written)
    }

    /// The households of each clan, in one query for a page.
    pub fn households_of(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Vec<i64>>> {
        // One clan by `=`, a statement prepared once (see `household::members`).
        let rows: Vec<(i64, i64)> = match ids {
            [one] => clan_households::table
                .filter(clan_households::clan_id.eq(*one))
                .order(clan_households::household_id)
                .select((clan_households::clan_id, clan_households::household_id))
                .load(conn)?,
            _ => clan_households::table
                .filter(clan_households::clan_id.eq_any(ids))
                .order((clan_households::clan_id, clan_households::household_id))
                .select((clan_households::clan_id, clan_households::household_id))
                .load(conn)?,
        };
        let mut out: HashMap<i64, Vec<i64>> = ids.iter().map(|&id| (id, Vec::new())).collect();
        for (clan, household) in rows {
            if let Some(list) = out.get_mut(&clan) {
                list.push(household);
            }
        }
        Ok(out)
    }
}

pub mod centre {
    use super::*;

    #[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
    #[diesel(table_name = learning_centres)]
    pub struct Centre {
        pub id: i64,
        pub name: String,
        pub unit_id: i64,
        pub unit_path: String,
        pub director_name: Option<String>,
        pub activities_count: i32,
        pub version: i32,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub created_at: NaiveDateTime,
        #[diesel(deserialize_as = crate::stamp::Stamp)]
        pub updated_at: NaiveDateTime,
        pub deleted_at: Option<NaiveDateTime>,
        /// The province's own key of the record, set by imports.
        pub external_id: Option<String>,
        /// The import that last created or changed the record.
        pub import_job_id: Option<i64>,
    }

    #[derive(Debug, Clone)]
    pub struct Fields {
        pub name: String,
        pub unit_id: i64,
        pub unit_path: String,
        pub director_name: Option<String>,
        pub activities_count: i32,
    }

    /// The statistics counter a record counts in.
    fn stats_key(r: &Centre) -> crate::stats::RegistryKey {
        crate::stats::RegistryKey {
            unit_id: r.unit_id,
            kind: crate::stats::RecordKind::LearningCentre,
            subgroup: String::new(),
        }
    }

    registry_reads!(learning_centres, Centre, Record::LearningCentre);

    /// The records under imported rows' keys, by (unit, key) (`by_external_id`): what
    /// `import` writes over, looked up by the caller apart from the write, so that an import
    /// can look up the next page's while the database writes this one.
    pub type Existing = HashMap<(i64, String), Centre>;

    pub fn create(conn: &mut DbConn, f: &Fields) -> Result<Centre> {
        let now = Utc::now().naive_utc();
        let id: i64 = diesel::insert_into(learning_centres::table)
            .values((
                learning_centres::name.eq(&f.name),
                learning_centres::unit_id.eq(f.unit_id),
                learning_centres::unit_path.eq(&f.unit_path),
                learning_centres::director_name.eq(&f.director_name),
                learning_centres::activities_count.eq(f.activities_count),
                learning_centres::version.eq(1),
                learning_centres::created_at.eq(now),
                learning_centres::updated_at.eq(now),
            ))
            .returning(learning_centres::id)
            .get_result(conn)
            .map_err(|e| {
                let e = PersistenceError::from(e);
                if e.is_unique_violation() {
                    PersistenceError::Conflict(crate::error::Conflict::CentreExists)
                } else {
                    e
                }
            })?;
        let created = get(conn, id)?;
        count(conn, &created, 1)?;
        Ok(created)
    }

    pub fn update(conn: &mut DbConn, id: i64, expected: Option<i32>, f: &Fields) -> Result<Centre> {
        let before = bump(conn, id, expected)?;
        diesel::update(learning_centres::table.find(id))
            .set((
                learning_centres::name.eq(&f.name),
                learning_centres::director_name.eq(&f.director_name),
                learning_centres::activities_count.eq(f.activities_count),
            ))
            .execute(conn)?;
        let after = get(conn, id)?;
        recount(conn, &before, &after)?;
        Ok(after)
    }

    fn same(r: &Centre, f: &Fields) -> bool {
        r.name == f.name
            && r.unit_id == f.unit_id
            && r.director_name == f.director_name
            && r.activities_count == f.activities_count
    }

    /// Writes imported rows one by one (one centre a commune).
    pub fn import(conn: &mut DbConn, job: i64, rows: &[Keyed<Fields>], existing: Existing) -> Result<Written> {
        let (known, new) = known_and_new(rows, existing);
        let mut written = Written::default();
        for (e, i) in &known {
            let row = &rows[*i];
            import_over(conn, e, job, &row.external_id, &row.fields, same(e, &row.fields), &mut written)?;
        }
        for i in new {
            let created = create(conn, &rows[i].fields)?;
            mark_imported(conn, created.id, &rows[i].external_id, job)?;
            written.created += 1;
        }
        Ok(written)
    }

    /// The centre of a commune, if it has one (deleted ones included).
    pub fn of_unit(conn: &mut DbConn, unit_id: i64) -> Result<Option<Centre>> {
        Ok(learning_centres::table
            .filter(learning_centres::unit_id.eq(unit_id))
            .select(Centre::as_select())
            .first(conn)
            .optional()?)
    }
}

/// Moves every record filed under a village to the village that succeeds it (a reorganisation
/// moved it to another commune): same records, new home, a new version for syncing clients.
pub fn rehome(conn: &mut DbConn, from: i64, to: &crate::units::Unit) -> Result<()> {
    let now = Utc::now().naive_utc();
    macro_rules! move_rows {
        ($table:ident) => {
            diesel::update($table::table.filter($table::unit_id.eq(from)))
                .set((
                    $table::unit_id.eq(to.id),
                    $table::unit_path.eq(&to.path),
                    $table::version.eq($table::version + 1),
                    $table::updated_at.eq(now),
                ))
                .execute(conn)?
        };
    }
    move_rows!(households);
    move_rows!(citizens);
    move_rows!(clans);
    move_rows!(organisations);
    move_rows!(learning_centres);
    Ok(())
}
