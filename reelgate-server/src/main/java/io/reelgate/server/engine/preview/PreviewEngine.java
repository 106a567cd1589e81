package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.VideoEngine;
import io.reelgate.server.engine.VideoGeometry;
import io.reelgate.server.media.MediaException;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.media.WaterMarkPainter;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * A deterministic stand-in for a generative model: text prompts become a procedural animation seeded by the prompt,
 * reference images get a Ken Burns camera move chosen by the prompt, extensions continue the parent's last frame
 * with a camera move, and Aleph jobs restyle the source video with effects named in the prompt. Output is an H.264
 * MP4 plus a JPEG cover.
 */
@Component
public class PreviewEngine implements VideoEngine {

    public static final String NAME = "preview";

    private final PreviewProperties properties;
    private final OutputProperties output;
    private final ClipRenderer clips;

    public PreviewEngine(PreviewProperties properties, OutputProperties output) {
        this.properties = properties;
        this.output = output;
        this.clips = new ClipRenderer(properties, output);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineResult run(EngineJob job, EngineContext context) {
        try {
            return switch (job.kind()) {
                case GENERATE -> generate(job, context);
                case EXTEND -> new ExtensionRenderer(clips).render(job, context);
                case ALEPH -> new AlephRenderer(properties, output).render(job, context);
            };
        } catch (MediaException e) {
            throw EngineException.of(e);
        }
    }

    /**
     * Text becomes a procedural animation (tinted towards the first reference image, if any); a first frame gets a
     * camera move, and a first and last frame a move that dissolves into the last. An explicit size wins; otherwise
     * the requested ratio, else the first frame (KIE Runway sends no ratio with an image), else 16:9 decides the shape
     * at the job's resolution.
     */
    private EngineResult generate(EngineJob job, EngineContext context) {
        BufferedImage first = job.hasImage() ? image(job, job.imageUrl(), "input", "image", context) : null;
        BufferedImage last = job.hasLastFrame() ? image(job, job.lastFrameUrl(), "last", "last frame image", context)
                : null;
        VideoGeometry size = sizeOf(job, first);
        int w = size.width();
        int h = size.height();
        FramePainter painter;
        if (first != null) {
            CameraMotion motion = CameraMotion.fromPrompt(job.prompt());
            painter = new KenBurnsPainter(first, w, h, motion);
            if (last != null) {
                painter = new CrossFadePainter(painter, new KenBurnsPainter(last, w, h, motion), w, h);
            }
        } else {
            painter = new ProceduralPainter(job.prompt(), w, h);
            int[] colour = job.referenceImageUrls().isEmpty() ? null
                    : ReferenceColour.of(job.referenceImageUrls().get(0), job, context, properties.maxImageBytes());
            if (colour != null) {
                painter = new TintPainter(painter, colour);
            }
        }
        int fps = job.fps() == null ? properties.fps() : job.fps();
        return clips.render(job.workDir(), job.durationSeconds(), fps, w, h, painter,
                WaterMarkPainter.of(job.waterMark(), w, h), context);
    }

    private static VideoGeometry sizeOf(EngineJob job, BufferedImage first) {
        if (job.size() != null) {
            return job.size();
        }
        if (first != null && job.aspectRatio() == null) {
            return VideoGeometry.of(job.quality(), VideoGeometry.nearestAspectRatio(first.getWidth(), first.getHeight()));
        }
        return VideoGeometry.of(job.quality(), job.aspectRatio() == null ? "16:9" : job.aspectRatio());
    }

    private BufferedImage image(EngineJob job, String url, String file, String what, EngineContext context) {
        Path input = job.workDir().resolve(file);
        context.download(url, input, properties.maxImageBytes(), what);
        return ImageLoader.read(input);
    }
}
