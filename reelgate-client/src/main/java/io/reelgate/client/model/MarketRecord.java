package io.reelgate.client.model;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code data} of {@code GET /api/v1/jobs/recordInfo} and of a Market callback. {@code param} and {@code resultJson}
 * are JSON <em>strings</em> on the wire; {@link #resultUrls()} decodes the latter. Times are Unix milliseconds.
 *
 * @param failCode        {@code ""} unless failed; a numeric string ({@code "501"}) on failure
 * @param costTime        processing seconds, null while running
 * @param creditsConsumed credits the task cost; 0 on failure
 */
public record MarketRecord(String taskId, String model, MarketState state, String param, String resultJson,
                           String failCode, String failMsg, Long costTime, Long completeTime, Long createTime,
                           Long updateTime, Integer progress, Double creditsConsumed) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean isSuccess() {
        return state == MarketState.SUCCESS;
    }

    public boolean isFailed() {
        return state == MarketState.FAIL;
    }

    /** The result URLs ({@code resultJson.resultUrls}), empty until the task succeeded. */
    public List<String> resultUrls() {
        if (resultJson == null || resultJson.isBlank()) {
            return List.of();
        }
        JsonNode urls = JSON.readTree(resultJson).path("resultUrls");
        return urls.valueStream().map(JsonNode::asString).toList();
    }

    /** The first result URL, or null when there is none (yet). */
    public String videoUrl() {
        List<String> urls = resultUrls();
        return urls.isEmpty() ? null : urls.get(0);
    }

    /** {@link #failCode()} as a number when it is one, else null. */
    public Integer numericFailCode() {
        return failCode != null && failCode.matches("[0-9]{1,9}") ? Integer.valueOf(failCode) : null;
    }
}
