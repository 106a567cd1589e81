package io.reelgate.server.api.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

/**
 * How one wire dialect writes the errors that filters answer before any controller (and so any controller advice)
 * runs. The filters decide that a request is refused; the dialect owning the path decides the body and the HTTP
 * status, so a dialect with its own error shape can live beside the KIE envelope.
 */
public interface FilterErrorWriter {

    /** Whether this dialect owns the path (the request URI without the context path), e.g. everything under /api/. */
    boolean owns(String path);

    /** The bearer key is missing, unknown or disabled. */
    void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** The database could not be reached while authenticating (see {@link DatabaseUnavailable}). */
    void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** Over a rate budget; {@code Retry-After} is already set, {@code message} says which budget and for how long. */
    void rateLimited(HttpServletRequest request, HttpServletResponse response, String message) throws IOException;

    /** The one form of every dialect's filter error: {@code body} as UTF-8 JSON with the HTTP {@code status}. */
    static void writeJson(ObjectMapper json, HttpServletResponse response, int status, Object body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
