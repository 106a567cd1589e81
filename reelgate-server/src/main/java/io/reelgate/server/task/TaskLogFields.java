package io.reelgate.server.task;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/**
 * A task's log fields in the MDC until closed: {@code taskId}, {@code apiKeyId} (the key's id, never the key),
 * {@code dialect}, {@code model}, {@code engine} and {@code traceId}. The structured console formats (ECS, logstash)
 * write MDC entries as JSON fields. Closing restores the
 * thread's previous MDC, so nested scopes and pooled threads keep nothing of a task.
 */
public final class TaskLogFields implements AutoCloseable {

    private final Map<String, String> previous;

    private TaskLogFields(Map<String, String> fields) {
        this.previous = MDC.getCopyOfContextMap();
        fields.forEach((key, value) -> {
            if (value != null) {
                MDC.put(key, value);
            }
        });
    }

    /**
     * With the task's stored trace id as {@code traceId}, so lines written outside any span (admission, claim) still
     * name the trace; inside a span the tracer sets the same key to the same trace.
     */
    public static TaskLogFields of(Task task) {
        Map<String, String> fields = fields(task.id(), task.apiKeyId(), task.kind(), task.engine(), task.input().model());
        fields.put("traceId", task.traceId());
        return new TaskLogFields(fields);
    }

    static TaskLogFields of(String taskId, String apiKeyId, TaskKind kind, String engine, String model) {
        return new TaskLogFields(fields(taskId, apiKeyId, kind, engine, model));
    }

    private static Map<String, String> fields(String taskId, String apiKeyId, TaskKind kind, String engine,
                                              String model) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("taskId", taskId);
        fields.put("apiKeyId", apiKeyId);
        fields.put("dialect", dialectOf(kind));
        fields.put("model", model);
        fields.put("engine", engine);
        return fields;
    }

    /** The wire contract a task came in through: KIE's Runway API (generate, extend) or its Aleph API. */
    static String dialectOf(TaskKind kind) {
        return kind == TaskKind.ALEPH ? "kie-aleph" : "kie-runway";
    }

    static String kindOf(TaskKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }
}
