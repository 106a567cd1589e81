package io.reelgate.server.api.openai;

import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Files made from a stored result on first request (the thumbnail's WebP, the sprite sheet) and kept in the blob
 * store beside it: made once in a staging file, then stored atomically, so concurrent first requests at worst make
 * it twice.
 */
@Component
class DerivedFiles {

    /** Writes the derived file into {@code target}; false when its source is gone (expired). */
    @FunctionalInterface
    interface Maker {
        boolean make(Path target) throws IOException;
    }

    private final BlobStore blobs;
    private final Path staging;

    DerivedFiles(BlobStore blobs, DataDirectory dataDirectory) {
        this.blobs = blobs;
        this.staging = dataDirectory.resolve("openai-derived-staging");
    }

    Optional<Resource> cached(String key, Maker maker) {
        Optional<Resource> cached = blobs.open(key);
        if (cached.isPresent()) {
            return cached;
        }
        try {
            Files.createDirectories(staging);
            Path target = Files.createTempFile(staging, "derived-", ".tmp");
            try {
                if (!maker.make(target)) {
                    return Optional.empty();
                }
                blobs.put(key, target);
            } finally {
                Files.deleteIfExists(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blobs.open(key);
    }

    /** The stored blob's bytes, copied into a local file (the store may be remote). */
    boolean copy(String key, Path target) throws IOException {
        Optional<Resource> source = key == null ? Optional.empty() : blobs.open(key);
        if (source.isEmpty()) {
            return false;
        }
        try (InputStream in = source.get().getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }
}
