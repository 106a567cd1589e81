package io.reelgate.server.upload;

import java.time.Instant;

/** One stored upload as the database knows it; the blob under {@code blobKey} holds the bytes. */
public record UploadRecord(String blobKey, String apiKeyId, String mimeType, long fileSize, Instant uploadedAt,
                           Instant expiresAt) {
}
