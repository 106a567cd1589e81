package io.reelgate.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Body of {@code POST /api/file-url-upload} (docs/kie-contract.md, "URL upload"): the server downloads {@code fileUrl}
 * and stores it.
 *
 * @param fileUrl    public http(s) URL to fetch
 * @param uploadPath folder, without leading or trailing slash
 * @param fileName   optional name with extension; derived from the URL (or random) when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UrlUploadRequest(String fileUrl, String uploadPath, String fileName) {

    public UrlUploadRequest {
        Objects.requireNonNull(fileUrl, "fileUrl");
    }

    public static UrlUploadRequest of(String fileUrl, String uploadPath) {
        return new UrlUploadRequest(fileUrl, uploadPath, null);
    }

    public UrlUploadRequest withFileName(String fileName) {
        return new UrlUploadRequest(fileUrl, uploadPath, fileName);
    }
}
