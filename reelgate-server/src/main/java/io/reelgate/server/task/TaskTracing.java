package io.reelgate.server.task;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One trace per task, across threads, nodes and restarts. The submit span (a child of the HTTP request's span, which
 * honours the client's W3C {@code traceparent}) is stored with the task as a {@code traceparent}; every later span
 * of the task (claim, engine run or upstream submit, each poll, the result collection, each callback attempt) is
 * started from it, or from the current span when that already belongs to the task's trace (a collection inside a
 * poll). With no OTLP endpoint configured the spans are recorded but never leave the process.
 */
@Component
public class TaskTracing {

    public static final String TASK_ID = "task.id";

    private final Tracer tracer;
    private final Propagator propagator;
    private final TaskRepository tasks;

    /** Tracing switched off ({@code management.tracing.enabled=false}) leaves no propagator: spans become no-ops. */
    @Autowired
    public TaskTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, TaskRepository tasks) {
        this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP), tasks);
    }

    TaskTracing(Tracer tracer, Propagator propagator, TaskRepository tasks) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.tasks = tasks;
    }

    /** The submit span of a new task, under the request's span. */
    TaskSpan submit(String taskId, String apiKeyId, TaskKind kind, String engine, String model) {
        Span parent = tracer.currentSpan();
        Span span = (parent == null ? tracer.nextSpan() : tracer.nextSpan(parent)).name("reelgate.submit")
                .tag(TASK_ID, taskId).tag("task.kind", TaskLogFields.kindOf(kind)).tag("task.engine", engine).start();
        return new TaskSpan(span, tracer, propagator, TaskLogFields.of(taskId, apiKeyId, kind, engine, model));
    }

    /** A span of an existing task, in its stored trace. */
    public TaskSpan start(String name, Task task) {
        return new TaskSpan(builder(name, task).start(), tracer, propagator, TaskLogFields.of(task));
    }

    /** The claim, which happened at {@code claimedAt} (the task's {@code started_at}): a span from then to now. */
    public void recordClaim(Task task, String node) {
        Span.Builder builder = builder("reelgate.claim", task).tag("node", node).tag("task.attempt", task.attempts());
        Instant claimedAt = task.startedAt();
        if (claimedAt != null) {
            builder.startTimestamp(claimedAt.toEpochMilli(), TimeUnit.MILLISECONDS);
        }
        // from the claim's UPDATE to now, when the worker has the row in hand
        new TaskSpan(builder.start(), tracer, propagator, TaskLogFields.of(task)).close();
    }

    /** A span of the task with this id, looked up first (callbacks know only the id); empty when it is gone. */
    public Optional<TaskSpan> start(String name, String taskId) {
        return tasks == null ? Optional.empty() : tasks.findById(taskId).map(task -> start(name, task));
    }

    /** The W3C trace id of a stored {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static String traceIdOf(String traceParent) {
        return traceParent == null || traceParent.length() < 35 ? null : traceParent.substring(3, 35);
    }

    private Span.Builder builder(String name, Task task) {
        Span current = tracer.currentSpan();
        Span.Builder builder;
        if (current != null && current.context().traceId().equals(traceIdOf(task.traceParent()))) {
            builder = tracer.spanBuilder().setParent(current.context());
        } else if (task.traceParent() != null) {
            builder = propagator.extract(Map.of("traceparent", task.traceParent()), (carrier, key) -> carrier.get(key));
        } else {
            builder = tracer.spanBuilder();
        }
        return builder.name(name).tag(TASK_ID, task.id()).tag("task.kind", TaskLogFields.kindOf(task.kind()))
                .tag("task.engine", task.engine());
    }
}
