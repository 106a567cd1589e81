package io.reelgate.server.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deletes a finished task at its owner's request: its result files (the retention sweep's path, which includes
 * what dialects derived from the result), then its row, so the task reads back as missing. Only a finished task can go:
 * deleting one that still renders would race its engine.
 */
@Service
public class TaskDeletion {

    private static final Logger log = LoggerFactory.getLogger(TaskDeletion.class);

    private final TaskService tasks;
    private final TaskRepository repository;
    private final RetentionSweep retention;

    TaskDeletion(TaskService tasks, TaskRepository repository, RetentionSweep retention) {
        this.tasks = tasks;
        this.repository = repository;
        this.retention = retention;
    }

    /**
     * @throws TaskNotFoundException       for another key's or another dialect's task
     * @throws InvalidRequestException    while the task is unfinished
     */
    public void deleteFinished(String apiKeyId, String dialect, String taskId) {
        Task task = tasks.findInDialect(apiKeyId, dialect, taskId);
        if (!task.state().isTerminal()) {
            throw new InvalidRequestException("video_id", "Video " + taskId + " is still " + task.state().wire()
                    + "; only a completed or failed video can be deleted");
        }
        retention.deleteResultFiles(task);
        if (repository.deleteFinished(task.id())) {
            log.info("Task {} deleted by its owner", task.id());
        }
    }
}
