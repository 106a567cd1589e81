package io.reelgate.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.VideoEngine;
import io.reelgate.server.task.TaskStats;
import io.reelgate.server.task.TaskStats.EngineStateCount;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code reelgate.tasks.queue.depth{engine,state}}: unfinished tasks per engine and state, cluster-wide (it is read
 * from the database), and {@code reelgate.tasks.oldest.age{engine,state}}: how long the longest-waiting of them has
 * been in that state, which the stuck-task alert compares with the engine's deadline, and
 * {@code reelgate.upstream.poll.lag{engine}}: how overdue the most overdue upstream poll is (0 while the pollers keep
 * up). Refreshed by two grouped, indexed queries every few seconds, so scrapes cost no query. Whether they worked is
 * {@code reelgate.database.up} (1 or 0): the database-unavailable alert needs a series that exists while the
 * database does not answer.
 */
@Component
class QueueDepthGauges {

    static final String QUEUE_DEPTH = "reelgate.tasks.queue.depth";
    static final String OLDEST_AGE = "reelgate.tasks.oldest.age";
    static final String DATABASE_UP = "reelgate.database.up";
    static final String POLL_LAG = "reelgate.upstream.poll.lag";
    private static final Logger log = LoggerFactory.getLogger(QueueDepthGauges.class);

    private static final List<String> STATES = List.of("wait", "queueing", "generating");

    private final TaskStats stats;
    private final List<String> engines;
    private final List<String> asyncEngines;
    private final Clock clock;
    private final MultiGauge depthGauge;
    private final MultiGauge ageGauge;
    private final MultiGauge pollLagGauge;
    private final AtomicInteger databaseUp = new AtomicInteger(1);

    QueueDepthGauges(TaskStats stats, List<VideoEngine> engines, MeterRegistry registry, Clock clock) {
        this.stats = stats;
        this.clock = clock;
        this.engines = engines.stream().map(VideoEngine::name).toList();
        this.asyncEngines = engines.stream().filter(AsyncVideoEngine.class::isInstance).map(VideoEngine::name).toList();
        this.depthGauge = MultiGauge.builder(QUEUE_DEPTH)
                .description("Unfinished tasks per engine and state (wait, queueing, generating)")
                .register(registry);
        this.ageGauge = MultiGauge.builder(OLDEST_AGE).baseUnit("seconds")
                .description("Time the oldest unfinished task of an engine has spent in its current state")
                .register(registry);
        this.pollLagGauge = MultiGauge.builder(POLL_LAG).baseUnit("seconds")
                .description("How overdue the most overdue upstream poll of an engine is (0 while pollers keep up)")
                .register(registry);
        Gauge.builder(DATABASE_UP, databaseUp, AtomicInteger::get)
                .description("1 when the last queue-depth query reached the database, 0 when it failed")
                .register(registry);
    }

    @Scheduled(initialDelayString = "1s", fixedDelayString = "${reelgate.metrics.queue-depth-interval:5s}")
    void refresh() {
        List<EngineStateCount> counts;
        List<TaskStats.OverduePoll> polls;
        try {
            counts = stats.unfinishedByEngine();
            polls = stats.oldestDuePolls();
            databaseUp.set(1);
        } catch (RuntimeException e) {
            databaseUp.set(0);
            log.warn("Queue depth refresh failed: {}", e.toString());
            return;
        }
        // this node's engines always show all three states (0 when empty); other engines while they have tasks
        Map<List<String>, Number> depth = new LinkedHashMap<>();
        Map<List<String>, Number> age = new LinkedHashMap<>();
        engines.forEach(engine -> STATES.forEach(state -> {
            depth.put(List.of(engine, state), 0L);
            age.put(List.of(engine, state), 0L);
        }));
        for (EngineStateCount c : counts) {
            depth.put(List.of(c.engine(), c.state()), c.count());
            if (c.oldestSince() != null) {
                age.put(List.of(c.engine(), c.state()),
                        Math.max(0, Duration.between(c.oldestSince(), clock.instant()).toMillis() / 1000.0));
            }
        }
        depthGauge.register(rows(depth), true);
        ageGauge.register(rows(age), true);
        Map<String, Number> lag = new LinkedHashMap<>();
        asyncEngines.forEach(engine -> lag.put(engine, 0L));
        for (TaskStats.OverduePoll poll : polls) {
            if (poll.dueAt() != null) {
                lag.put(poll.engine(), Math.max(0, Duration.between(poll.dueAt(), clock.instant()).toMillis() / 1000.0));
            }
        }
        pollLagGauge.register(lag.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("engine", e.getKey()), e.getValue()))
                .toList(), true);
    }

    private static List<MultiGauge.Row<?>> rows(Map<List<String>, Number> values) {
        return values.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("engine", e.getKey().get(0), "state",
                        e.getKey().get(1)), e.getValue()))
                .toList();
    }
}
