package io.reelgate.server.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

/** The last frame of a video: where an extension starts, whichever engine renders it. */
public final class LastFrame {

    private static final SourceVideo.Failures UNREADABLE = new SourceVideo.Failures(false,
            "The video to extend could not be read", "The video to extend could not be read");

    private LastFrame() {
    }

    /** Decodes the whole video, which is short, because only the decoder knows which frame is really last. */
    public static BufferedImage of(Path video) {
        try (SourceVideo source = SourceVideo.open(video, UNREADABLE)) {
            BufferedImage frame = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            boolean any = false;
            while (source.next()) {
                source.copy(0, 0, source.width(), source.height(), pixels);
                any = true;
            }
            if (!any) {
                throw UNREADABLE.undecodable(null);
            }
            return frame;
        }
    }

    /** The last frame written as {@code jpeg}, e.g. the start frame kept with an extension's result. */
    public static Path asJpeg(Path video, Path jpeg) {
        Jpeg.write(of(video), jpeg, "start frame");
        return jpeg;
    }
}
