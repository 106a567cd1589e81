package io.reelgate.server.dispatch;

import io.reelgate.server.fetch.DownloadAbort;

/** One task running on this node; flags are set from heartbeat or cancel threads and read by the engine. */
final class RunHandle {

    private final String taskId;
    private volatile boolean leaseLost;
    private volatile boolean stopRequested;
    private final DownloadAbort downloads = new DownloadAbort();

    RunHandle(String taskId) {
        this.taskId = taskId;
    }

    String taskId() {
        return taskId;
    }

    /** Another node may own the task now: stop and store nothing. */
    void markLeaseLost() {
        leaseLost = true;
        downloads.abort();
    }

    boolean leaseLost() {
        return leaseLost;
    }

    /** This node is shutting down: stop and hand the task back to the queue. */
    void requestStop() {
        stopRequested = true;
        downloads.abort();
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Aborted once the run should stop, so an input download does not hold the worker until its read timeout. */
    DownloadAbort downloads() {
        return downloads;
    }

    boolean shouldStop() {
        return leaseLost || stopRequested;
    }
}
