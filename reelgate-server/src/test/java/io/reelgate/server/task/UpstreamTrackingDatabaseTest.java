package io.reelgate.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.TaskTables;
import io.reelgate.server.testsupport.TestDatabases;
import io.reelgate.server.testsupport.TestTaskInputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parking a task at an upstream engine and claiming its polls, on the H2 file database and embedded PostgreSQL. */
class UpstreamTrackingDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private TaskRepository tasks;
    private TaskTransitions transitions;
    private UpstreamTracking upstream;
    private String keyId;

    private void setUp(TestDatabases.Kind kind) {
        TaskTables tables = TaskTables.on(kind, T0);
        tasks = tables.tasks();
        transitions = tables.transitions();
        upstream = new UpstreamTracking(tables.jdbc(), tables.database());
        keyId = tables.keyId();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aParkedTaskIsPolledByOneClaimAtATimeAndNeverRequeuedByLeaseRecovery(TestDatabases.Kind kind) {
        setUp(kind);
        String id = runningOnRunway("node-a");

        assertThat(upstream.park(id, "node-b", "up-1", T0, T0.plusSeconds(5))).as("only the worker holding it").isFalse();
        assertThat(upstream.park(id, "node-a", "up-1", T0, T0.plusSeconds(5))).isTrue();

        assertThat(tasks.leasesExpiredBefore(T0.plusSeconds(3600), 10)).as("no lease to expire").isEmpty();
        assertThat(upstream.claimDuePolls(T0.plusSeconds(4), List.of("runway"), T0.plusSeconds(60), 10)).isEmpty();
        assertThat(upstream.claimDuePolls(T0.plusSeconds(6), List.of("preview"), T0.plusSeconds(60), 10))
                .as("other engines").isEmpty();
        List<UpstreamTracking.Parked> claimed = upstream.claimDuePolls(T0.plusSeconds(6), List.of("runway"),
                T0.plusSeconds(60), 10);
        assertThat(claimed).extracting(UpstreamTracking.Parked::upstreamId).containsExactly("up-1");
        assertThat(upstream.claimDuePolls(T0.plusSeconds(6), List.of("runway"), T0.plusSeconds(60), 10))
                .as("the same poll claimed twice").isEmpty();
        Optional<UpstreamTracking.Parked> first = Optional.of(claimed.get(0));
        UpstreamTracking.Parked stale = new UpstreamTracking.Parked(id, "runway", "up-1", "PENDING", T0,
                claimed.get(0).pollVersion() - 1, 0);

        assertThat(upstream.reschedule(first.get(), "RUNNING", null, T0.plusSeconds(12))).isTrue();
        assertThat(upstream.reschedule(stale, "RUNNING", null, T0.plusSeconds(12))).as("stale claim").isFalse();
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
        assertThat(upstream.claimDuePolls(T0.plusSeconds(60), List.of("runway"), T0.plusSeconds(90), 10)).isEmpty();
        assertThat(transitions.claim(id, "node-b", T0.plusSeconds(40), T0.plusSeconds(11))).as("claimed again").isTrue();
        assertThat(tasks.findById(id).orElseThrow().attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void batchClaimsTakeTheOldestDuePollsAndConcurrentClaimersNeverShareOne(TestDatabases.Kind kind) throws Exception {
        setUp(kind);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String id = runningOnRunway("node-a");
            upstream.park(id, "node-a", "up-" + i, T0, T0.plusMillis(i));
            ids.add(id);
        }
        Instant now = T0.plusSeconds(1);
        List<UpstreamTracking.Parked> oldest = upstream.claimDuePolls(now, List.of("runway"), now.plusSeconds(60), 3);
        assertThat(oldest).extracting(UpstreamTracking.Parked::upstreamId).containsExactlyInAnyOrder("up-0", "up-1", "up-2");
        assertThat(oldest).extracting(UpstreamTracking.Parked::pollVersion).containsOnly(1);

        ExecutorService claimers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                results.add(claimers.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    List<UpstreamTracking.Parked> batch;
                    while (!(batch = upstream.claimDuePolls(now, List.of("runway"), now.plusSeconds(60), 7)).isEmpty()) {
                        batch.forEach(p -> mine.add(p.taskId()));
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (var result : results) {
                all.addAll(result.get());
            }
            assertThat(all).hasSize(117).doesNotHaveDuplicates().doesNotContainAnyElementsOf(
                    oldest.stream().map(UpstreamTracking.Parked::taskId).toList());
        } finally {
            claimers.shutdownNow();
        }
        assertThat(upstream.claimDuePolls(now.plusSeconds(60), List.of("runway"), now.plusSeconds(120), 500))
                .as("every claim ran out").hasSize(120).extracting(UpstreamTracking.Parked::pollVersion).containsOnly(2);
    }

    private String runningOnRunway(String owner) {
        String id = UUID.randomUUID().toString();
        tasks.insert(new NewTask(id, keyId, TaskKind.GENERATE, null, "runway", TestTaskInputs.textToVideo("p").build(), 12, T0, null, null, "test", java.util.List.of()));
        transitions.admit(id, T0);
        transitions.claim(id, owner, T0.plusSeconds(30), T0);
        return id;
    }
}
