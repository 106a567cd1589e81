package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.errors.AuthenticationException;
import io.reelgate.client.errors.InsufficientCreditsException;
import io.reelgate.client.errors.NotFoundException;
import io.reelgate.client.errors.RateLimitedException;
import io.reelgate.client.errors.ReelgateException;
import io.reelgate.client.errors.ServerException;
import io.reelgate.client.errors.ValidationException;
import io.reelgate.client.model.GenerateRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    private final FakeServer server = new FakeServer();
    private final ReelgateClient client = TestClients.builder(server, new FakeSleeper())
            .retryPolicy(RetryPolicy.none()).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "401, AuthenticationException",
            "402, InsufficientCreditsException",
            "404, NotFoundException",
            "422, ValidationException",
            "400, ValidationException",
            "429, RateLimitedException",
            "455, ServerException",
            "500, ServerException",
            "451, ServerException"})
    void theEnvelopeCodeDecidesTheTypeEvenUnderHttp200(int code, String type) {
        server.envelope(code, "told by the server", "null");

        assertThatThrownBy(client::credits)
                .isInstanceOf(ReelgateException.class)
                .satisfies(e -> {
                    ReelgateException r = (ReelgateException) e;
                    assertThat(r.getClass().getSimpleName()).isEqualTo(type);
                    assertThat(r.code()).isEqualTo(code);
                    assertThat(r.msg()).isEqualTo("told by the server");
                });
    }

    @Test
    void aValidationMessageNamingTheFieldIsKept() {
        server.envelope(422, "prompt is required", "null");

        assertThatThrownBy(() -> client.generate(GenerateRequest.builder("").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prompt is required");
    }

    @Test
    void theEnvelopeWinsOverARealHttpStatus() {
        server.answer(401, "{\"code\":401,\"msg\":\"Admin token required\",\"data\":null}", Map.of());

        assertThatThrownBy(client::credits).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anAnswerWithoutEnvelopeFallsBackToTheHttpStatus() {
        server.answer(502, "<html>Bad gateway</html>", Map.of());

        assertThatThrownBy(client::credits).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.code()).isEqualTo(502);
            assertThat(e.msg()).contains("Bad gateway");
        });
    }

    @Test
    void retryAfterIsReadFromTheHeader() {
        server.answer(429, "{\"code\":429,\"msg\":\"slow down\",\"data\":null}", Map.of("Retry-After", "7"));

        assertThatThrownBy(client::credits).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void asyncCallsFailWithTheSameTypes() {
        server.envelope(404, "Task not found: x", "null");

        assertThatThrownBy(() -> client.recordDetailAsync("x").join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void insufficientCreditsOnSubmit() {
        server.envelope(402, "Insufficient credits", "null");

        assertThatThrownBy(() -> client.generate(GenerateRequest.builder("p").aspectRatio("16:9").build()))
                .isInstanceOf(InsufficientCreditsException.class);
    }
}
