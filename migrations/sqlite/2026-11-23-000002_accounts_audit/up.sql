-- Accounts: people and service accounts (portals, import scripts). Passwords are argon2id
-- hashes; service accounts authenticate with API keys stored as hashes only.
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'service')),
    password_hash TEXT,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE account_roles (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'provincial_officer', 'commune_officer', 'inspector', 'association_officer', 'viewer')),
    PRIMARY KEY (account_id, role)
);

-- The units an account covers: it sees and changes only their subtrees.
CREATE TABLE account_units (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (account_id, unit_id)
);

CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    name TEXT NOT NULL,
    -- the first characters of the key, to find it without scanning; the rest is only hashed
    prefix TEXT NOT NULL UNIQUE,
    key_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX api_keys_account ON api_keys (account_id);

-- Refresh tokens rotate; a reused one revokes its whole family.
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    family TEXT NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    issued_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

-- Append-only: the API inserts and reads, never updates or deletes.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor_id BIGINT,
    actor_username TEXT NOT NULL,
    request_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    -- the unit the change belongs to, and its path, so that reads can be scoped to subtrees
    unit_id BIGINT,
    unit_path TEXT,
    changes TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_unit_path ON audit_log (unit_path, id);
CREATE INDEX audit_log_at ON audit_log (at, id);
