package io.reelgate.server.task;

/** Published after a running task's progress was stored. */
public record TaskProgressed(String taskId, String apiKeyId, TaskLabel label, int progress) {
}
