DROP TABLE citizen_duplicates;
ALTER TABLE accounts ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN locked_until TIMESTAMP;
-- The dropped request fingerprints cannot be restored.
