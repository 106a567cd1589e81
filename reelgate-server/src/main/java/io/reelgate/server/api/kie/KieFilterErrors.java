package io.reelgate.server.api.kie;

import io.reelgate.server.api.common.DatabaseUnavailable;
import io.reelgate.server.api.common.FilterErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Filter errors under {@code /api/} in the KIE envelope, with the HTTP status chosen by
 * {@code reelgate.api.error-http-status}; the upload host has its own envelope and wording (docs/kie-contract.md,
 * "Upload response"). A rate limit is the one KIE code answered with its real HTTP status.
 */
@Component
class KieFilterErrors implements FilterErrorWriter {

    static final String UNAUTHORIZED_MSG = "You do not have access permissions";

    private final EnvelopeResponses responses;
    private final ObjectMapper json;

    KieFilterErrors(EnvelopeResponses responses, ObjectMapper json) {
        this.responses = responses;
        this.json = json;
    }

    @Override
    public boolean owns(String path) {
        return path.startsWith("/api/");
    }

    @Override
    public void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, responses.httpStatus(401), 401, UploadEnvelope.UNAUTHORIZED_MSG, UNAUTHORIZED_MSG);
    }

    @Override
    public void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, responses.httpStatus(DatabaseUnavailable.CODE), DatabaseUnavailable.CODE,
                DatabaseUnavailable.MSG, DatabaseUnavailable.MSG);
    }

    @Override
    public void rateLimited(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        write(request, response, 429, 429, message, message);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, int code,
                       String uploadMsg, String msg) throws IOException {
        FilterErrorWriter.writeJson(json, response, status, UploadPaths.matches(request)
                ? UploadEnvelope.error(code, uploadMsg) : ApiEnvelope.error(code, msg));
    }
}
