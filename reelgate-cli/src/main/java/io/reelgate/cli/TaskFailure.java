package io.reelgate.cli;

/** A task ended in {@code fail} where the SDK raised no {@code TaskFailedException} (watch, download): exit code 4. */
final class TaskFailure extends RuntimeException {

    TaskFailure(String taskId, Integer failCode, String failMsg) {
        super("task " + taskId + " failed: " + failCode + " " + failMsg);
    }
}
