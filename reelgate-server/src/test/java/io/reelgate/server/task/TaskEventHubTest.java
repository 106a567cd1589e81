package io.reelgate.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream client that stops reading (its write blocks, as on a full socket buffer) holds up only itself: the
 * others get every event meanwhile, and one that falls further behind than the replay ring, or whose write stays
 * blocked for a whole heartbeat interval (moved on an injected clock), is dropped and closed.
 */
class TaskEventHubTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final TaskLabel LABEL = new TaskLabel("generate", "kie-runway", "runway");

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final CountDownLatch unblock = new CountDownLatch(1);
    private TaskEventHub hub;

    @AfterEach
    void stop() {
        unblock.countDown();
        hub.stop();
    }

    @Test
    void aClientThatStopsReadingDoesNotDelayTheOthers() throws Exception {
        hub = new TaskEventHub(clock, 100, 2, HEARTBEAT);
        RecordingSubscriber stuck = RecordingSubscriber.blockedBy(unblock);
        RecordingSubscriber reading = RecordingSubscriber.reading();
        hub.subscribe(stuck, Long.MAX_VALUE);
        hub.subscribe(reading, Long.MAX_VALUE);

        progress("task-1", 10);
        assertThat(stuck.writing().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("the stuck write began").isEqualTo("task-1");
        progress("task-2", 20);
        progress("task-3", 30);

        for (String task : new String[] {"task-1", "task-2", "task-3"}) {
            assertThat(reading.delivered().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isEqualTo(task);
        }
        unblock.countDown();
        for (String task : new String[] {"task-1", "task-2", "task-3"}) {
            assertThat(stuck.delivered().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("in order once it reads again")
                    .isEqualTo(task);
        }
        assertThat(hub.subscriberCount()).isEqualTo(2);
    }

    @Test
    void aClientFurtherBehindThanTheReplayRingIsDroppedAndItsStreamClosed() throws Exception {
        RecordingSubscriber stuck = writing("task-0", 3, 2, unblock);

        for (int i = 1; i <= 4; i++) {
            progress("task-" + i, 10);
        }

        Await.until(PROMPTLY, "the stuck subscriber dropped", () -> hub.subscriberCount() == 0);
        assertThat(stuck.closed().getCount()).as("not closed while its write is stuck").isEqualTo(1);
        unblock.countDown();
        assertThat(stuck.closed().await(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("closed once the write returns").isTrue();
        assertThat(stuck.delivered()).containsExactly("task-0");
    }

    @Test
    void aClientDroppedForFallingBehindLeavesAStandInForItsBlockedSender() throws Exception {
        RecordingSubscriber stuck = writing("task-0", 3, 1, unblock);
        // follows only the event that pushes the stuck one over the limit, so it does not fall behind itself
        RecordingSubscriber reading = RecordingSubscriber.readingOnly("task-4");
        hub.subscribe(reading, Long.MAX_VALUE);

        for (int i = 1; i <= 4; i++) {
            progress("task-" + i, 10);
        }

        assertThat(reading.delivered().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS))
                .as("delivered although the only regular sender is stuck").isEqualTo("task-4");
        Await.until(PROMPTLY, "the stuck subscriber dropped", () -> hub.subscriberCount() == 1);
        unblock.countDown();
        assertThat(stuck.closed().await(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("closed once the write returns").isTrue();
    }

    @Test
    void aWriteBlockedForAWholeHeartbeatIntervalIsGivenUpAndAStandInSenderServesTheOthers() throws Exception {
        RecordingSubscriber stuck = writing("task-1", 100, 1, unblock);
        RecordingSubscriber reading = RecordingSubscriber.reading();
        hub.subscribe(reading, Long.MAX_VALUE);
        progress("task-2", 20);

        clock.advance(HEARTBEAT);
        hub.heartbeat();

        assertThat(reading.delivered().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS))
                .as("delivered although the only regular sender is stuck").isEqualTo("task-2");
        Await.until(PROMPTLY, "the stuck subscriber dropped", () -> hub.subscriberCount() == 1);
        unblock.countDown();
        assertThat(stuck.closed().await(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("closed once the write returns").isTrue();
        assertThat(stuck.delivered()).containsExactly("task-1");
        progress("task-3", 30);
        assertThat(reading.delivered().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS))
                .as("the regular sender serves on after the stand-in is released").isEqualTo("task-3");
    }

    @Test
    void aWriteBlockedForLessThanAnIntervalIsNotGivenUp() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        RecordingSubscriber slowReader = writing("task-1", 100, 1, slow);

        clock.advance(HEARTBEAT.minusMillis(1));
        hub.heartbeat();
        slow.countDown();
        progress("task-2", 20);

        assertThat(slowReader.delivered().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isEqualTo("task-1");
        assertThat(slowReader.delivered().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isEqualTo("task-2");
        assertThat(hub.subscriberCount()).isEqualTo(1);
        assertThat(slowReader.closed().getCount()).isEqualTo(1);
    }

    /** A hub of {@code senders} threads whose one subscriber, held by {@code gate}, is inside the write of a task. */
    private RecordingSubscriber writing(String taskId, int ringSize, int senders, CountDownLatch gate)
            throws InterruptedException {
        hub = new TaskEventHub(clock, ringSize, senders, HEARTBEAT);
        RecordingSubscriber subscriber = RecordingSubscriber.blockedBy(gate);
        hub.subscribe(subscriber, Long.MAX_VALUE);
        progress(taskId, 5);
        assertThat(subscriber.writing().poll(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("its write began").isEqualTo(taskId);
        return subscriber;
    }

    private void progress(String taskId, int percent) {
        hub.onTaskProgressed(new TaskProgressed(taskId, "key-a", LABEL, percent));
    }

    /** Records deliveries; one with a {@code gate} holds every write until the test opens it. */
    private record RecordingSubscriber(String apiKeyId, String taskFilter, CountDownLatch gate,
                                       BlockingQueue<String> writing, BlockingQueue<String> delivered,
                                       CountDownLatch closed) implements TaskEventHub.Subscriber {

        static RecordingSubscriber blockedBy(CountDownLatch gate) {
            return new RecordingSubscriber("key-a", null, gate, new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>(),
                    new CountDownLatch(1));
        }

        static RecordingSubscriber reading() {
            return blockedBy(new CountDownLatch(0));
        }

        static RecordingSubscriber readingOnly(String taskId) {
            return new RecordingSubscriber("key-a", taskId, new CountDownLatch(0), new LinkedBlockingQueue<>(),
                    new LinkedBlockingQueue<>(), new CountDownLatch(1));
        }

        @Override
        public boolean deliver(TaskEvent event) {
            writing.add(event.taskId());
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            delivered.add(event.taskId());
            return true;
        }

        @Override
        public boolean heartbeat() {
            return true;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
