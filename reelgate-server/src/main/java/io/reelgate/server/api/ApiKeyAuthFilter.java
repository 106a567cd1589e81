package io.reelgate.server.api;

import io.reelgate.server.account.ApiKeyAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Authenticates every {@code /api/**} request by its bearer key and answers the documented 401 envelope when the
 * key is missing, unknown or disabled (the three look the same, so nothing leaks about which keys exist).
 */
@Component
@Order(ApiKeyAuthFilter.ORDER)
class ApiKeyAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthFilter.class);
    static final int ORDER = 0;
    static final String UNAUTHORIZED_MSG = "You do not have access permissions";

    private final ApiKeyAuthenticator keys;
    private final EnvelopeResponses responses;
    private final ObjectMapper json;

    ApiKeyAuthFilter(ApiKeyAuthenticator keys, EnvelopeResponses responses, ObjectMapper json) {
        this.keys = keys;
        this.responses = responses;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKeyAuthenticator.KeyIdentity> key;
        try {
            key = BearerTokenResolver.resolve(request).flatMap(keys::authenticate);
        } catch (RuntimeException e) {
            // thrown here, before any controller, it would bypass ApiExceptionHandler and get Spring's error JSON
            if (!DatabaseUnavailable.is(e)) {
                throw e;
            }
            log.warn("Database unavailable while authenticating {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            reject(request, response, DatabaseUnavailable.CODE, DatabaseUnavailable.MSG, DatabaseUnavailable.MSG);
            return;
        }
        if (key.isEmpty()) {
            reject(request, response, 401, UploadEnvelope.UNAUTHORIZED_MSG, UNAUTHORIZED_MSG);
            return;
        }
        request.setAttribute(AuthenticatedKey.ATTRIBUTE, new AuthenticatedKey(key.get().id(), key.get().name()));
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, int code, String uploadMsg, String msg)
            throws IOException {
        response.setStatus(responses.httpStatus(code));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // the upload host has its own envelope and wording (docs/kie-contract.md, "Upload response")
        json.writeValue(response.getOutputStream(), UploadPaths.matches(request)
                ? UploadEnvelope.error(code, uploadMsg) : ApiEnvelope.error(code, msg));
    }
}
