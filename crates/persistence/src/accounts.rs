//! Accounts, their roles and units, API keys and refresh tokens. Secrets arrive here already
//! hashed; nothing in this module sees a password or a key in clear.

use crate::db::{DbConn, ids_in_list, list_items, subtree_end};
use crate::error::{Conflict, PersistenceError, Result};
use crate::schema::{account_roles, account_units, accounts, api_keys, refresh_tokens, unit_successions, units};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use xhht_domain::{Role, Scope};

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = accounts)]
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    kind: String,
    must_change_password: bool,
    disabled: bool,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    /// `person` or `service`.
    pub kind: String,
    pub must_change_password: bool,
    pub disabled: bool,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub roles: Vec<Role>,
    pub unit_ids: Vec<i64>,
}

/// An account row with its roles and units, each as a `,`-separated list in no order (or
/// NULL): one statement for an account, and for a page of them, instead of two more reads an
/// account.
type Loaded = (AccountRow, Option<String>, Option<String>);

fn load((row, roles, units): Loaded) -> Result<Account> {
    // A role the code no longer knows is left out, as before.
    let mut roles: Vec<Role> = list_items(roles.as_deref()).filter_map(|r| r.parse().ok()).collect();
    roles.sort();
    let unit_ids = ids_in_list(units.as_deref())?;
    Ok(Account {
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        kind: row.kind,
        must_change_password: row.must_change_password,
        disabled: row.disabled,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
        roles,
        unit_ids,
    })
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Account> {
    let found: Option<Loaded> = crate::per_backend!(conn, |c| accounts::table
        .find(id)
        .select((AccountRow::as_select(), RoleList, UnitList))
        .get_result(c)
        .optional())?;
    load(found.ok_or(PersistenceError::NotFound(crate::error::Record::Account))?)
}

crate::list_of_the_row!(
    /// The selected account's roles.
    RoleList,
    accounts::table,
    "r.role",
    " FROM account_roles r WHERE r.account_id = accounts.id)"
);
crate::list_of_the_row!(
    /// The ids of the selected account's units.
    UnitList,
    accounts::table,
    "u.unit_id",
    " FROM account_units u WHERE u.account_id = accounts.id)"
);

/// The session a token belongs to: a chain of refresh tokens (a sign-in with a password) or
/// an API key.
#[derive(Clone, Copy, Debug)]
pub enum Session<'a> {
    Family(&'a str),
    ApiKey(i64),
}

impl Session<'_> {
    /// The token's `sid` claim for this session: `f:` and the family, or `k:` and the key id.
    pub fn claim(self) -> String {
        match self {
            Session::Family(family) => format!("f:{family}"),
            Session::ApiKey(id) => format!("k:{id}"),
        }
    }
}

/// What a token's account and session are now, read on every authenticated request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenState {
    pub version: i32,
    pub disabled: bool,
    pub must_change_password: bool,
    /// The session has not been ended (sign-out, a reused refresh token, a revoked key).
    pub session_live: bool,
}

/// The account's state and whether the token's session still lives, in one statement.
pub fn token_state(conn: &mut DbConn, id: i64, session: Session) -> Result<Option<TokenState>> {
    let account = accounts::table.find(id);
    let found: Option<(i32, bool, bool, bool)> = match session {
        Session::Family(family) => account
            .select((
                accounts::version,
                accounts::disabled,
                accounts::must_change_password,
                diesel::dsl::exists(
                    refresh_tokens::table
                        .filter(refresh_tokens::family.eq(family))
                        .filter(refresh_tokens::account_id.eq(id))
                        .filter(refresh_tokens::revoked_at.is_null()),
                ),
            ))
            .get_result(conn)
            .optional()?,
        Session::ApiKey(key) => account
            .select((
                accounts::version,
                accounts::disabled,
                accounts::must_change_password,
                diesel::dsl::exists(
                    api_keys::table
                        .filter(api_keys::id.eq(key))
                        .filter(api_keys::account_id.eq(id))
                        .filter(api_keys::revoked_at.is_null()),
                ),
            ))
            .get_result(conn)
            .optional()?,
    };
    Ok(found.map(|(version, disabled, must_change_password, session_live)| TokenState {
        version,
        disabled,
        must_change_password,
        session_live,
    }))
}

