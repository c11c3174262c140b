-- Templates: starting points a province adopts and completes; listed apart, never published.
ALTER TABLE frameworks ADD COLUMN template BOOLEAN NOT NULL DEFAULT FALSE;
-- "Which framework applies here": published versions of a model, provincial before national.
CREATE INDEX frameworks_applicable ON frameworks (model_kind, status, province_id);
