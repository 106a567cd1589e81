package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.MediaResolver;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Media the user named, passed to fal as {@code data:} URIs (docs/engines.md, "fal: media"): fal accepts a data URI
 * wherever it takes a file URL, and fal cannot reach a Reelgate file URL on a private network, so Reelgate fetches
 * each input through its outbound guard and sends the bytes.
 */
final class FalMedia implements MediaResolver {

    private final EngineContext context;
    private final Path workDir;
    private final long maxBytes;
    private final AtomicInteger counter = new AtomicInteger();
    private final java.util.function.Supplier<Path> startFrame;

    FalMedia(EngineContext context, Path workDir, long maxBytes, java.util.function.Supplier<Path> startFrame) {
        this.context = context;
        this.startFrame = startFrame;
        this.workDir = workDir;
        this.maxBytes = maxBytes;
    }

    @Override
    public Object resolve(String url, String field) {
        if (FalRequests.START_FRAME.equals(url)) {
            return dataUri(startFrame.get(), field);
        }
        Path file = workDir.resolve("fal-input-" + counter.incrementAndGet());
        context.download(url, file, maxBytes, MediaResolver.kindOf(field));
        return dataUri(file, field);
    }

    static String dataUri(Path file, String field) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String mime = URLConnection.guessContentTypeFromStream(new java.io.ByteArrayInputStream(bytes));
            if (mime == null) {
                mime = bytes.length > 8 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p'
                        ? "video/mp4" : "application/octet-stream";
            }
            return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new EngineException(EngineException.INTERNAL, "The " + field + " could not be read", e);
        }
    }
}
