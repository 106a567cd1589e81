package io.reelgate.server.api.kie.runway;

import io.reelgate.server.api.common.RateBudget;
import io.reelgate.server.api.common.RateLimitedRequests;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The KIE Runway and Aleph submits and status polls, each family's documented per-key budget. */
@Component
class KieRunwayRateLimits implements RateLimitedRequests {

    private static final Set<String> SUBMIT_PATHS = Set.of("/api/v1/runway/generate", "/api/v1/runway/extend",
            "/api/v1/aleph/generate");
    private static final Set<String> STATUS_PATHS = Set.of("/api/v1/runway/record-detail", "/api/v1/aleph/record-info");

    @Override
    public Optional<RateBudget> budgetOf(String method, String path) {
        if ("POST".equals(method) && SUBMIT_PATHS.contains(path)) {
            return Optional.of(RateBudget.SUBMIT);
        }
        if ("GET".equals(method) && STATUS_PATHS.contains(path)) {
            return Optional.of(RateBudget.STATUS);
        }
        return Optional.empty();
    }
}
