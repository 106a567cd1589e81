package io.reelgate.server.api.kie;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The KIE response envelope {@code {"code":200,"msg":"success","data":…}}; {@code data} is null on errors. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"code", "msg", "data"})
public record ApiEnvelope<T>(int code, String msg, T data) {

    public static <T> ApiEnvelope<T> success(T data) {
        return new ApiEnvelope<>(200, "success", data);
    }

    public static ApiEnvelope<Void> error(int code, String msg) {
        return new ApiEnvelope<>(code, msg, null);
    }
}
