//! `/api/v1/accounts`: account management for administrators and, within their province,
//! provincial officers; and each caller's own account.

use super::support::{audit, create_once, db, diff, etag, filtered_page, if_match};
use crate::auth::password::{WeakPassword, check_strength, new_api_key, random_token, sha256_hex};
use crate::auth::{Actor, source_address};
use crate::dto::{
    AccountDto, AccountKind, AccountPage, AccountUpdateRequest, ApiKeyDto, ApiKeyList, CreatedAccount, CreatedApiKey,
    NewAccountRequest, NewApiKeyRequest, PageQuery, PasswordChangeRequest, PasswordReset,
};
use crate::error::{ApiError, FieldError, Issue, OrMissing, Problem};
use crate::extract::JsonBody;
use crate::i18n::Rule;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use std::collections::HashMap;
use xhht_domain::{Permission, Role};
use xhht_persistence::accounts::{self, Account, AccountChanges, NewAccount};
use xhht_persistence::units::{self, Unit};
use xhht_persistence::{DbConn, Record};

fn unit_paths(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Unit>, ApiError> {
    Ok(units::get_many(conn, ids)?.into_iter().map(|u| (u.id, u)).collect())
}

/// Roles only an administrator hands out, and whose accounts only an administrator manages:
/// a provincial officer who could reset a peer's password could take over the peer.
const ADMINISTERED_ROLES: [Role; 2] = [Role::Admin, Role::ProvincialOfficer];

/// Administrators manage every account; a provincial officer manages the accounts below its
/// rank whose units all lie inside its own.
fn manages(actor: &Actor, account: &Account, units: &HashMap<i64, Unit>) -> bool {
    if actor.is_admin() {
        return true;
    }
    !account.roles.iter().any(|r| ADMINISTERED_ROLES.contains(r))
        && !account.unit_ids.is_empty()
        && account.unit_ids.iter().all(|id| units.get(id).is_some_and(|u| actor.scope.can_write(&u.path)))
}

/// Loads an account the caller manages; others are reported as missing, so that their
/// existence stays private.
fn managed(conn: &mut DbConn, actor: &Actor, id: i64) -> Result<(Account, HashMap<i64, Unit>), ApiError> {
    let account = accounts::get(conn, id)?;
    let units = unit_paths(conn, &account.unit_ids)?;
    if manages(actor, &account, &units) { Ok((account, units)) } else { Err(ApiError::NotFound(Record::Account)) }
}

/// Checks that the caller may hand out these roles on these units.
///
/// What the caller may not do is answered first (403), then units that do not exist (409),
/// then what the request itself gets wrong (422).
fn check_grant(conn: &mut DbConn, actor: &Actor, roles: &[Role], unit_ids: &[i64], kind: &str) -> Result<(), ApiError> {
    let admin = roles.contains(&Role::Admin);
    if !actor.is_admin() && roles.iter().any(|r| ADMINISTERED_ROLES.contains(r)) {
        return Err(ApiError::Forbidden);
    }
    let found = unit_paths(conn, unit_ids)?;
    if !admin {
        for unit in found.values() {
            actor.require_in(Permission::ManageAccounts, &unit.path)?;
        }
    }
    if unit_ids.iter().any(|id| !found.contains_key(id)) {
        return Err(ApiError::ReferenceConflict(vec![FieldError::rule("unit_ids", Rule::UnknownUnit)]));
    }
    if admin {
        if kind == "service" {
            return Err(ApiError::Validation(vec![FieldError::rule("roles", Rule::ServiceAccountsCannotBeAdmin)]));
        }
        return Ok(());
    }
    if unit_ids.is_empty() {
        return Err(ApiError::Validation(vec![FieldError::new("unit_ids", Issue::Required)]));
    }
    Ok(())
}

fn first_unit(units: &HashMap<i64, Unit>, account: &Account) -> Option<Unit> {
    account.unit_ids.first().and_then(|id| units.get(id)).cloned()
}

/// Lists the accounts the caller manages, in id order.
#[utoipa::path(
    operation_id = "listAccounts",
    tag = "accounts",
    params(PageQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of accounts", body = AccountPage))
)]
#[get("")]
pub async fn list_accounts(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<PageQuery>,
) -> Result<web::Json<AccountPage>, ApiError> {
    actor.require(Permission::ManageAccounts)?;
    let (limit, after) = super::support::id_page(query.limit, &query.cursor)?;
    let after = after.unwrap_or(0);
    let page = db(&state, move |database| {
        database.read(|conn| {
            let (items, next_cursor) = filtered_page(
                limit,
                after,
                |after| {
                    let batch = accounts::list(conn, Some(after), 200)?;
                    let ids: Vec<i64> = batch.iter().flat_map(|a| a.unit_ids.iter().copied()).collect();
                    let units = unit_paths(conn, &ids)?;
                    let kept = batch.iter().filter(|a| manages(&actor, a, &units)).map(AccountDto::from).collect();
                    Ok((kept, batch.last().map(|a| a.id)))
                },
                |a: &AccountDto| a.id,
            )?;
            Ok::<_, ApiError>(AccountPage { items, next_cursor })
        })
    })
    .await?;
    Ok(web::Json(page))
}

