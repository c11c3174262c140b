-- Request fingerprints were an unkeyed SHA-256 of the body, from which a national ID in a
-- citizen's request could be recovered by trying every number. They are now keyed; the old
-- ones are dropped. They only served retries within the key's window: a retry of a request
-- sent before the upgrade is taken as a new request.
DELETE FROM idempotency_keys;

-- Accounts are no longer locked after failed sign-ins (anyone could keep an account locked);
-- guesses are throttled per source instead, in memory.
ALTER TABLE accounts DROP COLUMN failed_logins;
ALTER TABLE accounts DROP COLUMN locked_until;

-- A citizen registered with the national ID of a citizen the officer cannot see: telling the
-- officer so would disclose that person. Both records are kept, and the pair waits here for
-- an officer whose units cover both, who merges or dismisses it.
CREATE TABLE citizen_duplicates (
    id INTEGER PRIMARY KEY,
    citizen_id BIGINT NOT NULL REFERENCES citizens (id),
    twin_id BIGINT NOT NULL REFERENCES citizens (id),
    flagged_at TIMESTAMP NOT NULL,
    resolution TEXT CHECK (resolution IN ('merged', 'dismissed')),
    resolved_at TIMESTAMP,
    resolved_by BIGINT REFERENCES accounts (id),
    UNIQUE (citizen_id, twin_id)
);
