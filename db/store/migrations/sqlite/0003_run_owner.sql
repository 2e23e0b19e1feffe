-- Schema version 3 (sqlite): a run knows the process that owns it, and a run whose process ended
-- without finishing it can say so (issue 13, item 11). Same columns and statuses on both backends
-- (see postgresql/0003_run_owner.sql).
--   runs.owner_host   host name of the process that created the run (QSysInfo::machineHostName)
--   runs.owner_pid    that process's id
--   runs.owner_boot   the host's boot id (QSysInfo::bootUniqueId): a run of an earlier boot of
--                     the same host is dead whatever process now has its pid. NULL where the
--                     system has none.
--   runs.status       may now be 'interrupted': the process ended (killed, crashed, host restarted)
--                     while the run was 'running'. runs.error says why it was presumed so.
-- Rows from before keep NULL owners: their heartbeat alone decides (RunRepository::markInterrupted).
--
-- SQLite cannot change a CHECK constraint in place, so runs is rebuilt the way SQLite documents it
-- (create the new table, copy, drop, rename, recreate the indexes). Migrator runs SQLite migrations
-- with foreign_keys OFF (dropping the old table must not cascade into the metrics, trials, check
-- results and artifacts that refer to runs by name) and runs PRAGMA foreign_key_check before it
-- commits. Ids are copied, so every reference stays valid.

CREATE TABLE runs_v3 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL
        CHECK (kind IN ('load', 'train', 'lr-find', 'search', 'check', 'scan', 'snapshot')),
    dataset_id INTEGER REFERENCES datasets (id) ON DELETE SET NULL,
    config_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'completed', 'failed', 'cancelled', 'diverged', 'interrupted')),
    started_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    finished_at TEXT,
    seconds REAL,
    error TEXT,
    summary_json TEXT,
    owner_host TEXT,
    owner_pid INTEGER CHECK (owner_pid IS NULL OR owner_pid > 0),
    owner_boot TEXT
);

INSERT INTO runs_v3 (id, kind, dataset_id, config_json, status, started_at, heartbeat_at, finished_at, seconds,
                     error, summary_json)
    SELECT id, kind, dataset_id, config_json, status, started_at, heartbeat_at, finished_at, seconds, error,
           summary_json
    FROM runs;

DROP TABLE runs;

ALTER TABLE runs_v3 RENAME TO runs;

CREATE INDEX runs_kind_started ON runs (kind, started_at);
CREATE INDEX runs_status_heartbeat ON runs (status, heartbeat_at);
CREATE INDEX runs_dataset ON runs (dataset_id);
