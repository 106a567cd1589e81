package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.task.UpstreamTracking;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One worker round at a time ({@link TaskDispatcher#runOnce}) on a real database, with an upstream engine faked. */
class TaskDispatcherTest {

    private final OneNode node = new OneNode();
    private final FakeUpstreamEngine engine = new FakeUpstreamEngine("upstream", 1, Duration.ofSeconds(10),
            Duration.ofHours(1));
    private final TaskDispatcher dispatcher = node.dispatcher(engine);

    @Test
    void runOnceAdmitsAWaitingTaskAndRunsItUnderALeaseMeasuredOnTheClock() {
        String id = node.waiting("upstream");
        node.clock.advance(Duration.ofMinutes(3));

        assertThat(dispatcher.runOnce()).isTrue();

        assertThat(engine.submitted).containsExactly(id);
        Task task = node.task(id);
        assertThat(task.state()).isEqualTo(TaskState.GENERATING);
        assertThat(task.startedAt()).isEqualTo(OneNode.T0.plus(Duration.ofMinutes(3)));
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(node.upstream.find(id)).hasValueSatisfying(parked -> assertThat(parked.upstreamId()).isEqualTo("up-1"));
        assertThat(node.nextPollAt(id)).as("first poll one poll interval after the submit")
                .isEqualTo(OneNode.T0.plus(Duration.ofMinutes(3)).plusSeconds(10));
    }

    @Test
    void anEngineAtItsLimitIsLeftOutOfClaimingUntilOneOfItsTasksEnds() {
        String first = node.waiting("upstream");
        assertThat(dispatcher.runOnce()).isTrue();
        node.clock.advance(Duration.ofSeconds(1));
        String second = node.waiting("upstream");

        assertThat(dispatcher.runOnce()).as("the engine's one slot is taken").isFalse();
        assertThat(node.task(second).state()).as("admitted, not claimed").isEqualTo(TaskState.QUEUEING);

        node.transitions.failRunning(first, UpstreamTracking.OWNER, EngineException.INTERNAL, "upstream failed",
                node.clock.instant());
        assertThat(dispatcher.runOnce()).isTrue();

        assertThat(engine.submitted).containsExactly(first, second);
        assertThat(node.task(second).state()).isEqualTo(TaskState.GENERATING);
    }
}
