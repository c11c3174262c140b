//! One row → the fields a registry writes, checked by the rules of the single-record API
//! (`validator` on the request, then `Resource::fields`), with what the rules read served
//! from caches filled a page of rows at a time.

use super::kinds::{self, ImportKind};
use crate::auth::Actor;
use crate::dto::*;
use crate::error::ApiError;
use crate::i18n::{Lang, Rule};
use crate::registries::{Centres, Citizens, Clans, Households, Organisations, Referenced, Refs, Registry, Resource};
use crate::state::AppState;
use std::collections::{HashMap, HashSet};
use validator::Validate;
use xhht_domain::UnitLevel;
use xhht_import_files::columns::normalise;
use xhht_import_files::{Column, ColumnMap, dates};
use xhht_persistence::registry::{Keyed, centre, citizen, clan, household, organisation};
use xhht_persistence::units::{self, Unit};
use xhht_persistence::{DbConn, PersistenceError};

/// What is wrong with a row: a cell (`column`, the expected column's key) or the whole row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    pub column: Option<&'static str>,
    pub value: Option<String>,
    pub code: String,
    pub vi: String,
    pub en: String,
}

/// A row that passed, ready to write.
pub enum Checked {
    Household(Keyed<household::Fields>),
    Citizen(Keyed<citizen::Fields>),
    Organisation(Keyed<organisation::Fields>),
    Clan(Keyed<clan::Fields>),
    Centre(Keyed<centre::Fields>),
    Village(VillageRow),
    Answer(super::answers::AnswerRow),
}

/// A village to open, checked by `POST /api/v1/units`'s rules; `key` is what identifies it
/// within its commune in the file (its local code, or its name).
pub struct VillageRow {
    pub request: NewVillageRequest,
    pub division: xhht_domain::DivisionType,
    pub valid_from: chrono::NaiveDate,
    pub commune: i64,
    pub key: String,
    /// Already there, with this name and kind: nothing to write.
    pub exists: bool,
}

impl Checked {
    /// The unit and key that identify the record: one row per pair in a file.
    pub fn identity(&self) -> (i64, &str) {
        match self {
            Checked::Household(k) => (k.fields.unit_id, &k.external_id),
            Checked::Citizen(k) => (k.fields.unit_id, &k.external_id),
            Checked::Organisation(k) => (k.fields.unit_id, &k.external_id),
            Checked::Clan(k) => (k.fields.unit_id, &k.external_id),
            Checked::Centre(k) => (k.fields.unit_id, &k.external_id),
            Checked::Village(v) => (v.commune, &v.key),
            // One answer per indicator of an evaluation in a file.
            Checked::Answer(a) => (a.evaluation_id, &a.indicator),
        }
    }
}

// ----- units ---------------------------------------------------------------------------------

/// The units the caller may register in, found by code, by name, or by "name (code)".
pub struct UnitIndex {
    units: HashMap<i64, Unit>,
    by_code: HashMap<String, Vec<i64>>,
    by_name: HashMap<String, Vec<i64>>,
    /// Those the caller may register in: the template's drop-down.
    writable: HashSet<i64>,
}

impl UnitIndex {
    /// The units in force today. All of them, not only the caller's: a row naming a unit
    /// outside the caller's units is refused by the registry's own rule (`out_of_scope`), as
    /// the single-record API refuses it, rather than reported as unknown.
    pub fn load(conn: &mut DbConn, actor: &Actor) -> Result<Self, ApiError> {
        let today = crate::workflow::today();
        let levels = [UnitLevel::Province, UnitLevel::Commune, UnitLevel::Village];
        let found = units::in_force_under(conn, None, today, &levels)?;
        let writable = |u: &Unit| actor.scope.can_write(&u.path);
        let mut index = UnitIndex {
            units: HashMap::new(),
            by_code: HashMap::new(),
            by_name: HashMap::new(),
            writable: HashSet::new(),
        };
        for unit in found {
            if writable(&unit) {
                index.writable.insert(unit.id);
            }
            if index.units.contains_key(&unit.id) {
                continue;
            }
            index.by_code.entry(unit.code.clone()).or_default().push(unit.id);
            let name = normalise(&unit.name);
            // "Phường Ba Đình" is also found as "Ba Đình".
            let kind = normalise(&unit.division_type);
            if let Some(short) = name.strip_prefix(&kind).map(str::trim).filter(|s| !s.is_empty() && !kind.is_empty()) {
                index.by_name.entry(short.to_owned()).or_default().push(unit.id);
            }
            index.by_name.entry(name).or_default().push(unit.id);
            index.units.insert(unit.id, unit);
        }
        Ok(index)
    }

