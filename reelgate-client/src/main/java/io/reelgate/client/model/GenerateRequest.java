package io.reelgate.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/runway/generate} (docs/kie-contract.md, "Generate"). Null fields are left out of the
 * JSON. Build with {@link #builder(String)}: duration 5 and quality 720p are preset because KIE requires both and fills
 * no defaults.
 *
 * @param prompt      what happens (at most 1800 characters)
 * @param imageUrl    optional start image; when given the output follows its aspect ratio
 * @param duration    5 or 10 seconds (10 only with 720p)
 * @param quality     {@code 720p} or {@code 1080p}
 * @param aspectRatio {@code 16:9}, {@code 4:3}, {@code 1:1}, {@code 3:4}, {@code 9:16}; required without an image
 * @param waterMark   text drawn bottom-right; empty for none
 * @param callBackUrl where the result is POSTed when the task finishes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerateRequest(String prompt, String imageUrl, Integer duration, String quality, String aspectRatio,
                              String waterMark, String callBackUrl) {

    public GenerateRequest {
        Objects.requireNonNull(prompt, "prompt");
    }

    public static Builder builder(String prompt) {
        return new Builder(prompt);
    }

    /** Mutable builder; every call returns the builder itself. */
    public static final class Builder {
        private final String prompt;
        private String imageUrl;
        private Integer duration = 5;
        private String quality = "720p";
        private String aspectRatio;
        private String waterMark;
        private String callBackUrl;

        private Builder(String prompt) {
            this.prompt = prompt;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        public Builder duration(Integer seconds) {
            this.duration = seconds;
            return this;
        }

        public Builder quality(String quality) {
            this.quality = quality;
            return this;
        }

        public Builder aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        public Builder waterMark(String waterMark) {
            this.waterMark = waterMark;
            return this;
        }

        public Builder callBackUrl(String callBackUrl) {
            this.callBackUrl = callBackUrl;
            return this;
        }

        public GenerateRequest build() {
            return new GenerateRequest(prompt, imageUrl, duration, quality, aspectRatio, waterMark, callBackUrl);
        }
    }
}
