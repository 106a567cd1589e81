package io.reelgate.server.api;

import io.reelgate.server.upload.StoredUpload;
import io.reelgate.server.upload.UploadProperties;
import io.reelgate.server.upload.UploadService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.JsonNode;

/**
 * The KIE File Upload API (spec §10): stream (multipart), URL and base64 uploads, answered in the upload host's
 * envelope. Parts and fields are read by hand rather than bound, so a missing one gets KIE's
 * {@code Missing required parameter: …} instead of a framework message.
 */
@RestController
class UploadController {

    private final UploadService uploads;
    private final JsonBodyReader bodies;
    private final PublicUrls urls;
    private final long base64BodyLimit;

    UploadController(UploadService uploads, JsonBodyReader bodies, PublicUrls urls, UploadProperties properties) {
        this.uploads = uploads;
        this.bodies = bodies;
        this.urls = urls;
        this.base64BodyLimit = properties.base64BodyLimit();
    }

    @PostMapping(UploadPaths.STREAM)
    UploadEnvelope<UploadView> stream(HttpServletRequest request,
                                      @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            throw new ApiException(400, "Content-Type must be multipart/form-data");
        }
        MultipartFile file = multipart.getFile("file");
        StoredUpload stored = uploads.storeStream(key.id(), multipart.getParameter("uploadPath"),
                multipart.getParameter("fileName"), file == null ? null : file.getContentType(),
                file == null ? null : file::getInputStream);
        return answer(stored);
    }

    @PostMapping(UploadPaths.URL)
    UploadEnvelope<UploadView> url(HttpServletRequest request,
                                   @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        JsonNode body = bodies.read(request);
        return answer(uploads.storeFromUrl(key.id(), text(body, "uploadPath"), text(body, "fileName"),
                text(body, "fileUrl")));
    }

    @PostMapping(UploadPaths.BASE64)
    UploadEnvelope<UploadView> base64(HttpServletRequest request,
                                      @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        // base64 files are up to max-base64-bytes, far beyond the 1 MB JSON cap of the other endpoints
        JsonNode body = bodies.read(request, base64BodyLimit);
        return answer(uploads.storeBase64(key.id(), text(body, "uploadPath"), text(body, "fileName"),
                text(body, "base64Data")));
    }

    private UploadEnvelope<UploadView> answer(StoredUpload stored) {
        return UploadEnvelope.success(UploadView.of(stored, urls));
    }

    /** A string field, or null when absent or JSON null; any other JSON type is refused naming the field. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ApiException(400, field + " must be a string");
        }
        return value.asString();
    }
}
