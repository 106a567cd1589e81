package io.reelgate.server.api.kie;

import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.JsonBodyReader;
import io.reelgate.server.api.common.PublicUrls;
import io.reelgate.server.api.openapi.KieExamples;
import io.reelgate.server.api.openapi.KieSchemas;
import io.reelgate.server.upload.StoredUpload;
import io.reelgate.server.upload.UploadProperties;
import io.reelgate.server.upload.UploadService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.JsonNode;

/**
 * The KIE File Upload API (docs/kie-contract.md, "File Upload API"): stream (multipart), URL and base64 uploads,
 * answered in the upload host's envelope. Parts and fields are read by hand rather than bound, so a missing one gets
 * KIE's {@code Missing required parameter: …} instead of a framework message.
 */
@RestController
@Tag(name = "File upload (KIE)", description = "Temporary files to pass on as imageUrl / videoUrl")
class UploadController {

    private final UploadService uploads;
    private final JsonBodyReader bodies;
    private final PublicUrls urls;
    private final IdempotentUploads idempotent;
    private final long base64BodyLimit;

    UploadController(UploadService uploads, JsonBodyReader bodies, PublicUrls urls, IdempotentUploads idempotent,
                     UploadProperties properties) {
        this.uploads = uploads;
        this.bodies = bodies;
        this.urls = urls;
        this.idempotent = idempotent;
        this.base64BodyLimit = properties.base64BodyLimit();
    }

    @PostMapping(UploadPaths.STREAM)
    @Operation(summary = "Upload a file (multipart stream)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = KieSchemas.StreamUploadForm.class))))
    @ApiResponse(responseCode = "200", description = "The stored file, or success false with an error code",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.UploadEnvelope.class),
                    examples = {@ExampleObject(name = "uploaded", value = KieExamples.UPLOAD_RESPONSE),
                            @ExampleObject(name = "missing uploadPath", value = KieExamples.UPLOAD_ERROR)}))
    UploadEnvelope<UploadView> stream(HttpServletRequest request,
                                      @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            throw new ApiException(400, "Content-Type must be multipart/form-data");
        }
        MultipartFile file = multipart.getFile("file");
        return idempotent.run(request, key.id(), IdempotentUploads.fingerprint(multipart, file), () -> answer(
                uploads.storeStream(key.id(), multipart.getParameter("uploadPath"), multipart.getParameter("fileName"),
                        file == null ? null : file.getContentType(), file == null ? null : file::getInputStream)));
    }

    @PostMapping(UploadPaths.URL)
    @Operation(summary = "Upload a file from a URL",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = KieSchemas.FileUrlUploadRequest.class),
                    examples = @ExampleObject(name = "url", value = KieExamples.FILE_URL_UPLOAD_REQUEST))))
    @ApiResponse(responseCode = "200", description = "The stored file, or success false with an error code",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.UploadEnvelope.class),
                    examples = @ExampleObject(name = "uploaded", value = KieExamples.UPLOAD_RESPONSE)))
    UploadEnvelope<UploadView> url(HttpServletRequest request,
                                   @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return json(request, key, bodies.read(request), "fileUrl", uploads::storeFromUrl);
    }

    @PostMapping(UploadPaths.BASE64)
    @Operation(summary = "Upload a base64-encoded file",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = KieSchemas.Base64UploadRequest.class),
                    examples = @ExampleObject(name = "base64", value = KieExamples.BASE64_UPLOAD_REQUEST))))
    @ApiResponse(responseCode = "200", description = "The stored file, or success false with an error code",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.UploadEnvelope.class),
                    examples = @ExampleObject(name = "uploaded", value = KieExamples.UPLOAD_RESPONSE)))
    UploadEnvelope<UploadView> base64(HttpServletRequest request,
                                      @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        // base64 files are up to max-base64-bytes, far beyond the 1 MB JSON cap of the other endpoints
        return json(request, key, bodies.read(request, base64BodyLimit), "base64Data", uploads::storeBase64);
    }

    /** A JSON upload: the file comes from {@code sourceField}; a replay is recognised by the whole body. */
    private UploadEnvelope<UploadView> json(HttpServletRequest request, AuthenticatedKey key, JsonNode body,
                                            String sourceField, JsonStore store) {
        return idempotent.run(request, key.id(), body.toString(), () -> answer(store.store(key.id(),
                text(body, "uploadPath"), text(body, "fileName"), text(body, sourceField))));
    }

    /** {@link UploadService#storeFromUrl} or {@link UploadService#storeBase64}. */
    @FunctionalInterface
    private interface JsonStore {
        StoredUpload store(String owner, String uploadPath, String fileName, String source);
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
