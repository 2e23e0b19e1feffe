-- Schema version 3 (postgresql): a run knows the process that owns it, and a run whose process ended
-- without finishing it can say so (issue 13, item 11). Same columns and statuses on both backends
-- (see sqlite/0003_run_owner.sql, which explains each column).
--   runs.owner_host, runs.owner_pid, runs.owner_boot   the owning process (NULL for older rows)
--   runs.status may now be 'interrupted'
-- The status CHECK is the column constraint 0001 created, which PostgreSQL named runs_status_check.

ALTER TABLE runs DROP CONSTRAINT runs_status_check;
ALTER TABLE runs ADD CONSTRAINT runs_status_check
    CHECK (status IN ('running', 'completed', 'failed', 'cancelled', 'diverged', 'interrupted'));
ALTER TABLE runs ADD COLUMN owner_host TEXT;
ALTER TABLE runs ADD COLUMN owner_pid BIGINT CHECK (owner_pid IS NULL OR owner_pid > 0);
ALTER TABLE runs ADD COLUMN owner_boot TEXT;
