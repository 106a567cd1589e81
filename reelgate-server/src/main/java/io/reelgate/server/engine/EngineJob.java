package io.reelgate.server.engine;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an engine needs to render one task. Values are already validated. Built through
 * {@link #builder(String, Kind)}; the task core maps a stored task to its job in one place.
 *
 * @param taskId             for logs only ({@code null} while a request is checked before it becomes a task)
 * @param kind               which operation this is
 * @param prompt             the user's prompt
 * @param imageUrl           reference image to animate (the first frame), or {@code null} for text-to-video
 * @param aspectRatio        "W:H" ({@code null} when an image decides); aleph: optional target ratio
 * @param quality            resolution label: 720p or 1080p for KIE Runway; a registry model's label otherwise
 *                           (480p, 512P, 768P, 4k …); {@code null} for aleph
 * @param durationSeconds    generate and extend: clip length; aleph: the most seconds of source to process
 * @param waterMark          text to draw bottom-right on every frame; empty for none
 * @param parentVideo        extend: the parent's video, copied into the work directory; otherwise {@code null}
 * @param parentUpstreamId   extend: the upstream id the parent was made under when it ran on this job's engine
 *                           (a provider that extends its own videos, Veo, reads it back); otherwise {@code null}
 * @param videoUrl           aleph and video-to-video: the source video to transform; otherwise {@code null}
 * @param seed               optional seed for reproducible variation
 * @param referenceImage     aleph: optional style reference image URL
 * @param lastFrameUrl       an image the clip should end on, or {@code null}
 * @param referenceImageUrls images that guide the look; empty for none
 * @param size               an explicit output size, or {@code null} when quality and ratio decide
 * @param fps                frames per second the model produces, or {@code null} for the engine's default
 * @param model              the model id the task named (registry id), or {@code null}
 * @param route              how this engine serves the task's registry model (upstream model, input template), or
 *                           {@code null} when the model names no route for this engine (then the engine's defaults)
 * @param modelInput         the registry model's validated input, defaults included, by the entry's field names;
 *                           empty for a task that named no registry model (KIE Runway)
 * @param webhookUrl         where the upstream may report this task's end (Reelgate's public base URL), or
 *                           {@code null} when no public base URL is configured and the engine must poll
 * @param workDir            an empty directory the engine may write into; deleted by the caller afterwards
 */
public record EngineJob(
        String taskId,
        Kind kind,
        String prompt,
        String imageUrl,
        String aspectRatio,
        String quality,
        int durationSeconds,
        String waterMark,
        Path parentVideo,
        String parentUpstreamId,
        String videoUrl,
        Long seed,
        String referenceImage,
        String lastFrameUrl,
        List<String> referenceImageUrls,
        VideoGeometry size,
        Integer fps,
        String model,
        UpstreamRoute route,
        Map<String, Object> modelInput,
        String webhookUrl,
        Path workDir) {

    public enum Kind { GENERATE, EXTEND, ALEPH }

    public EngineJob {
        waterMark = waterMark == null ? "" : waterMark;
        referenceImageUrls = referenceImageUrls == null ? List.of() : List.copyOf(referenceImageUrls);
        modelInput = modelInput == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(modelInput));
    }

    public static Builder builder(String taskId, Kind kind) {
        return new Builder(taskId, kind);
    }

    /** This job's fields in a builder, to send a copy with one of them changed (named, so none can shift). */
    public Builder toBuilder() {
        return builder(taskId, kind).prompt(prompt).imageUrl(imageUrl).aspectRatio(aspectRatio).quality(quality)
                .durationSeconds(durationSeconds).waterMark(waterMark).parentVideo(parentVideo)
                .parentUpstreamId(parentUpstreamId).videoUrl(videoUrl).seed(seed).referenceImage(referenceImage)
                .lastFrameUrl(lastFrameUrl).referenceImageUrls(referenceImageUrls).size(size).fps(fps).model(model)
                .route(route).modelInput(modelInput).webhookUrl(webhookUrl).workDir(workDir);
    }

    /** A text- or image-to-video job, the shape most engine tests need. */
    public static EngineJob generate(String taskId, String prompt, String imageUrl, String aspectRatio, String quality,
                                     int durationSeconds, String waterMark, Path workDir) {
        return builder(taskId, Kind.GENERATE).prompt(prompt).imageUrl(imageUrl).aspectRatio(aspectRatio)
                .quality(quality).durationSeconds(durationSeconds).waterMark(waterMark).workDir(workDir).build();
    }

    public boolean hasImage() {
        return imageUrl != null && !imageUrl.isBlank();
    }

    public boolean hasLastFrame() {
        return lastFrameUrl != null && !lastFrameUrl.isBlank();
    }

    public boolean hasWaterMark() {
        return !waterMark.isEmpty();
    }

    /** Named steps instead of eighteen positions; unset fields stay {@code null}. */
    public static final class Builder {
        private final String taskId;
        private final Kind kind;
        private String prompt;
        private String imageUrl;
        private String aspectRatio;
        private String quality;
        private int durationSeconds;
        private String waterMark;
        private Path parentVideo;
        private String parentUpstreamId;
        private String videoUrl;
        private Long seed;
        private String referenceImage;
        private String lastFrameUrl;
        private List<String> referenceImageUrls;
        private VideoGeometry size;
        private Integer fps;
        private String model;
        private UpstreamRoute route;
        private Map<String, Object> modelInput;
        private String webhookUrl;
        private Path workDir;

        private Builder(String taskId, Kind kind) {
            this.taskId = taskId;
            this.kind = kind;
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

        public Builder durationSeconds(int value) {
            durationSeconds = value;
            return this;
        }

        public Builder waterMark(String value) {
            waterMark = value;
            return this;
        }

        public Builder parentVideo(Path value) {
            parentVideo = value;
            return this;
        }

        public Builder parentUpstreamId(String value) {
            parentUpstreamId = value;
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

        public Builder lastFrameUrl(String value) {
            lastFrameUrl = value;
            return this;
        }

        public Builder referenceImageUrls(List<String> value) {
            referenceImageUrls = value;
            return this;
        }

        public Builder size(VideoGeometry value) {
            size = value;
            return this;
        }

        public Builder fps(Integer value) {
            fps = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder route(UpstreamRoute value) {
            route = value;
            return this;
        }

        public Builder modelInput(Map<String, Object> value) {
            modelInput = value;
            return this;
        }

        public Builder webhookUrl(String value) {
            webhookUrl = value;
            return this;
        }

        public Builder workDir(Path value) {
            workDir = value;
            return this;
        }

        public EngineJob build() {
            return new EngineJob(taskId, kind, prompt, imageUrl, aspectRatio, quality, durationSeconds, waterMark,
                    parentVideo, parentUpstreamId, videoUrl, seed, referenceImage, lastFrameUrl, referenceImageUrls,
                    size, fps, model, route, modelInput, webhookUrl, workDir);
        }
    }
}
