package io.reelgate.client.model;

/**
 * {@code data} of the three upload endpoints (docs/kie-contract.md, "Upload response"). Pass {@link #downloadUrl()} on
 * to generation requests.
 *
 * @param fileName    the stored name
 * @param filePath    the path under the upload root
 * @param downloadUrl where the file can be fetched (temporary)
 * @param fileSize    size in bytes
 * @param mimeType    detected MIME type
 * @param uploadedAt  ISO-8601 upload time
 */
public record UploadedFile(String fileName, String filePath, String downloadUrl, long fileSize, String mimeType,
                           String uploadedAt) {
}
