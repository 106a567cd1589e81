package io.reelgate.server.api.common;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON request body as a tree, so field rules (and their KIE field names) stay with the request parsers
 * rather than with Jackson's type errors. A missing Content-Type is tolerated, as some KIE clients omit it; any
 * other non-JSON type is refused. Bodies over the configured size are refused while reading.
 */
@Component
public class JsonBodyReader {

    private final ObjectMapper json;
    private final long maxBytes;

    JsonBodyReader(ObjectMapper json, ApiProperties properties) {
        this.json = json;
        this.maxBytes = properties.maxJsonBody().toBytes();
    }

    public JsonNode read(HttpServletRequest request) {
        return read(request, maxBytes);
    }

    /** For the one endpoint whose body is legitimately bigger (base64 uploads), with its own cap. */
    public JsonNode read(HttpServletRequest request, long maxBytes) {
        requireJsonContentType(request.getContentType());
        byte[] body = readLimited(request, maxBytes);
        if (body.length == 0) {
            throw new ApiException(400, "Request body is empty; send a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(400, "Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json")) {
                return;
            }
        } catch (InvalidMediaTypeException e) {
            // falls through to the error below
        }
        throw new ApiException(400, "Content-Type must be application/json (got " + contentType + ")");
    }

    private static byte[] readLimited(HttpServletRequest request, long maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new ApiException(400, "Request body is larger than " + maxBytes + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBytes + 1);
            if (body.length > maxBytes) {
                throw new ApiException(400, "Request body is larger than " + maxBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(400, "Request body could not be read");
        }
    }
}
