package io.reelgate.server.api.kie;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.reelgate.server.api.common.PublicUrls;
import io.reelgate.server.upload.StoredUpload;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code data} of a successful upload, field for field as KIE documents it (docs/kie-contract.md,
 * "Upload response").
 */
@JsonPropertyOrder({"fileName", "filePath", "downloadUrl", "fileSize", "mimeType", "uploadedAt"})
record UploadView(String fileName, String filePath, String downloadUrl, long fileSize, String mimeType,
                  String uploadedAt) {

    /** {@code 2025-01-01T12:00:00.000Z}: always UTC, always milliseconds, as in the KIE example. */
    private static final DateTimeFormatter UPLOADED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static UploadView of(StoredUpload upload, PublicUrls urls) {
        return new UploadView(upload.fileName(), upload.filePath(), urls.file(upload.blobKey()), upload.fileSize(),
                upload.mimeType(), UPLOADED_AT.format(upload.uploadedAt()));
    }
}
