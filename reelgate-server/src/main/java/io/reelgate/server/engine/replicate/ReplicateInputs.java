package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.MagicBytes;
import io.reelgate.server.engine.MediaResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Replicate is sent for a user's image or video: the file is fetched through the outbound guard (Replicate
 * could not reach a private-network URL), then passed as a {@code data:} URI when it is at most 256 KB (Replicate's
 * limit for data URLs) and uploaded to Replicate's file store ({@code POST /files}) otherwise.
 */
final class ReplicateInputs {

    static final long DATA_URI_LIMIT = 256 * 1024;

    private final ReplicateClient client;
    private final long maxInputBytes;

    ReplicateInputs(ReplicateClient client, long maxInputBytes) {
        this.client = client;
        this.maxInputBytes = maxInputBytes;
    }

    /** @param localFile an image Reelgate made itself (an extension's start frame), read without fetching */
    MediaResolver resolver(EngineJob job, EngineContext context, Path localFile) {
        AtomicInteger count = new AtomicInteger();
        return (url, field) -> {
            Path file;
            if (localFile != null && url.equals(localFile.toUri().toString())) {
                file = localFile;
            } else {
                file = job.workDir().resolve("replicate-input-" + count.incrementAndGet());
                context.download(url, file, maxInputBytes, MediaResolver.kindOf(field));
            }
            return pass(file);
        };
    }

    private String pass(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String type = contentType(bytes);
            if (bytes.length <= DATA_URI_LIMIT) {
                return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
            }
            return client.upload(bytes, file.getFileName().toString(), type);
        } catch (IOException e) {
            throw new EngineException(EngineException.INTERNAL, "Could not read a downloaded input", e);
        } catch (ReplicateApiException e) {
            throw e.isTransient()
                    ? new io.reelgate.server.engine.EngineUnavailableException("Replicate's file store is unavailable", e)
                    : new EngineException(EngineException.INTERNAL, "Could not hand an input file to Replicate", e);
        }
    }

    /** By magic bytes: what users send (PNG, JPEG, WebP, GIF, MP4/MOV, WebM; WAV and MP3 for reference audio). */
    static String contentType(byte[] b) {
        if (MagicBytes.startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (MagicBytes.startsWith(b, 0xFF, 0xD8)) {
            return "image/jpeg";
        }
        if (MagicBytes.startsWith(b, 'G', 'I', 'F')) {
            return "image/gif";
        }
        if (MagicBytes.startsWith(b, 'R', 'I', 'F', 'F') && b.length > 11 && b[8] == 'W' && b[9] == 'E') {
            return "image/webp";
        }
        if (MagicBytes.startsWith(b, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (b.length > 7 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "video/mp4";
        }
        if (MagicBytes.startsWith(b, 'R', 'I', 'F', 'F') && b.length > 11 && b[8] == 'W' && b[9] == 'A') {
            return "audio/wav";
        }
        if (MagicBytes.startsWith(b, 'I', 'D', '3') || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
            return "audio/mpeg";
        }
        return "application/octet-stream";
    }
}
