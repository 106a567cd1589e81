package io.reelgate.server.api.admin;

import static io.reelgate.server.testsupport.SliceRequests.get;
import static io.reelgate.server.testsupport.SliceRequests.kieError;
import static io.reelgate.server.testsupport.SliceRequests.postJson;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.reelgate.server.account.ApiKeyService;
import io.reelgate.server.account.KeyNotFoundException;
import io.reelgate.server.callback.WebhookSecrets;
import io.reelgate.server.testsupport.ApiSlice;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin key endpoints' field rules and errors, on a web slice with the key service mocked. The admin-token
 * filter is left out of the slice (see {@link ApiSlice}).
 */
@ApiSlice(AdminKeysController.class)
@Import(AdminKeysControllerSliceTest.FixedClock.class)
class AdminKeysControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiKeyService keys;

    @MockitoBean
    WebhookSecrets webhookSecrets;

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("/admin/api/keys", "{\"credits\":10}", "name is required (at most 200 characters)"),
                Arguments.of("/admin/api/keys", "{\"name\":\"" + "n".repeat(201) + "\"}",
                        "name is required (at most 200 characters)"),
                Arguments.of("/admin/api/keys", "{\"name\":42}", "name must be a string"),
                Arguments.of("/admin/api/keys", "{\"name\":\"k\",\"credits\":-1}", "credits must not be negative"),
                Arguments.of("/admin/api/keys", "{\"name\":\"k\",\"credits\":1.5}", "credits must be a whole number"),
                Arguments.of("/admin/api/keys/k-1/credits", "{\"note\":\"gift\"}", "amount is required"),
                Arguments.of("/admin/api/keys/k-1/credits", "{\"amount\":\"ten\"}", "amount must be a whole number"));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("invalidBodies")
    void anInvalidFieldAnswers422NamingItWithoutReachingTheKeyService(String path, String body, String msg)
            throws Exception {
        mvc.perform(postJson(path, body)).andExpect(kieError(422, msg));
        verifyNoInteractions(keys);
    }

    @Test
    void anUnknownKeyAnswers404() throws Exception {
        when(keys.adjustCredits(any(), anyLong(), any())).thenThrow(new KeyNotFoundException("k-9"));
        when(webhookSecrets.rotate(any(), any())).thenReturn(Optional.empty());

        mvc.perform(postJson("/admin/api/keys/k-9/credits", "{\"amount\":5}"))
                .andExpect(kieError(404, "API key not found: k-9"));
        mvc.perform(postJson("/admin/api/keys/k-9/webhook-secret", ""))
                .andExpect(kieError(404, "API key not found: k-9"));
    }

    @Test
    void aLedgerLimitThatIsNotANumberAnswers422() throws Exception {
        mvc.perform(get("/admin/api/keys/k-1/ledger?limit=all")).andExpect(kieError(422, "limit must be a whole number"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
        }
    }
}
