package io.reelgate.client.errors;

/**
 * The task was still running when the wait's deadline passed. The task itself goes on; wait again or poll later.
 * Code 408, KIE's "no result in time" code.
 */
public class TaskTimeoutException extends ReelgateException {

    private final String taskId;
    private final Object lastDetail;

    public TaskTimeoutException(String taskId, String msg, Object lastDetail) {
        super(408, msg);
        this.taskId = taskId;
        this.lastDetail = lastDetail;
    }

    public String taskId() {
        return taskId;
    }

    /** The last detail seen ({@code TaskDetail} or {@code AlephDetail}), or null when none was read. */
    public Object lastDetail() {
        return lastDetail;
    }
}
