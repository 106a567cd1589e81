package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard-Webhooks signatures as Replicate sends them: HMAC-SHA256 over {@code id.timestamp.body} keyed with the
 * base64-decoded part of {@code whsec_…}; {@code webhook-signature} lists {@code v1,<base64>} entries (any may match,
 * for key rotation); timestamps more than five minutes from now are refused either way.
 */
final class ReplicateWebhookVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Supplier<String> secret;
    private final Clock clock;

    ReplicateWebhookVerifier(Supplier<String> secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    void verify(Map<String, String> headers, byte[] body) {
        String id = required(headers, "webhook-id");
        String timestamp = required(headers, "webhook-timestamp");
        String signatures = required(headers, "webhook-signature");
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException("webhook-timestamp is not a number");
        }
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(TOLERANCE))) {
            throw new WebhookRejectedException("webhook-timestamp is too old");
        }
        if (sent.isAfter(now.plus(TOLERANCE))) {
            throw new WebhookRejectedException("webhook-timestamp is too new");
        }
        byte[] expected = sign(id + "." + timestamp.trim() + ".", body);
        for (String entry : signatures.trim().split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1") && matches(expected, entry.substring(comma + 1))) {
                return;
            }
        }
        throw new WebhookRejectedException("no webhook-signature matches");
    }

    private byte[] sign(String prefix, byte[] body) {
        String key = secret.get();
        try {
            byte[] keyBytes = Base64.getDecoder().decode(key.startsWith("whsec_") ? key.substring(6) : key);
            Mac hmacSha256 = Mac.getInstance("HmacSHA256");
            hmacSha256.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            hmacSha256.update(prefix.getBytes(StandardCharsets.UTF_8));
            return hmacSha256.doFinal(body);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the secret itself in the message
            throw new WebhookRejectedException("the Replicate webhook secret is not usable (" + e.getClass()
                    .getSimpleName() + ")");
        }
    }

    private static boolean matches(byte[] expected, String base64) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new WebhookRejectedException(name + " header missing");
        }
        return value;
    }
}
