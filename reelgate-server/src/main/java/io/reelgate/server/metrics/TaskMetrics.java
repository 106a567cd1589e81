package io.reelgate.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskChanged;
import io.reelgate.server.task.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Task and credit metrics derived from {@link TaskChanged}, which is published once per won state change: every
 * event is one transition, so counting events counts transitions. Nothing in the task engine knows about metrics.
 * Per node, as the events are: Prometheus sums the nodes.
 */
@Component
class TaskMetrics {

    static final String SUBMITTED = "reelgate.tasks.submitted";
    static final String SUCCEEDED = "reelgate.tasks.succeeded";
    static final String FAILED = "reelgate.tasks.failed";
    static final String STATE_DURATION = "reelgate.tasks.state.duration";
    static final String RENDER_DURATION = "reelgate.tasks.render.duration";
    static final String CREDIT_CHARGES = "reelgate.credits.charges";
    static final String CREDITS_CHARGED = "reelgate.credits.charged";
    static final String CREDIT_REFUNDS = "reelgate.credits.refunds";
    static final String CREDITS_REFUNDED = "reelgate.credits.refunded";

    private final MeterRegistry registry;

    TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void onTaskChanged(TaskChanged event) {
        Task t = event.task();
        String kind = t.kind().name().toLowerCase(Locale.ROOT);
        String engine = t.engine();
        switch (t.state()) {
            case WAIT -> {
                counter(SUBMITTED, "Tasks accepted", kind, engine).increment();
                if (t.cost() > 0) {
                    counter(CREDIT_CHARGES, "Submits that charged credits", kind, engine).increment();
                    counter(CREDITS_CHARGED, "Credits charged for submits", kind, engine).increment(t.cost());
                }
            }
            // a first admission ends the wait; a requeue (lease expired, node stopping) ends an interrupted run
            case QUEUEING -> {
                if (t.attempts() == 0) {
                    timeIn(TaskState.WAIT, engine, t.createdAt(), t.queuedAt());
                } else {
                    timeIn(TaskState.GENERATING, engine, t.startedAt(), t.queuedAt());
                }
            }
            case GENERATING -> timeIn(TaskState.QUEUEING, engine, t.queuedAt(), t.startedAt());
            case SUCCESS -> {
                counter(SUCCEEDED, "Tasks that ended in success", kind, engine).increment();
                timeIn(TaskState.GENERATING, engine, t.startedAt(), t.finishedAt());
                if (t.startedAt() != null && t.finishedAt() != null) {
                    Timer.builder(RENDER_DURATION).description("Time from a worker's claim to a stored result")
                            .tags("kind", kind, "engine", engine).publishPercentileHistogram()
                            .register(registry).record(Duration.between(t.startedAt(), t.finishedAt()));
                }
            }
            case FAIL -> {
                Counter.builder(FAILED).description("Tasks that ended in fail (cancel and deadline included)")
                        .tags("kind", kind, "engine", engine, "failCode", t.failCode() == null ? "" : t.failCode().toString())
                        .register(registry).increment();
                // the state it failed from is the last one whose time is known
                if (t.startedAt() != null) {
                    timeIn(TaskState.GENERATING, engine, t.startedAt(), t.finishedAt());
                } else if (t.queuedAt() != null) {
                    timeIn(TaskState.QUEUEING, engine, t.queuedAt(), t.finishedAt());
                } else {
                    timeIn(TaskState.WAIT, engine, t.createdAt(), t.finishedAt());
                }
                if (t.cost() > 0) {
                    counter(CREDIT_REFUNDS, "Failed tasks refunded", kind, engine).increment();
                    counter(CREDITS_REFUNDED, "Credits refunded for failed tasks", kind, engine).increment(t.cost());
                }
            }
        }
    }

    private Counter counter(String name, String description, String kind, String engine) {
        return Counter.builder(name).description(description).tags("kind", kind, "engine", engine).register(registry);
    }

    private void timeIn(TaskState state, String engine, Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return;
        }
        Timer.builder(STATE_DURATION).description("Time a task spent in one state before leaving it")
                .tags("state", state.wire(), "engine", engine).publishPercentileHistogram()
                .register(registry).record(Duration.between(from, to));
    }
}
