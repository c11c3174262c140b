DROP TABLE awards;
DROP TABLE emulation_reports;
DROP TABLE emulation_reviews;
DROP TABLE emulation_plans;
DROP TABLE drive_registrations;
DROP TABLE drives;
