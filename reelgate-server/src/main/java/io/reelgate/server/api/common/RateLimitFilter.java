package io.reelgate.server.api.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

    private final RequestRateLimiter limiter;
    private final List<RateLimitedRequests> limited;
    private final FilterErrors errors;

    RateLimitFilter(RequestRateLimiter limiter, List<RateLimitedRequests> limited, FilterErrors errors) {
        this.limiter = limiter;
        this.limited = List.copyOf(limited);
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return budgetOf(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object key = request.getAttribute(AuthenticatedKey.ATTRIBUTE);
        RateBudget kind = budgetOf(request).orElseThrow();
        if (key instanceof AuthenticatedKey authenticated) {
            OptionalLong waitNanos = limiter.tryAcquire(authenticated.id(), kind);
            if (waitNanos.isPresent()) {
                long seconds = (long) Math.ceil(waitNanos.getAsLong() / (double) TimeUnit.SECONDS.toNanos(1));
                reject(request, response, kind, Math.max(1, seconds));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, RateBudget kind,
                        long retryAfterSeconds) throws IOException {
        RateLimitProperties.Budget budget = limiter.budget(kind);
        String what = kind == RateBudget.SUBMIT ? "new generation requests" : "status requests";
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        errors.of(request).rateLimited(request, response, "Rate limit exceeded: at most " + budget.capacity() + " "
                + what + " per " + budget.period().toSeconds() + " seconds; retry after " + retryAfterSeconds + " s");
    }

    /** The budget the dialect owning the request spends on it, if any. */
    private Optional<RateBudget> budgetOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return limited.stream().map(requests -> requests.budgetOf(request.getMethod(), path))
                .flatMap(Optional::stream).findFirst();
    }
}
