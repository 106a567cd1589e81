package io.reelgate.server.callback;

import io.reelgate.server.infra.DbTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-key webhook signing secrets in the Standard Webhooks form {@code whsec_<base64 of 32 random bytes>}. A
 * rotation keeps the previous secret signing beside the new one for an overlap period.
 */
@Component
public class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CallbackProperties properties;

    WebhookSecrets(JdbcClient jdbc, CallbackProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Sets a new secret (the old one, if any, keeps signing until the overlap ends) and returns it, once. */
    public Optional<String> rotate(String apiKeyId, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(bytes);
        int rows = jdbc.sql("""
                UPDATE api_key SET webhook_secret_previous = webhook_secret,
                                   webhook_secret_previous_until = :until, webhook_secret = :secret
                WHERE id = :id
                """)
                .param("id", apiKeyId)
                .param("secret", secret)
                .param("until", DbTime.of(now.plus(properties.secretOverlap())))
                .update();
        return rows == 1 ? Optional.of(secret) : Optional.empty();
    }

    /** The secrets that sign now, current first; empty when the key has none (callbacks go unsigned). */
    List<String> active(String apiKeyId, Instant now) {
        return jdbc.sql("""
                SELECT webhook_secret, webhook_secret_previous, webhook_secret_previous_until FROM api_key WHERE id = :id
                """)
                .param("id", apiKeyId)
                .query((rs, n) -> {
                    List<String> secrets = new ArrayList<>();
                    if (rs.getString(1) != null) {
                        secrets.add(rs.getString(1));
                    }
                    Instant until = DbTime.read(rs, "webhook_secret_previous_until");
                    if (rs.getString(2) != null && until != null && until.isAfter(now)) {
                        secrets.add(rs.getString(2));
                    }
                    return secrets;
                })
                .optional()
                .orElse(List.of());
    }
}
