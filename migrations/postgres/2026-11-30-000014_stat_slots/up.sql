-- Counters in slots. Every write that files a record adds to the totals of its unit and of
-- each ancestor, up to the nation's, in the same transaction: with one row per total, every
-- concurrent write in a commune (and in the country, at the top) queued on the same row locks
-- until the one before it committed. Now a total is the sum of up to 8 rows, one per `slot`;
-- a PostgreSQL write adds to its connection's slot, given in turn as a pool opens connections
-- (crates/persistence/src/db.rs), so that writes on different connections touch different rows. Readers already
-- add rows up, as they did for a total kept on both boundaries. SQLite has one writer at a
-- time and keeps slot 0.

ALTER TABLE stat_evaluations ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 7);
ALTER TABLE stat_evaluations DROP CONSTRAINT stat_evaluations_pkey;
ALTER TABLE stat_evaluations ADD PRIMARY KEY (boundaries, unit_id, year, model_kind, subgroup, approximate, slot);

ALTER TABLE stat_recognitions ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 7);
ALTER TABLE stat_recognitions DROP CONSTRAINT stat_recognitions_pkey;
ALTER TABLE stat_recognitions
    ADD PRIMARY KEY (boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate, slot);

ALTER TABLE stat_registry ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 7);
ALTER TABLE stat_registry DROP CONSTRAINT stat_registry_pkey;
ALTER TABLE stat_registry ADD PRIMARY KEY (boundaries, unit_id, kind, subgroup, approximate, slot);
