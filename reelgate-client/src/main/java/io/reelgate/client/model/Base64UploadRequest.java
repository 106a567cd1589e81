package io.reelgate.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Base64;
import java.util.Objects;

/**
 * Body of {@code POST /api/file-base64-upload} (docs/kie-contract.md, "Base64 upload"), for small files (base64 adds a
 * third).
 *
 * @param base64Data plain base64 or a data URL ({@code data:image/png;base64,…})
 * @param uploadPath folder, without leading or trailing slash
 * @param fileName   optional name; the extension is inferred from the MIME type when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Base64UploadRequest(String base64Data, String uploadPath, String fileName) {

    public Base64UploadRequest {
        Objects.requireNonNull(base64Data, "base64Data");
    }

    public static Base64UploadRequest of(String base64Data, String uploadPath) {
        return new Base64UploadRequest(base64Data, uploadPath, null);
    }

    /** Encodes raw bytes as a data URL of the given MIME type, so the server knows the type. */
    public static Base64UploadRequest ofBytes(byte[] bytes, String mimeType, String uploadPath) {
        return of("data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes), uploadPath);
    }

    public Base64UploadRequest withFileName(String fileName) {
        return new Base64UploadRequest(base64Data, uploadPath, fileName);
    }
}