    pub fn get(&self, id: i64) -> Option<&Unit> {
        self.units.get(&id)
    }

    /// The village of a commune in force with this code, or (without one) this name.
    pub fn village(&self, commune: &Unit, local_code: Option<&str>, name: &str) -> Option<&Unit> {
        let under = |u: &&Unit| u.parent_id == Some(commune.id) && u.level == UnitLevel::Village;
        match local_code {
            Some(local) => self
                .by_code
                .get(&format!("{}-{local}", commune.code))
                .into_iter()
                .flatten()
                .filter_map(|id| self.units.get(id))
                .find(under),
            None => {
                let wanted = normalise(name);
                self.units.values().filter(under).find(|u| normalise(&u.name) == wanted)
            }
        }
    }

    /// The unit a cell names.
    pub fn resolve(&self, text: &str) -> Result<&Unit, RowProblem> {
        // "Phường Ba Đình (00004)", as the template's drop-down writes it: the code decides.
        let code = text
            .strip_suffix(')')
            .and_then(|t| t.rsplit_once('('))
            .map(|(_, code)| code.trim())
            .filter(|c| self.by_code.contains_key(*c));
        let ids = match code {
            Some(code) => self.by_code.get(code),
            None => self.by_code.get(text.trim()).or_else(|| self.by_name.get(&normalise(text))),
        };
        let mut ids: Vec<i64> = ids.cloned().unwrap_or_default();
        ids.sort_unstable();
        ids.dedup();
        // A name shared by a unit of the caller's and one elsewhere means the caller's.
        if ids.len() > 1 && ids.iter().any(|id| self.writable.contains(id)) {
            ids.retain(|id| self.writable.contains(id));
        }
        match ids.as_slice() {
            [id] => self.units.get(id).ok_or_else(|| unknown_unit(text)),
            [] => Err(unknown_unit(text)),
            many => {
                let codes: Vec<String> = many
                    .iter()
                    .filter_map(|id| self.units.get(id))
                    .map(|u| format!("{} ({})", u.name, u.code))
                    .collect();
                Err(RowProblem {
                    column: Some("unit"),
                    value: Some(text.to_owned()),
                    code: "ambiguous_unit".into(),
                    vi: format!("Tên này ứng với nhiều đơn vị: {}; hãy ghi mã.", codes.join(", ")),
                    en: format!("This name matches several units: {}; give the code.", codes.join(", ")),
                })
            }
        }
    }

    /// Every unit as a drop-down offers it, "name (code)", communes and villages first.
    pub fn choices(&self) -> Vec<String> {
        let mut units: Vec<&Unit> = self.units.values().filter(|u| self.writable.contains(&u.id)).collect();
        units.sort_by(|a, b| (a.level == UnitLevel::Province, &a.path).cmp(&(b.level == UnitLevel::Province, &b.path)));
        units.into_iter().map(|u| format!("{} ({})", u.name, u.code)).collect()
    }
}

fn unknown_unit(text: &str) -> RowProblem {
    RowProblem {
        column: Some("unit"),
        value: Some(text.to_owned()),
        code: Rule::UnknownUnit.code().into(),
        vi: "Không có đơn vị hành chính nào đang có hiệu lực với mã hay tên này (ghi mã, tên, hoặc “tên (mã)”).".into(),
        en: "No unit in force has this code or name (give its code, its name, or “name (code)”).".into(),
    }
}

// ----- what the rules read -------------------------------------------------------------------

/// Records and national-ID twins, loaded a page of rows at a time.
#[derive(Default)]
pub struct Cache {
    records: HashMap<(Registry, i64), Option<Referenced>>,
    twins: HashMap<String, Vec<(i64, String)>>,
    /// (registry, key) → the live records readable by the caller with that key.
    keys: HashMap<(Registry, String), Vec<(i64, Referenced)>>,
    /// Citizens the rows' own keys name, by (unit, key): a row updating one is checked as its
    /// update (its own national ID is no twin of itself), and the write takes them as the
    /// records it writes over.
    pub citizens: citizen::Existing,
}

