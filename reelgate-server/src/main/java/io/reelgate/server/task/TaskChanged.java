package io.reelgate.server.task;

/**
 * Published after a state change or progress report of a task has committed; {@code task} is the row as it was
 * right after the change. Feeds the live task stream and stops local runs of tasks that ended elsewhere.
 */
public record TaskChanged(Task task) {
}
