package io.reelgate.server.api.kie.veo;

import io.reelgate.server.api.common.PathRateBudgets;
import io.reelgate.server.api.common.RateBudget;
import io.reelgate.server.api.common.RateLimitedRequests;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Generate, extend and 4K spend the submit budget; record-info and the 1080p poll the status budget. */
@Component
class KieVeoRateLimits implements RateLimitedRequests {

    private final PathRateBudgets paths = new PathRateBudgets(
            Set.of(VeoController.GENERATE, VeoController.EXTEND, VeoController.FOUR_K),
            Set.of(VeoController.RECORD_INFO, VeoController.FULL_HD));

    @Override
    public Optional<RateBudget> budgetOf(String method, String path) {
        return paths.budgetOf(method, path);
    }
}
