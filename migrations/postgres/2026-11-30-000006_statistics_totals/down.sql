DROP INDEX units_level_path;
DROP TABLE stat_registry;
DROP TABLE stat_recognitions;
DROP TABLE stat_evaluations;
DROP TABLE unit_places;

CREATE TABLE stat_evaluations (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    year INTEGER NOT NULL,
    model_kind TEXT NOT NULL,
    subgroup TEXT NOT NULL,
    unit_path TEXT COLLATE "C" NOT NULL,
    current_path TEXT COLLATE "C" NOT NULL,
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

CREATE TABLE stat_recognitions (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    model_kind TEXT NOT NULL,
    subgroup TEXT NOT NULL,
    decided_on DATE NOT NULL,
    valid_until DATE NOT NULL,
    unit_path TEXT COLLATE "C" NOT NULL,
    current_path TEXT COLLATE "C" NOT NULL,
    approximate BOOLEAN NOT NULL,
    held BIGINT NOT NULL,
    PRIMARY KEY (unit_id, model_kind, subgroup, decided_on, valid_until)
);
CREATE INDEX stat_recognitions_time ON stat_recognitions (unit_path);
CREATE INDEX stat_recognitions_today ON stat_recognitions (current_path);

CREATE TABLE stat_registry (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    kind TEXT NOT NULL CHECK (kind IN ('household', 'clan', 'citizen', 'organisation', 'learning_centre')),
    subgroup TEXT NOT NULL,
    unit_path TEXT COLLATE "C" NOT NULL,
    current_path TEXT COLLATE "C" NOT NULL,
    approximate BOOLEAN NOT NULL,
    records BIGINT NOT NULL,
    PRIMARY KEY (unit_id, kind, subgroup)
);
CREATE INDEX stat_registry_time ON stat_registry (unit_path);
CREATE INDEX stat_registry_today ON stat_registry (current_path);
