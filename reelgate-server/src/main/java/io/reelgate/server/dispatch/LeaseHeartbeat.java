package io.reelgate.server.dispatch;

import io.reelgate.server.infra.DaemonThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renews this node's leases every {@code heartbeat-interval} on a thread of its own: on the shared scheduler a
 * renewal could wait behind a slow sweep, and a lease that runs out under a live node has another node render the
 * task a second time. A round that comes far behind its interval is logged, since it puts every lease at risk.
 */
@Component
class LeaseHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final LeaseKeeper keeper;
    private final RunningTasks running;
    private final DispatchProperties properties;
    private ScheduledExecutorService thread;
    /** {@link System#nanoTime()} at the start of the last round. */
    private long lastRound;

    LeaseHeartbeat(LeaseKeeper keeper, RunningTasks running, DispatchProperties properties) {
        this.keeper = keeper;
        this.running = running;
        this.properties = properties;
    }

    @PostConstruct
    void start() {
        long interval = properties.heartbeatInterval().toMillis();
        lastRound = System.nanoTime();
        thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reelgate-lease-heartbeat"));
        thread.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    private void round() {
        long start = System.nanoTime();
        Duration since = Duration.ofNanos(start - lastRound);
        lastRound = start;
        if (since.compareTo(properties.heartbeatInterval().multipliedBy(3)) > 0 && running.count() > 0) {
            log.warn("Lease heartbeat ran {} ms after the previous round (interval {}, lease {}): this node or its"
                    + " database stalled", since.toMillis(), properties.heartbeatInterval(), properties.leaseDuration());
        }
        try {
            keeper.renewLeases();
        } catch (RuntimeException e) {
            log.error("Lease heartbeat round failed; retrying at the next one", e);
        }
    }
}
