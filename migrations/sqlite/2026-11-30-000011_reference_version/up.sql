-- One number that every change to the reference data (units, their names and lineage, criteria
-- frameworks) raises in the same transaction: a server's in-memory copy of that data is
-- current while the number it was read at is the stored one, however many servers share it.
CREATE TABLE reference_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO reference_version (id, version) VALUES (1, 1);
