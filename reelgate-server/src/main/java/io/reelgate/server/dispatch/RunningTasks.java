package io.reelgate.server.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import io.reelgate.server.task.TaskChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tasks this node is running right now, so heartbeats can renew them and cancellation can reach them. */
@Component
class RunningTasks {

    private final ConcurrentHashMap<String, RunHandle> running = new ConcurrentHashMap<>();

    RunHandle start(String taskId) {
        RunHandle handle = new RunHandle(taskId);
        running.put(taskId, handle);
        return handle;
    }

    void finish(RunHandle handle) {
        running.remove(handle.taskId(), handle);
    }

    /**
     * A task that ended while this node renders it (cancelled, deadline passed) stops at once and stores nothing;
     * the state change already happened in the database.
     */
    @EventListener
    void onTaskChanged(TaskChanged event) {
        if (event.task().state().isTerminal()) {
            RunHandle handle = running.get(event.task().id());
            if (handle != null) {
                handle.markLeaseLost();
            }
        }
    }

    Collection<RunHandle> all() {
        return List.copyOf(running.values());
    }

    int count() {
        return running.size();
    }
}