impl Cache {
    /// Before a page: the records its rows name by key, and the twins of its national IDs, in
    /// one query each.
    pub fn preload(
        &mut self,
        conn: &mut DbConn,
        actor: &Actor,
        households: &[&str],
        organisations: &[&str],
        national_id_hashes: &[String],
        citizens: &[&str],
    ) -> Result<(), ApiError> {
        if !citizens.is_empty() {
            let pairs: Vec<(i64, &str)> = citizens.iter().map(|k| (0, *k)).collect();
            self.citizens = citizen::by_external_id(conn, &pairs)?;
        }
        self.load_keys(conn, actor, Registry::Household, households, |conn, pairs| {
            Ok(household::by_external_id(conn, pairs)?
                .into_iter()
                .map(|((_, key), r)| (key, r.id, r.unit_path, r.deleted_at.is_some()))
                .collect())
        })?;
        self.load_keys(conn, actor, Registry::Organisation, organisations, |conn, pairs| {
            Ok(organisation::by_external_id(conn, pairs)?
                .into_iter()
                .map(|((_, key), r)| (key, r.id, r.unit_path, r.deleted_at.is_some()))
                .collect())
        })?;
        let wanted: Vec<String> = national_id_hashes.iter().filter(|h| !self.twins.contains_key(*h)).cloned().collect();
        if !wanted.is_empty() {
            for hash in &wanted {
                self.twins.insert(hash.clone(), Vec::new());
            }
            for (hash, id, path) in citizen::with_national_ids(conn, &wanted)? {
                self.twins.entry(hash).or_default().push((id, path));
            }
        }
        Ok(())
    }

    /// The records of a registry with these keys that the caller may read.
    fn load_keys(
        &mut self,
        conn: &mut DbConn,
        actor: &Actor,
        registry: Registry,
        keys: &[&str],
        load: impl FnOnce(&mut DbConn, &[(i64, &str)]) -> Result<Vec<(String, i64, String, bool)>, ApiError>,
    ) -> Result<(), ApiError> {
        let wanted: Vec<(i64, &str)> =
            keys.iter().filter(|k| !self.keys.contains_key(&(registry, (**k).to_owned()))).map(|k| (0, *k)).collect();
        if wanted.is_empty() {
            return Ok(());
        }
        for (_, k) in &wanted {
            self.keys.insert((registry, (*k).to_owned()), Vec::new());
        }
        for (key, id, unit_path, deleted) in load(conn, &wanted)? {
            if actor.scope.can_read(&unit_path) && !deleted {
                let r = Referenced { unit_path, deleted, household_id: None };
                self.records.insert((registry, id), Some(r.clone()));
                self.keys.entry((registry, key)).or_default().push((id, r));
            }
        }
        Ok(())
    }

    /// The record a key names, among those readable: one in the same unit first, else one in
    /// the same commune, else the only one.
    fn by_key(&self, registry: Registry, key: &str, home: &Unit) -> Result<i64, usize> {
        let found = self.keys.get(&(registry, key.to_owned())).map(Vec::as_slice).unwrap_or_default();
        let commune_root = commune_root(home);
        let pick = |filter: &dyn Fn(&Referenced) -> bool| -> Vec<i64> {
            found.iter().filter(|(_, r)| filter(r)).map(|(id, _)| *id).collect()
        };
        for candidates in [
            pick(&|r: &Referenced| r.unit_path == home.path),
            pick(&|r: &Referenced| r.unit_path.starts_with(&commune_root)),
            pick(&|_: &Referenced| true),
        ] {
            match candidates.as_slice() {
                [id] => return Ok(*id),
                [] => continue,
                many => return Err(many.len()),
            }
        }
        Err(0)
    }
}

/// The path of the commune a unit is in (the unit's own, for a commune or a province).
fn commune_root(unit: &Unit) -> String {
    if unit.level == UnitLevel::Village {
        let trimmed = unit.path.trim_end_matches('/');
        match trimmed.rsplit_once('/') {
            Some((parent, _)) => format!("{parent}/"),
            None => unit.path.clone(),
        }
    } else {
        unit.path.clone()
    }
}

/// The rules' view of the data during an import.
pub struct CachedRefs<'a> {
    pub conn: &'a mut DbConn,
    pub cache: &'a mut Cache,
    pub units: &'a UnitIndex,
}

