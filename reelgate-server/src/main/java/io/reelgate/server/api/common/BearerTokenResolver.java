package io.reelgate.server.api.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the API key from {@code Authorization: Bearer <key>} (RFC 6750 §2.1). Only the header is read: keys in
 * query strings end up in access logs. A header sent twice or in another scheme counts as no key.
 */
public final class BearerTokenResolver {

    private static final String SCHEME = "bearer ";

    private BearerTokenResolver() {
    }

    public static Optional<String> resolve(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.size() != 1) {
            return Optional.empty();
        }
        String header = headers.get(0).trim();
        if (header.length() <= SCHEME.length() || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() || token.contains(" ") ? Optional.empty() : Optional.of(token);
    }
}
