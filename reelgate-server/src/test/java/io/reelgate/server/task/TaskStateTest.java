package io.reelgate.server.task;

import static io.reelgate.server.task.TaskState.FAIL;
import static io.reelgate.server.task.TaskState.GENERATING;
import static io.reelgate.server.task.TaskState.QUEUEING;
import static io.reelgate.server.task.TaskState.SUCCESS;
import static io.reelgate.server.task.TaskState.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void waitMayOnlyBeQueuedOrFailed() {
        assertAllowed(WAIT, EnumSet.of(QUEUEING, FAIL));
    }

    @Test
    void queueingMayOnlyStartGeneratingOrFail() {
        assertAllowed(QUEUEING, EnumSet.of(GENERATING, FAIL));
    }

    @Test
    void generatingMayFinishFailOrBeHandedBackByRecovery() {
        assertAllowed(GENERATING, EnumSet.of(SUCCESS, FAIL, QUEUEING));
    }

    @Test
    void terminalStatesAcceptNoTransition() {
        assertAllowed(SUCCESS, EnumSet.noneOf(TaskState.class));
        assertAllowed(FAIL, EnumSet.noneOf(TaskState.class));
        assertThat(SUCCESS.isTerminal()).isTrue();
        assertThat(FAIL.isTerminal()).isTrue();
    }

    @Test
    void wireNamesAreTheKieSpellings() {
        assertThat(EnumSet.allOf(TaskState.class)).extracting(TaskState::wire)
                .containsExactly("wait", "queueing", "generating", "success", "fail");
        assertThat(TaskState.fromWire("queueing")).isEqualTo(QUEUEING);
    }

    private static void assertAllowed(TaskState from, Set<TaskState> allowed) {
        for (TaskState to : TaskState.values()) {
            assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed.contains(to));
        }
    }
}
