package io.reelgate.server.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.server.infra.DaemonThreads;
import io.reelgate.server.task.TaskSpan;
import io.reelgate.server.task.TaskTracing;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due callbacks, on any node: due deliveries are claimed in batches by one statement each, so each attempt is
 * sent by one node only. A 200 answer delivers; anything else schedules the next retry, or marks the delivery dead
 * after the last. Sends run concurrently on a pool of their own ({@code reelgate.callback.senders}), never on a
 * render worker or the scheduler, and at most {@code per-receiver} at once to one receiver: a receiver that hangs
 * until the timeout delays its own callbacks only.
 */
@Component
class DeliverDueCallbacks {

    private static final Logger log = LoggerFactory.getLogger(DeliverDueCallbacks.class);
    /**
     * A claim holds this long past the attempt's timeout. An attempt still waiting for its receiver's slot when less
     * than {@link #START_MARGIN} of it is left goes back unsent, so it can never overrun its claim.
     */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
    private static final Duration START_MARGIN = Duration.ofSeconds(20);

    private final CallbackDeliveryRepository deliveries;
    private final CallbackSender sender;
    private final WebhookSecrets secrets;
    private final CallbackProperties properties;
    /** Claims run on this one thread, one pass at a time; sends on {@link #senders}. */
    private final ExecutorService claimer = Executors.newSingleThreadExecutor(DaemonThreads.named("reelgate-callbacks"));
    private final ExecutorService senders;
    private final ReceiverLanes lanes;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final Clock clock;
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
        this.senders = Executors.newFixedThreadPool(properties.senders(), DaemonThreads.named("reelgate-callback-sender"));
        this.lanes = new ReceiverLanes(properties.perReceiver(), properties.batchSize(), senders, this::wakeUp);
    }

    /** Called after a callback is committed or a send finished: claim now rather than at the next poll. */
    void wakeUp() {
        // at most one pass waits behind the running one: it sees everything the skipped wake-ups would have
        if (passQueued.compareAndSet(false, true)) {
            try {
                claimer.execute(() -> {
                    passQueued.set(false);
                    deliverDue();
                });
            } catch (RejectedExecutionException e) {
                passQueued.set(false);
            }
        }
    }

    @Scheduled(fixedDelayString = "${reelgate.callback.poll-interval:1s}")
    void poll() {
        wakeUp();
    }

    /**
     * Attempts already sent are let finish and recorded (at most one timeout): interrupting them would leave a
     * callback the receiver got recorded as undelivered, and sent again once its claim runs out.
     */
    @PreDestroy
    void stop() {
        claimer.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One pass: claims batches while there are free senders and due deliveries. */
    void deliverDue() {
        try {
            int free;
            while ((free = properties.senders() - lanes.inFlight()) > 0) {
                int limit = Math.min(free, properties.batchSize());
                Instant now = clock.instant();
                List<CallbackDelivery> claimed = deliveries.claimDue(now, now.plus(properties.timeout()).plus(CLAIM_MARGIN),
                        limit, lanes.busy());
                int taken = 0;
                for (CallbackDelivery delivery : claimed) {
                    if (lanes.offer(ReceiverKey.of(delivery.url()), () -> attemptIfStillClaimed(delivery, now))) {
                        taken++;
                    } else {
                        giveBack(delivery);
                    }
                }
                // all given back: rows of a busy receiver the claim cannot skip (written before it was recorded)
                if (claimed.size() < limit || taken == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("Callback delivery loop failed; retrying at the next poll", e);
        }
    }

    private void attemptIfStillClaimed(CallbackDelivery delivery, Instant claimedAt) {
        if (clock.instant().isAfter(claimedAt.plus(START_MARGIN))) {
            giveBack(delivery);
            return;
        }
        try {
            attempt(delivery);
        } catch (RuntimeException e) {
            log.error("Callback {} of task {}: recording the attempt failed; retried when its claim runs out",
                    delivery.id(), delivery.taskId(), e);
        }
    }

    /** An attempt its receiver had no room for: uncounted and due again right away, after the receiver's others. */
    private void giveBack(CallbackDelivery delivery) {
        try {
            if (deliveries.release(delivery, clock.instant())) {
                log.debug("Callback {} of task {} waits for a free slot at its receiver", delivery.id(), delivery.taskId());
            }
        } catch (RuntimeException e) {
            log.warn("Callback {} could not be given back; it is retried when its claim runs out", delivery.id(), e);
        }
    }

    private void attempt(CallbackDelivery delivery) {
        Instant start = clock.instant();
        int attempt = delivery.attempts();
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
        CallbackAttempt record = new CallbackAttempt(delivery.id(), attempt, start, Duration.between(start, end).toMillis(),
                outcome.status(), outcome.error());
        countAttempt(outcome.delivered(), !outcome.delivered() && attempt >= properties.maxAttempts());
        if (outcome.delivered()) {
            deliveries.recordDelivered(record, end);
            log.info("Callback {} of task {} delivered on attempt {}", delivery.id(), delivery.taskId(), attempt);
        } else if (attempt >= properties.maxAttempts()) {
            deliveries.recordDead(record);
            DeadCallbacksByHost.count(meters, delivery.url());
            log.warn("Callback {} of task {} dead after {} attempts: {}", delivery.id(), delivery.taskId(), attempt,
                    outcome.error());
        } else {
            Instant next = end.plus(withJitter(properties.retryDelays().get(attempt - 1)));
            deliveries.recordRetry(record, next);
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
