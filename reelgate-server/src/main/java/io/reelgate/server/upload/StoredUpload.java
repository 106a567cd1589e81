package io.reelgate.server.upload;

import java.time.Instant;

/**
 * What an upload call answers with.
 *
 * @param filePath the path below the uploads root, {@code <namespace>/<uploadPath>/<fileName>}
 * @param blobKey  the storage key, from which the public URL is derived
 */
public record StoredUpload(String fileName, String filePath, String blobKey, long fileSize, String mimeType,
                           Instant uploadedAt) {
}
