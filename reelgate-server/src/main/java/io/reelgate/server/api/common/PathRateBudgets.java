package io.reelgate.server.api.common;

import java.util.Optional;
import java.util.Set;

/** The usual split of a dialect's routes: POSTs to its submit paths spend SUBMIT, GETs of its status paths STATUS. */
public record PathRateBudgets(Set<String> submitPosts, Set<String> statusGets) implements RateLimitedRequests {

    public PathRateBudgets {
        submitPosts = Set.copyOf(submitPosts);
        statusGets = Set.copyOf(statusGets);
    }

    @Override
    public Optional<RateBudget> budgetOf(String method, String path) {
        if ("POST".equals(method) && submitPosts.contains(path)) {
            return Optional.of(RateBudget.SUBMIT);
        }
        if ("GET".equals(method) && statusGets.contains(path)) {
            return Optional.of(RateBudget.STATUS);
        }
        return Optional.empty();
    }
}
