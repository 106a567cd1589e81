package io.reelgate.client;

import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.TaskState;

/** Told each time a waited-for Runway task is seen in a new state (also for the first state seen). */
@FunctionalInterface
public interface TaskListener {

    /**
     * @param previous the state seen before, null on the first poll
     * @param detail   the detail in which the new state was seen
     */
    void onStateChange(TaskState previous, TaskDetail detail);
}
