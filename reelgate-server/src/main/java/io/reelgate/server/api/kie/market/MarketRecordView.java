package io.reelgate.server.api.kie.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code data} of {@code GET /api/v1/jobs/recordInfo} and of the Market callback (docs/compatibility.md, "KIE Market
 * jobs"). {@code param} and {@code resultJson} are JSON <em>strings</em>; times are Unix milliseconds; every key is
 * always present.
 *
 * @param failCode        {@code ""} unless failed, then a numeric string ({@code "422"}, {@code "500"}, {@code "501"})
 * @param costTime        seconds from start to end, null until the task ended
 * @param creditsConsumed the credits charged; 0 unless the task succeeded (a failed task is refunded)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"taskId", "model", "state", "param", "resultJson", "failCode", "failMsg", "costTime",
        "completeTime", "createTime", "updateTime", "progress", "creditsConsumed"})
record MarketRecordView(String taskId, String model, String state, String param, String resultJson, String failCode,
                        String failMsg, Long costTime, Long completeTime, Long createTime, Long updateTime,
                        int progress, long creditsConsumed) {
}
