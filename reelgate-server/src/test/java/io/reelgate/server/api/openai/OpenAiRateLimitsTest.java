package io.reelgate.server.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.api.common.RateBudget;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiRateLimitsTest {

    private final OpenAiRateLimits limits = new OpenAiRateLimits();

    @Test
    void createsAndRemixesSpendTheSubmitBudgetAndReadsTheStatusBudget() {
        assertThat(limits.budgetOf("POST", "/v1/videos")).contains(RateBudget.SUBMIT);
        assertThat(limits.budgetOf("POST", "/v1/videos/video_1/remix")).contains(RateBudget.SUBMIT);
        assertThat(limits.budgetOf("GET", "/v1/videos")).contains(RateBudget.STATUS);
        assertThat(limits.budgetOf("GET", "/v1/videos/video_1")).contains(RateBudget.STATUS);
        assertThat(limits.budgetOf("GET", "/v1/videos/video_1/content")).contains(RateBudget.STATUS);
    }

    @Test
    void deletesAndOtherPathsSpendNothing() {
        assertThat(limits.budgetOf("DELETE", "/v1/videos/video_1")).isEqualTo(Optional.empty());
        assertThat(limits.budgetOf("GET", "/v1/videosx")).isEmpty();
        assertThat(limits.budgetOf("POST", "/api/v1/jobs/createTask")).isEmpty();
    }
}
