package io.reelgate.server.api.openai;

import io.reelgate.server.api.common.RateBudget;
import io.reelgate.server.api.common.RateLimitedRequests;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Create and remix spend the submit budget; retrieve, list and content downloads the status budget. */
@Component
class OpenAiRateLimits implements RateLimitedRequests {

    private static final String VIDEOS = "/v1/videos";

    @Override
    public Optional<RateBudget> budgetOf(String method, String path) {
        if (!path.equals(VIDEOS) && !path.startsWith(VIDEOS + "/")) {
            return Optional.empty();
        }
        String rest = path.substring(VIDEOS.length());
        if ("POST".equals(method) && (rest.isEmpty() || rest.endsWith("/remix"))) {
            return Optional.of(RateBudget.SUBMIT);
        }
        if ("GET".equals(method)) {
            return Optional.of(RateBudget.STATUS);
        }
        return Optional.empty();
    }
}
