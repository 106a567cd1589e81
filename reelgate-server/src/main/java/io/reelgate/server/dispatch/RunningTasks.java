package io.reelgate.server.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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

    Collection<RunHandle> all() {
        return List.copyOf(running.values());
    }

    int count() {
        return running.size();
    }
}
