package io.reelgate.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/aleph/generate} (docs/kie-contract.md, "Aleph generate"), video to video. Build with
 * {@link #builder(String, String)}.
 *
 * @param prompt         the transformation to apply
 * @param videoUrl       the source video (only its first 5 s are used)
 * @param callBackUrl    optional callback URL
 * @param waterMark      optional watermark text
 * @param uploadCn       store results in China (KIE only; Reelgate accepts and ignores it)
 * @param aspectRatio    {@code 16:9}, {@code 9:16}, {@code 4:3}, {@code 3:4}, {@code 1:1}, {@code 21:9}
 * @param seed           for reproducible output
 * @param referenceImage optional style reference image URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlephRequest(String prompt, String videoUrl, String callBackUrl, String waterMark, Boolean uploadCn,
                           String aspectRatio, Long seed, String referenceImage) {

    public AlephRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(videoUrl, "videoUrl");
    }

    public static Builder builder(String prompt, String videoUrl) {
        return new Builder(prompt, videoUrl);
    }

    /** Mutable builder; every call returns the builder itself. */
    public static final class Builder {
        private final String prompt;
        private final String videoUrl;
        private String callBackUrl;
        private String waterMark;
        private Boolean uploadCn;
        private String aspectRatio;
        private Long seed;
        private String referenceImage;

        private Builder(String prompt, String videoUrl) {
            this.prompt = prompt;
            this.videoUrl = videoUrl;
        }

        public Builder callBackUrl(String callBackUrl) {
            this.callBackUrl = callBackUrl;
            return this;
        }

        public Builder waterMark(String waterMark) {
            this.waterMark = waterMark;
            return this;
        }

        public Builder uploadCn(Boolean uploadCn) {
            this.uploadCn = uploadCn;
            return this;
        }

        public Builder aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder referenceImage(String referenceImage) {
            this.referenceImage = referenceImage;
            return this;
        }

        public AlephRequest build() {
            return new AlephRequest(prompt, videoUrl, callBackUrl, waterMark, uploadCn, aspectRatio, seed, referenceImage);
        }
    }
}
