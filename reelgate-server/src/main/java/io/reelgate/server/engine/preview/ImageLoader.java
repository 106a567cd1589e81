package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.media.SubsampledImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Decodes a downloaded reference image with ImageIO, refusing what it cannot read. */
final class ImageLoader {

    /** Beyond this a small file could still need gigabytes once decoded. */
    private static final long MAX_PIXELS = 100_000_000L;
    /** Big images are decoded at reduced size: twice 1080 lines is plenty for a 1.25x zoom. */
    private static final int ENOUGH_SHORT_SIDE = 2160;

    private ImageLoader() {
    }

    static BufferedImage read(Path file) {
        BufferedImage image;
        try {
            image = SubsampledImage.read(file, (width, height) -> {
                if ((long) width * height > MAX_PIXELS) {
                    throw new EngineException(EngineException.INPUT_REJECTED, "Image resolution is too large");
                }
                return Math.max(1, Math.min(width, height) / ENOUGH_SHORT_SIDE);
            });
        } catch (EngineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw incorrectFormat(e);
        }
        if (image == null) {
            throw incorrectFormat(null);
        }
        return image;
    }

    private static EngineException incorrectFormat(Throwable cause) {
        return new EngineException(EngineException.INPUT_REJECTED, "Incorrect image format", cause);
    }
}