/// The account and its password hash, for a login.
pub fn by_username(conn: &mut DbConn, username: &str) -> Result<Option<(Account, Option<String>)>> {
    // The account as `load` takes it, and the hash.
    type WithHash = (AccountRow, Option<String>, Option<String>, Option<String>);
    let found: Option<WithHash> = crate::per_backend!(conn, |c| accounts::table
        .filter(accounts::username.eq(username))
        .select((AccountRow::as_select(), RoleList, UnitList, accounts::password_hash))
        .get_result(c)
        .optional())?;
    found.map(|(row, roles, units, hash)| Ok((load((row, roles, units))?, hash))).transpose()
}

/// Accounts in id order after `after`, at most `limit`.
pub fn list(conn: &mut DbConn, after: Option<i64>, limit: i64) -> Result<Vec<Account>> {
    let rows: Vec<Loaded> = crate::per_backend!(conn, |c| accounts::table
        .filter(accounts::id.gt(after.unwrap_or(0)))
        .order(accounts::id)
        .limit(limit)
        .select((AccountRow::as_select(), RoleList, UnitList))
        .load(c))?;
    rows.into_iter().map(load).collect()
}

pub fn admin_exists(conn: &mut DbConn) -> Result<bool> {
    let count: i64 =
        account_roles::table.filter(account_roles::role.eq(Role::Admin.as_str())).count().get_result(conn)?;
    Ok(count > 0)
}

#[derive(Debug, Clone)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub kind: String,
    pub password_hash: Option<String>,
    pub must_change_password: bool,
    pub roles: Vec<Role>,
    pub unit_ids: Vec<i64>,
}

fn set_roles_and_units(conn: &mut DbConn, id: i64, roles: &[Role], unit_ids: &[i64]) -> Result<()> {
    diesel::delete(account_roles::table.filter(account_roles::account_id.eq(id))).execute(conn)?;
    diesel::delete(account_units::table.filter(account_units::account_id.eq(id))).execute(conn)?;
    for role in roles {
        diesel::insert_into(account_roles::table)
            .values((account_roles::account_id.eq(id), account_roles::role.eq(role.as_str())))
            .execute(conn)?;
    }
    for unit in unit_ids {
        let exists: i64 = units::table.filter(units::id.eq(unit)).count().get_result(conn)?;
        if exists == 0 {
            return Err(PersistenceError::NotFound(crate::error::Record::Unit));
        }
        diesel::insert_into(account_units::table)
            .values((account_units::account_id.eq(id), account_units::unit_id.eq(unit)))
            .execute(conn)?;
    }
    Ok(())
}

pub fn create(conn: &mut DbConn, new: &NewAccount) -> Result<Account> {
    let now = Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(accounts::table)
        .values((
            accounts::username.eq(&new.username),
            accounts::display_name.eq(&new.display_name),
            accounts::kind.eq(&new.kind),
            accounts::password_hash.eq(&new.password_hash),
            accounts::must_change_password.eq(new.must_change_password),
            accounts::disabled.eq(false),
            accounts::version.eq(1),
            accounts::created_at.eq(now),
            accounts::updated_at.eq(now),
        ))
        .returning(accounts::id)
        .get_result(conn)
        .map_err(|e| {
            let e = PersistenceError::from(e);
            if e.is_unique_violation() {
                PersistenceError::Conflict(Conflict::UsernameTaken { username: new.username.clone() })
            } else {
                e
            }
        })?;
    set_roles_and_units(conn, id, &new.roles, &new.unit_ids)?;
    get(conn, id)
}

#[derive(Debug, Clone, Default)]
pub struct AccountChanges {
    pub display_name: Option<String>,
    pub roles: Option<Vec<Role>>,
    pub unit_ids: Option<Vec<i64>>,
    pub disabled: Option<bool>,
}

