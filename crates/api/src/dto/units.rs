//! Administrative units, their lineage and reorganisations.

use super::*;

/// The level of an administrative unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    District,
    Commune,
    Village,
}

impl From<UnitLevel> for Level {
    fn from(l: UnitLevel) -> Self {
        match l {
            UnitLevel::Province => Level::Province,
            UnitLevel::District => Level::District,
            UnitLevel::Commune => Level::Commune,
            UnitLevel::Village => Level::Village,
        }
    }
}

impl From<Level> for UnitLevel {
    fn from(l: Level) -> Self {
        match l {
            Level::Province => UnitLevel::Province,
            Level::District => UnitLevel::District,
            Level::Commune => UnitLevel::Commune,
            Level::Village => UnitLevel::Village,
        }
    }
}

/// The unit directly above, in short.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitRef {
    pub id: i64,
    pub code: String,
    pub level: Level,
    pub name: String,
}

impl From<&Unit> for UnitRef {
    fn from(u: &Unit) -> Self {
        UnitRef { id: u.id, code: u.code.clone(), level: u.level.into(), name: u.name.clone() }
    }
}

/// An administrative unit: a code in a period. Codes are reused across eras (`00004` was
/// Phường Trúc Bạch until 2025-06-30 and is Phường Ba Đình from 2025-07-01), so `id` is the
/// identity.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 10845, "code": "00004", "level": "commune", "name": "Phường Ba Đình",
    "division_type": "phường", "parent": {"id": 10811, "code": "01", "level": "province", "name": "Thành phố Hà Nội"},
    "depth": 1, "valid_from": "2025-07-01", "valid_to": null, "code_list": "qd19_2025",
    "closing_basis": null, "version": 1, "updated_at": "2026-11-23T08:00:00Z"
}))]
pub struct UnitDto {
    pub id: i64,
    /// Official code (2 digits province, 3 district, 5 commune) or the local code of a village.
    pub code: String,
    pub level: Level,
    /// The name on the `as_of` date of the request (lists), or the current name.
    pub name: String,
    /// The Vietnamese type word: tỉnh, thành phố trung ương, huyện, quận, xã, phường, đặc khu, thôn, tổ dân phố…
    pub division_type: String,
    pub parent: Option<UnitRef>,
    /// 0 for provinces; communes are 1 after the 2025 reform and 2 before it.
    pub depth: i32,
    /// First day in force; null when the official list does not say (units older than the list).
    pub valid_from: Option<NaiveDate>,
    /// Last day in force; null while the unit exists.
    pub valid_to: Option<NaiveDate>,
    /// The official list the code comes from: `qd124_2004`, `qd19_2025`; null for villages.
    pub code_list: Option<String>,
    /// The legal act that closed the unit on its own (not through a reorganisation).
    pub closing_basis: Option<String>,
    /// Bumped on every change; the ETag of the unit.
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

impl UnitDto {
    pub fn new(u: &Unit, parent: Option<&Unit>, name: Option<&String>) -> Self {
        UnitDto {
            id: u.id,
            code: u.code.clone(),
            level: u.level.into(),
            name: name.cloned().unwrap_or_else(|| u.name.clone()),
            division_type: u.division_type.clone(),
            parent: parent.map(UnitRef::from),
            depth: u.depth,
            valid_from: u.valid_from,
            valid_to: u.valid_to,
            code_list: u.code_list.clone(),
            closing_basis: u.closing_basis.clone(),
            version: u.version,
            updated_at: u.updated_at.and_utc(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FormerNameDto {
    pub name: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: NaiveDate,
    pub legal_basis: String,
}

impl From<FormerName> for FormerNameDto {
    fn from(n: FormerName) -> Self {
        FormerNameDto { name: n.name, valid_from: n.valid_from, valid_to: n.valid_to, legal_basis: n.legal_basis }
    }
}

/// A unit with the names it had before.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitDetail {
    #[serde(flatten)]
    pub unit: UnitDto,
    pub former_names: Vec<FormerNameDto>,
}

/// One page of units in (code, id) order.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitPage {
    pub items: Vec<UnitDto>,
    /// Pass as `cursor` to read the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// The number of units matching the filters, when `with_total=true` was asked.
    pub total: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitList {
    pub items: Vec<UnitDto>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnitListQuery {
    /// Only units of this level.
    pub level: Option<Level>,
    /// Only the direct children of this unit id.
    pub parent: Option<i64>,
    /// Only units anywhere below this unit id (its whole subtree).
    pub within: Option<i64>,
    /// The day the list is valid on (YYYY-MM-DD); today in Vietnam when absent.
    pub as_of: Option<NaiveDate>,
    /// Name search that ignores case and Vietnamese diacritics (`ba dinh` finds `Phường Ba Đình`).
    pub q: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Also count all matching units (one more query).
    pub with_total: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChildrenQuery {
    /// The day (YYYY-MM-DD); today in Vietnam, or the unit's last day if it has closed.
    pub as_of: Option<NaiveDate>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ByCodeQuery {
    /// The day the code is read on (YYYY-MM-DD); today in Vietnam when absent.
    pub as_of: Option<NaiveDate>,
    /// Needed only when the code is ambiguous on that day.
    pub level: Option<Level>,
}

/// A village (thôn, bản, ấp, tổ dân phố…) to open under a commune.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "parent_id": 10845, "name": "Tổ dân phố số 1", "division_type": "tổ dân phố",
    "local_code": "TDP01", "valid_from": "2026-01-01"
}))]
pub struct NewVillageRequest {
    /// The commune the village belongs to.
    pub parent_id: i64,
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    /// thôn, làng, ấp, bản, buôn, bon, phum, sóc, plei, tổ dân phố, khu phố, khối phố, khóm, tiểu khu, khu dân cư
    /// (written exactly so, in lower case).
    #[schema(schema_with = village_division_types)]
    pub division_type: String,
    /// The commune's own number for the village (letters, digits, '-', '.'); the unit code
    /// becomes `<commune code>-<local_code>`. Numbered automatically when absent.
    #[validate(length(min = 1, max = 12))]
    #[schema(min_length = 1, max_length = 12, pattern = "^[A-Za-z0-9.-]+$")]
    pub local_code: Option<String>,
    /// First day in force; today in Vietnam when absent.
    pub valid_from: Option<NaiveDate>,
}

/// The names a village may carry, as an enumeration in the document.
fn village_division_types() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(xhht_domain::UnitLevel::Village.division_types().iter().copied()))
        .build()
}

/// A new name, from a date, on a legal basis.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Phường Ba Đình", "effective_date": "2026-01-01", "legal_basis": "Nghị quyết số 1/NQ-UBTVQH15"}))]
pub struct RenameRequest {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    /// The first day of the new name.
    pub effective_date: NaiveDate,
    /// The legal act (number and issuer).
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub legal_basis: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"last_day": "2026-06-30", "legal_basis": "Quyết định số 12/QĐ-UBND"}))]
pub struct CloseRequest {
    /// The last day the unit exists.
    pub last_day: NaiveDate,
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub legal_basis: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReorganisationKindDto {
    /// Several sources become one target.
    Merge,
    /// One source becomes several targets.
    Split,
    /// Many to many; every link is given in `links`.
    Restructure,
}

/// A unit opened by a reorganisation.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTargetUnit {
    pub level: Level,
    /// Official code for provinces, districts and communes; for villages the commune's local code.
    #[validate(length(min = 1, max = 20))]
    #[schema(min_length = 1, max_length = 20)]
    pub code: String,
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    #[validate(length(min = 1, max = 40))]
    #[schema(min_length = 1, max_length = 40)]
    pub division_type: String,
    /// Required for every level but province.
    pub parent_id: Option<i64>,
}

