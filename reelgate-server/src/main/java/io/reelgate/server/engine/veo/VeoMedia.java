package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.MagicBytes;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.UpstreamVideo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Media for the Gemini API, which takes no URLs: each image the job names is downloaded through the outbound guard
 * and sent inline as {@code {"bytesBase64Encoded", "mimeType"}} (PNG, JPEG or WebP, by its first bytes).
 */
final class VeoMedia implements MediaResolver {

    private final EngineJob job;
    private final EngineContext context;
    private final UpstreamVideo video;
    private final long maxBytes;
    private int downloads;

    VeoMedia(EngineJob job, EngineContext context, UpstreamVideo video, long maxBytes) {
        this.job = job;
        this.context = context;
        this.video = video;
        this.maxBytes = maxBytes;
    }

    @Override
    public Object resolve(String url, String field) {
        Path file;
        String what = field.equals("lastFrameUrl") ? "last frame" : field.startsWith("reference") ? "reference image"
                : "image";
        if (field.equals(VeoRequests.PARENT_FRAME_FIELD)) {
            file = video.startFrame(job);
        } else {
            file = job.workDir().resolve("veo-input-" + (downloads++));
            context.download(url, file, maxBytes, what);
        }
        byte[] bytes = read(file);
        return Map.of("bytesBase64Encoded", Base64.getEncoder().encodeToString(bytes), "mimeType", mimeType(bytes, what));
    }

    static String mimeType(byte[] bytes, String what) {
        if (MagicBytes.startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (MagicBytes.startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (MagicBytes.startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length > 11 && bytes[8] == 'W'
                && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        throw new EngineException(EngineException.INPUT_REJECTED, "The " + what + " is not a PNG, JPEG or WebP image");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