/// Applies `changes` if the account is still at `expected_version`. Disabling an account
/// also revokes its refresh tokens and API keys' sessions.
pub fn update(conn: &mut DbConn, id: i64, expected_version: Option<i32>, changes: &AccountChanges) -> Result<Account> {
    let current = get(conn, id)?;
    if expected_version.is_some_and(|v| v != current.version) {
        return Err(PersistenceError::StaleVersion);
    }
    let now = Utc::now().naive_utc();
    let bumped =
        diesel::update(accounts::table.filter(accounts::id.eq(id)).filter(accounts::version.eq(current.version)))
            .set((
                accounts::version.eq(current.version + 1),
                accounts::updated_at.eq(now),
                accounts::display_name.eq(changes.display_name.as_ref().unwrap_or(&current.display_name)),
                accounts::disabled.eq(changes.disabled.unwrap_or(current.disabled)),
            ))
            .execute(conn)?;
    if bumped != 1 {
        return Err(PersistenceError::StaleVersion);
    }
    if changes.roles.is_some() || changes.unit_ids.is_some() {
        let roles = changes.roles.as_ref().unwrap_or(&current.roles);
        let unit_ids = changes.unit_ids.as_ref().unwrap_or(&current.unit_ids);
        set_roles_and_units(conn, id, roles, unit_ids)?;
    }
    if changes.disabled == Some(true) {
        revoke_all_refresh_tokens(conn, id)?;
    }
    crate::notices::account_changed(conn, id)?;
    get(conn, id)
}

