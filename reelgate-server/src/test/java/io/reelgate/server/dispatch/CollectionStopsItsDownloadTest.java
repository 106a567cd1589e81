package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.StalledPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bringing a succeeded upstream task's output home stops as soon as the task is cancelled: the download from a
 * stalled peer (a read timeout of a minute) is aborted, so the one collector is free for the next task at once
 * instead of a minute later. The poller, the collectors and the database are real; the upstream is faked.
 */
class CollectionStopsItsDownloadTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private final OneNode node = new OneNode();
    private final FakeUpstreamEngine engine = new FakeUpstreamEngine("upstream", 0, INTERVAL, Duration.ofMinutes(10));
    // one collector; a tick of an hour, so only the test steps the poller
    private final PollUpstreamTasks poller = node.poller(engine,
            new UpstreamPollProperties(Duration.ofHours(1), 1, Duration.ofMinutes(5), 4, 10, Duration.ofSeconds(1)));
    private final StalledPeer peer = new StalledPeer("");

    @BeforeEach
    void start() {
        engine.collectFrom(peer.url("/output.mp4"));
        engine.answer(() -> UpstreamStatus.succeeded("SUCCEEDED", List.of(peer.url("/output.mp4"))));
        poller.start();
    }

    @AfterEach
    void stop() throws Exception {
        // the peer first: its close ends any download still waiting, so the pool stops without its grace
        peer.close();
        poller.stop();
    }

    @Test
    void aTaskCancelledWhileItsResultDownloadsFreesItsCollectorAtOnce() throws Exception {
        String first = node.parked("upstream", "up-1", INTERVAL);
        node.clock.advance(INTERVAL);
        poller.pollDueTasks();
        assertThat(Await.next(engine.collecting, PROMPTLY, "the first collection")).isEqualTo(first);
        peer.awaitRequest(PROMPTLY);

        node.transitions.cancel(first, TaskState.GENERATING, "Task was cancelled by the user", node.clock.instant());
        String second = node.parked("upstream", "up-2", INTERVAL);
        node.clock.advance(INTERVAL);
        poller.pollDueTasks();

        assertThat(Await.next(engine.collecting, PROMPTLY, "the second collection, on the freed collector"))
                .isEqualTo(second);
        Task cancelled = node.task(first);
        assertThat(cancelled.state()).isEqualTo(TaskState.FAIL);
        assertThat(cancelled.failMsg()).isEqualTo("Task was cancelled by the user");
    }
}
