package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.ConfiguredSecret;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Runway engine ({@code reelgate.engine.runway.*}). The engine exists only when a secret is set.
 * Models, ratios and durations are configuration because Runway adds and retires models every few months; the
 * defaults follow Runway's API as of 2026-07 (docs/upstreams.md).
 *
 * @param apiSecret       the API key ({@code key_…}); usually from env {@code REELGATE_RUNWAY_API_SECRET}. Never
 *                        logged (see {@link #toString()}), never stored in the database
 * @param apiSecretFile   a file holding the key instead (Docker/Kubernetes secrets)
 * @param baseUrl         the API host; operator configuration, so it is not subject to the outbound guard
 * @param apiVersion      sent as {@code X-Runway-Version} on every request
 * @param requestTimeout  time allowed for one HTTP exchange with the API
 * @param maxRetries      retries of a request answered 429/5xx or not connected, before the error counts
 * @param retryBackoff    first retry delay, doubled per retry (minus up to 25 % jitter); {@code Retry-After} wins
 * @param maxRetryBackoff longest delay between retries (and between failing polls)
 * @param pollInterval    how often a running upstream task is polled (Runway updates at most every 5 s)
 * @param taskTimeout     how long an upstream task may take from submission; then it is cancelled and failed
 * @param maxOutputBytes  largest result file downloaded from Runway
 * @param maxInputBytes   largest input (image, Aleph source video) downloaded to send on as a data URI
 */
@ConfigurationProperties("reelgate.engine.runway")
public record RunwayProperties(
        String apiSecret,
        String apiSecretFile,
        @DefaultValue("https://api.dev.runwayml.com") String baseUrl,
        @DefaultValue("2024-11-06") String apiVersion,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("8s") Duration maxRetryBackoff,
        @DefaultValue("6s") Duration pollInterval,
        @DefaultValue("30m") Duration taskTimeout,
        @DefaultValue("209715200") long maxOutputBytes,
        @DefaultValue("10485760") long maxInputBytes,
        @DefaultValue TextToVideo textToVideo,
        @DefaultValue ImageToVideo imageToVideo,
        @DefaultValue VideoToVideo videoToVideo) {

    /** Data URIs count their encoded length (docs/upstreams.md, "Runway: input assets"): images 5 MB, videos 16 MB. */
    static final long IMAGE_DATA_URI_LIMIT = 5L * 1024 * 1024;
    static final long VIDEO_DATA_URI_LIMIT = 16L * 1024 * 1024;

    public RunwayProperties {
        if (maxRetries < 0 || retryBackoff.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("reelgate.engine.runway.max-retries/retry-backoff/poll-interval out of range");
        }
    }

    /**
     * Generate without an image: {@code POST /v1/text_to_video}. gen4_turbo cannot do text-to-video, so the default
     * is gen4.5, which offers only 16:9 and 9:16 at 720p.
     *
     * @param ratios    KIE aspectRatio = Runway ratio in output pixels
     * @param qualities KIE qualities the model can deliver
     */
    public record TextToVideo(
            @DefaultValue("gen4.5") String model,
            @DefaultValue({"16:9=1280:720", "9:16=720:1280"}) List<String> ratios,
            @DefaultValue({"5", "8", "10"}) List<Integer> durations,
            @DefaultValue("720p") List<String> qualities,
            @DefaultValue("1000") int maxPromptLength) {

        public Map<String, String> ratioTable() {
            return RunwayProperties.ratioTable(ratios);
        }
    }

    /** Generate with an image, and extend (from the parent's last frame): {@code POST /v1/image_to_video}. */
    public record ImageToVideo(
            @DefaultValue("gen4_turbo") String model,
            @DefaultValue({"16:9=1280:720", "9:16=720:1280", "4:3=1104:832", "3:4=832:1104", "1:1=960:960"})
            List<String> ratios,
            @DefaultValue({"5", "8", "10"}) List<Integer> durations,
            @DefaultValue("720p") List<String> qualities,
            @DefaultValue("1000") int maxPromptLength) {

        public Map<String, String> ratioTable() {
            return RunwayProperties.ratioTable(ratios);
        }
    }

    /**
     * Aleph: {@code POST /v1/video_to_video}.
     *
     * @param aspectRatios   KIE aspectRatio values sent as {@code targetAspectRatio}; empty = aspectRatio refused
     * @param referenceImage what a KIE referenceImage becomes: {@code refuse} (422; aleph2 has no style reference),
     *                       {@code keyframe} (aleph2 {@code keyframes:[{at:0,uri}]}, frame guidance, not style) or
     *                       {@code references} (gen4_aleph {@code references:[{type:image,uri}]})
     * @param seed           whether the model takes a seed
     */
    public record VideoToVideo(
            @DefaultValue("aleph2") String model,
            @DefaultValue({"16:9", "4:3", "1:1", "3:4", "9:16", "21:9"}) List<String> aspectRatios,
            @DefaultValue("refuse") String referenceImage,
            @DefaultValue("true") boolean seed,
            @DefaultValue("1000") int maxPromptLength) {

        public VideoToVideo {
            if (!List.of("refuse", "keyframe", "references").contains(referenceImage)) {
                throw new IllegalArgumentException("reelgate.engine.runway.video-to-video.reference-image must be "
                        + "refuse, keyframe or references (got " + referenceImage + ")");
            }
        }
    }

    /** The API key from {@link #apiSecret} or {@link #apiSecretFile}; the message never contains the key. */
    String secret() {
        return ConfiguredSecret.read(apiSecret, apiSecretFile, "reelgate.engine.runway.api-secret-file", "Set "
                + "reelgate.engine.runway.api-secret (env REELGATE_RUNWAY_API_SECRET) or "
                + "reelgate.engine.runway.api-secret-file to enable the runway engine");
    }

    /** Keeps the secret out of logs and error messages that print the configuration. */
    @Override
    public String toString() {
        return "RunwayProperties[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", apiSecret=" + (apiSecret == null
                || apiSecret.isBlank() ? "<unset>" : "<redacted>") + ", textToVideo=" + textToVideo + ", imageToVideo="
                + imageToVideo + ", videoToVideo=" + videoToVideo + "]";
    }

    private static Map<String, String> ratioTable(List<String> entries) {
        Map<String, String> table = new LinkedHashMap<>();
        for (String entry : entries) {
            int split = entry.indexOf('=');
            if (split < 1 || split == entry.length() - 1) {
                throw new IllegalArgumentException("Runway ratio entries look like 16:9=1280:720 (got " + entry + ")");
            }
            table.put(entry.substring(0, split).trim(), entry.substring(split + 1).trim());
        }
        return Collections.unmodifiableMap(table);
    }
}
