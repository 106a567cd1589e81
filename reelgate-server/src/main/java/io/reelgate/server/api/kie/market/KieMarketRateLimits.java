package io.reelgate.server.api.kie.market;

import io.reelgate.server.api.common.RateBudget;
import io.reelgate.server.api.common.RateLimitedRequests;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The Market createTask and recordInfo, spending the submit and status budgets as the KIE families do. */
@Component
class KieMarketRateLimits implements RateLimitedRequests {

    private static final String SUBMIT_PATH = "/api/v1/jobs/createTask";
    private static final String STATUS_PATH = "/api/v1/jobs/recordInfo";

    @Override
    public Optional<RateBudget> budgetOf(String method, String path) {
        if ("POST".equals(method) && SUBMIT_PATH.equals(path)) {
            return Optional.of(RateBudget.SUBMIT);
        }
        if ("GET".equals(method) && STATUS_PATH.equals(path)) {
            return Optional.of(RateBudget.STATUS);
        }
        return Optional.empty();
    }
}
