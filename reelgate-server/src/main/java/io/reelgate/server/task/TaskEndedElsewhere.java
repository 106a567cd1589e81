package io.reelgate.server.task;

/**
 * Another node ended this task (a cancel, a deadline, or another node's result), as its announcement on the cluster
 * channel says. Published on the receiving node so work it still does for the task (a run, a result download) stops
 * at once rather than at its next lease renewal. Best effort: a missed one leaves the heartbeat to notice.
 */
public record TaskEndedElsewhere(String taskId) {
}
