//! Request and response bodies. API types are kept apart from database rows: they are the
//! contract, and they change only additively within /api/v1.

use chrono::{DateTime, NaiveDate, Utc};

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;
use xhht_domain::UnitLevel;
use xhht_persistence::units::{FormerName, Lineage, ReorganisationDetail, Unit};

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

/// The subject types the engine knows, as an enumeration in the document.
fn subject_type_names() -> utoipa::openapi::schema::Array {
    let names = xhht_evaluation::SubjectType::ALL.map(xhht_evaluation::SubjectType::name);
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(
            utoipa::openapi::schema::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .enum_values(Some(names)),
        )
        .description(Some(
            "The subject's types, for indicators that apply only to some (e.g. `upper_secondary_school`).",
        ))
        .build()
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

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Health {
    /// `ok` (alive) or `ready` (the database answers).
    pub status: String,
    /// `sqlite` or `postgres`; present on readiness.
    pub database: Option<String>,
}

/// An evidence link: `http(s)://`, a host of letters, digits, dots and hyphens (not at its
/// ends), an optional port, then a path, query or fragment of visible ASCII. It is the pattern
/// the document gives the field, written out so that both say exactly the same.
fn web_link(value: &str) -> Result<(), validator::ValidationError> {
    let invalid = || Err(validator::ValidationError::new("invalid_url"));
    let Some(rest) = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://")) else {
        return invalid();
    };
    let end = rest.find([':', '/', '?', '#']).unwrap_or(rest.len());
    let (host, mut rest) = rest.split_at(end);
    let host_ok = host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && host.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && host.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric());
    if !host_ok {
        return invalid();
    }
    if let Some(after) = rest.strip_prefix(':') {
        let digits = after.find(['/', '?', '#']).unwrap_or(after.len());
        if !(1..=5).contains(&digits) || !after[..digits].bytes().all(|b| b.is_ascii_digit()) {
            return invalid();
        }
        rest = &after[digits..];
    }
    if rest.bytes().all(|b| (b'!'..=b'~').contains(&b)) { Ok(()) } else { invalid() }
}

/// Text must have a character that is not white space (Rust's `char::is_whitespace`, which
/// `str::trim` uses). The document states the same with the pattern on these fields, a
/// character class that lists exactly those characters: `\s` would mean other sets in
/// other regex engines.
fn not_blank(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().is_empty() { Err(validator::ValidationError::new("blank")) } else { Ok(()) }
}

// ---------------------------------------------------------------------------------------------
// Accounts, tokens, audit
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleDto {
    /// System administrator.
    Admin,
    /// Provincial officer (Sở GD&ĐT).
    ProvincialOfficer,
    /// Commune officer (UBND xã / Phòng Văn hóa – Xã hội).
    CommuneOfficer,
    /// Member of an evaluation team.
    Inspector,
    /// Study-promotion association officer (Hội Khuyến học).
    AssociationOfficer,
    /// Read-only viewer.
    Viewer,
}

impl From<xhht_domain::Role> for RoleDto {
    fn from(r: xhht_domain::Role) -> Self {
        use xhht_domain::Role as R;
        match r {
            R::Admin => RoleDto::Admin,
            R::ProvincialOfficer => RoleDto::ProvincialOfficer,
            R::CommuneOfficer => RoleDto::CommuneOfficer,
            R::Inspector => RoleDto::Inspector,
            R::AssociationOfficer => RoleDto::AssociationOfficer,
            R::Viewer => RoleDto::Viewer,
        }
    }
}

