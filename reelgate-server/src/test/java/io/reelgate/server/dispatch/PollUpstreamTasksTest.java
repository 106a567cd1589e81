package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.task.UpstreamTracking;
import io.reelgate.server.testsupport.Await;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream poller stepped by hand ({@link PollUpstreamTasks#pollDueTasks}) on a real database, with the clock
 * moved by the test and the upstream faked. Claims happen on the calling thread; the polls themselves run on the
 * poller pool, so each step waits for the row the poll writes.
 */
class PollUpstreamTasksTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration COLLECT_RETRY = Duration.ofSeconds(1);

    private final OneNode node = new OneNode();
    private final FakeUpstreamEngine engine = new FakeUpstreamEngine("upstream", 0, INTERVAL, DEADLINE);
    // a tick of an hour: after the first pass at start-up (at T0, when nothing is due) only the test steps the poller
    private final PollUpstreamTasks poller = node.poller(engine,
            new UpstreamPollProperties(Duration.ofHours(1), 1, Duration.ofMinutes(5), 4, 10, COLLECT_RETRY));

    @BeforeEach
    void start() {
        poller.start();
    }

    @AfterEach
    void stop() {
        poller.stop();
    }

    @Test
    void aParkedTaskIsPolledOnlyOnceItsPollIsDue() {
        String id = node.parked("upstream", "up-7", INTERVAL);
        engine.answer(() -> UpstreamStatus.running("RUNNING", 40));

        node.clock.advance(INTERVAL.minusMillis(1));
        poller.pollDueTasks();
        assertThat(pollVersion(id)).as("not due yet: not claimed").isZero();

        node.clock.advance(Duration.ofMillis(1));
        poller.pollDueTasks();
        assertThat(Await.next(engine.polled, WAIT, "the due poll")).isEqualTo("up-7");
        Task task = Await.until(WAIT, "progress recorded", () -> node.task(id), t -> t.progress() == 40);
        assertThat(task.state()).isEqualTo(TaskState.GENERATING);
        Await.until(WAIT, "next poll one interval on", () -> node.nextPollAt(id).equals(now().plus(INTERVAL)));
    }

    @Test
    void afterUpstreamErrorsTheNextPollWaitsOutADoublingBackoffOnTheClock() {
        String id = node.parked("upstream", "up-1", INTERVAL);
        engine.answer(() -> {
            throw new EngineUnavailableException("upstream answered 503");
        });
        node.clock.advance(INTERVAL);

        pollAndAwaitErrors(id, 1);
        assertThat(node.nextPollAt(id)).isEqualTo(now().plus(PollBackoff.after(INTERVAL, 1)));
        assertThat(node.nextPollAt(id)).as("two intervals after one error").isEqualTo(now().plus(INTERVAL.multipliedBy(2)));

        node.clock.advance(INTERVAL.multipliedBy(2).minusMillis(1));
        int before = pollVersion(id);
        poller.pollDueTasks();
        assertThat(pollVersion(id)).as("inside the backoff: not claimed").isEqualTo(before);

        node.clock.advance(Duration.ofMillis(1));
        pollAndAwaitErrors(id, 2);
        assertThat(node.nextPollAt(id)).as("four intervals after two errors").isEqualTo(now().plus(INTERVAL.multipliedBy(4)));

        engine.answer(() -> UpstreamStatus.running("RUNNING", 10));
        node.clock.advance(INTERVAL.multipliedBy(4));
        poller.pollDueTasks();
        Await.until(WAIT, "the error count reset by an answer", () -> node.upstream.find(id).orElseThrow(),
                parked -> parked.pollErrors() == 0 && parked.upstreamStatus().equals("RUNNING"));
        assertThat(engine.polled).as("the third poll, the first two taken above").containsExactly("up-1");
    }

    @Test
    void anUpstreamTaskUnfinishedAtItsDeadlineIsCancelledUpstreamAndFailed() {
        String id = node.parked("upstream", "up-1", INTERVAL);
        engine.answer(() -> UpstreamStatus.running("RUNNING", 10));

        node.clock.advance(DEADLINE);
        poller.pollDueTasks();
        Await.next(engine.polled, WAIT, "the poll at the deadline's last instant");
        Await.until(WAIT, "rescheduled", () -> node.nextPollAt(id).equals(now().plus(INTERVAL)));
        assertThat(engine.cancelled).isEmpty();

        node.clock.advance(INTERVAL);
        poller.pollDueTasks();

        Task failed = Await.until(WAIT, "the task failed", () -> node.task(id), t -> t.state() == TaskState.FAIL);
        assertThat(failed.failMsg()).isEqualTo("Generation timed out: upstream did not finish within 120 seconds");
        assertThat(engine.cancelled).containsExactly("up-1");
        assertThat(engine.polled).as("past the deadline the upstream is not asked again").isEmpty();
    }

    @Test
    void aSucceededTaskNoCollectorHasRoomForIsPolledAgainWithinASecondNotAnIntervalLater() {
        // one collector and one waiting place: the third succeeded task finds no room
        String first = node.parked("upstream", "up-1", INTERVAL);
        String second = node.parked("upstream", "up-2", INTERVAL);
        String third = node.parked("upstream", "up-3", INTERVAL);
        engine.answer(() -> UpstreamStatus.succeeded("SUCCEEDED", java.util.List.of("https://cdn.example/out.mp4")));
        node.clock.advance(INTERVAL);

        poller.pollDueTasks();
        Await.next(engine.collecting, WAIT, "the first collection");
        String refused = Await.until(WAIT, "one task refused by the full collectors", () -> java.util.stream.Stream
                        .of(first, second, third).filter(id -> node.nextPollAt(id).equals(now().plus(COLLECT_RETRY)))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(node.task(refused).state()).isEqualTo(TaskState.GENERATING);

        node.clock.advance(COLLECT_RETRY);
        poller.pollDueTasks();
        Await.until(WAIT, "asked again a second later, and refused again",
                () -> engine.polled.size() == 4 && node.nextPollAt(refused).equals(now().plus(COLLECT_RETRY)));
    }

    private void pollAndAwaitErrors(String id, int errors) {
        poller.pollDueTasks();
        Await.next(engine.polled, WAIT, "poll number " + errors);
        Await.until(WAIT, errors + " errors in a row recorded", () -> node.upstream.find(id).orElseThrow(),
                parked -> parked.pollErrors() == errors);
    }

    private int pollVersion(String id) {
        return node.upstream.find(id).map(UpstreamTracking.Parked::pollVersion).orElseThrow();
    }

    private Instant now() {
        return node.clock.instant();
    }
}
