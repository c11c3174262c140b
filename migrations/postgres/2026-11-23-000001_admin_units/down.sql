DROP TABLE idempotency_keys;
DROP TABLE seed_datasets;
DROP TABLE unit_successions;
DROP TABLE reorganisations;
DROP TABLE unit_names;
DROP TABLE units;
