package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes a downloaded reference image with ImageIO, refusing what it cannot read. */
final class ImageLoader {

    /** Beyond this a small file could still need gigabytes once decoded. */
    private static final long MAX_PIXELS = 100_000_000L;
    /** Big images are decoded at reduced size: twice 1080 lines is plenty for a 1.25x zoom. */
    private static final int ENOUGH_SHORT_SIDE = 2160;

    private ImageLoader() {
    }

    static BufferedImage read(Path file) {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw incorrectFormat(null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw incorrectFormat(null);
                }
                if ((long) width * height > MAX_PIXELS) {
                    throw new EngineException(EngineException.INPUT_REJECTED, "Image resolution is too large");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(width, height) / ENOUGH_SHORT_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EngineException engineException) {
                throw engineException;
            }
            throw incorrectFormat(e);
        }
    }

    private static EngineException incorrectFormat(Throwable cause) {
        return new EngineException(EngineException.INPUT_REJECTED, "Incorrect image format", cause);
    }
}
