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

    private EngineResult generate(EngineJob job, EngineContext context) {
        VideoGeometry size;
        FramePainter painter;
        if (job.hasImage()) {
            Path input = job.workDir().resolve("input");
            context.download(job.imageUrl(), input, properties.maxImageBytes(), "image");
            BufferedImage image = ImageLoader.read(input);
            size = VideoGeometry.of(job.quality(), VideoGeometry.nearestAspectRatio(image.getWidth(), image.getHeight()));
            painter = new KenBurnsPainter(image, size.width(), size.height(), CameraMotion.fromPrompt(job.prompt()));
        } else {
            size = VideoGeometry.of(job.quality(), job.aspectRatio());
            painter = new ProceduralPainter(job.prompt(), size.width(), size.height());
        }
        return clips.render(job.workDir(), job.durationSeconds(), size.width(), size.height(), painter,
                WaterMarkPainter.of(job.waterMark(), size.width(), size.height()), context);
    }
}
