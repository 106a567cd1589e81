-- Nothing looks a task up by its video id (the OpenAI dialect's video id is the task id), so the index only cost a
-- write per finished task. Every remaining index of the task table names the query it serves: docs/database.md.
DROP INDEX ix_task_video;
