package io.reelgate.server.api.openai;

import io.reelgate.server.api.common.FilterErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Filter errors under {@code /v1/} as OpenAI answers them: real HTTP statuses and the error object, so the SDKs
 * raise {@code AuthenticationError} (401) and {@code RateLimitError} (429, with the {@code Retry-After} the rate
 * limit filter set, which the SDKs honour).
 */
@Component
class OpenAiFilterErrors implements FilterErrorWriter {

    static final String UNAUTHORIZED_MSG = "Incorrect API key provided. You can find your API key in your Reelgate "
            + "operator's console.";

    private final ObjectMapper json;

    OpenAiFilterErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean owns(String path) {
        return path.startsWith("/v1/") || path.equals("/v1");
    }

    @Override
    public void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, new OpenAiError(401, OpenAiError.INVALID_REQUEST, "invalid_api_key", null, UNAUTHORIZED_MSG));
    }

    @Override
    public void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, VideoErrorAdvice.DATABASE_UNAVAILABLE);
    }

    @Override
    public void rateLimited(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        write(response, new OpenAiError(429, "requests", "rate_limit_exceeded", null, message));
    }

    private void write(HttpServletResponse response, OpenAiError error) throws IOException {
        FilterErrorWriter.writeJson(json, response, error.status(), error.body());
    }
}
