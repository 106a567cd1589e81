package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Inputs sent to Runway as base64 data URIs (docs/upstreams.md, "Runway: input assets"): Runway fetches URLs only over
 * HTTPS from domain names, does not follow redirects and needs HEAD and Content-Length, which many user URLs (and every
 * loopback test host) do not meet. Reelgate downloads the input through its outbound guard and sends the bytes instead.
 */
final class RunwayAssets {

    /** Image shape and its data URI. */
    record Image(String uri, int width, int height) {
    }

    private RunwayAssets() {
    }

    /** A user's image: downloaded, measured, re-encoded as PNG unless it is JPEG, PNG or WebP already. */
    static Image image(EngineContext context, String url, Path workDir, long maxBytes, String what) {
        Path file = workDir.resolve("input-image");
        context.download(url, file, maxBytes, what);
        return image(file, what);
    }

    /** A local image file (the frame an extension starts from). */
    static Image image(Path file, String what) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int[] size = dimensions(file, what);
            double aspect = size[0] / (double) size[1];
            // Runway refuses images outside 1:2..2:1 (docs/upstreams.md, "Runway: input assets")
            if (aspect < 0.5 || aspect > 2.0) {
                throw new EngineException(EngineException.INPUT_REJECTED, String.format(java.util.Locale.ROOT,
                        "The %s's aspect ratio must be between 1:2 and 2:1 for Runway (got %.2f)", what, aspect));
            }
            String mime = imageType(bytes);
            if (mime == null) {
                bytes = toPng(file, what);
                mime = "image/png";
            }
            return new Image(dataUri(mime, bytes, RunwayProperties.IMAGE_DATA_URI_LIMIT, what), size[0], size[1]);
        } catch (IOException e) {
            throw new EngineException(EngineException.INTERNAL, "The " + what + " could not be read", e);
        }
    }

    /** A user's video (Aleph source) as a data URI of its own type. */
    static String video(EngineContext context, String url, Path workDir, long maxBytes) {
        Path file = workDir.resolve("source-video");
        context.download(url, file, maxBytes, "video");
        try {
            byte[] bytes = Files.readAllBytes(file);
            String mime = videoType(bytes);
            if (mime == null) {
                throw new EngineException(EngineException.INPUT_REJECTED, "The source file is not a video");
            }
            return dataUri(mime, bytes, RunwayProperties.VIDEO_DATA_URI_LIMIT, "video");
        } catch (IOException e) {
            throw new EngineException(EngineException.INTERNAL, "The video could not be read", e);
        }
    }

    private static String dataUri(String mime, byte[] bytes, long limit, String what) {
        String uri = "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
        if (uri.length() > limit) {
            throw new EngineException(EngineException.INPUT_REJECTED, "The " + what + " is too large for Runway (at most "
                    + limit + " bytes once base64-encoded)");
        }
        return uri;
    }

    private static int[] dimensions(Path file, String what) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new EngineException(EngineException.INPUT_REJECTED, "Incorrect image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] toPng(Path file, String what) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new EngineException(EngineException.INPUT_REJECTED, "Incorrect image format");
        }
        Path png = file.resolveSibling(file.getFileName() + ".png");
        ImageIO.write(image, "png", png.toFile());
        return Files.readAllBytes(png);
    }

    /** JPEG, PNG and WebP are what Runway accepts (no GIF); anything else is re-encoded. */
    private static String imageType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    private static String videoType(byte[] b) {
        if (b.length > 12 && ascii(b, 4, 4).equals("ftyp")) {
            return ascii(b, 8, 4).equals("qt  ") ? "video/quicktime" : "video/mp4";
        }
        if (b.length > 4 && (b[0] & 0xff) == 0x1a && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xdf
                && (b[3] & 0xff) == 0xa3) {
            return "video/webm";
        }
        return null;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }
}
