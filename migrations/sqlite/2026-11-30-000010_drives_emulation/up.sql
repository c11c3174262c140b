-- Yearly registration drives: a commune (or a province, for its units) asks every subject of
-- some models to register for the year's titles between two dates.
CREATE TABLE drives (
    id INTEGER PRIMARY KEY,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    year INTEGER NOT NULL,
    title_vi TEXT NOT NULL,
    -- JSON array of model kinds
    models TEXT NOT NULL,
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    late_policy TEXT NOT NULL CHECK (late_policy IN ('refuse', 'flag')),
    target BIGINT,
    closed_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX drives_scope ON drives (unit_path, year);

-- The evaluations a drive registered; an evaluation belongs to at most one drive.
CREATE TABLE drive_registrations (
    evaluation_id BIGINT PRIMARY KEY REFERENCES evaluations (id),
    drive_id BIGINT NOT NULL REFERENCES drives (id),
    late BOOLEAN NOT NULL,
    registered_at TIMESTAMP NOT NULL
);
CREATE INDEX drive_registrations_drive ON drive_registrations (drive_id);

-- Emulation plans (kế hoạch thi đua): the national movement and the plans of provinces,
-- districts (before 2025) and communes. Phases, participants and their criteria are one JSON
-- document, as the criteria frameworks are.
CREATE TABLE emulation_plans (
    id INTEGER PRIMARY KEY,
    plan_key TEXT NOT NULL UNIQUE,
    title_vi TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('national', 'province', 'district', 'commune')),
    unit_id BIGINT REFERENCES units (id),
    unit_path TEXT,
    document TEXT NOT NULL,
    shipped BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- A review (sơ kết, tổng kết) of one phase of a plan, held by one unit for its participants.
CREATE TABLE emulation_reviews (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES emulation_plans (id),
    phase_id TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    held_on DATE NOT NULL,
    closed_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (plan_id, phase_id, unit_id)
);

-- A participant's report to a review: answers to the plan's criteria with evidence, and the
-- reviewers' marks.
CREATE TABLE emulation_reports (
    id INTEGER PRIMARY KEY,
    review_id BIGINT NOT NULL REFERENCES emulation_reviews (id),
    participant_kind TEXT NOT NULL,
    subject_type TEXT NOT NULL CHECK (subject_type IN ('citizen', 'household', 'clan', 'organisation', 'unit')),
    subject_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    answers TEXT NOT NULL,
    evidence TEXT NOT NULL,
    marks TEXT,
    marks_note TEXT,
    passed INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (review_id, subject_type, subject_id)
);

-- Commendations and titles given by decision.
CREATE TABLE awards (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('bang_khen', 'giay_khen', 'danh_hieu')),
    title_vi TEXT NOT NULL,
    subject_type TEXT NOT NULL CHECK (subject_type IN ('citizen', 'household', 'clan', 'organisation', 'unit')),
    subject_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    decision_number TEXT NOT NULL,
    decided_on DATE NOT NULL,
    authority_vi TEXT NOT NULL,
    plan_id BIGINT REFERENCES emulation_plans (id),
    phase_id TEXT,
    review_id BIGINT REFERENCES emulation_reviews (id),
    created_by BIGINT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (decision_number, kind, subject_type, subject_id)
);
CREATE INDEX awards_scope ON awards (unit_path, decided_on);
