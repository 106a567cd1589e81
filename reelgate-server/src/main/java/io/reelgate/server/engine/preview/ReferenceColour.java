package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** The average colour of an Aleph job's style reference image, which the frames are tinted towards. */
final class ReferenceColour {

    /** An average needs no detail: the image is reduced to about this many pixels across first. */
    private static final double SAMPLE_SIDE = 64;

    private ReferenceColour() {
    }

    /** @return {r, g, b} 0..255, or {@code null} when the job has no reference image */
    static int[] of(EngineJob job, EngineContext context, long maxBytes) {
        return of(job.referenceImage(), job, context, maxBytes);
    }

    /** The same for any one reference image of a job (reference-to-video models), {@code null} url for none. */
    static int[] of(String url, EngineJob job, EngineContext context, long maxBytes) {
        if (url == null || url.isBlank()) {
            return null;
        }
        Path file = job.workDir().resolve("reference");
        context.download(url, file, maxBytes, "reference image");
        BufferedImage image;
        try {
            image = ImageLoader.read(file);
        } catch (EngineException e) {
            throw new EngineException(EngineException.INPUT_REJECTED, "The reference image could not be decoded", e);
        }
        BufferedImage sample = ImageScaler.scale(image,
                Math.min(1, SAMPLE_SIDE / Math.max(image.getWidth(), image.getHeight())));
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = 0; y < sample.getHeight(); y++) {
            for (int x = 0; x < sample.getWidth(); x++) {
                int rgb = sample.getRGB(x, y);
                r += rgb >> 16 & 0xff;
                g += rgb >> 8 & 0xff;
                b += rgb & 0xff;
            }
        }
        long count = (long) sample.getWidth() * sample.getHeight();
        return new int[] {(int) (r / count), (int) (g / count), (int) (b / count)};
    }
}