/// Creates an account. A person's one-time password is in the answer, and nowhere else.
#[utoipa::path(
    operation_id = "createAccount",
    tag = "accounts",
    request_body = NewAccountRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry from the same account with the same key and body returns the first result")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The account", body = CreatedAccount,
            headers(("Location" = String, description = "The account's URL"))),
        (status = 409, description = "The username is taken, or a unit in `unit_ids` does not exist (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create_account(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<NewAccountRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageAccounts)?;
    body.validate()?;
    let body = body.into_inner();
    let request = body.clone();
    let passwords = state.passwords.clone();
    create_once(&state, &req, "create_account", actor.id, &body, "/api/v1/accounts", move |conn| {
        let kind = match request.kind {
            AccountKind::Person => "person",
            AccountKind::Service => "service",
        };
        let mut roles: Vec<Role> = request.roles.clone();
        roles.sort();
        roles.dedup();
        let mut unit_ids = request.unit_ids.clone();
        unit_ids.sort_unstable();
        unit_ids.dedup();
        check_grant(conn, &actor, &roles, &unit_ids, kind)?;
        let initial_password = (kind == "person").then(|| random_token(12));
        let password_hash = initial_password.as_deref().map(|p| passwords.hash(p)).transpose().map_err(|e| {
            tracing::error!(error = %e, "cannot hash a password");
            ApiError::Internal
        })?;
        let account = accounts::create(
            conn,
            &NewAccount {
                username: request.username.trim().to_owned(),
                display_name: request.display_name.trim().to_owned(),
                kind: kind.into(),
                password_hash,
                must_change_password: kind == "person",
                roles,
                unit_ids,
            },
        )?;
        let dto = AccountDto::from(&account);
        let units = unit_paths(conn, &account.unit_ids)?;
        audit(
            conn,
            &actor,
            "account",
            account.id,
            "create",
            first_unit(&units, &account).as_ref(),
            diff(None, Some(&dto)),
        )?;
        Ok(CreatedAccount { account: dto, initial_password })
    })
    .await
}