impl Refs for CachedRefs<'_> {
    fn unit(&mut self, id: i64) -> Result<Option<Unit>, ApiError> {
        match self.units.get(id) {
            Some(unit) => Ok(Some(unit.clone())),
            None => match units::get(self.conn, id) {
                Ok(unit) => Ok(Some(unit)),
                Err(PersistenceError::NotFound(_)) => Ok(None),
                Err(e) => Err(e.into()),
            },
        }
    }

    fn record(&mut self, registry: Registry, id: i64) -> Result<Option<Referenced>, ApiError> {
        if let Some(found) = self.cache.records.get(&(registry, id)) {
            return Ok(found.clone());
        }
        let found = crate::registries::DbRefs(self.conn).record(registry, id)?;
        self.cache.records.insert((registry, id), found.clone());
        Ok(found)
    }

    fn twins(&mut self, hash: &str) -> Result<Vec<(i64, String)>, ApiError> {
        if let Some(found) = self.cache.twins.get(hash) {
            return Ok(found.clone());
        }
        crate::registries::DbRefs(self.conn).twins(hash)
    }
}

// ----- reading cells -------------------------------------------------------------------------

/// One row being read: its cells by expected column, and what is wrong so far.
pub struct Reading<'r> {
    cells: &'r [String],
    map: &'r ColumnMap,
    columns: &'static [Column],
    pub problems: Vec<RowProblem>,
}

impl<'r> Reading<'r> {
    pub fn new(cells: &'r [String], map: &'r ColumnMap, columns: &'static [Column]) -> Self {
        Reading { cells, map, columns, problems: Vec::new() }
    }

    fn column(&self, key: &str) -> Option<(usize, &'static Column)> {
        self.columns.iter().enumerate().find(|(_, c)| c.key == key)
    }

    /// The cell's text, refused if it holds a control character.
    pub fn text(&mut self, key: &'static str) -> Option<String> {
        let (at, _) = self.column(key)?;
        let text = self.map.cell(self.cells, at)?;
        if crate::extract::has_control_character(text) {
            let (vi, en) = Rule::ControlCharacter.texts();
            self.problem(key, Some(text), Rule::ControlCharacter.code(), vi.into(), en.into());
            return None;
        }
        Some(text.to_owned())
    }

    pub fn required(&mut self, key: &'static str) -> Option<String> {
        let text = self.text(key);
        if text.is_none() && !self.problems.iter().any(|p| p.column == Some(key)) {
            self.problem(key, None, "required", "Ô này là bắt buộc.".into(), "This cell is required.".into());
        }
        text
    }

    pub fn problem(&mut self, key: &'static str, value: Option<&str>, code: &str, vi: String, en: String) {
        self.problems.push(RowProblem {
            column: Some(key),
            value: value.map(str::to_owned),
            code: code.to_owned(),
            vi,
            en,
        });
    }

    /// A whole number within the JSON type's range (the request's own rules bound it further).
    pub fn integer(&mut self, key: &'static str, required: bool) -> Option<i32> {
        let text = if required { self.required(key)? } else { self.text(key)? };
        let number = text.parse::<i32>().ok().or_else(|| {
            text.parse::<f64>().ok().filter(|n| n.fract() == 0.0 && n.abs() <= f64::from(i32::MAX)).map(|n| n as i32)
        });
        if number.is_none() {
            self.problem(
                key,
                Some(&text),
                "not_a_number",
                "Phải là một số nguyên.".into(),
                "Must be a whole number.".into(),
            );
        }
        number
    }

    /// A year, or a date whose year is kept.
    pub fn year(&mut self, key: &'static str) -> Option<i32> {
        let text = self.required(key)?;
        let year = dates::parse_year(&text);
        if year.is_none() {
            self.problem(
                key,
                Some(&text),
                "invalid_year",
                "Phải là năm (1985) hoặc ngày (12/07/1985, 1985-07-12).".into(),
                "Must be a year (1985) or a date (12/07/1985, 1985-07-12).".into(),
            );
        }
        year
    }

