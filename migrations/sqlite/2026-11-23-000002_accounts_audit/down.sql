DROP TABLE audit_log;
DROP TABLE refresh_tokens;
DROP TABLE api_keys;
DROP TABLE account_units;
DROP TABLE account_roles;
DROP TABLE accounts;