impl From<RoleDto> for xhht_domain::Role {
    fn from(r: RoleDto) -> Self {
        use xhht_domain::Role as R;
        match r {
            RoleDto::Admin => R::Admin,
            RoleDto::ProvincialOfficer => R::ProvincialOfficer,
            RoleDto::CommuneOfficer => R::CommuneOfficer,
            RoleDto::Inspector => R::Inspector,
            RoleDto::AssociationOfficer => R::AssociationOfficer,
            RoleDto::Viewer => R::Viewer,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A person, signing in with a password.
    Person,
    /// A portal or script, signing in with API keys.
    Service,
}

/// An account. Never carries a password, a hash or a key.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccountDto {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub kind: AccountKind,
    pub roles: Vec<RoleDto>,
    /// The units the account covers: it sees and changes only their subtrees.
    pub unit_ids: Vec<i64>,
    pub disabled: bool,
    pub must_change_password: bool,
    /// Set while the account is locked after repeated failed sign-ins.
    pub locked_until: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&xhht_persistence::accounts::Account> for AccountDto {
    fn from(a: &xhht_persistence::accounts::Account) -> Self {
        AccountDto {
            id: a.id,
            username: a.username.clone(),
            display_name: a.display_name.clone(),
            kind: if a.kind == "service" { AccountKind::Service } else { AccountKind::Person },
            roles: a.roles.iter().map(|r| (*r).into()).collect(),
            unit_ids: a.unit_ids.clone(),
            disabled: a.disabled,
            must_change_password: a.must_change_password,
            locked_until: a.locked_until.map(|t| t.and_utc()),
            version: a.version,
            created_at: a.created_at.and_utc(),
            updated_at: a.updated_at.and_utc(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccountPage {
    pub items: Vec<AccountDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"username": "cb.badinh", "display_name": "Nguyễn Văn An", "kind": "person",
    "roles": ["commune_officer"], "unit_ids": [10845]}))]
pub struct NewAccountRequest {
    /// Letters, digits, '.', '_' or '-'; 3–64 characters.
    #[validate(length(min = 3, max = 64), custom(function = "username_chars"))]
    #[schema(min_length = 3, max_length = 64, pattern = "^[A-Za-z0-9._-]+$")]
    pub username: String,
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub display_name: String,
    pub kind: AccountKind,
    #[validate(length(min = 1, max = 6))]
    #[schema(min_items = 1, max_items = 6)]
    pub roles: Vec<RoleDto>,
    /// Required for every role but admin.
    #[validate(length(max = 100))]
    #[schema(max_items = 100)]
    #[serde(default)]
    pub unit_ids: Vec<i64>,
}

/// A new account; a person's one-time password is shown here once and never again.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CreatedAccount {
    #[serde(flatten)]
    pub account: AccountDto,
    /// The first password of a person account; it must be changed at first use.
    pub initial_password: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"roles": ["commune_officer", "viewer"], "disabled": false}))]
