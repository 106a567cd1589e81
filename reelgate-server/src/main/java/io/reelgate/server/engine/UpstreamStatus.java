package io.reelgate.server.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param queuePosition  requests ahead of this one in the provider's queue (fal), or {@code null}
 * @param usage          what the provider reports about the run's cost, by name (fal {@code inferenceSeconds},
 *                       Replicate {@code predictSeconds}, Veo {@code videoSeconds} …); shown on the task next to the
 *                       credits charged; empty when the provider reports nothing
 */
public record UpstreamStatus(Phase phase, String upstreamState, int progress, List<String> outputs, int failCode,
                             String failMsg, Integer queuePosition, Map<String, Object> usage) {

    public UpstreamStatus {
        outputs = List.copyOf(outputs);
        usage = usage == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(usage));
    }

    public enum Phase { QUEUED, RUNNING, SUCCEEDED, FAILED, LOST }

    public static UpstreamStatus queued(String upstreamState) {
        return new UpstreamStatus(Phase.QUEUED, upstreamState, 0, List.of(), 0, null, null, Map.of());
    }

    public static UpstreamStatus running(String upstreamState, int progress) {
        return new UpstreamStatus(Phase.RUNNING, upstreamState, progress, List.of(), 0, null, null, Map.of());
    }

    public static UpstreamStatus succeeded(String upstreamState, List<String> outputs) {
        return new UpstreamStatus(Phase.SUCCEEDED, upstreamState, 100, outputs, 0, null, null, Map.of());
    }

    public static UpstreamStatus failed(String upstreamState, int failCode, String failMsg) {
        return new UpstreamStatus(Phase.FAILED, upstreamState, 0, List.of(), failCode, failMsg, null, Map.of());
    }

    /** @param reason why the upstream task is gone, logged with the requeue */
    public static UpstreamStatus lost(String upstreamState, String reason) {
        return new UpstreamStatus(Phase.LOST, upstreamState, 0, List.of(), 0, reason, null, Map.of());
    }

    /** The same reading with the provider's queue position. */
    public UpstreamStatus withQueuePosition(Integer position) {
        return new UpstreamStatus(phase, upstreamState, progress, outputs, failCode, failMsg, position, usage);
    }

    /** The same reading with what the provider reported about the run's cost. */
    public UpstreamStatus withUsage(Map<String, Object> reported) {
        return new UpstreamStatus(phase, upstreamState, progress, outputs, failCode, failMsg, queuePosition, reported);
    }
}
