-- One trace per task: the W3C traceparent (00-<32 hex trace id>-<16 hex span id>-<2 hex flags>, 55 characters) of
-- the span that accepted the task. Every later span of the task (claim, engine run, polls, callbacks) is started
-- from it, on whichever node does the work; the task view shows its trace id. NULL for tasks accepted before
-- tracing existed. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE task ADD COLUMN trace_parent VARCHAR(55);
