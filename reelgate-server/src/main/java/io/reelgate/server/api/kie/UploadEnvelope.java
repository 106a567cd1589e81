package io.reelgate.server.api.kie;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The upload host's envelope {@code {"success":true,"code":200,"msg":"File uploaded successfully","data":…}}, which
 * differs from {@link ApiEnvelope} by its {@code success} flag (docs/kie-contract.md, "Upload response"); {@code data}
 * is null on errors.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"success", "code", "msg", "data"})
record UploadEnvelope<T>(boolean success, int code, String msg, T data) {

    static final String SUCCESS_MSG = "File uploaded successfully";
    static final String UNAUTHORIZED_MSG = "Authentication failed: Invalid API Key";
    static final String SERVER_ERROR_MSG = "Internal server error";

    static <T> UploadEnvelope<T> success(T data) {
        return new UploadEnvelope<>(true, 200, SUCCESS_MSG, data);
    }

    static UploadEnvelope<Void> error(int code, String msg) {
        return new UploadEnvelope<>(false, code, msg, null);
    }
}
