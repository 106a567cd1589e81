package io.reelgate.server.upload;

import io.reelgate.server.media.SubsampledImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * Refuses an upload whose bytes contradict the type it claims (part Content-Type, data-URL type or file
 * extension). A file that claims to be an image must really decode as one, so a later generation using its URL
 * does not fail on it; a file that claims to be MP4/MOV must start with an {@code ftyp} box. Files claiming
 * nothing checkable are stored as they are, with their sniffed type.
 */
final class ContentCheck {

    /** ImageIO can decode these; WEBP has no JDK decoder, so for it the signature is all that is checked. */
    private static final Set<String> DECODABLE = Set.of(MediaTypes.PNG, MediaTypes.JPEG, MediaTypes.GIF, MediaTypes.BMP);
    private static final Set<String> ISO_VIDEO = Set.of(MediaTypes.MP4, MediaTypes.QUICKTIME);
    /** Big images are decoded subsampled down to about this many pixels: every byte is still read and checked. */
    private static final long DECODED_PIXELS = 4_000_000L;

    private ContentCheck() {
    }

    static void verify(Path file, String sniffed, Collection<String> claims) {
        boolean decoded = false;
        for (String claim : claims) {
            boolean matches;
            if (claim.startsWith("image/")) {
                matches = sniffed.startsWith("image/") && (!DECODABLE.contains(sniffed) || decoded || decodes(file));
                decoded |= matches;
            } else if (ISO_VIDEO.contains(claim)) {
                matches = ISO_VIDEO.contains(sniffed);
            } else if (claim.startsWith("video/")) {
                matches = sniffed.startsWith("video/");
            } else {
                matches = true;
            }
            if (!matches) {
                throw new UploadRefusedException("File content does not match its declared type " + claim);
            }
        }
    }

    private static boolean decodes(Path file) {
        try {
            return SubsampledImage.read(file, (width, height) ->
                    (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS)))) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
