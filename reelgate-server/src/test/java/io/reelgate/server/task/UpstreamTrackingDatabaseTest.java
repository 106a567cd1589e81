package io.reelgate.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Parking a task at an upstream engine and claiming its polls, on the H2 file database and embedded PostgreSQL. */
class UpstreamTrackingDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private TaskRepository tasks;
    private TaskTransitions transitions;
    private UpstreamTracking upstream;
    private String keyId;

    private void setUp(TestDatabases.Kind kind) {
        DataSource dataSource = TestDatabases.migrated(kind);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        tasks = new TaskRepository(jdbc);
        transitions = new TaskTransitions(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), tasks,
                new StaticListableBeanFactory().getBeanProvider(TaskTerminalListener.class), event -> { },
                DatabaseKind.of(kind == TestDatabases.Kind.POSTGRES));
        upstream = new UpstreamTracking(jdbc);
        keyId = new ApiKeyRepository(jdbc).create("test", "rg_" + UUID.randomUUID(), T0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aParkedTaskIsPolledByOneClaimAtATimeAndNeverRequeuedByLeaseRecovery(TestDatabases.Kind kind) {
        setUp(kind);
        String id = runningOnRunway("node-a");

        assertThat(upstream.park(id, "node-b", "up-1", T0, T0.plusSeconds(5))).as("only the worker holding it").isFalse();
        assertThat(upstream.park(id, "node-a", "up-1", T0, T0.plusSeconds(5))).isTrue();

        assertThat(tasks.leasesExpiredBefore(T0.plusSeconds(3600), 10)).as("no lease to expire").isEmpty();
        assertThat(upstream.due(T0.plusSeconds(4), List.of("runway"), 10)).isEmpty();
        List<UpstreamTracking.Parked> due = upstream.due(T0.plusSeconds(6), List.of("runway"), 10);
        assertThat(due).extracting(UpstreamTracking.Parked::upstreamId).containsExactly("up-1");
        assertThat(upstream.due(T0.plusSeconds(6), List.of("preview"), 10)).as("other engines").isEmpty();

        Optional<UpstreamTracking.Parked> first = upstream.claimPoll(due.get(0), T0.plusSeconds(6), T0.plusSeconds(60));
        Optional<UpstreamTracking.Parked> second = upstream.claimPoll(due.get(0), T0.plusSeconds(6), T0.plusSeconds(60));
        assertThat(first).isPresent();
        assertThat(second).as("the same poll claimed twice").isEmpty();

        assertThat(upstream.reschedule(first.get(), "RUNNING", T0.plusSeconds(12))).isTrue();
        assertThat(upstream.reschedule(due.get(0), "RUNNING", T0.plusSeconds(12))).as("stale claim").isFalse();
        assertThat(upstream.find(id).orElseThrow().upstreamStatus()).isEqualTo("RUNNING");
        assertThat(tasks.generatingPerEngine()).containsEntry("runway", 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aLostUpstreamTaskGoesBackToTheQueueWithoutItsUpstreamIdAndIsNotCountedAsInFlight(TestDatabases.Kind kind) {
        setUp(kind);
        String id = runningOnRunway("node-a");
        assertThat(transitions.requeueLostUpstream(id, "server restarted", T0)).as("not parked yet").isFalse();
        upstream.park(id, "node-a", "gpu0/prompt-1", T0, T0.plusSeconds(5));
        assertThat(upstream.inFlightIds("runway")).containsExactly("gpu0/prompt-1");

        assertThat(transitions.requeueLostUpstream(id, "server restarted", T0.plusSeconds(10))).isTrue();
        assertThat(transitions.requeueLostUpstream(id, "server restarted", T0.plusSeconds(10))).as("once").isFalse();

        Task task = tasks.findById(id).orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.QUEUEING);
        assertThat(task.engine()).isEqualTo("runway");
        assertThat(upstream.find(id)).as("upstream id cleared").isEmpty();
        assertThat(upstream.inFlightIds("runway")).isEmpty();
        assertThat(upstream.due(T0.plusSeconds(60), List.of("runway"), 10)).isEmpty();
        assertThat(transitions.claim(id, "node-b", T0.plusSeconds(40), T0.plusSeconds(11))).as("claimed again").isTrue();
        assertThat(tasks.findById(id).orElseThrow().attempts()).isEqualTo(2);
    }

    private String runningOnRunway(String owner) {
        String id = UUID.randomUUID().toString();
        tasks.insert(new NewTask(id, keyId, TaskKind.GENERATE, null, "runway", new TaskInput("p", null, "16:9", "720p", 5,
                "", null, null, false, null, null, null, false, null), 12, T0, null));
        transitions.admit(id, T0);
        transitions.claim(id, owner, T0.plusSeconds(30), T0);
        return id;
    }
}
