package io.reelgate.server.api.kie;

import io.reelgate.server.upload.UploadProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The KIE table for errors raised before any controller was chosen (unknown path, wrong method, an unreadable or
 * oversized multipart body): a scoped advice never sees them, as there is no controller to match its scope. Ordered
 * last, so a dialect's own advice answers its controllers first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnroutedRequestErrors extends ApiExceptionHandler {

    UnroutedRequestErrors(EnvelopeResponses responses, UploadProperties uploads) {
        super(responses, uploads);
    }
}
