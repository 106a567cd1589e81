package io.reelgate.server.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the first picture of an image file at a step its size calls for, read from the header before any pixel
 * is decoded: a small file that would need gigabytes once decoded is refused or shrunk before that memory is taken.
 */
public final class SubsampledImage {

    /** Picks the subsampling step (1 = every pixel) for a picture of this size; it may throw to refuse it. */
    @FunctionalInterface
    public interface Step {
        int of(int width, int height);
    }

    private SubsampledImage() {
    }

    /**
     * @return the decoded picture, or {@code null} when no ImageIO reader knows the file or it has an empty size
     * @throws IOException or a runtime exception of the decoder when the file is not a readable image after all
     */
    public static BufferedImage read(Path file, Step step) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    return null;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int every = step.of(width, height);
                param.setSourceSubsampling(every, every, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
