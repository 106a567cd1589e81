package io.reelgate.server.api.upstream;

import io.reelgate.server.dispatch.UpstreamWebhookReceiver;
import io.reelgate.server.dispatch.UpstreamWebhookReceiver.Outcome;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where fal and Replicate report a task's end ({@code /webhooks/{engine}/{taskId}}, the URL Reelgate passes on
 * submit). No API key: the provider's signature over the raw body is the authentication, checked by the engine. The
 * answer is plain JSON for the provider's logs: 200 received, 401 refused, 404 no such engine, 413 too large.
 */
@Hidden
@RestController
class UpstreamWebhookController {

    /** Provider webhooks carry a status and a few URLs; a body larger than this is not one. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final UpstreamWebhookReceiver receiver;

    UpstreamWebhookController(UpstreamWebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/webhooks/{engine}/{taskId}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String engine, @PathVariable String taskId,
                                                HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        Outcome outcome = receiver.receive(engine, taskId, headers(request), body);
        return switch (outcome) {
            case ACCEPTED -> ResponseEntity.ok(Map.of("received", true));
            case REJECTED -> answer(HttpStatus.UNAUTHORIZED, "signature verification failed");
            case UNKNOWN_ENGINE -> answer(HttpStatus.NOT_FOUND, "no engine " + engine + " takes webhooks here");
        };
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String error) {
        return ResponseEntity.status(status).body(Map.of("received", false, "error", error));
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}
