package io.reelgate.server.api.kie.runway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code data} of {@code GET /api/v1/runway/record-detail}, field order as in the KIE OpenAPI. {@code failCode}
 * and {@code failMsg} are empty strings unless the task failed, as the live service sends them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"taskId", "parentTaskId", "generateParam", "state", "generateTime", "videoInfo", "failCode",
        "failMsg", "expireFlag"})
record TaskDetailView(
        String taskId,
        String parentTaskId,
        GenerateParam generateParam,
        String state,
        String generateTime,
        VideoInfo videoInfo,
        Object failCode,
        String failMsg,
        int expireFlag) {

    @JsonPropertyOrder({"prompt", "imageUrl", "expandPrompt"})
    record GenerateParam(String prompt, String imageUrl, boolean expandPrompt) {
    }

    @JsonPropertyOrder({"videoId", "taskId", "videoUrl", "imageUrl"})
    record VideoInfo(String videoId, String taskId, String videoUrl, String imageUrl) {
    }
}
