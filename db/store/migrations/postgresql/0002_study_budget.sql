-- Schema version 2 (postgresql): what distributed hyperparameter search needs beyond version 1.
-- Same columns on both backends (see sqlite/ and postgresql/0002_study_budget.sql).
--   studies.max_evals       the study's budget: how many trials may end COMPLETE, FAIL or PRUNED
--                           (trials abandoned by a lost or interrupted worker do not count);
--                           NULL = no budget stored (every caller then passes its own).
--   studies.objective_json  what a trial evaluates, so that a worker that only knows the study's
--                           name can run it: {"objective": "branin"} or a training objective
--                           (model-spec template, data options, loss kind).
--   trials.seconds          wall time of the evaluation (NULL while running).
--   trials.abandoned        1 when the trial FAILed because its worker was lost (stale heartbeat)
--                           or interrupted, not because of the objective; 0 otherwise.

ALTER TABLE studies ADD COLUMN max_evals BIGINT CHECK (max_evals IS NULL OR max_evals >= 0);
ALTER TABLE studies ADD COLUMN objective_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE trials ADD COLUMN seconds DOUBLE PRECISION;
ALTER TABLE trials ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0 CHECK (abandoned IN (0, 1));
