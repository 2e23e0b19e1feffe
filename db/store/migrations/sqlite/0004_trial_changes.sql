-- Schema version 4 (sqlite): a change counter per study, so that a process that keeps a study's
-- trials in memory reads only what changed since its last read (issue 24, item 1). Same columns on
-- both backends (see postgresql/0004_trial_changes.sql).
--   studies.change_seq  the study's last change number; every write that a sampler or a budget
--                       can see (a trial reserved, finished, failed, abandoned or reaped) takes the
--                       next one with UPDATE studies SET change_seq = change_seq + 1 ... RETURNING,
--                       inside the transaction that makes the change. That row lock (the database's
--                       write lock on SQLite) is held until commit, so a study's changes commit in
--                       the order of their numbers and a reader never sees number N+1 without N.
--   trials.change_seq   the number of the last such change of the row. Heartbeats and run links
--                       do not change it. A reader asks for change_seq > the last number it saw.
-- Rows from before get their number + 1 (in number order), their study the largest of those, so a
-- process that starts from 0 reads every existing trial once.

ALTER TABLE studies ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0 CHECK (change_seq >= 0);
ALTER TABLE trials ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0 CHECK (change_seq >= 0);
UPDATE trials SET change_seq = number + 1;
UPDATE studies SET change_seq = COALESCE((SELECT MAX(trials.change_seq) FROM trials WHERE trials.study_id = studies.id), 0);
CREATE INDEX trials_study_change ON trials (study_id, change_seq);
