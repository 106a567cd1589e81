-- H2 has no partial indexes: the flag leads, so the sweep reads only the flagged rows (the PostgreSQL counterpart of
-- this version indexes just those).
CREATE INDEX ix_task_run_files ON task (run_files_pending, finished_at);
