package io.reelgate.server.dispatch;

import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskSpan;
import io.reelgate.server.task.TaskTracing;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What the workers and pollers report about a run: spans in the task's trace ({@link TaskTracing}) and the upstream
 * metrics ({@link UpstreamMetrics}). One collaborator for both, so the runner's constructor does not grow by two.
 */
@Component
class RunTelemetry {

    private final TaskTracing tracing;
    private final UpstreamMetrics upstream;

    RunTelemetry(TaskTracing tracing, UpstreamMetrics upstream) {
        this.tracing = tracing;
        this.upstream = upstream;
    }

    TaskSpan span(String name, Task task) {
        return tracing.start(name, task);
    }

    void claimed(Task task, String node) {
        tracing.recordClaim(task, node);
    }

    void upstreamError(String engine, String operation, Throwable failure) {
        upstream.error(engine, operation, failure);
    }

    void taskFailedUpstream(String engine) {
        upstream.taskFailedUpstream(engine);
    }

    void upstreamFinished(String engine, String outcome, Duration sinceSubmission) {
        upstream.finished(engine, outcome, sinceSubmission);
    }
}
