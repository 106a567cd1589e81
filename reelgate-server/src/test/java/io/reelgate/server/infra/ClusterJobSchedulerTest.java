package io.reelgate.server.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.MovableClock;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Two nodes schedule the same declared job; sharing one database, they run it once per period between them. */
class ClusterJobSchedulerTest {

    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final CountingJob job = new CountingJob();

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aJobRunsOncePerPeriodAcrossTwoNodes(TestDatabases.Kind kind) {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
        FixedDelayTask node1 = scheduledOn(new ClusterJobs(jdbc, "node-1", clock));
        FixedDelayTask node2 = scheduledOn(new ClusterJobs(jdbc, "node-2", clock));

        node1.getRunnable().run();
        node2.getRunnable().run();
        assertThat(job.runs).as("first period").hasValue(1);

        clock.advance(INTERVAL.dividedBy(2));
        node2.getRunnable().run();
        node1.getRunnable().run();
        assertThat(job.runs).as("same period").hasValue(1);

        clock.advance(INTERVAL.dividedBy(2));
        node2.getRunnable().run();
        node1.getRunnable().run();
        assertThat(job.runs).as("next period").hasValue(2);
        assertThat(jdbc.sql("SELECT last_run_by FROM cluster_job WHERE name = 'counting'").query(String.class).single())
                .isEqualTo("node-2");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabases.Kind.class, names = "H2")
    void aJobIsScheduledWithTheIntervalAndInitialDelayItDeclares(TestDatabases.Kind kind) {
        FixedDelayTask task = scheduledOn(new ClusterJobs(JdbcClient.create(TestDatabases.migrated(kind)), "n", clock));

        assertThat(task.getIntervalDuration()).isEqualTo(INTERVAL);
        assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabases.Kind.class, names = "H2")
    void aJobWhoseBeanIsDeclaredByAnotherTypeIsScheduledToo(TestDatabases.Kind kind) {
        // as RateLimitConfig declares the PostgreSQL buckets, whose cleanup is a job, as RateLimitBuckets
        new ApplicationContextRunner()
                .withBean(ClusterJobs.class, () -> new ClusterJobs(JdbcClient.create(TestDatabases.migrated(kind)), "n", clock))
                .withBean(ClusterJobScheduler.class)
                .withBean("declaredAsRunnable", Runnable.class, () -> job)
                .run(context -> {
                    ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
                    context.getBean(ClusterJobScheduler.class).configureTasks(registrar);
                    assertThat(registrar.getFixedDelayTaskList()).hasSize(1);
                });
    }

    /** What one node's scheduler registers for {@link #job}. */
    private FixedDelayTask scheduledOn(ClusterJobs clusterJobs) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("counting", job);
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        new ClusterJobScheduler(clusterJobs, beans.getBeanProvider(ClusterJob.class)).configureTasks(registrar);
        List<FixedDelayTask> tasks = registrar.getFixedDelayTaskList().stream()
                .map(FixedDelayTask.class::cast).toList();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static final class CountingJob implements ClusterJob, Runnable {

        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Duration interval() {
            return INTERVAL;
        }

        @Override
        public Duration initialDelay() {
            return Duration.ofSeconds(30);
        }

        @Override
        public void run() {
            runs.incrementAndGet();
        }
    }
}
