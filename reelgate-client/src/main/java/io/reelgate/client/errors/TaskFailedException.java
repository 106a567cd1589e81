package io.reelgate.client.errors;

import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.MarketRecord;
import io.reelgate.client.model.TaskDetail;

/**
 * The task reached its terminal failure state. {@link #failCode()} / {@link #failMsg()} are the task's
 * {@code failCode}/{@code failMsg} (Runway, Market) or {@code errorCode}/{@code errorMessage} (Aleph); the request itself
 * was accepted, so {@link #code()} is the fail code too.
 */
public class TaskFailedException extends ReelgateException {

    private final String taskId;
    private final Integer failCode;
    private final TaskDetail taskDetail;
    private final AlephDetail alephDetail;
    private final MarketRecord marketRecord;

    public TaskFailedException(TaskDetail detail) {
        this(detail.taskId(), detail.failCode(), detail.failMsg(), detail, null, null);
    }

    public TaskFailedException(AlephDetail detail) {
        this(detail.taskId(), detail.errorCode(), detail.errorMessage(), null, detail, null);
    }

    public TaskFailedException(MarketRecord record) {
        this(record.taskId(), record.numericFailCode(), record.failMsg(), null, null, record);
    }

    private TaskFailedException(String taskId, Integer failCode, String failMsg, TaskDetail runway, AlephDetail aleph,
                                MarketRecord market) {
        super(failCode == null ? 500 : failCode, failMsg == null || failMsg.isEmpty() ? "task failed" : failMsg);
        this.taskId = taskId;
        this.failCode = failCode;
        this.taskDetail = runway;
        this.alephDetail = aleph;
        this.marketRecord = market;
    }

    public String taskId() {
        return taskId;
    }

    /** The task's fail code (400 for content/input problems), or null when the service gave none. */
    public Integer failCode() {
        return failCode;
    }

    /** The task's human-readable failure reason. */
    public String failMsg() {
        return msg();
    }

    /** The failed Runway task's detail, or null for an Aleph task. */
    public TaskDetail taskDetail() {
        return taskDetail;
    }

    /** The failed Aleph task's detail, or null for another kind of task. */
    public AlephDetail alephDetail() {
        return alephDetail;
    }

    /** The failed Market task's record, or null for another kind of task. */
    public MarketRecord marketRecord() {
        return marketRecord;
    }
}
