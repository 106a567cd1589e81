package io.reelgate.server.task;

/** Published after a running task's progress was stored. */
public record TaskProgressed(String taskId, String apiKeyId, String kind, int progress) {
}
