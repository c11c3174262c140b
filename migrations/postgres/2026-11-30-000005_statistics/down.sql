DROP TABLE declared_values;
DROP TABLE targets;
DROP TABLE stat_registry;
DROP TABLE stat_recognitions;
DROP TABLE stat_evaluations;
DROP TABLE unit_current;
DROP INDEX evaluations_statistics;
ALTER TABLE evaluations DROP COLUMN subgroup;
ALTER TABLE unit_successions DROP COLUMN village_move;
