package io.reelgate.server.engine;

import java.util.List;

/**
 * One reading of an upstream task, already mapped to what Reelgate does with it.
 *
 * @param phase          {@code QUEUED} (upstream pending or throttled) and {@code RUNNING} keep the task
 *                       {@code generating}; {@code SUCCEEDED} collects the output; {@code FAILED} fails the task;
 *                       {@code LOST} means the upstream forgot the task or cannot be reached any more (a restarted or
 *                       vanished GPU server): the task is queued again and submitted afresh, neither refunded nor
 *                       charged again
 * @param upstreamState  the upstream's own status word, stored for operators (e.g. {@code THROTTLED})
 * @param progress       0..100 while running
 * @param outputs        URLs of the result files when succeeded
 * @param failCode       400 or 500 when failed
 * @param failMsg        the message the task fails with
 */
public record UpstreamStatus(Phase phase, String upstreamState, int progress, List<String> outputs, int failCode,
                             String failMsg) {

    public enum Phase { QUEUED, RUNNING, SUCCEEDED, FAILED, LOST }

    public static UpstreamStatus queued(String upstreamState) {
        return new UpstreamStatus(Phase.QUEUED, upstreamState, 0, List.of(), 0, null);
    }

    public static UpstreamStatus running(String upstreamState, int progress) {
        return new UpstreamStatus(Phase.RUNNING, upstreamState, progress, List.of(), 0, null);
    }

    public static UpstreamStatus succeeded(String upstreamState, List<String> outputs) {
        return new UpstreamStatus(Phase.SUCCEEDED, upstreamState, 100, List.copyOf(outputs), 0, null);
    }

    public static UpstreamStatus failed(String upstreamState, int failCode, String failMsg) {
        return new UpstreamStatus(Phase.FAILED, upstreamState, 0, List.of(), failCode, failMsg);
    }

    /** @param reason why the upstream task is gone, logged with the requeue */
    public static UpstreamStatus lost(String upstreamState, String reason) {
        return new UpstreamStatus(Phase.LOST, upstreamState, 0, List.of(), 0, reason);
    }
}
