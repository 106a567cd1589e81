package io.reelgate.server.api.kie;

import io.reelgate.server.api.common.ApiProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Turns a KIE code into the HTTP answer chosen by {@code reelgate.api.error-http-status}. */
@Component
class EnvelopeResponses {

    private final ApiProperties.ErrorHttpStatus mode;

    EnvelopeResponses(ApiProperties properties) {
        this.mode = properties.errorHttpStatus();
    }

    ResponseEntity<ApiEnvelope<Void>> error(int code, String msg) {
        return ResponseEntity.status(httpStatus(code)).body(ApiEnvelope.error(code, msg));
    }

    int httpStatus(int code) {
        if (mode == ApiProperties.ErrorHttpStatus.KIE || code == 200) {
            return 200;
        }
        // KIE-only codes that are not (or mean something else as) HTTP statuses
        return switch (code) {
            case 455 -> HttpStatus.SERVICE_UNAVAILABLE.value();
            case 501, 505 -> HttpStatus.INTERNAL_SERVER_ERROR.value();
            default -> HttpStatus.resolve(code) != null ? code : HttpStatus.INTERNAL_SERVER_ERROR.value();
        };
    }
}
