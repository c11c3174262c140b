-- Bulk imports. A job is one uploaded file of one kind of record; the records it creates or
-- changes name it (import_job_id), so "who created household X, and from which file" is one
-- join, without an audit row per record. import_job_id has no foreign key: jobs are never
-- deleted, and the check would cost a third of a bulk insert's time on PostgreSQL. Rows are matched on the province's own key
-- (external_id), unique per unit within each registry: importing a file again changes nothing.
CREATE TABLE import_jobs (
    id INTEGER PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    -- a retry of the same upload with the same key returns this job
    idempotency_key TEXT,
    kind TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'json', 'ndjson')),
    mode TEXT NOT NULL CHECK (mode IN ('atomic', 'per_row')),
    dry_run BOOLEAN NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'validating', 'writing', 'done', 'failed', 'cancelled')),
    file_name TEXT,
    file_sha256 TEXT NOT NULL,
    file_bytes BIGINT NOT NULL,
    sheet TEXT,
    bytes_read BIGINT NOT NULL DEFAULT 0,
    rows_read BIGINT NOT NULL DEFAULT 0,
    rows_valid BIGINT NOT NULL DEFAULT 0,
    rows_invalid BIGINT NOT NULL DEFAULT 0,
    rows_created BIGINT NOT NULL DEFAULT 0,
    rows_updated BIGINT NOT NULL DEFAULT 0,
    rows_unchanged BIGINT NOT NULL DEFAULT 0,
    -- JSON array of {code, detail}: columns ignored, and the like
    warnings TEXT NOT NULL DEFAULT '[]',
    failure_code TEXT,
    failure_detail TEXT,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX import_jobs_idempotency ON import_jobs (account_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX import_jobs_account ON import_jobs (account_id, id);

-- What was wrong with the rows of a job: one line per bad cell (or per row, column_key NULL).
-- The message is rendered when read, in the reader's language, from the code and detail.
CREATE TABLE import_errors (
    job_id BIGINT NOT NULL REFERENCES import_jobs (id),
    seq INTEGER NOT NULL,
    row_number BIGINT NOT NULL,
    column_key TEXT,
    heading TEXT,
    value TEXT,
    code TEXT NOT NULL,
    detail TEXT,
    PRIMARY KEY (job_id, seq)
);

-- The key leads its index: records are found by key alone (a citizen names its household so),
-- and a page's lookups stay index lookups even when all its rows share one unit.
ALTER TABLE households ADD COLUMN external_id TEXT;
ALTER TABLE households ADD COLUMN import_job_id BIGINT;
ALTER TABLE citizens ADD COLUMN external_id TEXT;
ALTER TABLE citizens ADD COLUMN import_job_id BIGINT;
ALTER TABLE organisations ADD COLUMN external_id TEXT;
ALTER TABLE organisations ADD COLUMN import_job_id BIGINT;
ALTER TABLE clans ADD COLUMN external_id TEXT;
ALTER TABLE clans ADD COLUMN import_job_id BIGINT;
ALTER TABLE learning_centres ADD COLUMN external_id TEXT;
ALTER TABLE learning_centres ADD COLUMN import_job_id BIGINT;
CREATE UNIQUE INDEX households_external ON households (external_id, unit_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX citizens_external ON citizens (external_id, unit_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX organisations_external ON organisations (external_id, unit_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX clans_external ON clans (external_id, unit_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX learning_centres_external ON learning_centres (external_id, unit_id) WHERE external_id IS NOT NULL;

