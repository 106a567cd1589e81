package io.reelgate.client.model;

/** A parsed callback body: {@link RunwayCallback} (generate, extend) or {@link AlephCallback}. */
public sealed interface TaskCallback permits RunwayCallback, AlephCallback {

    /** The task the callback is about; receivers must be idempotent on it (callbacks can repeat). */
    String taskId();

    /** 200 success, 400 input/content problem, 500 internal error. */
    int code();

    String msg();

    default boolean isSuccess() {
        return code() == 200;
    }
}
