package io.reelgate.server.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.reelgate.server.api.common.LimitParameter;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.engine.VideoEngine;
import io.reelgate.server.task.TaskStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator views of the queue and of recent failures, behind {@link AdminTokenFilter}. */
@RestController
@Tag(name = "Admin", description = "Operator API (admin token)")
class AdminStatsController {

    private final TaskStats stats;
    private final List<VideoEngine> engines;
    private final String traceUrl;

    /** @param traceUrl the tracing backend's page of one trace, {@code {traceId}} standing for the id; empty for none */
    AdminStatsController(TaskStats stats, List<VideoEngine> engines,
                         @Value("${reelgate.console.trace-url:}") String traceUrl) {
        this.stats = stats;
        this.engines = engines;
        this.traceUrl = traceUrl;
    }

    /** One engine's unfinished tasks: queue depth is {@code wait + queueing}, in flight is {@code generating}. */
    record EngineStats(String engine, @JsonProperty("wait") long waiting, long queueing, long generating, long queueDepth, long inFlight) {
    }

    /** @param traceUrl where the console links the trace id, when a tracing backend is configured */
    record FailureView(String taskId, String kind, String engine, Integer failCode, String failMsg, String createdAt,
                       String finishedAt, int attempts, String traceId, String traceUrl) {
        static FailureView of(TaskStats.Failure f, String traceUrlTemplate) {
            String traceUrl = traceUrlTemplate.isBlank() || f.traceId() == null ? null
                    : traceUrlTemplate.replace("{traceId}", f.traceId());
            return new FailureView(f.taskId(), f.kind(), f.engine(), f.failCode(), f.failMsg(),
                    f.createdAt() == null ? null : f.createdAt().toString(),
                    f.finishedAt() == null ? null : f.finishedAt().toString(), f.attempts(), f.traceId(), traceUrl);
        }
    }

    @GetMapping("/admin/api/stats")
    @Operation(summary = "Per-engine queue depth and in-flight count")
    ApiEnvelope<List<EngineStats>> stats() {
        Map<String, long[]> byEngine = new TreeMap<>();
        // every engine of this node is listed, idle ones with zeros; rows of unknown engines are listed too
        engines.forEach(engine -> byEngine.put(engine.name(), new long[3]));
        for (TaskStats.EngineStateCount c : stats.unfinishedByEngine()) {
            long[] counts = byEngine.computeIfAbsent(c.engine(), e -> new long[3]);
            switch (c.state()) {
                case "wait" -> counts[0] += c.count();
                case "queueing" -> counts[1] += c.count();
                default -> counts[2] += c.count();
            }
        }
        return ApiEnvelope.success(byEngine.entrySet().stream().map(e -> {
            long[] n = e.getValue();
            return new EngineStats(e.getKey(), n[0], n[1], n[2], n[0] + n[1], n[2]);
        }).toList());
    }

    @GetMapping("/admin/api/failures")
    @Operation(summary = "Failed tasks of the last 7 days, newest first, with their failure reasons")
    ApiEnvelope<List<FailureView>> failures(@RequestParam(required = false) String limit) {
        return ApiEnvelope.success(stats.recentFailures(Math.max(1, Math.min(LimitParameter.parse(limit, 50), 500))).stream()
                .map(f -> FailureView.of(f, traceUrl)).toList());
    }

    @GetMapping("/admin/api/upstream-runs")
    @Operation(summary = "Tasks of the last 7 days that a hosted engine (Runway, fal, Replicate, Google Veo) took, "
            + "newest first: the provider's id, status, queue position and reported usage, next to the credits charged")
    ApiEnvelope<List<TaskStats.UpstreamRun>> upstreamRuns(@RequestParam(required = false) String limit) {
        return ApiEnvelope.success(stats.recentUpstreamRuns(Math.max(1, Math.min(LimitParameter.parse(limit, 50), 500))));
    }
}
