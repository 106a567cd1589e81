package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.VideoGeometry;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The frame-count and size rules of an open video model family (docs/upstreams.md, "ComfyUI: model families"): the
 * latent packs {@code frameStep} frames, so a length must be {@code frameStep·n+1} (others are silently rounded down by
 * ComfyUI), and width and height must be multiples of {@code sizeMultiple}.
 */
public enum ModelFamily {

    WAN("wan", 16, 4, 16),
    WAN22_5B("wan22-5b", 24, 4, 32),
    LTXV("ltxv", 24, 8, 32),
    HUNYUAN("hunyuan", 24, 4, 16);

    private final String id;
    private final int fps;
    private final int frameStep;
    private final int sizeMultiple;

    ModelFamily(String id, int fps, int frameStep, int sizeMultiple) {
        this.id = id;
        this.fps = fps;
        this.frameStep = frameStep;
        this.sizeMultiple = sizeMultiple;
    }

    public static ModelFamily of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id == null ? "" : id.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown ComfyUI model family '" + id + "'; known: "
                        + Arrays.stream(values()).map(f -> f.id).collect(Collectors.joining(", "))));
    }

    public int fps() {
        return fps;
    }

    /** Frames for {@code seconds} of video: seconds·fps, rounded down to the step, plus the first frame. */
    public int frames(int seconds) {
        return (seconds * fps) / frameStep * frameStep + 1;
    }

    /**
     * The size for a quality and ratio: Reelgate's output size ({@link VideoGeometry}: short side 720 or 1080),
     * each side rounded down to the family's multiple, so the model never renders more than was asked for.
     */
    public VideoGeometry size(String quality, String aspectRatio) {
        VideoGeometry wanted = VideoGeometry.of(quality == null ? "720p" : quality, aspectRatio);
        return new VideoGeometry(wanted.width() / sizeMultiple * sizeMultiple,
                wanted.height() / sizeMultiple * sizeMultiple);
    }
}
