package io.reelgate.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.storage.LocalBlobStore;
import io.reelgate.server.storage.ResultFolder;
import io.reelgate.server.storage.RetentionProperties;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.TaskTables;
import io.reelgate.server.testsupport.TestDatabases;
import io.reelgate.server.testsupport.TestTaskInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run that died between storing its result and committing it left files no row names; when the task then ends in
 * {@code fail} (here: the lease keeper gives up on it), they are removed, and when the failing node dies first the
 * retention sweep removes them an hour later. Real H2 and PostgreSQL, real local store, real events.
 */
class FailedRunFilesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private BlobStore blobs;
    private FailedRunFiles cleaner;
    private TaskRepository tasks;
    private TaskTransitions transitions;
    private String keyId;
    /** Set when the node that fails a task dies before its cleaner hears of it. */
    private volatile boolean nodeDiesAtTheFail;

    private void setUp(TestDatabases.Kind kind) {
        blobs = new LocalBlobStore(new DataDirectory(dir.resolve("data").toString()));
        TaskTables tables = TaskTables.on(kind, T0, event -> {
            if (!nodeDiesAtTheFail) {
                cleaner.onTaskChanged((TaskChanged) event);
            }
        });
        tasks = tables.tasks();
        transitions = tables.transitions();
        keyId = tables.keyId();
        cleaner = new FailedRunFiles(sweepAt(T0));
    }

    @AfterEach
    void stop() {
        cleaner.destroy();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theFilesOfARunThatNeverCommittedGoWhenTheTaskFails(TestDatabases.Kind kind) throws Exception {
        setUp(kind);
        String orphaned = runningTaskThatStored("dead-run.mp4");
        String succeeded = runningTaskThatStored("v.mp4");
        transitions.succeed(succeeded, "node", new TaskOutput("v", key(succeeded, "v.mp4"), null, null,
                720, 720, T0.plus(Duration.ofDays(14))), T0);

        assertThat(transitions.failExpired(orphaned, 500, "gave up", T0.plusSeconds(60))).isTrue();

        Await.until(WAIT, "the failed task's folder emptied", () -> blobs.open(key(orphaned, "dead-run.mp4")).isEmpty());
        assertThat(Files.exists(dir.resolve("data/files/results/" + orphaned))).as("its folder").isFalse();
        assertThat(blobs.open(key(succeeded, "v.mp4"))).as("a success keeps its result").isPresent();
        Await.until(WAIT, "the task no longer listed for the retention sweep",
                () -> tasks.failedWithRunFilesBefore(T0.plus(Duration.ofDays(1)), 10).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void onlyTheFailedTasksOwnFolderGoes(TestDatabases.Kind kind) throws Exception {
        setUp(kind);
        String sibling = runningTaskThatStored("v.mp4");
        String failed = runningTaskThatStored("v.mp4");
        // a folder whose name starts with the failed task's id is another folder
        store(failed + "x", "unrelated.mp4");

        assertThat(transitions.failRunning(failed, "node", 500, "engine broke", T0)).isTrue();

        Await.until(WAIT, "the failed run's folder emptied", () -> blobs.open(key(failed, "v.mp4")).isEmpty());
        assertThat(blobs.open(key(sibling, "v.mp4"))).isPresent();
        assertThat(blobs.open(key(failed + "x", "unrelated.mp4"))).isPresent();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aFolderTheFailingNodeDiedBeforeEmptyingIsEmptiedByTheRetentionSweepAfterAnHour(TestDatabases.Kind kind)
            throws Exception {
        setUp(kind);
        String orphaned = runningTaskThatStored("dead-run.mp4");
        String neverRan = UUID.randomUUID().toString();
        insert(neverRan);
        nodeDiesAtTheFail = true;
        assertThat(transitions.failRunning(orphaned, "node", 500, "engine broke", T0)).isTrue();
        assertThat(transitions.cancel(neverRan, TaskState.QUEUEING, "cancelled", T0)).isTrue();

        assertThat(sweepAt(T0.plus(Duration.ofMinutes(30))).sweep()).as("within the hour").isZero();
        assertThat(blobs.open(key(orphaned, "dead-run.mp4"))).isPresent();

        RetentionSweep later = sweepAt(T0.plus(Duration.ofMinutes(61)));
        assertThat(later.sweep()).as("the failed run's folder, not the task that never ran").isEqualTo(1);
        assertThat(blobs.open(key(orphaned, "dead-run.mp4"))).isEmpty();
        assertThat(later.sweep()).as("emptied once").isZero();
    }

    private RetentionSweep sweepAt(Instant now) {
        return new RetentionSweep(tasks, transitions, blobs,
                new RetentionProperties(Duration.ofDays(14), Duration.ofMinutes(10), 500), Clock.fixed(now, ZoneOffset.UTC));
    }

    private void insert(String id) {
        tasks.insert(new NewTask(id, keyId, TaskKind.GENERATE, null, "preview",
                TestTaskInputs.textToVideo("p").aspectRatio("1:1").build(), 0, T0, null, null, "test", List.of()));
        transitions.admit(id, T0);
    }

    /** A task claimed by a run that stored {@code file} in its folder. */
    private String runningTaskThatStored(String file) throws Exception {
        String id = UUID.randomUUID().toString();
        insert(id);
        transitions.claim(id, "node", T0.plusSeconds(30), T0);
        store(id, file);
        return id;
    }

    private void store(String taskId, String name) throws Exception {
        blobs.put(key(taskId, name), Files.write(dir.resolve(UUID.randomUUID().toString()), new byte[] {1, 2}));
    }

    private static String key(String taskId, String name) {
        return ResultFolder.of(taskId) + "/" + name;
    }
}
