-- Folds the slots back into one row per total.
CREATE TEMPORARY TABLE folded_evaluations AS
    SELECT boundaries, unit_id, year, model_kind, subgroup, approximate, SUM(registered)::bigint AS registered,
        SUM(submitted)::bigint AS submitted, SUM(inspected)::bigint AS inspected, SUM(recognised)::bigint AS recognised,
        SUM(level1)::bigint AS level1, SUM(level2)::bigint AS level2, SUM(level3)::bigint AS level3,
        SUM(rejected)::bigint AS rejected, SUM(revoked)::bigint AS revoked
    FROM stat_evaluations GROUP BY boundaries, unit_id, year, model_kind, subgroup, approximate;
DELETE FROM stat_evaluations;
ALTER TABLE stat_evaluations DROP CONSTRAINT stat_evaluations_pkey;
ALTER TABLE stat_evaluations DROP COLUMN slot;
ALTER TABLE stat_evaluations ADD PRIMARY KEY (boundaries, unit_id, year, model_kind, subgroup, approximate);
INSERT INTO stat_evaluations SELECT * FROM folded_evaluations;

CREATE TEMPORARY TABLE folded_recognitions AS
    SELECT boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate, SUM(held)::bigint AS held
    FROM stat_recognitions GROUP BY boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate;
DELETE FROM stat_recognitions;
ALTER TABLE stat_recognitions DROP CONSTRAINT stat_recognitions_pkey;
ALTER TABLE stat_recognitions DROP COLUMN slot;
ALTER TABLE stat_recognitions ADD PRIMARY KEY (boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate);
INSERT INTO stat_recognitions SELECT * FROM folded_recognitions;

CREATE TEMPORARY TABLE folded_registry AS
    SELECT boundaries, unit_id, kind, subgroup, approximate, SUM(records)::bigint AS records
    FROM stat_registry GROUP BY boundaries, unit_id, kind, subgroup, approximate;
DELETE FROM stat_registry;
ALTER TABLE stat_registry DROP CONSTRAINT stat_registry_pkey;
ALTER TABLE stat_registry DROP COLUMN slot;
ALTER TABLE stat_registry ADD PRIMARY KEY (boundaries, unit_id, kind, subgroup, approximate);
INSERT INTO stat_registry SELECT * FROM folded_registry;