pub struct AccountUpdateRequest {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub display_name: Option<String>,
    #[validate(length(min = 1, max = 6))]
    #[schema(min_items = 1, max_items = 6)]
    pub roles: Option<Vec<RoleDto>>,
    #[validate(length(max = 100))]
    #[schema(max_items = 100)]
    pub unit_ids: Option<Vec<i64>>,
    pub disabled: Option<bool>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PasswordReset {
    pub account_id: i64,
    /// Shown once; must be changed at first use.
    pub initial_password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChangeRequest {
    #[validate(length(min = 1, max = 256))]
    #[schema(min_length = 1, max_length = 256)]
    pub current_password: String,
    /// At least 12 characters.
    #[validate(length(min = 12, max = 256))]
    #[schema(min_length = 12, max_length = 256)]
    pub new_password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Cổng thông tin tỉnh"}))]
pub struct NewApiKeyRequest {
    #[validate(length(min = 1, max = 100), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKeyDto {
    pub id: i64,
    pub name: String,
    /// The public start of the key, to recognise it.
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<&xhht_persistence::accounts::ApiKey> for ApiKeyDto {
    fn from(k: &xhht_persistence::accounts::ApiKey) -> Self {
        ApiKeyDto {
            id: k.id,
            name: k.name.clone(),
            prefix: k.prefix.clone(),
            created_at: k.created_at.and_utc(),
            revoked_at: k.revoked_at.map(|t| t.and_utc()),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKeyDto,
    /// The whole key, shown once; only its hash is stored.
    pub api_key: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKeyList {
    pub items: Vec<ApiKeyDto>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantType {
    Password,
    ApiKey,
    RefreshToken,
}

/// Sign in with a password or an API key, or exchange a refresh token.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"grant_type": "password", "username": "cb.badinh", "password": "…"}))]
pub struct TokenRequest {
    pub grant_type: GrantType,
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub username: Option<String>,
    #[validate(length(min = 1, max = 256))]
    #[schema(min_length = 1, max_length = 256)]
    pub password: Option<String>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub api_key: Option<String>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub refresh_token: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Rotates at every use; a reused one revokes its whole family. Absent for API keys.
    pub refresh_token: Option<String>,
    pub refresh_expires_in: Option<i64>,
    /// The account must change its password before doing anything else useful.
    pub must_change_password: bool,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogoutRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub refresh_token: String,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// `unit`, `reorganisation`, `account`, `api_key`…
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    /// Account id of the actor.
    pub actor: Option<i64>,
    /// Only changes inside this unit's subtree.
    pub unit: Option<i64>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// One change: who, when, what, with the fields before and after.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditEntryDto {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_username: String,
    pub request_id: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub unit_id: Option<i64>,
    /// `{"field": {"before": …, "after": …}}` for the fields that changed.
    #[schema(value_type = Object)]
    pub changes: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntryDto>,
    pub next_cursor: Option<String>,
}

fn username_chars(value: &str) -> Result<(), validator::ValidationError> {
    if value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("username_chars"))
    }
}

// ---------------------------------------------------------------------------------------------
// Criteria frameworks
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FrameworkStatusDto {
    /// Incomplete or under review: can be scored for a preview, never used for a recognition.
    Draft,
    /// Complete and frozen.
    Published,
    /// Withdrawn; kept so that past evaluations reproduce.
    Retired,
}

/// A framework version without its document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FrameworkSummary {
    /// The id of this version (what evaluations pin).
    pub id: i64,
    /// The document's id, shared by all its versions.
    pub key: String,
    pub version: i32,
    pub status: FrameworkStatusDto,
    /// cong_dan_hoc_tap, gia_dinh_hoc_tap, dong_ho_hoc_tap, cong_dong_hoc_tap_thon, don_vi_hoc_tap_xa,
    /// don_vi_hoc_tap_huyen, don_vi_hoc_tap_tinh, cong_dong_hoc_tap_xa, cong_dong_hoc_tap_huyen,
    /// cong_dong_hoc_tap_tinh.
    pub model_kind: String,
    pub name_vi: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    /// The province that owns a provincial framework; null for national ones.
    pub province_id: Option<i64>,
    /// Shipped with XHHT from the regulations, rather than created through the API.
    pub shipped: bool,
    /// Published and valid: the only versions a recognition may use.
    pub usable_for_recognition: bool,
    /// What the regulations leave unknown, for drafts.
    pub missing: Vec<String>,
    /// The row's version, the ETag for status transitions.
    pub row_version: i32,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub retired_at: Option<DateTime<Utc>>,
}

/// A framework version with its whole document: legal basis, cycle, roles, the tree of
/// groups and indicators with their Vietnamese texts, and the result rule.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FrameworkDetail {
    #[serde(flatten)]
    pub summary: FrameworkSummary,
    #[schema(value_type = xhht_evaluation::Framework)]
    pub document: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FrameworkPage {
    pub items: Vec<FrameworkSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FrameworkListQuery {
    /// Only this model kind (e.g. `don_vi_hoc_tap_tinh`).
    pub model_kind: Option<ModelKindDto>,
    pub status: Option<FrameworkStatusDto>,
    /// Only versions valid on this day (YYYY-MM-DD).
    pub valid_on: Option<NaiveDate>,
    /// Only the versions of this document id.
    pub key: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// A new framework, or a new version of one (same document `id`). It is stored as a draft
/// with the next version number; publishing is a separate step.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFrameworkRequest {
    /// The framework document. The server sets `version` (the next one for this `id`) and
    /// `status` (`draft`), whatever they say; the rules across its parts are listed with
    /// `framework_invalid`.
    #[schema(value_type = xhht_evaluation::Framework)]
    pub document: serde_json::Value,
    /// The owning province for a provincial framework; absent for national ones (administrators).
    pub province_id: Option<i64>,
}

/// Answers to score without storing anything.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"answers": {"TC1.1": {"points": 10}, "TC1.2": {"points": 8}}, "evaluation_date": "2023-03-01"}))]
pub struct ScoreRequest {
    /// Indicator id → `{"yes_no": true}`, `{"points": 8}`, `{"percentage": 88.5}`, `{"count": 3}` or `{"ordinal": "…"}`.
    #[schema(value_type = std::collections::BTreeMap<String, AnswerDto>)]
    pub answers: serde_json::Value,
    /// Metric name → percentage, for indicators the registry fills (e.g. `share_members_cong_dan_hoc_tap`).
    #[schema(value_type = Option<std::collections::BTreeMap<String, f64>>)]
    #[serde(default)]
    pub metrics: Option<serde_json::Value>,
    /// The subject's types, for indicators that apply only to some (e.g. `upper_secondary_school`).
    #[serde(default)]
    #[schema(schema_with = subject_type_names)]
    pub subject_types: Vec<String>,
    /// The day the result is decided on; today in Vietnam when absent.
    pub evaluation_date: Option<NaiveDate>,
    /// The date of the subject's level-1 recognition, for level 2.
    pub held_level1_since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScoreResponse {
    pub framework_id: i64,
    /// False for drafts: a preview only, never a recognition.
    pub usable_for_recognition: bool,
    /// The result level, points, a verdict with a Vietnamese reason per indicator, and what the
    /// next level needs.
    #[schema(value_type = Object)]
    pub outcome: serde_json::Value,
}

// ---------------------------------------------------------------------------------------------
// Registries
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistryQuery {
    /// Only records under this unit (its subtree).
    pub within: Option<i64>,
    /// Only records changed at or after this instant, deletions included (`deleted: true`):
    /// for offline clients that sync. RFC 3339, e.g. `2026-01-01T00:00:00Z` (a `+07:00`
    /// offset must be URL-encoded as `%2B07:00`).
    pub updated_since: Option<DateTime<Utc>>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page, as received. A full page always has one, so the
    /// last page may come back empty.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

/// The target group of the learning-citizen criteria (QĐ 324/QĐ-KHVN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    /// Người dân trong xã.
    Resident,
    /// Người lao động.
    Worker,
    /// Cán bộ, công nhân viên, doanh nhân.
    StaffBusiness,
    /// Học sinh, sinh viên, học viên.
    Learner,
}

/// A citizen. The national ID number is never returned.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CitizenDto {
    pub id: i64,
    pub full_name: String,
    pub birth_year: i32,
    pub sex: Sex,
    pub target_group: TargetGroup,
    pub household_id: Option<i64>,
    /// The organisation the citizen works or studies at.
    pub workplace_id: Option<i64>,
    pub unit_id: i64,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    /// A deletion marker, in sync reads.
    pub deleted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"full_name": "Nguyễn Thị Lan", "birth_year": 1985, "sex": "female",
    "target_group": "worker", "household_id": 1, "unit_id": 10845}))]
pub struct CitizenRequest {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub full_name: String,
    #[validate(range(min = 1900, max = 2100))]
    #[schema(minimum = 1900, maximum = 2100)]
    pub birth_year: i32,
    pub sex: Sex,
    pub target_group: TargetGroup,
    pub household_id: Option<i64>,
    pub workplace_id: Option<i64>,
    /// The home unit (commune or village).
    pub unit_id: i64,
    /// Optional; 9 or 12 digits. Kept only as a keyed hash, to find duplicates; never returned.
    #[validate(length(min = 9, max = 12), custom(function = "digits"))]
    #[schema(min_length = 9, max_length = 12, pattern = "^[0-9]{9}([0-9]{3})?$")]
    pub national_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HouseholdDto {
    pub id: i64,
    pub label: String,
    /// The village or commune the household lives in.
    pub unit_id: i64,
    pub head_citizen_id: Option<i64>,
    pub member_ids: Vec<i64>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"label": "Hộ ông Trần Văn Bình", "unit_id": 10845}))]
pub struct HouseholdRequest {
    /// How the household is known locally; no address.
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub label: String,
    pub unit_id: i64,
    /// A member of the household.
    pub head_citizen_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationType {
    StateAgency,
    PublicServiceUnit,
    Kindergarten,
    PrimarySchool,
    LowerSecondarySchool,
    UpperSecondarySchool,
    MultiLevelSchoolTopUpperSecondary,
    ContinuingEducationCentre,
    HigherEducationInstitution,
    VocationalEducationInstitution,
    Enterprise,
    Cooperative,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManagingLevel {
    Commune,
    Province,
}

/// A learning unit candidate: an agency, school, enterprise…
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationDto {
    pub id: i64,
    pub name: String,
    pub org_type: OrganisationType,
    pub managing_level: ManagingLevel,
    pub unit_id: i64,
    pub staff_count: i32,
    pub learner_count: Option<i32>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Trường THPT Phan Đình Phùng", "org_type": "upper_secondary_school",
    "managing_level": "province", "unit_id": 10845, "staff_count": 120, "learner_count": 1500}))]
