package io.reelgate.server.api.kie;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** The KIE File Upload API paths, which answer in the upload host's own envelope ({@link UploadEnvelope}). */
final class UploadPaths {

    static final String STREAM = "/api/file-stream-upload";
    static final String URL = "/api/file-url-upload";
    static final String BASE64 = "/api/file-base64-upload";
    private static final Set<String> ALL = Set.of(STREAM, URL, BASE64);

    private UploadPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) && ALL.contains(uri.substring(context.length()));
    }
}
