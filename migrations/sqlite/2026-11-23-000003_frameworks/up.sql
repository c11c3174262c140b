-- Criteria frameworks as versioned documents. A published version never changes: a change is
-- a new version. Evaluations will pin the exact row they were scored with.
CREATE TABLE frameworks (
    id INTEGER PRIMARY KEY,
    -- the document's own id, shared by all its versions (e.g. vn.moet.dvht.tinh.tt24-2023)
    framework_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    model_kind TEXT NOT NULL,
    name_vi TEXT NOT NULL,
    valid_from DATE,
    valid_to DATE,
    -- the province that owns a provincial framework; NULL for national ones
    province_id BIGINT REFERENCES units (id),
    -- the whole JSON document, as validated by the evaluation crate
    document TEXT NOT NULL,
    shipped BOOLEAN NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    retired_at TIMESTAMP,
    UNIQUE (framework_key, version)
);
CREATE INDEX frameworks_kind ON frameworks (model_kind, status, id);
