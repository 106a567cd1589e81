package io.reelgate.server.api.common;

import java.util.Optional;

/** Which of one dialect's requests spend a per-key rate budget: its submits and its status polls. */
public interface RateLimitedRequests {

    /** The budget the request spends, empty when it spends none; {@code path} is without the context path. */
    Optional<RateBudget> budgetOf(String method, String path);
}
