package io.reelgate.server.api.kie.runway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code data} of {@code GET /api/v1/aleph/record-info} (docs/kie-contract.md, "Aleph record-info"): a different family
 * from Runway's detail, with the request as a JSON string, ISO times and {@code successFlag} instead of a state.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"taskId", "paramJson", "response", "completeTime", "createTime", "successFlag", "errorCode",
        "errorMessage"})
record AlephDetailView(
        String taskId,
        String paramJson,
        Response response,
        String completeTime,
        String createTime,
        int successFlag,
        int errorCode,
        String errorMessage) {

    @JsonPropertyOrder({"taskId", "resultVideoUrl", "resultImageUrl"})
    record Response(String taskId, String resultVideoUrl, String resultImageUrl) {
    }
}
