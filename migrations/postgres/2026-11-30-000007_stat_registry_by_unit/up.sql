-- A report reads the registry totals of the units it shows (unit_id IN …, on one or two
-- boundaries). The primary key leads with the boundaries, and PostgreSQL preferred scanning
-- every total (2 ms a report) to probing it per unit and boundaries.
CREATE INDEX stat_registry_unit ON stat_registry (unit_id);
