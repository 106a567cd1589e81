package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.storage.LocalBlobStore;
import io.reelgate.server.storage.RetentionProperties;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The final commit of a finished render while the database cannot be reached: tried again for about one lease (here
 * 3 attempts: a 30 ms lease renewed every 10 ms), never at the cost of another node's claim, and no stored file
 * is left behind that no row names.
 */
class ResultPublisherTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final OneNode node = new OneNode();
    private final DispatchProperties properties = new DispatchProperties(1, Duration.ofMillis(500), Duration.ofMillis(30),
            Duration.ofMillis(10), Duration.ofSeconds(5), 3, OneNode.NODE, Duration.ofSeconds(20));
    @TempDir
    Path dir;
    private Path files;
    private ResultPublisher publisher;
    private EngineResult result;

    @BeforeEach
    void rendered() throws IOException {
        files = dir.resolve("data");
        publisher = new ResultPublisher(new LocalBlobStore(new DataDirectory(files.toString())),
                new ResultCommit(node.transitions, properties, node.clock),
                new RetentionProperties(Duration.ofDays(14), Duration.ofMinutes(10), 500), node.clock);
        Path video = Files.write(dir.resolve("video.mp4"), new byte[] {1, 2, 3});
        Path cover = Files.write(dir.resolve("cover.jpg"), new byte[] {4, 5});
        result = new EngineResult(video, cover, 1280, 720, 120, 5.0);
    }

    @Test
    void aShortOutageDelaysTheCommitInsteadOfThrowingTheRenderAway() throws IOException {
        String id = node.claimedBy(OneNode.NODE, "preview", LEASE);
        Task task = node.task(id);
        node.database.failNext(2);

        assertThat(publisher.publish(task, OneNode.NODE, result, new RunHandle(id))).isTrue();

        Task done = node.task(id);
        assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
        assertThat(storedFiles()).as("video and cover, under the keys the row names").hasSize(2)
                .anyMatch(path -> path.endsWith(done.videoKey()));
    }

    @Test
    void anOutageLongerThanTheLeaseGivesUpAndRemovesTheFilesNoRowNames() throws IOException {
        String id = node.claimedBy(OneNode.NODE, "preview", LEASE);
        Task task = node.task(id);
        node.database.failNext(3);

        assertThatThrownBy(() -> publisher.publish(task, OneNode.NODE, result, new RunHandle(id)))
                .isInstanceOf(CannotCreateTransactionException.class);

        assertThat(node.database.failuresLeft()).as("every attempt used").isZero();
        assertThat(node.task(id).state()).as("left to lease recovery").isEqualTo(TaskState.GENERATING);
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aRunThatLostItsLeaseStopsTryingAtOnce() throws IOException {
        String id = node.claimedBy(OneNode.NODE, "preview", LEASE);
        RunHandle handle = new RunHandle(id);
        handle.markLeaseLost();
        Task task = node.task(id);
        node.database.failNext(3);

        assertThatThrownBy(() -> publisher.publish(task, OneNode.NODE, result, handle))
                .isInstanceOf(CannotCreateTransactionException.class);

        assertThat(node.database.failuresLeft()).as("one attempt only").isEqualTo(2);
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aTaskAnotherNodeTookOverKeepsItsOwnerAndThisRunsFilesGo() throws IOException {
        String id = node.claimedBy("node-b", "preview", LEASE);

        assertThat(publisher.publish(node.task(id), OneNode.NODE, result, new RunHandle(id))).isFalse();

        assertThat(node.task(id).leaseOwner()).isEqualTo("node-b");
        assertThat(storedFiles()).isEmpty();
    }

    private List<Path> storedFiles() throws IOException {
        if (!Files.exists(files)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(files)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
