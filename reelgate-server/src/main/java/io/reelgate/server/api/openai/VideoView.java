package io.reelgate.server.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code Video} object: every key always present, {@code null} where empty; times in Unix seconds. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record VideoView(String id, String object, String model, String status, int progress, String prompt,
                 @JsonProperty("created_at") long createdAt, @JsonProperty("completed_at") Long completedAt,
                 @JsonProperty("expires_at") Long expiresAt, String size, String seconds,
                 @JsonProperty("remixed_from_video_id") String remixedFromVideoId, VideoError error) {

    /** {@code code} is a short word, {@code message} the task's failure reason. */
    record VideoError(String code, String message) {
    }
}
