-- Version 2: whether each cup's device was a simulator. A simulated cup treats nobody, so the
-- over-treatment guard (SR-15) leaves it out of a client's history. NULL for cups delivered before
-- this version (and from journals that did not say), which the guard counts as real.
ALTER TABLE upwell_session_cup ADD COLUMN IF NOT EXISTS simulated BOOLEAN;
