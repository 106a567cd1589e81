package io.reelgate.server.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Eight nodes asking at the same instant run a periodic job once per period, on H2 and on PostgreSQL. */
class ClusterJobsDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofMinutes(10);

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentNodesRunEachPeriodOnce(TestDatabases.Kind kind) throws Exception {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
        AtomicInteger runs = new AtomicInteger();

        assertThat(race(jdbc, T0, runs)).as("first period, row created by the race").isEqualTo(1);
        assertThat(race(jdbc, T0.plus(PERIOD.dividedBy(2)), runs)).as("same period").isZero();
        assertThat(race(jdbc, T0.plus(PERIOD), runs)).as("next period").isEqualTo(1);
        assertThat(race(jdbc, T0.plus(PERIOD).plusSeconds(1), runs)).as("just after it").isZero();
        assertThat(runs).hasValue(2);
        assertThat(jdbc.sql("SELECT runs FROM cluster_job WHERE name = 'sweep'").query(Long.class).single()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aFailingJobIsLoggedAndStillBooksItsPeriod(TestDatabases.Kind kind) {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
        ClusterJobs jobs = new ClusterJobs(jdbc, "node-1", Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(jobs.runIfDue("broken", PERIOD, () -> {
            throw new IllegalStateException("disk full");
        })).isTrue();
        assertThat(jobs.runIfDue("broken", PERIOD, () -> { })).as("not again this period").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aShortenedIntervalAppliesAtOnce(TestDatabases.Kind kind) {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
        assertThat(new ClusterJobs(jdbc, "node-1", Clock.fixed(T0, ZoneOffset.UTC)).claim("sweep", PERIOD)).isTrue();

        // restarted with a 1 minute interval: two minutes later it is due, not eight minutes later
        ClusterJobs restarted = new ClusterJobs(jdbc, "node-1", Clock.fixed(T0.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        assertThat(restarted.claim("sweep", Duration.ofMinutes(1))).isTrue();
    }

    /** Eight nodes call {@code runIfDue} together at {@code now}; returns how many ran the job. */
    private static int race(JdbcClient jdbc, Instant now, AtomicInteger runs) throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                ClusterJobs jobs = new ClusterJobs(jdbc, "node-" + i, Clock.fixed(now, ZoneOffset.UTC));
                results.add(pool.submit(() -> {
                    start.await();
                    return jobs.runIfDue("sweep", PERIOD, runs::incrementAndGet);
                }));
            }
            start.countDown();
            int ran = 0;
            for (Future<Boolean> result : results) {
                ran += result.get() ? 1 : 0;
            }
            return ran;
        } finally {
            pool.shutdownNow();
        }
    }
}
