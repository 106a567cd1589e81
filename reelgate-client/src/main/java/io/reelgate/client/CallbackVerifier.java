package io.reelgate.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies callbacks sent by Reelgate (or KIE.AI). Two schemes:
 * <ul>
 * <li>{@link #kie(String)}: KIE's {@code X-Webhook-Timestamp} and {@code X-Webhook-Signature} =
 * Base64(HMAC-SHA256(secret, taskId + "." + timestamp)). It does not cover the body.</li>
 * <li>{@link #standardWebhooks(String...)}: the Standard Webhooks headers {@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature} over {@code id.timestamp.body}; pass every secret you
 * accept while rotating.</li>
 * </ul>
 * Both refuse timestamps further than the tolerance (default 5 minutes) from now, so a captured callback cannot be
 * replayed later. Header names are matched case-insensitively.
 */
public final class CallbackVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private enum Scheme { KIE, STANDARD }

    private final Scheme scheme;
    private final List<String> secrets;
    private final Duration tolerance;
    private final Clock clock;

    private CallbackVerifier(Scheme scheme, List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        this.scheme = scheme;
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public static CallbackVerifier kie(String secret) {
        return new CallbackVerifier(Scheme.KIE, List.of(secret), Duration.ofMinutes(5), Clock.systemUTC());
    }

    public static CallbackVerifier standardWebhooks(String... secrets) {
        return new CallbackVerifier(Scheme.STANDARD, List.of(secrets), Duration.ofMinutes(5), Clock.systemUTC());
    }

    public CallbackVerifier withTolerance(Duration tolerance) {
        return new CallbackVerifier(scheme, secrets, tolerance, clock);
    }

    public CallbackVerifier withClock(Clock clock) {
        return new CallbackVerifier(scheme, secrets, tolerance, clock);
    }

    /**
     * @param headers the request headers (first value of each)
     * @param body    the raw request body, exactly as received
     * @throws CallbackVerificationException when the callback must not be trusted
     */
    public void verify(Map<String, String> headers, String body) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        if (scheme == Scheme.KIE) {
            long timestamp = timestamp(h.get("X-Webhook-Timestamp"));
            String expected = hmac(secrets.get(0).getBytes(StandardCharsets.UTF_8), taskId(body) + "." + timestamp);
            if (!constantTimeEquals(expected, required(h, "X-Webhook-Signature"))) {
                throw new CallbackVerificationException("X-Webhook-Signature does not match");
            }
            return;
        }
        String id = required(h, "webhook-id");
        long timestamp = timestamp(h.get("webhook-timestamp"));
        String signatures = required(h, "webhook-signature");
        for (String secret : secrets) {
            String expected = hmac(keyBytes(secret), id + "." + timestamp + "." + body);
            for (String presented : signatures.split(" ")) {
                if (presented.startsWith("v1,") && constantTimeEquals(expected, presented.substring(3))) {
                    return;
                }
            }
        }
        throw new CallbackVerificationException("no webhook-signature matches");
    }

    private long timestamp(String header) {
        if (header == null) {
            throw new CallbackVerificationException("timestamp header missing");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new CallbackVerificationException("timestamp header is not a number");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > tolerance.toSeconds()) {
            throw new CallbackVerificationException("timestamp outside the tolerance of " + tolerance);
        }
        return timestamp;
    }

    /** Runway callbacks carry {@code data.task_id}; Aleph callbacks a top-level {@code taskId}; Market {@code data.taskId}. */
    private static String taskId(String body) {
        JsonNode root = JSON.readTree(body);
        JsonNode id = root.path("data").path("task_id");
        if (id.isMissingNode() || id.isNull()) {
            id = root.path("taskId");
        }
        if (id.isMissingNode() || id.isNull()) {
            id = root.path("data").path("taskId");
        }
        if (id.isMissingNode() || id.isNull()) {
            throw new CallbackVerificationException("no task id in the callback body");
        }
        return id.asString();
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new CallbackVerificationException(name.toLowerCase(Locale.ROOT) + " header missing");
        }
        return value.trim();
    }

    private static byte[] keyBytes(String secret) {
        return Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
    }

    private static String hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
