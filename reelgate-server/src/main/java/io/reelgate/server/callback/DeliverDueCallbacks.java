package io.reelgate.server.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.server.task.TaskSpan;
import io.reelgate.server.task.TaskTracing;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due callbacks, on any node: each attempt is claimed with a guarded UPDATE first, so it is sent by one node
 * only. A 200 answer delivers; anything else schedules the next retry, or marks the delivery dead after the last.
 * Runs on its own thread, never on a render worker or the scheduler, so slow receivers hold up nothing else.
 */
@Component
class DeliverDueCallbacks {

    private static final Logger log = LoggerFactory.getLogger(DeliverDueCallbacks.class);
    private static final int BATCH = 20;

    private final CallbackDeliveryRepository deliveries;
    private final CallbackSender sender;
    private final WebhookSecrets secrets;
    private final CallbackProperties properties;
    /** One sender thread: slow receivers delay other callbacks, never heartbeats or renders. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reelgate-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final MeterRegistry meters;
    private final TaskTracing tracing;

    DeliverDueCallbacks(CallbackDeliveryRepository deliveries, CallbackSender sender, WebhookSecrets secrets,
                        CallbackProperties properties, Clock clock, MeterRegistry meters, TaskTracing tracing) {
        this.tracing = tracing;
        this.deliveries = deliveries;
        this.sender = sender;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Called after a callback is committed: deliver now rather than at the next poll. */
    void wakeUp() {
        executor.execute(this::deliverDue);
    }

    @Scheduled(fixedDelayString = "${reelgate.callback.poll-interval:1s}")
    void poll() {
        executor.execute(this::deliverDue);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (CallbackDelivery delivery : deliveries.due(clock.instant(), BATCH)) {
                attempt(delivery);
            }
        } catch (RuntimeException e) {
            log.error("Callback delivery loop failed; retrying at the next poll", e);
        } finally {
            running.set(false);
        }
    }

    private void attempt(CallbackDelivery delivery) {
        Instant start = clock.instant();
        if (!deliveries.claim(delivery, start.plus(properties.timeout()).plusSeconds(30))) {
            return;
        }
        int attempt = delivery.attempts() + 1;
        long timestamp = start.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>(CallbackSigner.headers(
                delivery.id(), delivery.taskId(), delivery.payload(), timestamp, secrets.active(delivery.apiKeyId(), start)));
        CallbackSender.Outcome outcome;
        // tracing: the attempt is a span of the task's trace, and the receiver gets it as its traceparent
        Optional<TaskSpan> span = tracing.start("reelgate.callback.attempt", delivery.taskId());
        try {
            span.ifPresent(s -> headers.putAll(s.tag("callback.attempt", Integer.toString(attempt)).traceHeaders()));
            outcome = sender.post(delivery.url(), delivery.payload(), headers);
            span.ifPresent(s -> s.tag("http.status", outcome.status() == null ? "none" : outcome.status().toString()));
        } finally {
            span.ifPresent(TaskSpan::close);
        }
        Instant end = clock.instant();
        deliveries.recordAttempt(new CallbackAttempt(delivery.id(), attempt, start, Duration.between(start, end).toMillis(),
                outcome.status(), outcome.error()));
        countAttempt(outcome.delivered(), !outcome.delivered() && attempt >= properties.maxAttempts());
        if (outcome.delivered()) {
            deliveries.markDelivered(delivery.id(), outcome.status(), end);
            log.info("Callback {} of task {} delivered on attempt {}", delivery.id(), delivery.taskId(), attempt);
        } else if (attempt >= properties.maxAttempts()) {
            deliveries.markDead(delivery.id(), outcome.status(), outcome.error());
            DeadCallbacksByHost.count(meters, delivery.url());
            log.warn("Callback {} of task {} dead after {} attempts: {}", delivery.id(), delivery.taskId(), attempt,
                    outcome.error());
        } else {
            Instant next = end.plus(withJitter(properties.retryDelays().get(attempt - 1)));
            deliveries.reschedule(delivery.id(), outcome.status(), outcome.error(), next);
            log.info("Callback {} of task {} attempt {} failed ({}); next at {}", delivery.id(), delivery.taskId(),
                    attempt, outcome.error(), next);
        }
    }

    /** {@code reelgate.callbacks.attempts{outcome}} and {@code reelgate.callbacks.failures{final}}. */
    private void countAttempt(boolean delivered, boolean dead) {
        Counter.builder("reelgate.callbacks.attempts").description("Callback POSTs sent")
                .tag("outcome", delivered ? "delivered" : "failed").register(meters).increment();
        if (!delivered) {
            Counter.builder("reelgate.callbacks.failures").description("Callback attempts not answered with HTTP 200")
                    .tag("final", Boolean.toString(dead)).register(meters).increment();
        }
    }

    private Duration withJitter(Duration delay) {
        double spread = properties.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(delay.toMillis() * (1 + spread))));
    }
}
