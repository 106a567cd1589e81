package io.reelgate.server.api.kie.veo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code data.response} of record-info: the documented example's four keys; an extension adds
 * {@code fullResultUrls}, a 4K rendition {@code mediaIds} (both documented only for those tasks).
 *
 * @param originUrls the uncropped original: the video itself when the ratio is not 16:9 (we render at the ratio),
 *                   else empty
 */
@JsonPropertyOrder({"taskId", "resultUrls", "originUrls", "resolution", "fullResultUrls", "mediaIds"})
record VeoResponseView(String taskId, List<String> resultUrls, List<String> originUrls, String resolution,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> fullResultUrls,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> mediaIds) {
}
