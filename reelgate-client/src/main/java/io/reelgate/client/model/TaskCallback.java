package io.reelgate.client.model;

/** A parsed callback body: {@link RunwayCallback} (generate, extend), {@link AlephCallback} or {@link MarketCallback}. */
public sealed interface TaskCallback permits RunwayCallback, AlephCallback, MarketCallback {

    /** The task the callback is about; receivers must be idempotent on it (callbacks can repeat). */
    String taskId();

    /** 200 success; Runway and Aleph: 400 input/content problem, 500 internal error; Market: 501 failed. */
    int code();

    String msg();

    default boolean isSuccess() {
        return code() == 200;
    }
}
