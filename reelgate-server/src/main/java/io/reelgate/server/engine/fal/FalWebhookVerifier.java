package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Checks fal's webhook signature (docs/engines.md, "fal: webhooks"): Ed25519 over
 * {@code request_id\nuser_id\ntimestamp\nhex(sha256(body))} with any key of fal's JWKS, timestamp within 300 s. The
 * JWKS is cached for 24 h and fetched again once when no cached key verifies (fal rotated its keys).
 */
final class FalWebhookVerifier {

    static final Duration MAX_SKEW = Duration.ofSeconds(300);
    static final Duration KEY_CACHE = Duration.ofHours(24);

    private final Supplier<String> jwks;
    private final Clock clock;
    private List<PublicKey> keys = List.of();
    private Instant fetchedAt = Instant.MIN;

    FalWebhookVerifier(Supplier<String> jwks, Clock clock) {
        this.jwks = jwks;
        this.clock = clock;
    }

    /** Returns when fal signed the delivery within the allowed window, else throws {@link WebhookRejectedException}. */
    void verify(Map<String, String> headers, byte[] body) {
        String requestId = required(headers, "x-fal-webhook-request-id");
        String userId = required(headers, "x-fal-webhook-user-id");
        String timestamp = required(headers, "x-fal-webhook-timestamp");
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(required(headers, "x-fal-webhook-signature").trim());
            long seconds = Long.parseLong(timestamp.trim());
            if (Math.abs(clock.instant().getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) {
                throw new WebhookRejectedException("fal webhook timestamp is outside the allowed window");
            }
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("fal webhook signature or timestamp is malformed");
        }
        byte[] message = (requestId + "\n" + userId + "\n" + timestamp.trim() + "\n" + sha256Hex(body))
                .getBytes(StandardCharsets.UTF_8);
        if (matches(cachedKeys(false), message, signature)) {
            return;
        }
        if (!matches(cachedKeys(true), message, signature)) {
            throw new WebhookRejectedException("fal webhook signature does not verify");
        }
    }

    private synchronized List<PublicKey> cachedKeys(boolean refresh) {
        Instant now = clock.instant();
        if (refresh || keys.isEmpty() || fetchedAt.plus(KEY_CACHE).isBefore(now)) {
            try {
                keys = parse(jwks.get());
                fetchedAt = now;
            } catch (RuntimeException e) {
                if (keys.isEmpty()) {
                    throw new WebhookRejectedException("fal's webhook keys could not be fetched", e);
                }
            }
        }
        return keys;
    }

    private static boolean matches(List<PublicKey> keys, byte[] message, byte[] signature) {
        for (PublicKey key : keys) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(message);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature for this key: try the next
            }
        }
        return false;
    }

    /** {@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":<base64url>}]}} → public keys (RFC 8037). */
    static List<PublicKey> parse(String json) {
        JsonNode root = FalClient.JSON.readTree(json);
        List<PublicKey> parsed = new ArrayList<>();
        for (JsonNode key : root.path("keys")) {
            if (!"OKP".equals(key.path("kty").asString("")) || !"Ed25519".equals(key.path("crv").asString(""))) {
                continue;
            }
            parsed.add(publicKey(Base64.getUrlDecoder().decode(key.path("x").asString(""))));
        }
        return List.copyOf(parsed);
    }

    /** Raw 32-byte Ed25519 key (little-endian y, top bit = x parity) → JDK key. */
    static PublicKey publicKey(byte[] raw) {
        try {
            byte[] reversed = new byte[raw.length];
            for (int i = 0; i < raw.length; i++) {
                reversed[i] = raw[raw.length - 1 - i];
            }
            boolean xOdd = (reversed[0] & 0x80) != 0;
            reversed[0] &= 0x7f;
            EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, reversed));
            return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 key", e);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new WebhookRejectedException("fal webhook without " + name);
        }
        return value;
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
