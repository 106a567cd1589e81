package io.reelgate.server.api.kie.veo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.api.common.RateBudget;
import org.junit.jupiter.api.Test;

/** Generate, extend and 4K are new work; record-info and the 1080p poll are status reads; nothing else spends. */
class KieVeoRateLimitsTest {

    private final KieVeoRateLimits limits = new KieVeoRateLimits();

    @Test
    void submitsAndPollsSpendTheirBudgets() {
        assertThat(limits.budgetOf("POST", "/api/v1/veo/generate")).contains(RateBudget.SUBMIT);
        assertThat(limits.budgetOf("POST", "/api/v1/veo/extend")).contains(RateBudget.SUBMIT);
        assertThat(limits.budgetOf("POST", "/api/v1/veo/get-4k-video")).contains(RateBudget.SUBMIT);
        assertThat(limits.budgetOf("GET", "/api/v1/veo/record-info")).contains(RateBudget.STATUS);
        assertThat(limits.budgetOf("GET", "/api/v1/veo/get-1080p-video")).contains(RateBudget.STATUS);
    }

    @Test
    void otherMethodsAndPathsSpendNothing() {
        assertThat(limits.budgetOf("GET", "/api/v1/veo/generate")).isEmpty();
        assertThat(limits.budgetOf("POST", "/api/v1/veo/record-info")).isEmpty();
        assertThat(limits.budgetOf("POST", "/api/v1/api/v1/veo/generate")).isEmpty();
    }
}
