-- PostgreSQL only (H2 has no partial indexes; db/vendor/h2 keeps the full ones): the task table's hot indexes hold
-- just the rows their queries can match, so a submitted task is written into 4 indexes instead of 10, and the
-- dispatcher's, pollers' and sweeps' indexes stay as small as the work in flight, not as the table's history.
-- docs/database.md names the query each index serves; TaskIndexPlansTest checks PostgreSQL's plans use them.

-- TaskRepository.idsInState(WAIT) (admission, oldest first) and queuePosition of a waiting task
DROP INDEX ix_task_state_created;
CREATE INDEX ix_task_waiting ON task (created_at, id) WHERE state = 'wait';
-- TaskStats.recentFailures (operator console)
CREATE INDEX ix_task_failed ON task (created_at) WHERE state = 'fail';

-- TaskTransitions.claimNext, TaskRepository.nextQueued and queuePosition of a queued task
DROP INDEX ix_task_state_queued;
CREATE INDEX ix_task_queued ON task (queued_at, id) WHERE state = 'queueing';

-- TaskRepository.leasesExpiredBefore (lease recovery) and leasedBy (a node handing its tasks back)
DROP INDEX ix_task_lease;
CREATE INDEX ix_task_lease ON task (lease_until) WHERE state = 'generating';

-- UpstreamTracking.claimDuePolls and TaskStats.oldestDuePolls: only tasks parked at an upstream engine
DROP INDEX ix_task_next_poll;
CREATE INDEX ix_task_next_poll ON task (next_poll_at) WHERE state = 'generating' AND next_poll_at IS NOT NULL;

-- TaskRepository.generatingPerEngine (per-engine concurrency limits) and TaskStats.unfinishedByEngine
DROP INDEX ix_task_state_engine;
CREATE INDEX ix_task_active_engine ON task (engine, state) WHERE state IN ('wait', 'queueing', 'generating');

-- TaskRepository.pastDeadline: only unfinished tasks that were given a deadline
DROP INDEX ix_task_deadline;
CREATE INDEX ix_task_deadline ON task (deadline_at) WHERE deadline_at IS NOT NULL
    AND state IN ('wait', 'queueing', 'generating');

-- TaskRepository.resultsExpiredBefore (retention sweep): only results not yet expired
DROP INDEX ix_task_expiry;
CREATE INDEX ix_task_expiry ON task (expires_at) WHERE expire_flag = 0 AND expires_at IS NOT NULL;

-- TaskStats.recentUpstreamRuns (operator console): only tasks a hosted engine took
CREATE INDEX ix_task_upstream_runs ON task (created_at) WHERE upstream_id IS NOT NULL;
