-- Administrative units over time: a unit is a code in a period (see crates/domain/src/unit.rs).
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'village')),
    name TEXT NOT NULL,
    -- lower case, no diacritics: what name search compares against
    search_name TEXT NOT NULL,
    division_type TEXT NOT NULL,
    parent_id BIGINT REFERENCES units (id),
    -- materialized path of ids, '/1/45/1203/': subtree reads are one range scan
    path TEXT NOT NULL,
    depth INTEGER NOT NULL,
    valid_from DATE,
    valid_to DATE,
    -- the official list the code comes from: 'qd124_2004', 'qd19_2025', or NULL for local units
    code_list TEXT,
    -- the legal act that closed the unit, when it was closed by itself (not by a reorganisation)
    closing_basis TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);
CREATE INDEX units_level_code ON units (level, code, id);
CREATE INDEX units_code ON units (code);
CREATE INDEX units_parent ON units (parent_id, code, id);
CREATE UNIQUE INDEX units_path ON units (path);

-- Former names: a rename keeps the unit's identity and records the old name with its period.
CREATE TABLE unit_names (
    id INTEGER PRIMARY KEY,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    name TEXT NOT NULL,
    valid_from DATE,
    valid_to DATE NOT NULL,
    legal_basis TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX unit_names_unit ON unit_names (unit_id, valid_to);

-- One legal act that closed some units and opened others.
CREATE TABLE reorganisations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'restructure')),
    effective_date DATE NOT NULL,
    legal_basis TEXT NOT NULL,
    note TEXT,
    created_at TIMESTAMP NOT NULL
);

-- Lineage: predecessor -> successor. `partial` is true when only part of the predecessor's
-- territory went to this successor.
CREATE TABLE unit_successions (
    id INTEGER PRIMARY KEY,
    reorganisation_id BIGINT NOT NULL REFERENCES reorganisations (id),
    predecessor_id BIGINT NOT NULL REFERENCES units (id),
    successor_id BIGINT NOT NULL REFERENCES units (id),
    partial BOOLEAN NOT NULL,
    UNIQUE (predecessor_id, successor_id)
);
CREATE INDEX unit_successions_successor ON unit_successions (successor_id);

-- Which seed data sets are loaded, so that a second start changes nothing.
CREATE TABLE seed_datasets (
    name TEXT PRIMARY KEY NOT NULL,
    checksum TEXT NOT NULL,
    row_count BIGINT NOT NULL,
    loaded_at TIMESTAMP NOT NULL
);

-- Creating POSTs remember their Idempotency-Key: a retried request returns the first result.
CREATE TABLE idempotency_keys (
    key TEXT NOT NULL,
    scope TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (scope, key)
);
