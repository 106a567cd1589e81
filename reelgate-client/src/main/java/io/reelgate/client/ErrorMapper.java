package io.reelgate.client;

import io.reelgate.client.errors.AuthenticationException;
import io.reelgate.client.errors.InsufficientCreditsException;
import io.reelgate.client.errors.NotFoundException;
import io.reelgate.client.errors.RateLimitedException;
import io.reelgate.client.errors.ReelgateException;
import io.reelgate.client.errors.ServerException;
import io.reelgate.client.errors.ValidationException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Reads an answer: the envelope {@code code} decides, whatever the HTTP status, because KIE answers errors with
 * HTTP 200. Only an answer without an envelope (a proxy's HTML page, say) falls back to the HTTP status.
 */
final class ErrorMapper {

    private ErrorMapper() {
    }

    /** The envelope's {@code data} (a NullNode when absent) or the matching exception. */
    static JsonNode dataOf(HttpResponse<String> response) {
        int status = response.statusCode();
        Duration retryAfter = retryAfter(response.headers());
        JsonNode root = parse(response.body());
        JsonNode code = root == null ? null : root.get("code");
        if (code == null || !code.canConvertToInt() && !code.isString()) {
            String text = "HTTP " + status + " without a Reelgate/KIE envelope: " + snippet(response.body());
            throw map(status / 100 == 2 ? 500 : status, text, retryAfter);
        }
        int value = code.asInt();
        if (value == 200) {
            JsonNode data = root.get("data");
            return data == null ? NullNode.getInstance() : data;
        }
        throw map(value, root.path("msg").asString(""), retryAfter);
    }

    static ReelgateException map(int code, String msg, Duration retryAfter) {
        return switch (code) {
            case 401, 403 -> new AuthenticationException(code, msg);
            case 402 -> new InsufficientCreditsException(code, msg);
            case 404 -> new NotFoundException(code, msg);
            case 400, 422 -> new ValidationException(code, msg);
            case 429 -> new RateLimitedException(code, msg, retryAfter);
            default -> new ServerException(code, msg);
        };
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.read(body);
            return node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