/// A target: an existing unit (`unit_id`) that absorbs the sources, or a unit to open (`new`).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReorganisationTarget {
    pub unit_id: Option<i64>,
    #[validate(nested)]
    pub new: Option<NewTargetUnit>,
}

/// One lineage edge: `source_id` (partly, when `partial`) went into `targets[target_index]`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReorganisationLinkRequest {
    pub source_id: i64,
    #[validate(range(min = 0, max = 999))]
    pub target_index: i64,
    #[serde(default)]
    pub partial: bool,
}

/// One legal act that closes units and opens others, recorded all or nothing.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "kind": "merge", "effective_date": "2026-07-01",
    "legal_basis": "Nghị quyết số 1656/NQ-UBTVQH15",
    "sources": [10845, 10846],
    "targets": [{"new": {"level": "commune", "code": "99999", "name": "Phường Ba Đình Mới", "division_type": "phường", "parent_id": 10811}}]
}))]
pub struct NewReorganisationRequest {
    pub kind: ReorganisationKindDto,
    /// The first day of the new map; sources end the day before.
    pub effective_date: NaiveDate,
    /// The legal act, e.g. a National Assembly Standing Committee resolution number.
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub legal_basis: String,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
    /// Units that close.
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_items = 1, max_items = 1000)]
    pub sources: Vec<i64>,
    #[validate(length(min = 1, max = 1000), nested)]
    #[schema(min_items = 1, max_items = 1000)]
    pub targets: Vec<ReorganisationTarget>,
    /// Required for `restructure`; for `merge` and `split` derived when absent.
    #[validate(length(max = 10000), nested)]
    #[serde(default)]
    pub links: Vec<ReorganisationLinkRequest>,
    /// Villages of the sources that move to a target commune, with the records filed under
    /// them: each closes, opens again under the target (keeping its local code) and is linked
    /// to its old self. A source commune closes only when none of its villages stays open.
    #[validate(length(max = 10000), nested)]
    #[schema(max_items = 10000)]
    #[serde(default)]
    pub villages: Vec<VillageMoveRequest>,
}

