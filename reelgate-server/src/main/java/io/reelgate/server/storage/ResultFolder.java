package io.reelgate.server.storage;

/**
 * Where a task's result files live: {@code results/<taskId>/}, one folder per task, whatever run stored them, so
 * files of a run that died before its commit can be found without a row naming them.
 */
public final class ResultFolder {

    private ResultFolder() {
    }

    public static String of(String taskId) {
        return "results/" + taskId;
    }
}
