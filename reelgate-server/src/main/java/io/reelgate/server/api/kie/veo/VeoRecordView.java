package io.reelgate.server.api.kie.veo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code data} of {@code GET /api/v1/veo/record-info} (docs/compatibility.md, "KIE Veo 3.1"): every key of the
 * documented example, always present; times are Unix milliseconds. A 4K task has no {@code fallbackFlag}, as
 * documented.
 *
 * @param paramJson   the create request as received, as a JSON string
 * @param response    null until the task succeeded
 * @param successFlag 0 generating, 1 success, 2 the input could not be used, 3 generation failed
 * @param errorCode   null unless failed: 400 (input or content), 500 (ours), 501 (generation)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"taskId", "paramJson", "completeTime", "response", "successFlag", "errorCode", "errorMessage",
        "createTime", "fallbackFlag"})
record VeoRecordView(String taskId, String paramJson, Long completeTime, VeoResponseView response, int successFlag,
                     Integer errorCode, String errorMessage, Long createTime,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Boolean fallbackFlag) {
}
