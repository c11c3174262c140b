-- SQLite writes slot 0 only: dropping the column leaves one row per total.
CREATE TABLE stat_evaluations_plain (
    boundaries TEXT NOT NULL CHECK (boundaries IN ('both', 'time', 'today')),
    unit_id BIGINT NOT NULL,
    year INTEGER NOT NULL,
    model_kind TEXT NOT NULL,
    subgroup TEXT NOT NULL,
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
    PRIMARY KEY (boundaries, unit_id, year, model_kind, subgroup, approximate)
);
INSERT INTO stat_evaluations_plain
    SELECT boundaries, unit_id, year, model_kind, subgroup, approximate, SUM(registered), SUM(submitted),
        SUM(inspected), SUM(recognised), SUM(level1), SUM(level2), SUM(level3), SUM(rejected), SUM(revoked)
    FROM stat_evaluations GROUP BY boundaries, unit_id, year, model_kind, subgroup, approximate;
DROP TABLE stat_evaluations;
ALTER TABLE stat_evaluations_plain RENAME TO stat_evaluations;

CREATE TABLE stat_recognitions_plain (
    boundaries TEXT NOT NULL CHECK (boundaries IN ('both', 'time', 'today')),
    unit_id BIGINT NOT NULL,
    model_kind TEXT NOT NULL,
    subgroup TEXT NOT NULL,
    decided_on DATE NOT NULL,
    valid_until DATE NOT NULL,
    approximate BOOLEAN NOT NULL,
    held BIGINT NOT NULL,
    PRIMARY KEY (boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate)
);
INSERT INTO stat_recognitions_plain
    SELECT boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate, SUM(held)
    FROM stat_recognitions GROUP BY boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate;
DROP TABLE stat_recognitions;
ALTER TABLE stat_recognitions_plain RENAME TO stat_recognitions;

CREATE TABLE stat_registry_plain (
    boundaries TEXT NOT NULL CHECK (boundaries IN ('both', 'time', 'today')),
    unit_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('household', 'clan', 'citizen', 'organisation', 'learning_centre')),
    subgroup TEXT NOT NULL,
    approximate BOOLEAN NOT NULL,
    records BIGINT NOT NULL,
    PRIMARY KEY (boundaries, unit_id, kind, subgroup, approximate)
);
INSERT INTO stat_registry_plain
    SELECT boundaries, unit_id, kind, subgroup, approximate, SUM(records)
    FROM stat_registry GROUP BY boundaries, unit_id, kind, subgroup, approximate;
DROP TABLE stat_registry;
ALTER TABLE stat_registry_plain RENAME TO stat_registry;
CREATE INDEX stat_registry_unit ON stat_registry (unit_id);
