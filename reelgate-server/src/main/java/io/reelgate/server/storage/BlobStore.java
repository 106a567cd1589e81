package io.reelgate.server.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Where result files live, addressed by a relative key such as {@code results/<taskId>/<videoId>.mp4}. Keys come
 * from the server, never from a client, but every implementation still refuses keys that escape its root.
 */
public interface BlobStore {

    /** Stores a file under {@code key}, atomically: readers see the old file, nothing, or the whole new one. */
    void put(String key, Path source);

    /** The stored file, or empty when it does not exist (never was, or expired). */
    Optional<Resource> open(String key);

    /** Deletes the file; deleting a missing key is not an error. */
    void delete(String key);

    /**
     * Deletes every blob whose key starts with {@code folder + "/"}, those no row names included (what a run left
     * when its node died between storing a result and committing it); a missing folder is not an error.
     */
    void deleteFolder(String folder);

    /**
     * A URL clients may fetch the blob from directly instead of through Reelgate (a presigned object-store URL),
     * or empty to have Reelgate stream it.
     */
    default Optional<URI> directUrl(String key) {
        return Optional.empty();
    }
}