pub struct OrganisationRequest {
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    pub org_type: OrganisationType,
    pub managing_level: ManagingLevel,
    pub unit_id: i64,
    #[validate(range(min = 0, max = 1000000))]
    #[schema(minimum = 0, maximum = 1000000)]
    pub staff_count: i32,
    #[validate(range(min = 0, max = 1000000))]
    #[schema(minimum = 0, maximum = 1000000)]
    pub learner_count: Option<i32>,
}

/// A clan (dòng họ) or a branch of one; its households may live in several communes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ClanDto {
    pub id: i64,
    pub name: String,
    pub unit_id: i64,
    pub household_ids: Vec<i64>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Họ Nguyễn Văn, chi 2", "unit_id": 10845, "household_ids": [1, 2]}))]
pub struct ClanRequest {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    /// The unit the clan is registered in (where its council meets).
    pub unit_id: i64,
    #[validate(length(max = 5000))]
    #[schema(max_items = 5000)]
    #[serde(default)]
    pub household_ids: Vec<i64>,
}

/// A community learning centre (trung tâm học tập cộng đồng), one per commune.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CentreDto {
    pub id: i64,
    pub name: String,
    pub unit_id: i64,
    pub director_name: Option<String>,
    pub activities_count: i32,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "TTHTCĐ phường Ba Đình", "unit_id": 10845, "director_name": "Lê Văn Hùng", "activities_count": 24}))]
