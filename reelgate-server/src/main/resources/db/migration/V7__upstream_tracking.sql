-- Upstream engines (Runway): after a worker submits a task upstream it parks the row here and lets go of it. The
-- task stays 'generating' with lease_owner = 'upstream' and lease_until NULL, so lease recovery (lease_until < now)
-- never hands it back to the queue (that would submit, and pay for, a second upstream task); instead whichever node
-- wins the guarded UPDATE on poll_version polls it when next_poll_at is due. Runs on H2 (MODE=PostgreSQL) and
-- PostgreSQL.
ALTER TABLE task ADD COLUMN upstream_id VARCHAR(100);
-- last status the upstream reported: PENDING, THROTTLED, RUNNING, SUCCEEDED, FAILED, CANCELLED
ALTER TABLE task ADD COLUMN upstream_status VARCHAR(16);
-- when the upstream task was created; the engine's task timeout counts from here
ALTER TABLE task ADD COLUMN upstream_since TIMESTAMP;
-- when the task is due for its next poll; a claimed poll pushes it forward, so a node dying mid-poll only delays it
ALTER TABLE task ADD COLUMN next_poll_at TIMESTAMP;
-- bumped by every claimed poll: the guard that lets exactly one node poll a task at a time
ALTER TABLE task ADD COLUMN poll_version INTEGER NOT NULL DEFAULT 0;
-- consecutive failed polls (upstream 429/5xx, connection errors), for the backoff
ALTER TABLE task ADD COLUMN poll_errors INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_task_next_poll ON task (state, next_poll_at);
-- per-engine concurrency limits count generating tasks per engine
CREATE INDEX ix_task_state_engine ON task (state, engine);
