package io.reelgate.server.api.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the per-key budgets after authentication. Over budget: {@code Retry-After} in whole seconds and the error
 * of the dialect that owns the path (KIE: code 429 with a real HTTP 429). The request is not queued.
 */
@Component
@Order(ApiKeyAuthFilter.ORDER + 10)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> SUBMIT_PATHS = Set.of("/api/v1/runway/generate", "/api/v1/runway/extend",
            "/api/v1/aleph/generate");
    private static final Set<String> STATUS_PATHS = Set.of("/api/v1/runway/record-detail", "/api/v1/aleph/record-info");

    private final RequestRateLimiter limiter;
    private final FilterErrors errors;

    RateLimitFilter(RequestRateLimiter limiter, FilterErrors errors) {
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return kind(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object key = request.getAttribute(AuthenticatedKey.ATTRIBUTE);
        RequestRateLimiter.Kind kind = kind(request);
        if (key instanceof AuthenticatedKey authenticated) {
            OptionalLong waitNanos = limiter.tryAcquire(authenticated.id(), kind);
            if (waitNanos.isPresent()) {
                reject(request, response, kind, Math.max(1, (long) Math.ceil(waitNanos.getAsLong() / (double) TimeUnit.SECONDS.toNanos(1))));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, RequestRateLimiter.Kind kind, long retryAfterSeconds)
            throws IOException {
        RateLimitProperties.Budget budget = limiter.budget(kind);
        String what = kind == RequestRateLimiter.Kind.SUBMIT ? "new generation requests" : "status requests";
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        errors.of(request).rateLimited(request, response, "Rate limit exceeded: at most " + budget.capacity() + " "
                + what + " per " + budget.period().toSeconds() + " seconds; retry after " + retryAfterSeconds + " s");
    }

    private static RequestRateLimiter.Kind kind(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && SUBMIT_PATHS.contains(path)) {
            return RequestRateLimiter.Kind.SUBMIT;
        }
        if ("GET".equals(request.getMethod()) && STATUS_PATHS.contains(path)) {
            return RequestRateLimiter.Kind.STATUS;
        }
        return null;
    }
}
