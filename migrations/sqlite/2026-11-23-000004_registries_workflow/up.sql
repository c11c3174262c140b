-- Registries of the evaluated subjects. Every row belongs to a unit (its home), whose path is
-- copied here so that reads can be scoped to subtrees with one range condition. Rows are
-- never deleted: `deleted_at` marks them, so that mobile apps syncing with `updated_since`
-- learn about deletions.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    org_type TEXT NOT NULL,
    managing_level TEXT NOT NULL CHECK (managing_level IN ('commune', 'province')),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    staff_count INTEGER NOT NULL,
    learner_count INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX organisations_scope ON organisations (unit_path, id);
CREATE INDEX organisations_sync ON organisations (updated_at, id);

CREATE TABLE households (
    id INTEGER PRIMARY KEY,
    -- how the household is known locally (e.g. "Hộ ông Nguyễn Văn A, xóm 3"); no address
    label TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    head_citizen_id BIGINT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX households_scope ON households (unit_path, id);
CREATE INDEX households_unit ON households (unit_id);
CREATE INDEX households_sync ON households (updated_at, id);

-- The minimum about a person: no address, no phone, no ID number in clear.
CREATE TABLE citizens (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL,
    birth_year INTEGER NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    target_group TEXT NOT NULL CHECK (target_group IN ('resident', 'worker', 'staff_business', 'learner')),
    household_id BIGINT REFERENCES households (id),
    workplace_id BIGINT REFERENCES organisations (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    -- keyed hash (HMAC-SHA-256) of the national ID number, only to find duplicates
    national_id_hash TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX citizens_scope ON citizens (unit_path, id);
CREATE INDEX citizens_household ON citizens (household_id);
CREATE INDEX citizens_workplace ON citizens (workplace_id);
CREATE INDEX citizens_national_id ON citizens (national_id_hash);
CREATE INDEX citizens_sync ON citizens (updated_at, id);

CREATE TABLE clans (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX clans_scope ON clans (unit_path, id);

CREATE TABLE clan_households (
    clan_id BIGINT NOT NULL REFERENCES clans (id),
    household_id BIGINT NOT NULL REFERENCES households (id),
    PRIMARY KEY (clan_id, household_id)
);

-- One community learning centre per commune.
CREATE TABLE learning_centres (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    unit_id BIGINT NOT NULL UNIQUE REFERENCES units (id),
    unit_path TEXT NOT NULL,
    director_name TEXT,
    activities_count INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);

-- Recognition decisions (Quyết định), each covering one or many evaluations.
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('recognition', 'rejection', 'revocation')),
    number TEXT NOT NULL,
    decided_on DATE NOT NULL,
    authority TEXT NOT NULL,
    reason TEXT,
    created_by BIGINT,
    created_at TIMESTAMP NOT NULL
);

-- One subject's evaluation for one model and year, pinned to the framework version used.
CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY,
    subject_type TEXT NOT NULL CHECK (subject_type IN ('citizen', 'household', 'clan', 'organisation', 'unit')),
    subject_id BIGINT NOT NULL,
    model_kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    framework_id BIGINT NOT NULL REFERENCES frameworks (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('registered', 'submitted', 'inspected', 'recognised', 'rejected', 'revoked')),
    requested_level TEXT,
    self_answers TEXT NOT NULL,
    inspection_answers TEXT,
    subject_types TEXT NOT NULL,
    late BOOLEAN NOT NULL DEFAULT FALSE,
    submitted_at TIMESTAMP,
    inspected_at TIMESTAMP,
    result_level TEXT,
    result_rank INTEGER,
    result_points DOUBLE,
    outcome TEXT,
    decision_id BIGINT REFERENCES decisions (id),
    decided_on DATE,
    valid_until DATE,
    revocation_id BIGINT REFERENCES decisions (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (subject_type, subject_id, model_kind, year)
);
CREATE INDEX evaluations_scope ON evaluations (unit_path, id);
CREATE INDEX evaluations_subject ON evaluations (subject_type, subject_id, model_kind, status);
CREATE INDEX evaluations_decision ON evaluations (decision_id);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    evaluation_id BIGINT NOT NULL REFERENCES evaluations (id),
    indicator_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'link', 'file')),
    note TEXT,
    url TEXT,
    file_name TEXT,
    content_type TEXT,
    size_bytes BIGINT,
    sha256 TEXT,
    content BLOB,
    created_by BIGINT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX evidence_evaluation ON evidence (evaluation_id, id);