pub struct CentreRequest {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    /// The commune.
    pub unit_id: i64,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub director_name: Option<String>,
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub activities_count: i32,
}

macro_rules! page_of {
    ($name:ident, $item:ty) => {
        #[derive(Debug, Clone, Serialize, ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` for the next page; null on the last one.
            pub next_cursor: Option<String>,
        }
    };
}

page_of!(CitizenPage, CitizenDto);
page_of!(HouseholdPage, HouseholdDto);
page_of!(OrganisationPage, OrganisationDto);
page_of!(ClanPage, ClanDto);
page_of!(CentrePage, CentreDto);

fn digits(value: &str) -> Result<(), validator::ValidationError> {
    if value.bytes().all(|b| b.is_ascii_digit()) && (value.len() == 9 || value.len() == 12) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("national_id_digits"))
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluations and decisions
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Citizen,
    Household,
    Clan,
    Organisation,
    /// A village, commune or province evaluated as a learning community.
    Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationStatus {
    Registered,
    Submitted,
    Inspected,
    Recognised,
    Rejected,
    Revoked,
}

/// What the caller may do next with an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationAction {
    SelfAssess,
    AddEvidence,
    Submit,
    Inspect,
    Recognise,
    Reject,
    Revoke,
}

/// An indicator where the inspection team answered differently from the self-assessment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnswerDifference {
    pub indicator_id: String,
    #[schema(value_type = Object)]
    pub self_answer: serde_json::Value,
    #[schema(value_type = Object)]
    pub inspection_answer: serde_json::Value,
}

