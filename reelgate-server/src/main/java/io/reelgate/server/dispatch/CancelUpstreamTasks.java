package io.reelgate.server.dispatch;

import io.reelgate.server.infra.DaemonThreads;
import io.reelgate.server.task.TaskChanged;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.task.UpstreamTracking;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a task parked upstream fails on our side (cancel endpoint, Reelgate-Deadline), the upstream task is cancelled
 * too, best effort, so it stops costing money. Runs on the node where the task failed, off the request thread.
 */
@Component
class CancelUpstreamTasks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CancelUpstreamTasks.class);
    /** Upstream states that need no cancel: it ended already, or we cancelled it ourselves. */
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private final EngineRegistry engines;
    private final UpstreamTracking upstream;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            DaemonThreads.named("reelgate-upstream-cancel"));

    CancelUpstreamTasks(EngineRegistry engines, UpstreamTracking upstream) {
        this.engines = engines;
        this.upstream = upstream;
    }

    @EventListener
    void onTaskChanged(TaskChanged event) {
        if (event.task().state() != TaskState.FAIL || engines.findAsync(event.task().engine()).isEmpty()) {
            return;
        }
        String taskId = event.task().id();
        executor.execute(() -> {
            try {
                upstream.find(taskId)
                        .filter(parked -> !FINISHED.contains(parked.upstreamStatus()))
                        .ifPresent(parked -> engines.findAsync(parked.engine()).ifPresent(engine -> {
                            log.info("Task {} failed on our side; cancelling {} task {}", taskId, parked.engine(),
                                    parked.upstreamId());
                            engine.cancel(parked.upstreamId());
                            upstream.recordStatus(taskId, "CANCELLED");
                        }));
            } catch (RuntimeException e) {
                log.warn("Cancelling the upstream task of {} failed", taskId, e);
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