pub fn set_password(conn: &mut DbConn, id: i64, hash: &str, must_change: bool) -> Result<Account> {
    let current = get(conn, id)?;
    diesel::update(accounts::table.find(id))
        .set((
            accounts::password_hash.eq(hash),
            accounts::must_change_password.eq(must_change),
            accounts::version.eq(current.version + 1),
            accounts::updated_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    // A new password ends every session that the old one opened.
    revoke_all_refresh_tokens(conn, id)?;
    crate::notices::account_changed(conn, id)?;
    get(conn, id)
}

/// The read and write subtrees of an account covering `unit_ids` (see `Scope`). Predecessors
/// are followed through every recorded reorganisation, so a new commune's account reads the
/// records of the communes it was formed from.
pub fn scope_of(conn: &mut DbConn, roles: &[Role], unit_ids: &[i64]) -> Result<Scope> {
    if roles.contains(&Role::Admin) {
        return Ok(Scope::nationwide());
    }
    let covered: Vec<(String, Option<chrono::NaiveDate>)> =
        units::table.filter(units::id.eq_any(unit_ids)).select((units::path, units::valid_to)).load(conn)?;
    let today = Utc::now().date_naive();
    let write = Scope::normalise(
        covered.iter().filter(|(_, to)| to.is_none_or(|t| t >= today)).map(|(p, _)| p.clone()).collect(),
    );
    let mut read: Vec<String> = covered.into_iter().map(|(p, _)| p).collect();
    let (successor, predecessor) = diesel::alias!(units as successor, units as predecessor);
    let mut frontier = Scope::normalise(read.clone());
    // Reorganisations chain (a unit merged twice); a few rounds reach any real history.
    for _ in 0..8 {
        let mut found = Vec::new();
        for root in &frontier {
            let upper = subtree_end(root);
            let paths: Vec<String> = unit_successions::table
                .inner_join(successor.on(successor.field(units::id).eq(unit_successions::successor_id)))
                .inner_join(predecessor.on(predecessor.field(units::id).eq(unit_successions::predecessor_id)))
                .filter(successor.field(units::path).ge(root.clone()))
                .filter(successor.field(units::path).lt(upper))
                .select(predecessor.field(units::path))
                .load(conn)?;
            found.extend(paths);
        }
        let known = Scope::normalise(read.clone());
        let new: Vec<String> = found.into_iter().filter(|p| !known.iter().any(|k| p.starts_with(k.as_str()))).collect();
        if new.is_empty() {
            break;
        }
        read.extend(new.iter().cloned());
        frontier = Scope::normalise(new);
    }
    Ok(Scope { nationwide: false, write, read: Scope::normalise(read) })
}

#[derive(Queryable, Debug, Clone, PartialEq)]
pub struct ApiKey {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

fn key_columns()
-> (api_keys::id, api_keys::account_id, api_keys::name, api_keys::prefix, api_keys::created_at, api_keys::revoked_at) {
    (api_keys::id, api_keys::account_id, api_keys::name, api_keys::prefix, api_keys::created_at, api_keys::revoked_at)
}

pub fn create_api_key(conn: &mut DbConn, account_id: i64, name: &str, prefix: &str, key_hash: &str) -> Result<ApiKey> {
    Ok(diesel::insert_into(api_keys::table)
        .values((
            api_keys::account_id.eq(account_id),
            api_keys::name.eq(name),
            api_keys::prefix.eq(prefix),
            api_keys::key_hash.eq(key_hash),
            api_keys::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(key_columns())
        .get_result(conn)?)
}

/// The live key with this prefix and its hash.
pub fn find_api_key(conn: &mut DbConn, prefix: &str) -> Result<Option<(ApiKey, String)>> {
    Ok(api_keys::table
        .filter(api_keys::prefix.eq(prefix))
        .filter(api_keys::revoked_at.is_null())
        .select((key_columns(), api_keys::key_hash))
        .get_result(conn)
        .optional()?)
}

pub fn list_api_keys(conn: &mut DbConn, account_id: i64) -> Result<Vec<ApiKey>> {
    Ok(api_keys::table
        .filter(api_keys::account_id.eq(account_id))
        .order(api_keys::id)
        .select(key_columns())
        .load(conn)?)
}

pub fn revoke_api_key(conn: &mut DbConn, account_id: i64, key_id: i64) -> Result<ApiKey> {
    let changed = diesel::update(
        api_keys::table
            .filter(api_keys::id.eq(key_id))
            .filter(api_keys::account_id.eq(account_id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    if changed == 0 {
        return Err(PersistenceError::NotFound(crate::error::Record::ApiKey));
    }
    crate::notices::account_changed(conn, account_id)?;
    Ok(api_keys::table.find(key_id).select(key_columns()).get_result(conn)?)
}

#[derive(Queryable, Debug, Clone, PartialEq)]
pub struct RefreshToken {
    pub token_hash: String,
    pub family: String,
    pub account_id: i64,
    pub issued_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

pub fn insert_refresh_token(
    conn: &mut DbConn,
    hash: &str,
    family: &str,
    account_id: i64,
    expires_at: NaiveDateTime,
) -> Result<()> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::token_hash.eq(hash),
            refresh_tokens::family.eq(family),
            refresh_tokens::account_id.eq(account_id),
            refresh_tokens::issued_at.eq(Utc::now().naive_utc()),
            refresh_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find_refresh_token(conn: &mut DbConn, hash: &str) -> Result<Option<RefreshToken>> {
    Ok(refresh_tokens::table.find(hash).get_result(conn).optional()?)
}

/// Marks the token used; false when another request used it first.
pub fn use_refresh_token(conn: &mut DbConn, hash: &str) -> Result<bool> {
    let changed = diesel::update(
        refresh_tokens::table.filter(refresh_tokens::token_hash.eq(hash)).filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    Ok(changed == 1)
}

pub fn revoke_refresh_family(conn: &mut DbConn, family: &str) -> Result<()> {
    diesel::update(
        refresh_tokens::table.filter(refresh_tokens::family.eq(family)).filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    let account: Option<i64> = refresh_tokens::table
        .filter(refresh_tokens::family.eq(family))
        .select(refresh_tokens::account_id)
        .first(conn)
        .optional()?;
    if let Some(account) = account {
        crate::notices::account_changed(conn, account)?;
    }
    Ok(())
}

pub fn revoke_all_refresh_tokens(conn: &mut DbConn, account_id: i64) -> Result<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::account_id.eq(account_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    crate::notices::account_changed(conn, account_id)?;
    Ok(())
}
