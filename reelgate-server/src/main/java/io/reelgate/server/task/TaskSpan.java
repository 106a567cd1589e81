package io.reelgate.server.task;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One span of a task's trace, current on this thread until closed, with the task's {@link TaskLogFields} in the MDC
 * meanwhile, so every log line written inside it carries the task's fields and the trace id. Closing ends the span
 * and restores the thread's previous MDC.
 */
public final class TaskSpan implements AutoCloseable {

    private final Span span;
    private final Propagator propagator;
    private final TaskLogFields logFields;
    private final Tracer.SpanInScope scope;

    TaskSpan(Span span, Tracer tracer, Propagator propagator, TaskLogFields logFields) {
        this.span = span;
        this.propagator = propagator;
        this.logFields = logFields;
        this.scope = tracer.withSpan(span);
    }

    public TaskSpan tag(String key, String value) {
        if (value != null) {
            span.tag(key, value);
        }
        return this;
    }

    public TaskSpan error(Throwable failure) {
        span.error(failure);
        return this;
    }

    /**
     * W3C trace context headers naming this span as the parent ({@code traceparent}, maybe {@code tracestate}). An
     * unsampled span (the client sent flags {@code 00}) still has them, so its trace id is kept and passed on.
     */
    public Map<String, String> traceHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        TraceContext context = span.context();
        if (context != null && context != TraceContext.NOOP && context.traceId() != null
                && !context.traceId().isEmpty()) {
            propagator.inject(context, headers, Map::put);
        }
        return headers;
    }

    /** This span's {@code traceparent}, stored with a task so its later spans join the same trace; null untraced. */
    public String traceParent() {
        return traceHeaders().get("traceparent");
    }

    @Override
    public void close() {
        span.end();
        scope.close();
        logFields.close();
    }
}
