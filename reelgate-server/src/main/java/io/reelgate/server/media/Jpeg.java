package io.reelgate.server.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes the JPEG stills that go with a clip: its cover and, for an extension, the frame it starts from. */
public final class Jpeg {

    private Jpeg() {
    }

    /** @param what names the image in the failure message, e.g. "cover image" */
    public static void write(BufferedImage image, Path file, String what) {
        try {
            if (!ImageIO.write(image, "jpg", file.toFile())) {
                throw new IOException("no JPEG writer");
            }
        } catch (IOException e) {
            throw MediaException.internal("Could not write the " + what, e);
        }
    }
}
