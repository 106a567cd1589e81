package io.reelgate.server.api.common;

import io.reelgate.server.account.ApiKeySecrets;
import io.reelgate.server.task.InvalidRequestException;
import io.reelgate.server.task.SubmitOptions;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Reelgate extension headers of a task-creating POST: {@code Idempotency-Key} (scoped to the API key; the
 * same key with the same endpoint and JSON body replays the first answer) and {@code Reelgate-Deadline} (e.g.
 * {@code 10m}, {@code 90s}, {@code PT1H} or plain seconds).
 */
public final class SubmitOptionsReader {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String DEADLINE = "Reelgate-Deadline";
    private static final Duration MAX_DEADLINE = Duration.ofDays(7);

    private SubmitOptionsReader() {
    }

    public static SubmitOptions read(HttpServletRequest request, JsonNode body) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY + " must be 1 to 255 characters");
        }
        String fingerprint = key == null ? null
                : ApiKeySecrets.hash(request.getMethod() + " " + request.getRequestURI() + "\n" + body.toString());
        return new SubmitOptions(key == null ? null : key.trim(), fingerprint, deadline(request.getHeader(DEADLINE)));
    }

    private static Duration deadline(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim().toLowerCase(Locale.ROOT);
        try {
            Duration deadline = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value))
                    : DurationStyle.detectAndParse(value);
            if (deadline.compareTo(Duration.ofSeconds(1)) >= 0 && deadline.compareTo(MAX_DEADLINE) <= 0) {
                return deadline;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // falls through to the error below
        }
        throw new InvalidRequestException(DEADLINE,
                DEADLINE + " must be a duration between 1s and 7d, such as 90s, 10m or PT1H (got " + header + ")");
    }
}
