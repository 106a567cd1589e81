package io.reelgate.server.callback;

import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundRefusedException;
import io.reelgate.server.task.InvalidRequestException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-key webhook endpoints, for dialects whose contract configures webhooks per account rather than per request
 * (OpenAI's {@code video.completed}): a task such a dialect creates takes the key's endpoint as its callback URL.
 * The outbound guard checks the URL when it is set, so a refused address is never stored.
 */
@Component
public class WebhookEndpoints {

    private final JdbcClient jdbc;
    private final OutboundGuard guard;

    WebhookEndpoints(JdbcClient jdbc, OutboundGuard guard) {
        this.jdbc = jdbc;
        this.guard = guard;
    }

    /** Sets the key's endpoint; false when the key does not exist. */
    public boolean set(String apiKeyId, String url) {
        requireAllowed(url);
        return update(apiKeyId, url);
    }

    /** Removes the key's endpoint; false when the key does not exist. */
    public boolean clear(String apiKeyId) {
        return update(apiKeyId, null);
    }

    public Optional<String> of(String apiKeyId) {
        return jdbc.sql("SELECT webhook_url FROM api_key WHERE id = :id").param("id", apiKeyId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(url -> url);
    }

    private boolean update(String apiKeyId, String url) {
        return jdbc.sql("UPDATE api_key SET webhook_url = :url WHERE id = :id").param("id", apiKeyId)
                .param("url", url).update() == 1;
    }

    private void requireAllowed(String url) {
        URI uri;
        try {
            uri = url == null || url.length() > 2048 ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidRequestException("url", "url must be an http(s) URL of at most 2048 characters");
        }
        try {
            guard.check(uri);
        } catch (OutboundRefusedException e) {
            throw new InvalidRequestException("url", "url is not allowed: " + e.getMessage());
        }
    }
}
