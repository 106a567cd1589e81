package io.reelgate.server.task;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/**
 * A task's log fields in the MDC until closed: {@code taskId}, {@code apiKeyId} (the key's id, never the key),
 * {@code dialect}, {@code model} and {@code engine}. The structured console formats (ECS, logstash) write MDC entries
 * as JSON fields; the trace id is added beside them by the tracer while a span is current. Closing restores the
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

    public static TaskLogFields of(Task task) {
        return of(task.id(), task.apiKeyId(), task.kind(), task.engine(), task.input().model());
    }

    static TaskLogFields of(String taskId, String apiKeyId, TaskKind kind, String engine, String model) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("taskId", taskId);
        fields.put("apiKeyId", apiKeyId);
        fields.put("dialect", dialectOf(kind));
        fields.put("model", model);
        fields.put("engine", engine);
        return new TaskLogFields(fields);
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
