package io.reelgate.server.task;

/** Published after a task row is committed, so the dispatcher can wake up at once instead of at its next poll. */
public record TaskSubmitted(String taskId) {
}
