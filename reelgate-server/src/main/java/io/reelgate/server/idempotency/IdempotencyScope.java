package io.reelgate.server.idempotency;

/**
 * Which requests share one Idempotency-Key space. A key used for a submit and the same key used for an upload are
 * two records, as they were when each had its own table.
 */
public enum IdempotencyScope {

    /** Task submits; the record holds the id of the task the first request created. */
    TASK_SUBMIT("task"),
    /** File uploads; the record holds the first answer's JSON, replayed byte for byte. */
    UPLOAD("upload");

    private final String column;

    IdempotencyScope(String column) {
        this.column = column;
    }

    /** The value stored in {@code idempotency_record.scope}. */
    String column() {
        return column;
    }
}
