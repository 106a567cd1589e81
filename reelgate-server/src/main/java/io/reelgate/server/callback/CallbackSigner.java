package io.reelgate.server.callback;

import io.reelgate.server.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signs a callback two ways at once:
 * <ul>
 * <li>KIE (docs/kie-contract.md, "Callback signatures"): {@code X-Webhook-Timestamp} = Unix seconds,
 * {@code X-Webhook-Signature} = Base64(HMAC-SHA256(key = the secret string's UTF-8 bytes, message = taskId + "." +
 * timestamp)), so receivers written for KIE verify Reelgate unchanged. It does not cover the body, hence the second
 * scheme.</li>
 * <li>Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} = space-separated
 * {@code v1,<Base64(HMAC-SHA256(key = Base64-decoded part after "whsec_", message = id.timestamp.body))>}, one per
 * active secret while a rotation overlaps.</li>
 * </ul>
 */
final class CallbackSigner {

    private CallbackSigner() {
    }

    static Map<String, String> headers(String webhookId, String taskId, String body, long timestamp, List<String> secrets) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        if (secrets.isEmpty()) {
            return headers;
        }
        headers.put("X-Webhook-Timestamp", Long.toString(timestamp));
        headers.put("X-Webhook-Signature", kieSignature(secrets.get(0), taskId, timestamp));
        headers.put("webhook-signature", secrets.stream()
                .map(secret -> "v1," + standardSignature(secret, webhookId, timestamp, body))
                .collect(Collectors.joining(" ")));
        return headers;
    }

    static String kieSignature(String secret, String taskId, long timestamp) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), taskId + "." + timestamp);
    }

    static String standardSignature(String secret, String webhookId, long timestamp, String body) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        return hmac(Base64.getDecoder().decode(encoded), webhookId + "." + timestamp + "." + body);
    }

    private static String hmac(byte[] key, String message) {
        return Base64.getEncoder().encodeToString(HmacSha256.sign(key, message));
    }
}
