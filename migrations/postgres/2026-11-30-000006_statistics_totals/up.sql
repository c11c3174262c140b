-- Statistics, second shape. The first kept a counter row where its records live and summed a
-- report's subtree at read time: a province read every village's rows, and the nation every
-- village in the country. Now a counter is kept in every unit whose subtree holds it, on each
-- boundaries, so a report reads one row per unit it shows, whatever lies below.
--
-- The counters are derived data: they name units without foreign keys, so that a write does
-- not pay a check per row; `xhht stats verify` compares them with the base tables.
--
-- `boundaries` is 'time' (the unit's own ancestors: a report on the boundaries of the time),
-- 'today' (the ancestors of the unit it lies in today: a report on today's boundaries, with
-- `approximate` when that mapping went through a partial succession no village could
-- resolve; always false on the boundaries of the time), or 'both' where a unit reaches a
-- total the same way on each, as every unit in force does: a total on one boundaries is the
-- sum of its rows and the 'both' rows.

DROP TABLE stat_evaluations;
DROP TABLE stat_recognitions;
DROP TABLE stat_registry;

-- The totals a unit's records count in: the unit itself and its ancestors, on each boundaries.
-- Written when a unit opens and when the map changes (crates/persistence/src/stats.rs), so
-- that a write adds to the counters in one statement, with no lookup first.
CREATE TABLE unit_places (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    boundaries TEXT NOT NULL CHECK (boundaries IN ('both', 'time', 'today')),
    total_id BIGINT NOT NULL REFERENCES units (id),
    approximate BOOLEAN NOT NULL,
    PRIMARY KEY (unit_id, boundaries, total_id)
);

-- Evaluations by year, model and subgroup, at each stage, in each unit's subtree. `registered`
-- counts every evaluation; `submitted` and `inspected` those that went through that step;
-- `recognised` (and `level1`..`level3` by the rank granted) those recognised now; `rejected`,
-- `revoked`.
CREATE TABLE stat_evaluations (
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

-- Recognitions held, by their decision date and the last day they are kept ('9999-12-31'
-- when the framework sets no limit): "recognised and still valid on a date" sums the rows
-- whose span covers it instead of scanning decisions.
CREATE TABLE stat_recognitions (
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

-- The registries' records by kind and subgroup: the denominators of the shares. (Villages,
-- communes and provinces are counted from `units` itself, as of the report's day.)
CREATE TABLE stat_registry (
    boundaries TEXT NOT NULL CHECK (boundaries IN ('both', 'time', 'today')),
    unit_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('household', 'clan', 'citizen', 'organisation', 'learning_centre')),
    subgroup TEXT NOT NULL,
    approximate BOOLEAN NOT NULL,
    records BIGINT NOT NULL,
    PRIMARY KEY (boundaries, unit_id, kind, subgroup, approximate)
);

-- Counting the villages (communes, provinces) in force under a unit on a day reads only this.
CREATE INDEX units_level_path ON units (level, path, valid_from, valid_to);
