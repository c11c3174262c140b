DROP INDEX stat_registry_unit;
