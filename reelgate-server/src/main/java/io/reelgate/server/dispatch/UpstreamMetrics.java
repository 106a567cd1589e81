package io.reelgate.server.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reelgate.server.engine.UpstreamHttpError;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What operators of paid upstreams watch: {@code reelgate.upstream.errors{engine,operation,status}} (failed calls by
 * HTTP status, {@code none} when no answer arrived, {@code task_failed} when the upstream failed the task itself)
 * and {@code reelgate.upstream.duration{engine,outcome}} (submission to the upstream's final answer). Poll lag is a
 * gauge read from the database with the queue depth (see {@code QueueDepthGauges}).
 */
@Component
class UpstreamMetrics {

    static final String ERRORS = "reelgate.upstream.errors";
    static final String DURATION = "reelgate.upstream.duration";

    private final MeterRegistry registry;

    UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param operation {@code submit}, {@code poll} or {@code collect} */
    void error(String engine, String operation, Throwable failure) {
        errors(engine, operation, statusOf(failure)).increment();
    }

    void taskFailedUpstream(String engine) {
        errors(engine, "poll", "task_failed").increment();
    }

    void finished(String engine, String outcome, Duration sinceSubmission) {
        Timer.builder(DURATION).description("Time from the upstream submission to the upstream's final answer")
                .tags("engine", engine, "outcome", outcome).publishPercentileHistogram().register(registry)
                .record(sinceSubmission.isNegative() ? Duration.ZERO : sinceSubmission);
    }

    private Counter errors(String engine, String operation, String status) {
        return Counter.builder(ERRORS).description("Failed upstream calls by engine, operation and HTTP status")
                .tags("engine", engine, "operation", operation, "status", status).register(registry);
    }

    private static String statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpstreamHttpError http) {
                return http.httpStatus() == 0 ? "none" : Integer.toString(http.httpStatus());
            }
        }
        return "unknown";
    }
}
