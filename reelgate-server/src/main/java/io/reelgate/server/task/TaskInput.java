package io.reelgate.server.task;

import java.util.List;

/**
 * What the user asked for, as validated; fields a kind does not use are {@code null}. Built through
 * {@link #builder()}, which is also the one place defaults are applied (no watermark is {@code ""}).
 *
 * @param aspectRatio        {@code null} when an image decides the ratio; aleph: optional target ratio
 * @param quality            the resolution label as the dialect spells it ({@code 720p}, {@code 768P}, {@code 4k})
 * @param waterMark          {@code ""} for none
 * @param model              the model id the request named (a registry id, or KIE Runway's legacy field)
 * @param videoUrl           aleph and video-to-video: the source video
 * @param seed               optional seed for reproducible variation
 * @param referenceImage     aleph style reference image
 * @param uploadCn           aleph storage-region hint, accepted and stored; Reelgate stores results in one place
 * @param paramsJson         the request body as received, for dialects that return it ({@code paramJson}, {@code param})
 * @param lastFrameUrl       an image the clip ends on (first-and-last-frame modes)
 * @param referenceImageUrls images that guide the look (reference-to-video); never {@code null}
 * @param size               an explicit output size {@code WIDTHxHEIGHT} (e.g. OpenAI's {@code size}); {@code null}
 *                           when quality and ratio decide
 * @param fps                the model's frame rate; {@code null} for the engine's default
 * @param modelInputJson     a registry model's validated input as JSON (defaults included, the entry's field
 *                           names), which hosted engines map to their provider's request; {@code null} otherwise
 */
public record TaskInput(
        String prompt,
        String imageUrl,
        String aspectRatio,
        String quality,
        Integer duration,
        String waterMark,
        String callBackUrl,
        String model,
        boolean expandPrompt,
        String videoUrl,
        Long seed,
        String referenceImage,
        boolean uploadCn,
        String paramsJson,
        String lastFrameUrl,
        List<String> referenceImageUrls,
        String size,
        Integer fps,
        String modelInputJson) {

    public TaskInput {
        waterMark = waterMark == null ? "" : waterMark;
        referenceImageUrls = referenceImageUrls == null ? List.of() : List.copyOf(referenceImageUrls);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy to change a few fields of, e.g. an extension that inherits its parent's ratio. */
    public Builder toBuilder() {
        return new Builder().prompt(prompt).imageUrl(imageUrl).aspectRatio(aspectRatio).quality(quality)
                .duration(duration).waterMark(waterMark).callBackUrl(callBackUrl).model(model)
                .expandPrompt(expandPrompt).videoUrl(videoUrl).seed(seed).referenceImage(referenceImage)
                .uploadCn(uploadCn).paramsJson(paramsJson).lastFrameUrl(lastFrameUrl)
                .referenceImageUrls(referenceImageUrls).size(size).fps(fps).modelInputJson(modelInputJson);
    }

    /** Named steps instead of eighteen positions; unset fields stay {@code null} (or false). */
    public static final class Builder {
        private String prompt;
        private String imageUrl;
        private String aspectRatio;
        private String quality;
        private Integer duration;
        private String waterMark;
        private String callBackUrl;
        private String model;
        private boolean expandPrompt;
        private String videoUrl;
        private Long seed;
        private String referenceImage;
        private boolean uploadCn;
        private String paramsJson;
        private String lastFrameUrl;
        private List<String> referenceImageUrls;
        private String size;
        private Integer fps;
        private String modelInputJson;

        private Builder() {
        }

        public Builder prompt(String value) {
            prompt = value;
            return this;
        }

        public Builder imageUrl(String value) {
            imageUrl = value;
            return this;
        }

        public Builder aspectRatio(String value) {
            aspectRatio = value;
            return this;
        }

        public Builder quality(String value) {
            quality = value;
            return this;
        }

        public Builder duration(Integer value) {
            duration = value;
            return this;
        }

        public Builder waterMark(String value) {
            waterMark = value;
            return this;
        }

        public Builder callBackUrl(String value) {
            callBackUrl = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder expandPrompt(boolean value) {
            expandPrompt = value;
            return this;
        }

        public Builder videoUrl(String value) {
            videoUrl = value;
            return this;
        }

        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Builder referenceImage(String value) {
            referenceImage = value;
            return this;
        }

        public Builder uploadCn(boolean value) {
            uploadCn = value;
            return this;
        }

        public Builder paramsJson(String value) {
            paramsJson = value;
            return this;
        }

        public Builder lastFrameUrl(String value) {
            lastFrameUrl = value;
            return this;
        }

        public Builder referenceImageUrls(List<String> value) {
            referenceImageUrls = value;
            return this;
        }

        public Builder size(String value) {
            size = value;
            return this;
        }

        public Builder fps(Integer value) {
            fps = value;
            return this;
        }

        public Builder modelInputJson(String value) {
            modelInputJson = value;
            return this;
        }

        public TaskInput build() {
            return new TaskInput(prompt, imageUrl, aspectRatio, quality, duration, waterMark, callBackUrl, model,
                    expandPrompt, videoUrl, seed, referenceImage, uploadCn, paramsJson, lastFrameUrl,
                    referenceImageUrls, size, fps, modelInputJson);
        }
    }
}