/// One subject's evaluation for one model and year, pinned to the framework version it uses.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvaluationDto {
    pub id: i64,
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    pub model_kind: String,
    pub year: i32,
    /// The exact framework version; a recognition always reproduces from it.
    pub framework_id: i64,
    pub unit_id: i64,
    pub status: EvaluationStatus,
    pub requested_level: Option<String>,
    /// Indicator id → answer.
    #[schema(value_type = Object)]
    pub self_answers: serde_json::Value,
    #[schema(value_type = Option<Object>)]
    pub inspection_answers: Option<serde_json::Value>,
    pub differences: Vec<AnswerDifference>,
    /// Filed after the framework's deadline (flagged, when the framework flags late filings).
    pub late: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub inspected_at: Option<DateTime<Utc>>,
    /// The level decided (e.g. `muc_do_1`, `tot`).
    pub result_level: Option<String>,
    pub result_points: Option<f64>,
    /// The scored outcome the decision rests on, with a reason per indicator.
    #[schema(value_type = Option<Object>)]
    pub outcome: Option<serde_json::Value>,
    pub decision_id: Option<i64>,
    pub decided_on: Option<NaiveDate>,
    /// The last day the recognition is kept.
    pub valid_until: Option<NaiveDate>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    /// What the caller may do now.
    pub allowed_actions: Vec<EvaluationAction>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvaluationPage {
    pub items: Vec<EvaluationDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvaluationQuery {
    pub year: Option<i32>,
    pub model_kind: Option<ModelKindDto>,
    pub status: Option<EvaluationStatus>,
    pub subject_type: Option<SubjectKind>,
    pub subject_id: Option<i64>,
    pub updated_since: Option<DateTime<Utc>>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Registers a subject for a model and year (đăng ký).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"subject_type": "household", "subject_id": 1, "framework_id": 12, "year": 2026}))]
pub struct RegistrationRequest {
    pub subject_type: SubjectKind,
    pub subject_id: i64,
    /// The framework version to use (not retired).
    pub framework_id: i64,
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// The level the subject asks for (e.g. `muc_do_2`); by default the level it reaches.
    #[validate(length(min = 1, max = 40))]
    #[schema(min_length = 1, max_length = 40)]
    pub requested_level: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"answers": {"TC1.CT1": {"yes_no": true}, "TC2.CT1": {"percentage": 95}}}))]
pub struct AnswersRequest {
    /// Indicator id → `{"yes_no": …}`, `{"points": …}`, `{"percentage": …}`, `{"count": …}` or `{"ordinal": …}`.
    #[schema(value_type = std::collections::BTreeMap<String, AnswerDto>)]
    pub answers: serde_json::Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Note,
    Link,
    File,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"indicator_id": "TC1.CT1", "kind": "link", "url": "https://example.gov.vn/ke-hoach-2026.pdf"}))]
pub struct EvidenceRequest {
    #[validate(length(min = 1, max = 40))]
    #[schema(min_length = 1, max_length = 40)]
    pub indicator_id: String,
    /// `note` or `link`; files are uploaded to `…/evidence/file`.
    pub kind: EvidenceKind,
    #[validate(length(min = 1, max = 5000))]
    #[schema(min_length = 1, max_length = 5000)]
    pub note: Option<String>,
    /// An `http` or `https` address, in ASCII (percent-encode the rest).
    #[validate(length(max = 2000), custom(function = "web_link"))]
    #[schema(
        max_length = 2000,
        pattern = "^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][!-~]*)?$"
    )]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvidenceFileQuery {
    /// The indicator the file supports.
    #[param(min_length = 1, max_length = 40)]
    pub indicator_id: String,
    /// The file's name, without a folder.
    #[param(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^/\\]*[^/\\\t\n\x0B\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000][^/\\]*$"
    )]
    pub file_name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceDto {
    pub id: i64,
    pub indicator_id: String,
    pub kind: EvidenceKind,
    pub note: Option<String>,
    pub url: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    /// SHA-256 of the file, hex.
    pub sha256: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceList {
    pub items: Vec<EvidenceDto>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Recognition,
    Rejection,
    Revocation,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionItem {
    pub evaluation_id: i64,
    /// For a recognition: the level granted; by default the level the evaluation reaches.
    #[validate(length(min = 1, max = 40))]
    #[schema(min_length = 1, max_length = 40)]
    pub level: Option<String>,
}

/// A decision (Quyết định) with its annexed list: it recognises, rejects or revokes many
/// evaluations at once, all or nothing.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "recognition", "number": "123/QĐ-UBND", "decided_on": "2027-03-15",
    "authority": "Chủ tịch UBND phường Ba Đình", "items": [{"evaluation_id": 1}]}))]
