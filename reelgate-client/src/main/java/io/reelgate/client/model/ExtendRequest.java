package io.reelgate.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/runway/extend} (docs/kie-contract.md, "Extend"): continues a finished Runway video as a
 * new task.
 *
 * @param taskId      the (successful) task to extend
 * @param prompt      what happens next
 * @param quality     {@code 720p} or {@code 1080p}
 * @param waterMark   optional watermark text
 * @param callBackUrl optional callback URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtendRequest(String taskId, String prompt, String quality, String waterMark, String callBackUrl) {

    public ExtendRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** An extension at 720p without watermark or callback. */
    public static ExtendRequest of(String taskId, String prompt) {
        return new ExtendRequest(taskId, prompt, "720p", null, null);
    }

    public ExtendRequest withQuality(String quality) {
        return new ExtendRequest(taskId, prompt, quality, waterMark, callBackUrl);
    }

    public ExtendRequest withWaterMark(String waterMark) {
        return new ExtendRequest(taskId, prompt, quality, waterMark, callBackUrl);
    }

    public ExtendRequest withCallBackUrl(String callBackUrl) {
        return new ExtendRequest(taskId, prompt, quality, waterMark, callBackUrl);
    }
}
