package io.reelgate.server.api.openai;

import io.reelgate.server.api.common.JsonBodyReader;
import io.reelgate.server.storage.FileUrls;
import io.reelgate.server.upload.StoredUpload;
import io.reelgate.server.upload.UploadService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code POST /v1/videos} in both encodings the SDKs send (docs/compatibility.md, "OpenAI /v1/videos"): JSON,
 * and multipart, which Node SDK 6.28+ always sends. {@code input_reference} may be a file part (stored through the
 * upload service, so the engine fetches it by URL like any other image), {@code input_reference[image_url]}, or in
 * JSON an object {@code {"image_url": …}} or a plain URL string.
 */
@Component
class VideoFormReader {

    private static final String UPLOAD_PATH = "openai-input-references";

    private final JsonBodyReader bodies;
    private final UploadService uploads;
    private final FileUrls urls;
    private final ObjectMapper json;

    VideoFormReader(JsonBodyReader bodies, UploadService uploads, FileUrls urls, ObjectMapper json) {
        this.bodies = bodies;
        this.uploads = uploads;
        this.urls = urls;
        this.json = json;
    }

    VideoForm read(HttpServletRequest request, String apiKeyId) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        return multipart != null ? multipart(multipart, apiKeyId) : json(bodies.read(request));
    }

    /** The remix body: {@code {"prompt": …}} as JSON or multipart. */
    String remixPrompt(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        String prompt = multipart != null ? multipart.getParameter("prompt")
                : text(bodies.read(request).path("prompt"), "prompt");
        return requirePrompt(prompt);
    }

    private VideoForm json(JsonNode body) {
        if (!body.isObject()) {
            throw VideoRequestException.invalid(null, "The request body must be a JSON object");
        }
        JsonNode reference = body.path("input_reference");
        String referenceUrl = reference.isObject() ? reference(text(reference.path("image_url"), "input_reference"),
                text(reference.path("file_id"), "input_reference")) : text(reference, "input_reference");
        Map<String, Object> extras = new LinkedHashMap<>();
        body.properties().stream().filter(field -> !VideoForm.OPENAI_FIELDS.contains(field.getKey()))
                .forEach(field -> extras.put(field.getKey(), json.treeToValue(field.getValue(), Object.class)));
        return new VideoForm(requirePrompt(text(body.path("prompt"), "prompt")), text(body.path("model"), "model"),
                seconds(body.path("seconds")), text(body.path("size"), "size"), referenceUrl, extras, body);
    }

    private VideoForm multipart(MultipartHttpServletRequest request, String apiKeyId) {
        ObjectNode received = json.createObjectNode();
        request.getParameterMap().forEach((name, values) -> received.put(name, values.length > 0 ? values[0] : null));
        MultipartFile file = request.getFile("input_reference");
        String referenceUrl;
        if (file != null && !file.isEmpty()) {
            received.put("input_reference", "file:" + file.getOriginalFilename() + ":" + file.getSize());
            referenceUrl = stored(apiKeyId, file);
        } else {
            referenceUrl = reference(blankToNull(request.getParameter("input_reference[image_url]")),
                    blankToNull(request.getParameter("input_reference[file_id]")));
            if (referenceUrl == null) {
                referenceUrl = blankToNull(request.getParameter("input_reference"));
            }
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!VideoForm.OPENAI_FIELDS.contains(name) && !name.contains("[") && values.length > 0) {
                extras.put(name, values[0]);
            }
        });
        return new VideoForm(requirePrompt(request.getParameter("prompt")), blankToNull(request.getParameter("model")),
                blankToNull(request.getParameter("seconds")), blankToNull(request.getParameter("size")), referenceUrl,
                extras, received);
    }

    private String stored(String apiKeyId, MultipartFile file) {
        String extension = extension(file.getOriginalFilename(), file.getContentType());
        StoredUpload upload = uploads.storeStream(apiKeyId, UPLOAD_PATH, UUID.randomUUID() + extension,
                file.getContentType(), file::getInputStream);
        return urls.publicUrl(upload.blobKey());
    }

    private static String extension(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        for (String known : new String[] {".png", ".jpg", ".jpeg", ".webp"}) {
            if (name.endsWith(known)) {
                return known;
            }
        }
        return switch (contentType == null ? "" : contentType.toLowerCase(Locale.ROOT)) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }

    /** File ids name files of OpenAI's Files API, which this server does not have. */
    private static String reference(String imageUrl, String fileId) {
        if (fileId != null && imageUrl == null) {
            throw VideoRequestException.invalid("input_reference", "input_reference.file_id is not supported by this "
                    + "server; send the image as a file or input_reference.image_url");
        }
        return imageUrl;
    }

    private static String requirePrompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new VideoRequestException(OpenAiError.invalid("prompt", "missing_required_parameter",
                    "Missing required parameter: 'prompt'."));
        }
        return prompt;
    }

    /** OpenAI's enum is strings; integers are accepted too, since clients send {@code seconds: 8} (not 8.5). */
    private static String seconds(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        return text(node, "seconds");
    }

    private static String text(JsonNode node, String param) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw VideoRequestException.invalid(param, "Invalid type for '" + param + "': expected a string.");
        }
        return blankToNull(node.asString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