pub struct DecisionRequest {
    pub kind: DecisionKind,
    #[validate(length(min = 1, max = 100), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub number: String,
    pub decided_on: NaiveDate,
    /// Who signs (e.g. "Chủ tịch UBND xã …").
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub authority: String,
    /// Required for rejections and revocations.
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: Option<String>,
    #[validate(length(min = 1, max = 20000), nested)]
    #[schema(min_items = 1, max_items = 20000)]
    pub items: Vec<DecisionItem>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionDto {
    pub id: i64,
    pub kind: DecisionKind,
    pub number: String,
    pub decided_on: NaiveDate,
    pub authority: String,
    pub reason: Option<String>,
    pub evaluation_ids: Vec<i64>,
    pub created_at: DateTime<Utc>,
}

/// One answer to one indicator, of the indicator's kind.
#[allow(dead_code)] // Describes the JSON in the document; the evaluation crate parses it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerDto {
    YesNo(bool),
    Points(f64),
    /// 0–100.
    Percentage(f64),
    Count(u64),
    /// One of the indicator's listed values; null for "none of them".
    Ordinal(Option<String>),
}

/// The learning-society models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModelKindDto {
    CongDanHocTap,
    GiaDinhHocTap,
    DongHoHocTap,
    CongDongHocTapThon,
    DonViHocTapXa,
    DonViHocTapHuyen,
    DonViHocTapTinh,
    CongDongHocTapXa,
    CongDongHocTapHuyen,
    CongDongHocTapTinh,
}

#[cfg(test)]
mod tests {
    use super::{not_blank, web_link};
    use proptest::prelude::*;
    use regex::Regex;

    /// The pattern the document gives a field of a request body.
    fn pattern(schema: &str, field: &str) -> Regex {
        let document: serde_json::Value = serde_json::from_str(&crate::openapi::document_json()).unwrap_or_default();
        let text = document
            .pointer(&format!("/components/schemas/{schema}/properties/{field}/pattern"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        Regex::new(text).unwrap_or_else(|e| panic!("{schema}.{field}: {e}"))
    }

    #[test]
    fn web_links_accept_and_refuse_examples() {
        for ok in ["https://a", "http://example.gov.vn/ke-hoach.pdf?x=1#p", "https://x-1.vn:8080", "https://a.b:1/"] {
            assert!(web_link(ok).is_ok(), "{ok}");
        }
        for bad in ["ftp://a", "https://", "https://-a", "https://a-", "https://a:", "https://a:123456", "https://a b"]
        {
            assert!(web_link(bad).is_err(), "{bad}");
        }
        for bad in ["https://a/ b", "https://a/đ", "0"] {
            assert!(web_link(bad).is_err(), "{bad}");
        }
    }

    /// Every character: blank for `not_blank` exactly when the document's class refuses it.
    #[test]
    fn the_blank_pattern_is_str_trim() {
        let visible = pattern("NewVillageRequest", "name");
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(not_blank(&text).is_ok(), visible.is_match(&text), "U+{:04X}", u32::from(c));
        }
    }

    static URL_PATTERN: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| pattern("EvidenceRequest", "url"));

    proptest! {
        #[test]
        fn web_link_agrees_with_the_documented_pattern(
            text in "(https?://)?[A-Za-z0-9.:/?#-]{0,12}[ -~đ\\t]{0,4}[A-Za-z0-9/]{0,4}"
        ) {
            prop_assert_eq!(web_link(&text).is_ok(), URL_PATTERN.is_match(&text), "{}", text);
        }
    }
}
