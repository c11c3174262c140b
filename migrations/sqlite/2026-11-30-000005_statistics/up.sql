-- Statistics: counters kept in the same transaction as every write that changes them, so that
-- a report is a small indexed read, never a scan of the evaluations (crates/persistence/src/
-- stats.rs writes and reads them; `xhht stats verify` recomputes them from the base tables).
--
-- Every counter row belongs to the unit where its records live and carries two paths: the
-- unit's own (a report on the boundaries of the time) and the path of the unit it lies in
-- today (a report on today's boundaries), with `approximate` when that mapping went through
-- a partial succession that no village could resolve.

-- What an evaluation counts under besides its model: a citizen's target group, an
-- organisation's type; '' otherwise. Fixed at registration, as the subject then was.
ALTER TABLE evaluations ADD COLUMN subgroup TEXT NOT NULL DEFAULT '';
UPDATE evaluations SET subgroup = (SELECT target_group FROM citizens WHERE citizens.id = evaluations.subject_id)
    WHERE subject_type = 'citizen';
UPDATE evaluations SET subgroup = (SELECT org_type FROM organisations WHERE organisations.id = evaluations.subject_id)
    WHERE subject_type = 'organisation';
CREATE INDEX evaluations_statistics ON evaluations (year, unit_path);

-- A reorganisation of communes moves their villages, each to a target commune: the village
-- closes and opens again under the target, and this edge says so.
ALTER TABLE unit_successions ADD COLUMN village_move BOOLEAN NOT NULL DEFAULT FALSE;

-- Where each closed unit lies today: its successor (followed to a unit still in force), or
-- its parent's place when it closed without one. Units in force are their own place.
CREATE TABLE unit_current (
    unit_id BIGINT PRIMARY KEY REFERENCES units (id),
    current_id BIGINT NOT NULL REFERENCES units (id),
    current_path TEXT NOT NULL,
    approximate BOOLEAN NOT NULL
);
CREATE INDEX unit_current_current ON unit_current (current_id);

-- Evaluations by unit, year, model and subgroup, at each stage. `registered` counts every
-- evaluation; `submitted` and `inspected` those that went through that step; `recognised`
-- (and `level1`..`level3` by the rank granted) those recognised now; `rejected`, `revoked`.
CREATE TABLE stat_evaluations (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    year INTEGER NOT NULL,
    model_kind TEXT NOT NULL,
    subgroup TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    current_path TEXT NOT NULL,
    approximate BOOLEAN NOT NULL,
    registered BIGINT NOT NULL,
    submitted BIGINT NOT NULL,
    inspected BIGINT NOT NULL,
    recognised BIGINT NOT NULL,
    level1 BIGINT NOT NULL,
    level2 BIGINT NOT NULL,
    level3 BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    revoked BIGINT NOT NULL,
    PRIMARY KEY (unit_id, year, model_kind, subgroup)
);
CREATE INDEX stat_evaluations_time ON stat_evaluations (year, unit_path);
CREATE INDEX stat_evaluations_today ON stat_evaluations (year, current_path);

-- Recognitions held, by their decision date and the last day they are kept ('9999-12-31'
-- when the framework sets no limit): "recognised and still valid on a date" subtracts the
-- expired ones instead of scanning decisions.
CREATE TABLE stat_recognitions (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    model_kind TEXT NOT NULL,
    subgroup TEXT NOT NULL,
    decided_on DATE NOT NULL,
    valid_until DATE NOT NULL,
    unit_path TEXT NOT NULL,
    current_path TEXT NOT NULL,
    approximate BOOLEAN NOT NULL,
    held BIGINT NOT NULL,
    PRIMARY KEY (unit_id, model_kind, subgroup, decided_on, valid_until)
);
CREATE INDEX stat_recognitions_time ON stat_recognitions (unit_path);
CREATE INDEX stat_recognitions_today ON stat_recognitions (current_path);

-- The registries' records by unit, kind and subgroup: the denominators of the shares.
-- (Villages, communes and provinces are counted from `units` itself, as of the report's day.)
CREATE TABLE stat_registry (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    kind TEXT NOT NULL CHECK (kind IN ('household', 'clan', 'citizen', 'organisation', 'learning_centre')),
    subgroup TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    current_path TEXT NOT NULL,
    approximate BOOLEAN NOT NULL,
    records BIGINT NOT NULL,
    PRIMARY KEY (unit_id, kind, subgroup)
);
CREATE INDEX stat_registry_time ON stat_registry (unit_path);
CREATE INDEX stat_registry_today ON stat_registry (current_path);

-- Targets: the share of a model's subjects to be recognised by a year, by the act that set it.
-- National ones ship as data (unit_id NULL); provinces add their own and their communes'. A
-- new target for the same unit, model, subgroup and year supersedes the old, which is kept.
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    unit_id BIGINT REFERENCES units (id),
    unit_path TEXT,
    model_kind TEXT NOT NULL,
    subgroup TEXT NOT NULL,
    target_year INTEGER NOT NULL,
    -- percent; NULL when the act's value is not known
    value DOUBLE,
    confidence TEXT NOT NULL CHECK (confidence IN ('found', 'found_two_sources', 'inferred', 'not_found', 'declared')),
    legal_number TEXT NOT NULL,
    legal_issuer TEXT NOT NULL,
    legal_title TEXT,
    issued_on DATE,
    note TEXT,
    shipped BOOLEAN NOT NULL,
    created_by BIGINT,
    created_at TIMESTAMP NOT NULL,
    superseded_at TIMESTAMP
);
CREATE INDEX targets_lookup ON targets (model_kind, target_year, unit_id);

-- Figures no registry computes (association members, libraries, courses, funds), declared per
-- unit and year by the officer responsible, with their source.
CREATE TABLE declared_values (
    id INTEGER PRIMARY KEY,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    unit_path TEXT NOT NULL,
    year INTEGER NOT NULL,
    indicator TEXT NOT NULL,
    value DOUBLE NOT NULL,
    source TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_by BIGINT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (unit_id, year, indicator)
);
CREATE INDEX declared_values_scope ON declared_values (year, unit_path);
