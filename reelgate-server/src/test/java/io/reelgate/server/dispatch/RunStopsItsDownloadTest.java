package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.testsupport.StalledPeer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run whose engine waits on a stalled input download (a read timeout of a minute) ends as soon as the run must
 * stop, so a cancelled task or a shutting-down node does not hold a worker until the timeout. The peer is real,
 * the database is real, the run is the real {@link TaskRunner}.
 */
class RunStopsItsDownloadTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private final OneNode node = new OneNode();
    private final FakeUpstreamEngine engine = new FakeUpstreamEngine("upstream", 0, Duration.ofSeconds(5),
            Duration.ofMinutes(10));
    private final StalledPeer peer = new StalledPeer("");
    private String id;
    private CompletableFuture<Void> run;

    @BeforeEach
    void startARunBlockedInItsDownload() throws Exception {
        engine.downloadInputFrom(peer.url("/input.png"));
        id = node.claimedBy(OneNode.NODE, engine.name(), node.dispatch.leaseDuration());
        Task task = node.task(id);
        TaskRunner runner = node.runner(engine);
        run = CompletableFuture.runAsync(() -> runner.run(task, OneNode.NODE));
        peer.awaitRequest(PROMPTLY);
    }

    @AfterEach
    void stop() throws Exception {
        peer.close();
    }

    @Test
    void aCancelledTaskStopsWaitingAndKeepsItsCancelReason() {
        node.transitions.cancel(id, TaskState.GENERATING, "Task was cancelled by the user", node.clock.instant());

        assertThat(run).succeedsWithin(PROMPTLY);
        Task ended = node.task(id);
        assertThat(ended.state()).isEqualTo(TaskState.FAIL);
        assertThat(ended.failMsg()).isEqualTo("Task was cancelled by the user");
        assertThat(engine.submitted).isEmpty();
    }

    @Test
    void aNodeShuttingDownStopsWaitingAndHandsTheTaskBackToTheQueue() {
        node.running.all().forEach(RunHandle::requestStop);

        assertThat(run).succeedsWithin(PROMPTLY);
        assertThat(node.task(id).state()).as("requeued, not failed for its input").isEqualTo(TaskState.QUEUEING);
        assertThat(engine.submitted).isEmpty();
    }
}
