DROP INDEX frameworks_applicable;
ALTER TABLE frameworks DROP COLUMN template;
