//! Accounts, tokens and the audit trail.

use super::*;

pub use xhht_domain::Role;

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
    pub roles: Vec<Role>,
    /// The units the account covers: it sees and changes only their subtrees.
    pub unit_ids: Vec<i64>,
    pub disabled: bool,
    pub must_change_password: bool,
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
            roles: a.roles.clone(),
            unit_ids: a.unit_ids.clone(),
            disabled: a.disabled,
            must_change_password: a.must_change_password,
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
    pub roles: Vec<Role>,
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
    pub roles: Option<Vec<Role>>,
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
