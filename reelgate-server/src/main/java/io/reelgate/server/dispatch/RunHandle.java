package io.reelgate.server.dispatch;

/** One task running on this node; flags are set from heartbeat or cancel threads and read by the engine. */
final class RunHandle {

    private final String taskId;
    private volatile boolean leaseLost;
    private volatile boolean stopRequested;

    RunHandle(String taskId) {
        this.taskId = taskId;
    }

    String taskId() {
        return taskId;
    }

    /** Another node may own the task now: stop and store nothing. */
    void markLeaseLost() {
        leaseLost = true;
    }

    boolean leaseLost() {
        return leaseLost;
    }

    /** This node is shutting down: stop and hand the task back to the queue. */
    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    boolean shouldStop() {
        return leaseLost || stopRequested;
    }
}