/// The caller's own account.
#[utoipa::path(
    operation_id = "getOwnAccount",
    tag = "accounts",
    security(("bearer" = [])),
    responses((status = 200, description = "The caller's account", body = AccountDto))
)]
#[get("/me")]
pub async fn own_account(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<AccountDto>, ApiError> {
    let id = actor.id;
    let account = super::support::point_read(&state, move |conn| Ok(accounts::get(conn, id)?)).await?;
    Ok(web::Json(AccountDto::from(&account)))
}

/// Changes the caller's own password; every session of the account ends, this one too.
///
/// Guesses of the current password count as sign-in guesses (429 past the limit). The new
/// password may not be the user name or close to it, nor easy to guess (zxcvbn score below
/// 3 of 4): 422 `password_like_username` or `password_guessable`.
#[utoipa::path(
    operation_id = "changeOwnPassword",
    tag = "accounts",
    request_body = PasswordChangeRequest,
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 429, description = "Too many guesses of the current password; `Retry-After` says when to try again", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/me/password")]
pub async fn change_own_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: JsonBody<PasswordChangeRequest>,
) -> Result<HttpResponse, ApiError> {
    body.validate()?;
    let body = body.into_inner();
    let source = source_address(&req, state.auth.trusted_proxy);
    state
        .throttle
        .guess(source, &format!("#{}", actor.id))
        .map_err(|retry_after_seconds| ApiError::TooManyAttempts { retry_after_seconds })?;
    let app = state.clone();
    db(&state, move |database| {
        // Committed on its own: a wrong current password must still count.
        let now = chrono::Utc::now().timestamp();
        database
            .write(|conn| {
                crate::auth::throttle::shared_guess(
                    conn,
                    &app.throttle,
                    &app.national_ids,
                    source,
                    &format!("#{}", actor.id),
                    now,
                )
            })?
            .map_err(|retry_after_seconds| ApiError::TooManyAttempts { retry_after_seconds })?;
        database.write(|conn| {
            let account = accounts::get(conn, actor.id)?;
            let (_, hash) =
                accounts::by_username(conn, &account.username)?.ok_or(ApiError::NotFound(Record::Account))?;
            if !app.passwords.verify(&body.current_password, hash.as_deref()) {
                return Err(ApiError::InvalidCredentials);
            }
            check_strength(&body.new_password, &account.username, &account.display_name).map_err(|weak| {
                let rule = match weak {
                    WeakPassword::LikeUsername => Rule::PasswordLikeUsername,
                    WeakPassword::Guessable => Rule::PasswordGuessable,
                };
                ApiError::Validation(vec![FieldError::rule("new_password", rule)])
            })?;
            let new_hash = app.passwords.hash(&body.new_password).map_err(|_| ApiError::Internal)?;
            accounts::set_password(conn, account.id, &new_hash, false)?;
            let units = unit_paths(conn, &account.unit_ids)?;
            let changes = serde_json::json!({"password": {"before": "***", "after": "***"}});
            audit(
                conn,
                &actor,
                "account",
                account.id,
                "change_password",
                first_unit(&units, &account).as_ref(),
                changes,
            )
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Reads an account the caller manages.
#[utoipa::path(
    operation_id = "getAccount",
    tag = "accounts",
    params(("id" = i64, Path, description = "Account id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = AccountDto,
            headers(("ETag" = String, description = "The account's version, for If-Match"))),
        (status = 404, description = "No account with this id that the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}")]
pub async fn get_account(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageAccounts)?;
    let id = id.into_inner();
    let (account, _) = db(&state, move |database| database.read(|conn| managed(conn, &actor, id))).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(account.version))).json(AccountDto::from(&account)))
}

/// Changes an account's name, roles, units, or disables it (which ends its sessions).
#[utoipa::path(
    operation_id = "updateAccount",
    tag = "accounts",
    request_body = AccountUpdateRequest,
    params(
        ("id" = i64, Path, description = "Account id"),
        ("If-Match" = String, Header, description = "The ETag read from the account"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = AccountDto,
            headers(("ETag" = String, description = "The account's new version"))),
        (status = 404, description = "No account with this id that the caller manages", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A unit in `unit_ids` does not exist, or the stored account makes the change impossible: a service account cannot be `admin`, and roles other than `admin` need units (`reference_conflict`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The account changed since it was read", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{id}")]
pub async fn update_account(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<AccountUpdateRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageAccounts)?;
    body.validate()?;
    // The request's own fault before any precondition: new roles without `admin`, sent with
    // new units, need one unit at least (the document's rule on AccountUpdateRequest).
    if let (Some(roles), Some(units)) = (&body.roles, &body.unit_ids)
        && !roles.contains(&Role::Admin)
        && units.is_empty()
    {
        return Err(ApiError::Validation(vec![FieldError::new("unit_ids", Issue::Required)]));
    }
    let expected = if_match(&req)?;
    let id = id.into_inner();
    let body = body.into_inner();
    // Nobody widens, narrows or disables their own account: another administrator does.
    if id == actor.id && (body.disabled == Some(true) || body.roles.is_some() || body.unit_ids.is_some()) {
        return Err(ApiError::Forbidden);
    }
    let account = db(&state, move |database| {
        database.write(|conn| {
            let (before, _) = managed(conn, &actor, id)?;
            let roles: Option<Vec<Role>> = body.roles.clone();
            let new_roles = roles.clone().unwrap_or_else(|| before.roles.clone());
            let new_units = body.unit_ids.clone().unwrap_or_else(|| before.unit_ids.clone());
            if body.roles.is_some() || body.unit_ids.is_some() {
                // Where the stored account, not the request alone, makes the change impossible
                // (a service account given `admin`, or roles left without units), it is a
                // conflict with the stored data; check_grant reports the request's own faults.
                let from_stored =
                    |field: &str, rule: Rule| ApiError::ReferenceConflict(vec![FieldError::rule(field, rule)]);
                let admin = new_roles.contains(&Role::Admin);
                if admin && before.kind == "service" && actor.is_admin() {
                    return Err(from_stored("roles", Rule::ServiceAccountsCannotBeAdmin));
                }
                if !admin && new_units.is_empty() && (body.roles.is_none() || body.unit_ids.is_none()) {
                    return Err(from_stored("unit_ids", Rule::AccountHasNoUnits));
                }
                check_grant(conn, &actor, &new_roles, &new_units, &before.kind)?;
            }
            let changes = AccountChanges {
                display_name: body.display_name.as_ref().map(|n| n.trim().to_owned()),
                roles,
                unit_ids: body.unit_ids.clone(),
                disabled: body.disabled,
            };
            let after = accounts::update(conn, id, expected, &changes)?;
            let units = unit_paths(conn, &after.unit_ids)?;
            let (b, a) = (AccountDto::from(&before), AccountDto::from(&after));
            audit(
                conn,
                &actor,
                "account",
                id,
                "update",
                first_unit(&units, &after).as_ref(),
                diff(Some(&b), Some(&a)),
            )?;
            Ok::<_, ApiError>(after)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(account.version))).json(AccountDto::from(&account)))
}

/// Sets a new one-time password (shown once) and ends the account's sessions.
#[utoipa::path(
    operation_id = "resetAccountPassword",
    tag = "accounts",
    params(("id" = i64, Path, description = "Account id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The new one-time password", body = PasswordReset),
        (status = 404, description = "No person account with this id that the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/reset-password")]
pub async fn reset_password(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<web::Json<PasswordReset>, ApiError> {
    actor.require(Permission::ManageAccounts)?;
    let id = id.into_inner();
    // One's own password is changed with the current one (`/accounts/me/password`).
    if id == actor.id {
        return Err(ApiError::Forbidden);
    }
    let app = state.clone();
    let reset = db(&state, move |database| {
        database.write(|conn| {
            let (account, units) = managed(conn, &actor, id)?;
            if account.kind != "person" {
                return Err(ApiError::NotFound(Record::Account));
            }
            let password = random_token(12);
            let hash = app.passwords.hash(&password).map_err(|_| ApiError::Internal)?;
            accounts::set_password(conn, id, &hash, true)?;
            let changes = serde_json::json!({"password": {"before": "***", "after": "***"}});
            audit(conn, &actor, "account", id, "reset_password", first_unit(&units, &account).as_ref(), changes)?;
            Ok(PasswordReset { account_id: id, initial_password: password })
        })
    })
    .await?;
    Ok(web::Json(reset))
}

/// Lists a service account's API keys (never the keys themselves).
#[utoipa::path(
    operation_id = "listApiKeys",
    tag = "accounts",
    params(("id" = i64, Path, description = "Account id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The keys", body = ApiKeyList),
        (status = 404, description = "No account with this id that the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{id}/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
) -> Result<web::Json<ApiKeyList>, ApiError> {
    actor.require(Permission::ManageAccounts)?;
    let id = id.into_inner();
    let keys = db(&state, move |database| {
        database.read(|conn| {
            managed(conn, &actor, id)?;
            Ok::<_, ApiError>(accounts::list_api_keys(conn, id)?)
        })
    })
    .await?;
    Ok(web::Json(ApiKeyList { items: keys.iter().map(ApiKeyDto::from).collect() }))
}

/// Creates an API key for a service account. The key is in the answer once; only its hash is
/// kept.
#[utoipa::path(
    operation_id = "createApiKey",
    tag = "accounts",
    request_body = NewApiKeyRequest,
    params(("id" = i64, Path, description = "Account id")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The key, shown once", body = CreatedApiKey),
        (status = 404, description = "No account with this id that the caller manages", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The account is a person's, who signs in with a password (`reference_conflict`, `api_keys_for_service_accounts_only`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{id}/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<i64>,
    body: JsonBody<NewApiKeyRequest>,
) -> Result<HttpResponse, ApiError> {
    actor.require(Permission::ManageAccounts)?;
    body.validate()?;
    let id = id.into_inner();
    let name = body.into_inner().name.trim().to_owned();
    let created = db(&state, move |database| {
        database.write(|conn| {
            let (account, units) = managed(conn, &actor, id)?;
            if account.kind != "service" {
                // The account exists: say why it takes no key rather than that it is missing.
                return Err(ApiError::ReferenceConflict(vec![FieldError::rule(
                    "id",
                    Rule::ApiKeysForServiceAccountsOnly,
                )]));
            }
            let (prefix, key) = new_api_key();
            let stored = accounts::create_api_key(conn, id, &name, &prefix, &sha256_hex(&key))?;
            let dto = ApiKeyDto::from(&stored);
            audit(
                conn,
                &actor,
                "api_key",
                stored.id,
                "create",
                first_unit(&units, &account).as_ref(),
                diff(None, Some(&dto)),
            )?;
            Ok(CreatedApiKey { key: dto, api_key: key })
        })
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/accounts/{id}/api-keys/{}", created.key.id)))
        .json(created))
}

/// Revokes an API key at once.
#[utoipa::path(
    operation_id = "revokeApiKey",
    tag = "accounts",
    params(("id" = i64, Path, description = "Account id"), ("key_id" = i64, Path, description = "API key id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The revoked key", body = ApiKeyDto),
        (status = 404, description = "No live key with this id on an account the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/{id}/api-keys/{key_id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(i64, i64)>,
) -> Result<web::Json<ApiKeyDto>, ApiError> {
    actor.require(Permission::ManageAccounts)?;
    let (id, key_id) = path.into_inner();
    let revoked = db(&state, move |database| {
        database.write(|conn| {
            let (account, units) = managed(conn, &actor, id)?;
            let key = accounts::revoke_api_key(conn, id, key_id).or_missing(|| ApiError::NotFound(Record::ApiKey))?;
            let changes =
                serde_json::json!({"revoked_at": {"before": null, "after": key.revoked_at.map(|t| t.and_utc())}});
            audit(conn, &actor, "api_key", key.id, "revoke", first_unit(&units, &account).as_ref(), changes)?;
            Ok::<_, ApiError>(key)
        })
    })
    .await?;
    Ok(web::Json(ApiKeyDto::from(&revoked)))
}