    /// One of a column's values, by its key or its Vietnamese label.
    pub fn choice<T: serde::de::DeserializeOwned>(
        &mut self,
        key: &'static str,
        values: &'static [(&'static str, &'static str)],
    ) -> Option<T> {
        let text = self.required(key)?;
        // As the template's drop-down writes it, or its key: no normalising (a cost per row).
        let found = values.iter().find(|(k, vi)| *k == text || *vi == text).or_else(|| {
            let wanted = normalise(&text);
            values.iter().find(|(k, vi)| normalise(k) == wanted || normalise(vi) == wanted)
        });
        match found.and_then(|(k, _)| serde_json::from_value(serde_json::Value::String((*k).to_owned())).ok()) {
            Some(value) => Some(value),
            None => {
                let listed = values.iter().map(|(_, vi)| *vi).collect::<Vec<_>>().join("; ");
                let keys = values.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ");
                self.problem(
                    key,
                    Some(&text),
                    "not_one_of",
                    format!("Giá trị không có trong danh sách: {listed}."),
                    format!("Not one of the values: {keys}."),
                );
                None
            }
        }
    }

    pub fn unit<'u>(&mut self, units: &'u UnitIndex) -> Option<&'u Unit> {
        let text = self.required("unit")?;
        match units.resolve(&text) {
            Ok(unit) => Some(unit),
            Err(problem) => {
                self.problems.push(problem);
                None
            }
        }
    }

    /// The row's key: 1 to 100 characters.
    pub fn external_id(&mut self) -> Option<String> {
        let key = self.required("external_id")?;
        if key.chars().count() > 100 {
            self.problem(
                "external_id",
                Some(&key),
                "length",
                "Độ dài tối đa 100 ký tự.".into(),
                "At most 100 characters.".into(),
            );
            return None;
        }
        Some(key)
    }

    /// The problems of a refusal by the single-record rules, on the cells they concern.
    pub fn refused(&mut self, error: ApiError) {
        let (vi, en) = (error.problem(Lang::Vi, None, None), error.problem(Lang::En, None, None));
        if vi.errors.is_empty() {
            // Refusals about where the record goes (outside the caller's units, a second
            // centre in a commune) concern the unit's cell.
            let place = if self.column("unit").is_some() { "unit" } else { "commune" };
            let column =
                matches!(error, ApiError::OutOfScope | ApiError::Conflict(xhht_persistence::Conflict::CentreExists))
                    .then_some(place);
            let value = column
                .and_then(|k| self.column(k))
                .and_then(|(at, _)| self.map.cell(self.cells, at))
                .map(str::to_owned);
            self.problems.push(RowProblem { column, value, code: vi.code.as_str(), vi: vi.detail, en: en.detail });
            return;
        }
        for (v, e) in vi.errors.into_iter().zip(en.errors) {
            let key = column_of_field(&v.field);
            let value =
                key.and_then(|k| self.column(k)).and_then(|(at, _)| self.map.cell(self.cells, at)).map(str::to_owned);
            self.problems.push(RowProblem { column: key, value, code: v.code, vi: v.message, en: e.message });
        }
    }
}

/// The column a request field is read from.
fn column_of_field(field: &str) -> Option<&'static str> {
    let field = field.split(['.', '[']).next().unwrap_or(field);
    Some(match field {
        "unit_id" => "unit",
        "household_id" => "household_key",
        "workplace_id" => "workplace_key",
        "household_ids" => "household_keys",
        "full_name" => "full_name",
        "birth_year" => "birth_year",
        "sex" => "sex",
        "target_group" => "target_group",
        "national_id" => "national_id",
        "label" => "label",
        "name" => "name",
        "org_type" => "org_type",
        "managing_level" => "managing_level",
        "staff_count" => "staff_count",
        "learner_count" => "learner_count",
        "director_name" => "director_name",
        "activities_count" => "activities_count",
        "parent_id" => "commune",
        "division_type" => "division_type",
        "local_code" => "local_code",
        "valid_from" => "valid_from",
        _ => return None,
    })
}

// ----- the kinds -----------------------------------------------------------------------------

/// What a page of rows will name by key, to load before checking them.
pub fn named_keys(kind: ImportKind, cells: &[String], map: &ColumnMap, out: &mut Named) {
    let columns = kind.columns();
    let at = |key: &str| columns.iter().position(|c| c.key == key);
    match kind {
        ImportKind::Citizens => {
            if let Some(h) = at("household_key").and_then(|i| map.cell(cells, i)) {
                out.households.insert(h.to_owned());
            }
            if let Some(w) = at("workplace_key").and_then(|i| map.cell(cells, i)) {
                out.organisations.insert(w.to_owned());
            }
            if let Some(n) = at("national_id").and_then(|i| map.cell(cells, i)) {
                out.national_ids.insert(n.to_owned());
            }
            // The record a row updates: its national ID is no twin of itself, and the write
            // takes it as the record to write over.
            if let Some(key) = at("external_id").and_then(|i| map.cell(cells, i)) {
                out.citizens.insert(key.to_owned());
            }
        }
        ImportKind::Clans => {
            if let Some(list) = at("household_keys").and_then(|i| map.cell(cells, i)) {
                out.households.extend(split_keys(list).map(str::to_owned));
            }
        }
        _ => {}
    }
}

