package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.task.TaskEndedElsewhere;
import org.junit.jupiter.api.Test;

/** Which of this node's runs and result collections a task ended on another node stops, and what it leaves alone. */
class RunningTasksTest {

    private final RunningTasks running = new RunningTasks();

    @Test
    void aTaskEndedElsewhereStopsItsRunOrCollectionHereAndNothingElse() {
        RunHandle run = running.start("run-1");
        RunHandle collection = running.startCollecting("collect-1");
        RunHandle other = running.start("run-2");

        running.onTaskEndedElsewhere(new TaskEndedElsewhere("run-1"));
        running.onTaskEndedElsewhere(new TaskEndedElsewhere("collect-1"));

        assertThat(run.shouldStop()).isTrue();
        assertThat(collection.shouldStop()).isTrue();
        assertThat(other.shouldStop()).isFalse();
    }

    @Test
    void collectionsAreNeitherRenewedNorCountedAsRuns() {
        RunHandle run = running.start("run-1");
        running.startCollecting("collect-1");

        assertThat(running.all()).containsExactly(run);
        assertThat(running.count()).isEqualTo(1);
    }
}
