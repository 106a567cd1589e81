package io.reelgate.server.api.openai;

import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.task.Task;
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

    /** Turns the copied source file into the derived file, in place. */
    @FunctionalInterface
    interface Conversion {
        void convert(Path file) throws IOException;
    }

    private final BlobStore blobs;
    private final Path staging;

    DerivedFiles(BlobStore blobs, DataDirectory dataDirectory) {
        this.blobs = blobs;
        this.staging = dataDirectory.resolve("openai-derived-staging");
    }

    /**
     * Where a task's derived file is cached: beside its video (in the task's result folder, which retention and a
     * delete remove whole), the video's name with {@code suffix}.
     */
    static String keyOf(Task task, String suffix) {
        return task.videoKey().replaceFirst("\\.mp4$", "") + suffix;
    }

    /**
     * The file derived from the blob {@code sourceKey}, made on first request and stored under {@code key} with
     * the task's other files; empty when the source is gone (expired).
     */
    Optional<Resource> derived(String sourceKey, String key, Conversion conversion) {
        Optional<Resource> cached = blobs.open(key);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Resource> source = sourceKey == null ? Optional.empty() : blobs.open(sourceKey);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(staging);
            Path file = Files.createTempFile(staging, "derived-", ".tmp");
            try {
                try (InputStream in = source.get().getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                conversion.convert(file);
                blobs.put(key, file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blobs.open(key);
    }
}