#[derive(Default)]
pub struct Named {
    pub households: HashSet<String>,
    pub organisations: HashSet<String>,
    pub national_ids: HashSet<String>,
    /// Keys of citizen rows that carry a national ID.
    pub citizens: HashSet<String>,
}

fn split_keys(list: &str) -> impl Iterator<Item = &str> {
    list.split([';', ',', '\n']).map(str::trim).filter(|k| !k.is_empty())
}

/// What checking rows needs besides the row.
pub struct Checker<'a> {
    pub kind: ImportKind,
    pub actor: &'a Actor,
    pub state: &'a AppState,
    pub units: &'a UnitIndex,
    pub cache: Cache,
    /// National IDs met earlier in the file (by hash), with their rows: a second is a duplicate.
    pub national_ids: HashMap<String, u64>,
    /// Communes given a learning centre earlier in the file, with the row and key.
    pub centres: HashMap<i64, (u64, String)>,
    /// Evaluations named by self-assessment rows so far.
    pub answers: super::answers::Lookup,
}

impl Checker<'_> {
    /// Checks one row; `Err` holds every problem found.
    pub fn check(
        &mut self,
        conn: &mut DbConn,
        number: u64,
        cells: &[String],
        map: &ColumnMap,
    ) -> Result<Checked, Vec<RowProblem>> {
        let mut r = Reading::new(cells, map, self.kind.columns());
        let checked = match self.kind {
            ImportKind::Households => self.household(conn, &mut r).map(Checked::Household),
            ImportKind::Citizens => self.citizen(conn, number, &mut r).map(Checked::Citizen),
            ImportKind::Organisations => self.organisation(conn, &mut r).map(Checked::Organisation),
            ImportKind::Clans => self.clan(conn, &mut r).map(Checked::Clan),
            ImportKind::LearningCentres => self.centre(conn, number, &mut r).map(Checked::Centre),
            ImportKind::Villages => self.village(&mut r).map(Checked::Village),
            ImportKind::SelfAssessments => self.answer(conn, &mut r).map(Checked::Answer),
        };
        match checked {
            Some(c) if r.problems.is_empty() => Ok(c),
            _ => Err(r.problems),
        }
    }

    /// The request's own rules (`validator`), then the registry's (`Resource::fields`); `id`
    /// is the record the row updates, if it is known.
    fn fields<R: Resource>(
        &mut self,
        conn: &mut DbConn,
        r: &mut Reading,
        req: &R::Request,
        id: Option<i64>,
    ) -> Option<R::Fields> {
        if let Err(e) = req.validate() {
            r.refused(ApiError::from(e));
            return None;
        }
        let mut refs = CachedRefs { conn, cache: &mut self.cache, units: self.units };
        match R::fields(&mut refs, self.actor, req, self.state, id) {
            Ok(fields) => Some(fields),
            Err(e) => {
                r.refused(e);
                None
            }
        }
    }

    fn household(&mut self, conn: &mut DbConn, r: &mut Reading) -> Option<Keyed<household::Fields>> {
        let external_id = r.external_id();
        let label = r.required("label");
        let unit = r.unit(self.units);
        let req = HouseholdRequest { label: label?, unit_id: unit?.id, head_citizen_id: None };
        let fields = self.fields::<Households>(conn, r, &req, None)?;
        Some(Keyed { external_id: external_id?, fields })
    }

    fn by_key(&self, r: &mut Reading, registry: Registry, column: &'static str, key: &str, home: &Unit) -> Option<i64> {
        match self.cache.by_key(registry, key, home) {
            Ok(id) => Some(id),
            Err(0) => {
                let (vi, en) = match registry {
                    Registry::Household => (
                        "Không có hộ nào với mã này trong địa bàn của tài khoản; hãy nhập danh sách hộ trước.",
                        "No household with this key among the account's units; import the households first.",
                    ),
                    _ => (
                        "Không có cơ quan, đơn vị nào với mã này trong địa bàn của tài khoản; hãy nhập danh sách cơ quan, đơn vị trước.",
                        "No organisation with this key among the account's units; import the organisations first.",
                    ),
                };
                r.problem(column, Some(key), "unknown_key", vi.into(), en.into());
                None
            }
            Err(n) => {
                r.problem(
                    column,
                    Some(key),
                    "ambiguous_key",
                    format!("Mã này ứng với {n} bản ghi ở các đơn vị khác nhau; hãy sửa cho mã không trùng."),
                    format!("This key names {n} records in different units; make the keys unique."),
                );
                None
            }
        }
    }

    fn citizen(&mut self, conn: &mut DbConn, number: u64, r: &mut Reading) -> Option<Keyed<citizen::Fields>> {
        let external_id = r.external_id();
        let full_name = r.required("full_name");
        let birth_year = r.year("birth_year");
        let sex: Option<Sex> = r.choice("sex", kinds::SEX);
        let target_group: Option<TargetGroup> = r.choice("target_group", kinds::TARGET_GROUPS);
        let unit = r.unit(self.units);
        let national_id = r.text("national_id");
        let household_id = match (r.text("household_key"), unit) {
            (Some(key), Some(home)) => Some(self.by_key(r, Registry::Household, "household_key", &key, home)?),
            _ => None,
        };
        let workplace_id = match (r.text("workplace_key"), unit) {
            (Some(key), Some(home)) => Some(self.by_key(r, Registry::Organisation, "workplace_key", &key, home)?),
            _ => None,
        };
        let req = CitizenRequest {
            full_name: full_name?,
            birth_year: birth_year?,
            sex: sex?,
            target_group: target_group?,
            household_id,
            workplace_id,
            unit_id: unit?.id,
            national_id: national_id.clone(),
        };
        if !r.problems.is_empty() {
            return None;
        }
        let known = match (&external_id, unit) {
            (Some(key), Some(home)) => self.cache.citizens.get(&(home.id, key.clone())).map(|c| c.id),
            _ => None,
        };
        let fields = self.fields::<Citizens>(conn, r, &req, known)?;
        if let Some(hash) = &fields.national_id_hash {
            if let Some(first) = self.national_ids.get(hash) {
                r.problem(
                    "national_id",
                    national_id.as_deref(),
                    "duplicate_citizen",
                    format!("Số định danh này đã có ở dòng {first} của tệp."),
                    format!("This national ID is already on row {first} of the file."),
                );
                return None;
            }
            self.national_ids.insert(hash.clone(), number);
        }
        Some(Keyed { external_id: external_id?, fields })
    }

    fn organisation(&mut self, conn: &mut DbConn, r: &mut Reading) -> Option<Keyed<organisation::Fields>> {
        let external_id = r.external_id();
        let name = r.required("name");
        let org_type: Option<OrganisationType> = r.choice("org_type", kinds::ORG_TYPES);
        let managing_level: Option<ManagingLevel> = r.choice("managing_level", kinds::MANAGING_LEVELS);
        let unit = r.unit(self.units);
        let staff_count = r.integer("staff_count", true);
        let learner_count = r.integer("learner_count", false);
        let req = OrganisationRequest {
            name: name?,
            org_type: org_type?,
            managing_level: managing_level?,
            unit_id: unit?.id,
            staff_count: staff_count?,
            learner_count,
        };
        if !r.problems.is_empty() {
            return None;
        }
        let fields = self.fields::<Organisations>(conn, r, &req, None)?;
        Some(Keyed { external_id: external_id?, fields })
    }

    fn clan(&mut self, conn: &mut DbConn, r: &mut Reading) -> Option<Keyed<clan::Fields>> {
        let external_id = r.external_id();
        let name = r.required("name");
        let unit = r.unit(self.units);
        let mut household_ids = Vec::new();
        if let (Some(list), Some(home)) = (r.text("household_keys"), unit) {
            for key in split_keys(&list) {
                if let Some(id) = self.by_key(r, Registry::Household, "household_keys", key, home) {
                    household_ids.push(id);
                }
            }
        }
        let req = ClanRequest { name: name?, unit_id: unit?.id, household_ids };
        if !r.problems.is_empty() {
            return None;
        }
        let fields = self.fields::<Clans>(conn, r, &req, None)?;
        Some(Keyed { external_id: external_id?, fields })
    }

    fn village(&mut self, r: &mut Reading) -> Option<VillageRow> {
        let commune = match r.required("commune") {
            Some(text) => match self.units.resolve(&text) {
                Ok(unit) if unit.level == UnitLevel::Commune => Some(unit),
                Ok(_) => {
                    let (vi, en) = Rule::NotACommune.texts();
                    r.problem("commune", Some(&text), Rule::NotACommune.code(), vi.into(), en.into());
                    None
                }
                Err(problem) => {
                    r.problems.push(RowProblem { column: Some("commune"), ..problem });
                    None
                }
            },
            None => None,
        };
        let name = r.required("name");
        let division: Option<String> = r.choice("division_type", kinds::VILLAGE_TYPES);
        let local_code = r.text("local_code");
        let valid_from = match r.text("valid_from") {
            Some(text) => match dates::parse_date(&text) {
                Some(day) => Some(day),
                None => {
                    r.problem(
                        "valid_from",
                        Some(&text),
                        "invalid_date",
                        "Phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd).".into(),
                        "Must be a date (dd/mm/yyyy or yyyy-mm-dd).".into(),
                    );
                    return None;
                }
            },
            None => None,
        };
        let (commune, name, division_type) = (commune?, name?, division?);
        let request = NewVillageRequest {
            parent_id: commune.id,
            name: name.clone(),
            division_type,
            local_code: local_code.clone(),
            valid_from,
        };
        let division = match crate::villages::check(&request) {
            Ok(d) => d,
            Err(e) => {
                r.refused(e);
                return None;
            }
        };
        if let Err(e) = self.actor.require_in(xhht_domain::Permission::ManageVillages, &commune.path) {
            r.refused(e);
            return None;
        }
        let exists = match self.units.village(commune, local_code.as_deref(), &name) {
            None => false,
            Some(v) if normalise(&v.name) == normalise(&name) && v.division_type == request.division_type => true,
            Some(v) => {
                r.problem(
                    "local_code",
                    local_code.as_deref(),
                    "unit_code_in_use",
                    format!("Mã này đã là của “{} {}”; đổi tên thôn bằng PATCH /api/v1/units/{{id}} (có căn cứ pháp lý).", v.division_type, v.name),
                    format!("This code is “{} {}”'s; a village is renamed with PATCH /api/v1/units/{{id}} (with its legal basis).", v.division_type, v.name),
                );
                return None;
            }
        };
        let key = local_code.unwrap_or_else(|| normalise(&name));
        let valid_from = valid_from.unwrap_or_else(crate::workflow::today);
        Some(VillageRow { request, division, valid_from, commune: commune.id, key, exists })
    }

    fn centre(&mut self, conn: &mut DbConn, number: u64, r: &mut Reading) -> Option<Keyed<centre::Fields>> {
        let external_id = r.external_id();
        let name = r.required("name");
        let unit = r.unit(self.units);
        let director_name = r.text("director_name");
        let activities_count = r.integer("activities_count", true);
        let req = CentreRequest { name: name?, unit_id: unit?.id, director_name, activities_count: activities_count? };
        if !r.problems.is_empty() {
            return None;
        }
        let fields = self.fields::<Centres>(conn, r, &req, None)?;
        let external_id = external_id?;
        // One centre a commune: another key for a commune that has one is a second centre.
        if let Some(existing) = centre::of_unit(conn, fields.unit_id).ok().flatten()
            && existing.external_id.as_deref() != Some(external_id.as_str())
        {
            let e = ApiError::Conflict(xhht_persistence::Conflict::CentreExists);
            r.refused(e);
            return None;
        }
        match self.centres.get(&fields.unit_id) {
            Some((_, key)) if *key == external_id => {}
            Some((first, _)) => {
                let value = r.text("unit");
                r.problem(
                    "unit",
                    value.as_deref(),
                    "learning_centre_exists",
                    format!("Xã này đã có trung tâm ở dòng {first} của tệp; mỗi xã một trung tâm."),
                    format!("This commune already has a centre on row {first} of the file; one centre a commune."),
                );
                return None;
            }
            None => {
                self.centres.insert(fields.unit_id, (number, external_id.clone()));
            }
        }
        Some(Keyed { external_id, fields })
    }
}
