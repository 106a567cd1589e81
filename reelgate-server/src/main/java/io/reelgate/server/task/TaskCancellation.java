package io.reelgate.server.task;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Cancels unfinished tasks, on their owner's request or when their deadline passes: {@code fail} with code 400,
 * refund and callback as for any failure. A task that has not started never starts; a running one is stopped by
 * the node that renders it. Cancelling a cancelled task again answers as the first time did.
 */
@Service
public class TaskCancellation {

    private static final Logger log = LoggerFactory.getLogger(TaskCancellation.class);

    public static final String CANCELLED_MSG = "Task was cancelled";
    public static final String DEADLINE_MSG = "Task was cancelled: its deadline passed";

    private final TaskService tasks;
    private final TaskRepository repository;
    private final TaskTransitions transitions;
    private final Clock clock;

    TaskCancellation(TaskService tasks, TaskRepository repository, TaskTransitions transitions, Clock clock) {
        this.tasks = tasks;
        this.repository = repository;
        this.transitions = transitions;
        this.clock = clock;
    }

    public Task cancel(String apiKeyId, String taskId) {
        Task task = tasks.findAny(apiKeyId, taskId);
        // the state may move under us (queueing -> generating); each loss re-reads and tries the new state
        for (int attempt = 0; attempt < 5 && !task.state().isTerminal(); attempt++) {
            transitions.cancel(task.id(), task.state(), CANCELLED_MSG, clock.instant());
            task = tasks.findAny(apiKeyId, taskId);
        }
        if (task.state() == TaskState.FAIL && task.failMsg() != null && task.failMsg().startsWith(CANCELLED_MSG)) {
            return task;
        }
        throw new TaskNotCancellableException(task);
    }

    @Scheduled(fixedDelayString = "${reelgate.dispatch.deadline-interval:1s}")
    void cancelOverdueTasks() {
        try {
            for (Task task : repository.pastDeadline(clock.instant(), 100)) {
                transitions.cancel(task.id(), task.state(), DEADLINE_MSG, clock.instant());
            }
        } catch (RuntimeException e) {
            // runs every second: one line per failure (e.g. the database is down), not a stack trace each time
            log.warn("Deadline sweep failed; retrying at the next run: {}", e.toString());
        }
    }
}
