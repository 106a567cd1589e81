package io.reelgate.server.api.reelgate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Reelgate's own task view: what KIE's detail lacks. Times are ISO-8601 UTC; {@code queuePosition} is the number of
 * tasks ahead while waiting, null otherwise; {@code expiresAt} is when the result files will be deleted;
 * {@code traceId} is the W3C trace id of the task's trace (null for tasks accepted before tracing), to open it in
 * the tracing backend; {@code dialect} names the wire dialect that accepted the task ({@code kie-runway} for the KIE
 * Runway and Aleph endpoints), whose endpoints alone read it back; {@code model} the model the request named (a
 * registry id, KIE Runway's legacy {@code model} field), null when it named none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record TaskView(
        String taskId,
        String kind,
        String engine,
        String state,
        int progress,
        Integer queuePosition,
        String parentTaskId,
        long cost,
        String createdAt,
        String queuedAt,
        String startedAt,
        String finishedAt,
        String deadlineAt,
        String expiresAt,
        boolean expired,
        String videoUrl,
        String coverUrl,
        Integer failCode,
        String failMsg,
        String traceId,
        String dialect,
        String model) {
}
