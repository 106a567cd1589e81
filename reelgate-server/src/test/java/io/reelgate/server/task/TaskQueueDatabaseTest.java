package io.reelgate.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.TaskTables;
import io.reelgate.server.testsupport.TestDatabases;
import io.reelgate.server.testsupport.TestTaskInputs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The task repository and every guarded transition, against the H2 file database and embedded PostgreSQL. */
class TaskQueueDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private TaskRepository tasks;
    private TaskTransitions transitions;
    private JdbcClient jdbc;
    private String keyId;

    private void setUp(TestDatabases.Kind kind) {
        TaskTables tables = TaskTables.on(kind, T0);
        jdbc = tables.jdbc();
        tasks = tables.tasks();
        transitions = tables.transitions();
        keyId = tables.keyId();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void insertedTaskWaitsAndRoundTripsEveryField(TestDatabases.Kind kind) {
        setUp(kind);
        String id = insert(T0);

        Task task = tasks.findOwned(id, keyId).orElseThrow();

        assertThat(task.state()).isEqualTo(TaskState.WAIT);
        assertThat(task.prompt()).isEqualTo("a red fox");
        assertThat(task.input().aspectRatio()).isEqualTo("16:9");
        assertThat(task.input().duration()).isEqualTo(5);
        assertThat(task.createdAt()).isEqualTo(T0);
        assertThat(task.input().expandPrompt()).isTrue();
        assertThat(task.failCode()).isNull();
        assertThat(tasks.findOwned(id, "another-key")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void queueHandsOutTasksOldestFirstAndEachClaimWinsOnce(TestDatabases.Kind kind) {
        setUp(kind);
        String older = insert(T0);
        String newer = insert(T0.plusSeconds(1));
        assertThat(transitions.admit(older, T0.plusSeconds(2))).isTrue();
        assertThat(transitions.admit(newer, T0.plusSeconds(3))).isTrue();
        assertThat(transitions.admit(older, T0.plusSeconds(3))).as("second admit of the same task").isFalse();

        assertThat(tasks.nextQueued(List.of("preview"), 10)).containsExactly(older, newer);
        assertThat(transitions.claim(older, "node-a", T0.plusSeconds(60), T0.plusSeconds(4))).isTrue();
        assertThat(transitions.claim(older, "node-b", T0.plusSeconds(60), T0.plusSeconds(4))).isFalse();

        Task claimed = tasks.findById(older).orElseThrow();
        assertThat(claimed.state()).isEqualTo(TaskState.GENERATING);
        assertThat(claimed.leaseOwner()).isEqualTo("node-a");
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(tasks.nextQueued(List.of("preview"), 10)).containsExactly(newer);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentWorkersClaimEveryTaskExactlyOnce(TestDatabases.Kind kind) throws Exception {
        setUp(kind);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = insert(T0.plusMillis(i));
            transitions.admit(id, T0.plusMillis(i));
            ids.add(id);
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String node = "node-" + w;
            workers.add(pool.submit(() -> {
                List<String> candidates;
                while (!(candidates = tasks.nextQueued(List.of("preview"), 8)).isEmpty()) {
                    for (String id : candidates) {
                        if (transitions.claim(id, node, T0.plusSeconds(60), T0) && !claimed.add(id)) {
                            synchronized (duplicates) {
                                duplicates.add(id);
                            }
                        }
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        assertThat(duplicates).isEmpty();
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(generatingTasks()).isEqualTo(40);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void claimNextHandsEachTaskToExactlyOneOfManyConcurrentWorkersAndOnlyForItsEngines(TestDatabases.Kind kind)
            throws Exception {
        setUp(kind);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = insert(T0.plusMillis(i));
            transitions.admit(id, T0.plusMillis(i));
            ids.add(id);
        }
        assertThat(transitions.claimNext("node-x", T0.plusSeconds(60), T0, List.of("runway"), 4)).isEmpty();
        List<String> claimed = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String node = "node-" + w;
            workers.add(pool.submit(() -> {
                java.util.Optional<String> next;
                while ((next = transitions.claimNext(node, T0.plusSeconds(60), T0, List.of("preview"), 4)).isPresent()
                        || !tasks.nextQueued(List.of("preview"), 1).isEmpty()) {
                    next.ifPresent(claimed::add);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        assertThat(claimed).hasSize(30).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(generatingTasks()).isEqualTo(30);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void expiredLeaseIsHandedBackAndTheOldOwnerCanNoLongerComplete(TestDatabases.Kind kind) {
        setUp(kind);
        String id = queued();
        transitions.claim(id, "node-a", T0.plusSeconds(30), T0);

        assertThat(tasks.leasesExpiredBefore(T0.plusSeconds(29), 10)).isEmpty();
        assertThat(transitions.requeueExpired(id, T0.plusSeconds(29))).as("lease still valid").isFalse();
        assertThat(tasks.leasesExpiredBefore(T0.plusSeconds(31), 10)).containsExactly(id);
        assertThat(transitions.requeueExpired(id, T0.plusSeconds(31))).isTrue();
        assertThat(transitions.claim(id, "node-b", T0.plusSeconds(90), T0.plusSeconds(32))).isTrue();

        assertThat(transitions.succeed(id, "node-a", output(), T0.plusSeconds(40))).isFalse();
        assertThat(transitions.renewLease(id, "node-a", T0.plusSeconds(100))).isFalse();
        assertThat(transitions.succeed(id, "node-b", output(), T0.plusSeconds(41))).isTrue();

        Task done = tasks.findById(id).orElseThrow();
        assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.videoKey()).isEqualTo("results/x/v.mp4");
        assertThat(done.leaseOwner()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void heartbeatKeepsALeaseAliveAgainstRecovery(TestDatabases.Kind kind) {
        setUp(kind);
        String id = queued();
        transitions.claim(id, "node-a", T0.plusSeconds(30), T0);

        assertThat(transitions.renewLease(id, "node-a", T0.plusSeconds(60))).isTrue();

        assertThat(tasks.leasesExpiredBefore(T0.plusSeconds(45), 10)).isEmpty();
        assertThat(transitions.requeueExpired(id, T0.plusSeconds(45))).isFalse();
        assertThat(transitions.failExpired(id, 500, "gave up", T0.plusSeconds(45))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void terminalTasksAcceptNoFurtherTransition(TestDatabases.Kind kind) {
        setUp(kind);
        String id = queued();
        transitions.claim(id, "node-a", T0.plusSeconds(30), T0);
        assertThat(transitions.failRunning(id, "node-a", 400, "Incorrect image format", T0.plusSeconds(1))).isTrue();

        assertThat(transitions.succeed(id, "node-a", output(), T0.plusSeconds(2))).isFalse();
        assertThat(transitions.failRunning(id, "node-a", 500, "again", T0.plusSeconds(2))).isFalse();
        assertThat(transitions.claim(id, "node-a", T0.plusSeconds(30), T0.plusSeconds(2))).isFalse();
        assertThat(transitions.requeueOwned(id, "node-a", T0.plusSeconds(2))).isFalse();
        assertThat(transitions.cancel(id, TaskState.GENERATING, "x", T0.plusSeconds(2))).isFalse();

        Task failed = tasks.findById(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(TaskState.FAIL);
        assertThat(failed.failCode()).isEqualTo(400);
        assertThat(failed.failMsg()).isEqualTo("Incorrect image format");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void restartedNodeTakesBackOnlyItsOwnLeases(TestDatabases.Kind kind) {
        setUp(kind);
        String mine = queued();
        String theirs = queued();
        transitions.claim(mine, "node-a", T0.plusSeconds(30), T0);
        transitions.claim(theirs, "node-b", T0.plusSeconds(30), T0);

        assertThat(tasks.leasedBy("node-a")).containsExactly(mine);
        assertThat(transitions.requeueOwned(mine, "node-a", T0.plusSeconds(1))).isTrue();
        assertThat(transitions.requeueOwned(theirs, "node-a", T0.plusSeconds(1))).isFalse();
        assertThat(tasks.findById(mine).orElseThrow().state()).isEqualTo(TaskState.QUEUEING);
        assertThat(tasks.findById(theirs).orElseThrow().state()).isEqualTo(TaskState.GENERATING);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void retentionFindsOnlyResultsPastTheirExpiryOnce(TestDatabases.Kind kind) {
        setUp(kind);
        String due = succeeded(T0.plus(Duration.ofDays(14)));
        String notYet = succeeded(T0.plus(Duration.ofDays(15)));

        List<Task> found = tasks.resultsExpiredBefore(T0.plus(Duration.ofDays(14)).plusSeconds(1), 10);

        assertThat(found).extracting(Task::id).containsExactly(due);
        assertThat(transitions.markExpired(due)).isTrue();
        assertThat(transitions.markExpired(due)).isFalse();
        assertThat(tasks.resultsExpiredBefore(T0.plus(Duration.ofDays(14)).plusSeconds(1), 10)).isEmpty();
        assertThat(tasks.findById(due).orElseThrow().expired()).isTrue();
        assertThat(tasks.findById(notYet).orElseThrow().expired()).isFalse();
    }

    private String succeeded(Instant expiresAt) {
        String id = queued();
        transitions.claim(id, "node-a", T0.plusSeconds(30), T0);
        transitions.succeed(id, "node-a", new TaskOutput("v", "results/" + id + "/v.mp4", "results/" + id + "/v.jpg",
                null, 1280, 720, expiresAt), T0);
        return id;
    }

    private String queued() {
        String id = insert(T0);
        transitions.admit(id, T0);
        return id;
    }

    private String insert(Instant createdAt) {
        String id = UUID.randomUUID().toString();
        tasks.insert(new NewTask(id, keyId, TaskKind.GENERATE, null, "preview", TestTaskInputs.textToVideo("a red fox")
                .model("runway-duration-5-generate").expandPrompt(true).build(), 12, createdAt, null, null, "test", java.util.List.of()));
        return id;
    }

    private static TaskOutput output() {
        return new TaskOutput("v", "results/x/v.mp4", "results/x/v.jpg", null, 1280, 720, T0.plus(Duration.ofDays(14)));
    }

    private int generatingTasks() {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE state = 'generating'").query(Integer.class).single();
    }
}
