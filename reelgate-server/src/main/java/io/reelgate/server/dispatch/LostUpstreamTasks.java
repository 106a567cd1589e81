package io.reelgate.server.dispatch;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskTransitions;
import io.reelgate.server.task.UpstreamTracking;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * What happens to a task whose upstream lost it ({@link UpstreamStatus.Phase#LOST}): queued again and submitted
 * afresh while it has attempts left (every submission is a claim, which counts one), else failed with the reason.
 */
@Component
class LostUpstreamTasks {

    private final TaskTransitions transitions;
    private final DispatchProperties properties;
    private final Clock clock;

    LostUpstreamTasks(TaskTransitions transitions, DispatchProperties properties, Clock clock) {
        this.transitions = transitions;
        this.properties = properties;
        this.clock = clock;
    }

    void handle(Task task, String engine, UpstreamStatus status) {
        if (task.attempts() >= properties.maxAttempts()) {
            transitions.failRunning(task.id(), UpstreamTracking.OWNER, EngineException.INTERNAL,
                    "Generation failed: " + engine + " lost the task " + task.attempts() + " times ("
                            + status.failMsg() + ")", clock.instant());
        } else {
            transitions.requeueLostUpstream(task.id(), status.failMsg(), clock.instant());
        }
    }
}
