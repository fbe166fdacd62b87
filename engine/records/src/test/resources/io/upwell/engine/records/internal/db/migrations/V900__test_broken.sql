-- A script for the tests whose second statement fails.
CREATE TABLE IF NOT EXISTS upwell_test_half (id INTEGER);
INSERT INTO upwell_no_such_table VALUES (1);
