package io.reelgate.server.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import io.reelgate.server.task.TaskChanged;
import io.reelgate.server.task.TaskEndedElsewhere;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tasks this node is running right now, so heartbeats can renew them and cancellation can reach them. */
@Component
class RunningTasks {

    private final ConcurrentHashMap<String, RunHandle> running = new ConcurrentHashMap<>();
    /** Results of upstream tasks being brought home: held by a poll claim, so never renewed or counted as runs. */
    private final ConcurrentHashMap<String, RunHandle> collecting = new ConcurrentHashMap<>();

    RunHandle start(String taskId) {
        return register(running, taskId);
    }

    void finish(RunHandle handle) {
        running.remove(handle.taskId(), handle);
    }

    /** A result collection, so a cancel aborts its download as it aborts a run's. */
    RunHandle startCollecting(String taskId) {
        return register(collecting, taskId);
    }

    void finishCollecting(RunHandle handle) {
        collecting.remove(handle.taskId(), handle);
    }

    /**
     * A task that ended while this node renders it (cancelled, deadline passed) stops at once and stores nothing;
     * the state change already happened in the database.
     */
    @EventListener
    void onTaskChanged(TaskChanged event) {
        if (event.task().state().isTerminal()) {
            stop(event.task().id());
        }
    }

    /** The same for a task another node ended, so a cancel there reaches a run here before its next heartbeat. */
    @EventListener
    void onTaskEndedElsewhere(TaskEndedElsewhere event) {
        stop(event.taskId());
    }

    private void stop(String taskId) {
        for (var handles : List.of(running, collecting)) {
            RunHandle handle = handles.get(taskId);
            if (handle != null) {
                handle.markLeaseLost();
            }
        }
    }

    private static RunHandle register(ConcurrentHashMap<String, RunHandle> handles, String taskId) {
        RunHandle handle = new RunHandle(taskId);
        handles.put(taskId, handle);
        return handle;
    }

    Collection<RunHandle> all() {
        return List.copyOf(running.values());
    }

    int count() {
        return running.size();
    }
}
