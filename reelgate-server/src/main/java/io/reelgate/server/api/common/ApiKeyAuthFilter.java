package io.reelgate.server.api.common;

import io.reelgate.server.account.ApiKeyAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /api/**} and {@code /v1/**} (OpenAI-style) request by its bearer key and answers the documented 401 envelope when the
 * key is missing, unknown or disabled (the three look the same, so nothing leaks about which keys exist), written in
 * the error shape of the dialect that owns the path.
 */
@Component
@Order(ApiKeyAuthFilter.ORDER)
class ApiKeyAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthFilter.class);
    static final int ORDER = 0;

    private final ApiKeyAuthenticator keys;
    private final FilterErrors errors;

    ApiKeyAuthFilter(ApiKeyAuthenticator keys, FilterErrors errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") && !path.startsWith("/v1/") && !path.equals("/v1");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKeyAuthenticator.KeyIdentity> key;
        try {
            key = BearerTokenResolver.resolve(request).flatMap(keys::authenticate);
        } catch (RuntimeException e) {
            // thrown here, before any controller, it would bypass the dialect's advice and get Spring's error JSON
            if (!DatabaseUnavailable.is(e)) {
                throw e;
            }
            log.warn("Database unavailable while authenticating {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            errors.of(request).databaseUnavailable(request, response);
            return;
        }
        if (key.isEmpty()) {
            errors.of(request).unauthorized(request, response);
            return;
        }
        request.setAttribute(AuthenticatedKey.ATTRIBUTE, new AuthenticatedKey(key.get().id(), key.get().name()));
        chain.doFilter(request, response);
    }
}
