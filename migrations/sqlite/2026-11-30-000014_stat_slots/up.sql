-- Counters in slots: a total is the sum of up to 8 rows, one per `slot`, so that concurrent
-- PostgreSQL writes add to different rows (see the PostgreSQL migration of the same name).
-- SQLite has one writer at a time and keeps slot 0; the column is here so that both backends
-- share one schema. SQLite cannot change a primary key in place: the tables are rebuilt.

CREATE TABLE stat_evaluations_slotted (
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
    slot SMALLINT NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 7),
    PRIMARY KEY (boundaries, unit_id, year, model_kind, subgroup, approximate, slot)
);
INSERT INTO stat_evaluations_slotted
    SELECT boundaries, unit_id, year, model_kind, subgroup, approximate, registered, submitted, inspected, recognised,
        level1, level2, level3, rejected, revoked, 0
    FROM stat_evaluations;
DROP TABLE stat_evaluations;
ALTER TABLE stat_evaluations_slotted RENAME TO stat_evaluations;

CREATE TABLE stat_recognitions_slotted (
    boundaries TEXT NOT NULL CHECK (boundaries IN ('both', 'time', 'today')),
    unit_id BIGINT NOT NULL,
    model_kind TEXT NOT NULL,
    subgroup TEXT NOT NULL,
    decided_on DATE NOT NULL,
    valid_until DATE NOT NULL,
    approximate BOOLEAN NOT NULL,
    held BIGINT NOT NULL,
    slot SMALLINT NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 7),
    PRIMARY KEY (boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate, slot)
);
INSERT INTO stat_recognitions_slotted
    SELECT boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate, held, 0
    FROM stat_recognitions;
DROP TABLE stat_recognitions;
ALTER TABLE stat_recognitions_slotted RENAME TO stat_recognitions;

CREATE TABLE stat_registry_slotted (
    boundaries TEXT NOT NULL CHECK (boundaries IN ('both', 'time', 'today')),
    unit_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('household', 'clan', 'citizen', 'organisation', 'learning_centre')),
    subgroup TEXT NOT NULL,
    approximate BOOLEAN NOT NULL,
    records BIGINT NOT NULL,
    slot SMALLINT NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 7),
    PRIMARY KEY (boundaries, unit_id, kind, subgroup, approximate, slot)
);
INSERT INTO stat_registry_slotted
    SELECT boundaries, unit_id, kind, subgroup, approximate, records, 0 FROM stat_registry;
DROP TABLE stat_registry;
ALTER TABLE stat_registry_slotted RENAME TO stat_registry;
CREATE INDEX stat_registry_unit ON stat_registry (unit_id);