/// A village of a source commune that goes to `targets[target_index]`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VillageMoveRequest {
    pub village_id: i64,
    #[validate(range(min = 0, max = 999))]
    #[schema(minimum = 0, maximum = 999)]
    pub target_index: i64,
}

/// A village a reorganisation moved: as it closed, and as it opened under its new commune.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MovedVillage {
    pub from: UnitDto,
    pub to: UnitDto,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReorganisationLink {
    pub predecessor_id: i64,
    pub successor_id: i64,
    /// Only part of the predecessor went to this successor.
    pub partial: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReorganisationDto {
    pub id: i64,
    pub kind: ReorganisationKindDto,
    pub effective_date: NaiveDate,
    pub legal_basis: String,
    pub note: Option<String>,
    pub sources: Vec<UnitDto>,
    pub targets: Vec<UnitDto>,
    pub links: Vec<ReorganisationLink>,
    /// Villages moved, with their records, to a target commune.
    pub moved_villages: Vec<MovedVillage>,
    pub created_at: DateTime<Utc>,
}

impl ReorganisationDto {
    pub fn new(d: &ReorganisationDetail) -> Self {
        let kind = match d.reorganisation.kind.as_str() {
            "merge" => ReorganisationKindDto::Merge,
            "split" => ReorganisationKindDto::Split,
            _ => ReorganisationKindDto::Restructure,
        };
        ReorganisationDto {
            id: d.reorganisation.id,
            kind,
            effective_date: d.reorganisation.effective_date,
            legal_basis: d.reorganisation.legal_basis.clone(),
            note: d.reorganisation.note.clone(),
            sources: d.sources.iter().map(|u| UnitDto::new(u, None, None)).collect(),
            targets: d.targets.iter().map(|u| UnitDto::new(u, None, None)).collect(),
            links: d
                .links
                .iter()
                .map(|&(predecessor_id, successor_id, partial)| ReorganisationLink {
                    predecessor_id,
                    successor_id,
                    partial,
                })
                .collect(),
            moved_villages: d
                .moved_villages
                .iter()
                .map(|(from, to)| MovedVillage {
                    from: UnitDto::new(from, None, None),
                    to: UnitDto::new(to, None, None),
                })
                .collect(),
            created_at: d.reorganisation.created_at.and_utc(),
        }
    }
}

/// A predecessor or successor of a unit, with the act that linked them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LineageDto {
    pub unit: UnitDto,
    /// True when only part of the predecessor's territory went to the successor.
    pub partial: bool,
    pub effective_date: NaiveDate,
    pub legal_basis: String,
    pub reorganisation_id: i64,
    pub note: Option<String>,
}

impl From<&Lineage> for LineageDto {
    fn from(l: &Lineage) -> Self {
        LineageDto {
            unit: UnitDto::new(&l.unit, None, None),
            partial: l.partial,
            effective_date: l.reorganisation.effective_date,
            legal_basis: l.reorganisation.legal_basis.clone(),
            reorganisation_id: l.reorganisation.id,
            note: l.reorganisation.note.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LineageList {
    pub items: Vec<LineageDto>,
}
