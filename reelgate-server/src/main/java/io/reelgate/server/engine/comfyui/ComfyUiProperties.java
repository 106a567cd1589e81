package io.reelgate.server.engine.comfyui;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ComfyUI engine ({@code reelgate.engine.comfyui.*}). The engine exists only when servers are set.
 *
 * @param servers                  ComfyUI base URLs, each {@code url} or {@code name=url}; the name (default: the URL's
 *                                 host:port) is stored with every task, so keep it stable when editing the list.
 *                                 Operator configuration: not subject to the outbound guard
 * @param maxConcurrentPerServer   tasks one server runs at once (ComfyUI executes one prompt at a time; more only
 *                                 queue inside ComfyUI)
 * @param requestTimeout           one HTTP exchange with a server (uploads and downloads included)
 * @param pollInterval             how often a submitted prompt is looked up
 * @param taskTimeout              how long a prompt may take from submission; then it is interrupted and failed
 * @param unreachableGrace         how long a server may stay unreachable while it runs a task before the task is
 *                                 submitted again elsewhere
 * @param healthRetry              how long a server that failed its health check is skipped when choosing one
 * @param maxInputBytes            largest input image or source video downloaded and uploaded to ComfyUI
 * @param maxOutputBytes           largest result downloaded from ComfyUI
 * @param negativePrompt           the {@code {{negative_prompt}}} of every workflow
 * @param textToVideo              generate without an image
 * @param imageToVideo             generate with an image, and extend (from the parent's last frame)
 * @param videoToVideo             Aleph
 */
@ConfigurationProperties("reelgate.engine.comfyui")
public record ComfyUiProperties(
        @DefaultValue List<String> servers,
        @DefaultValue("1") int maxConcurrentPerServer,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("30m") Duration taskTimeout,
        @DefaultValue("2m") Duration unreachableGrace,
        @DefaultValue("30s") Duration healthRetry,
        @DefaultValue("52428800") long maxInputBytes,
        @DefaultValue("524288000") long maxOutputBytes,
        @DefaultValue("blurry, static, low quality, watermark, text") String negativePrompt,
        Workflow textToVideo,
        Workflow imageToVideo,
        Workflow videoToVideo) {

    private static final List<String> ALL_QUALITIES = List.of("720p", "1080p");

    public ComfyUiProperties {
        if (maxConcurrentPerServer < 1) {
            throw new IllegalArgumentException("reelgate.engine.comfyui.max-concurrent-per-server must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("reelgate.engine.comfyui.poll-interval must be positive");
        }
        textToVideo = textToVideo != null ? textToVideo : new Workflow("wan-t2v", null, ALL_QUALITIES);
        imageToVideo = imageToVideo != null ? imageToVideo : new Workflow("wan-i2v", null, ALL_QUALITIES);
        videoToVideo = videoToVideo != null ? videoToVideo : new Workflow("wan-v2v", null, ALL_QUALITIES);
    }

    /**
     * One workflow: which template and which model family's frame and size rules fill it.
     *
     * @param template  a shipped template name ({@code wan-t2v}, {@code wan-i2v}, {@code wan-v2v}, {@code ltxv-t2v},
     *                  {@code ltxv-i2v}) or the path of an API-format JSON file of the operator's own
     * @param family    {@code wan}, {@code wan22-5b}, {@code ltxv} or {@code hunyuan} (see {@link ModelFamily}); may
     *                  be left out for shipped templates, whose name starts with it
     * @param qualities KIE qualities this workflow accepts; others are refused at submit
     */
    public record Workflow(String template, String family, @DefaultValue({"720p", "1080p"}) List<String> qualities) {

        public Workflow {
            if (template == null || template.isBlank()) {
                throw new IllegalArgumentException("reelgate.engine.comfyui.*.template must name a template");
            }
            if (family == null || family.isBlank()) {
                family = ComfyTemplates.shippedFamily(template).orElseThrow(() -> new IllegalArgumentException(
                        "reelgate.engine.comfyui.*.family is required for the template " + template));
            }
            ModelFamily.of(family);
            qualities = qualities == null ? ALL_QUALITIES : List.copyOf(qualities);
        }

        public ModelFamily modelFamily() {
            return ModelFamily.of(family);
        }
    }
}
