package io.reelgate.server.api.openai;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this server does not serve under {@code /v1}: the edits, extensions and characters endpoints of Node SDK
 * 6.28+ and any other path answer OpenAI's 404 for an unknown URL, so the SDKs raise {@code NotFoundError} rather
 * than choke on another dialect's error shape.
 */
@RestController
@Hidden
class UnsupportedVideoEndpoints {

    @PostMapping({"/v1/videos/edits", "/v1/videos/extensions", "/v1/videos/characters"})
    ResponseEntity<Object> newerVideoEndpoints(HttpServletRequest request) {
        return unknownUrl(request);
    }

    @GetMapping("/v1/videos/characters/{character_id}")
    ResponseEntity<Object> character(HttpServletRequest request) {
        return unknownUrl(request);
    }

    @RequestMapping({"/v1", "/v1/**"})
    ResponseEntity<Object> anythingElse(HttpServletRequest request) {
        return unknownUrl(request);
    }

    private static ResponseEntity<Object> unknownUrl(HttpServletRequest request) {
        return VideoErrorAdvice.answer(new OpenAiError(404, OpenAiError.INVALID_REQUEST, "unknown_url", null,
                "Invalid URL (" + request.getMethod() + " " + request.getRequestURI() + ")"));
    }
}
