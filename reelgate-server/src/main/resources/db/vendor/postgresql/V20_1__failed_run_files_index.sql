-- Holds only the failed tasks whose result folder may still hold files: a handful, however long the history.
CREATE INDEX ix_task_run_files ON task (finished_at) WHERE run_files_pending;
