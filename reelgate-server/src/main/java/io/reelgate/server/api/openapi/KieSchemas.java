package io.reelgate.server.api.openapi;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Schema-only types of the KIE endpoints for the OpenAPI document. The controllers read JSON by hand
 * ({@code JsonBodyReader}) and answer generic envelopes, so springdoc cannot infer these; they describe the wire
 * format exactly, and {@code OpenApiContractEndToEndTest} checks real answers against them.
 */
public final class KieSchemas {

    private KieSchemas() {
    }

    // ---- requests ----

    @Schema(name = "KieGenerateRequest", description = "Text-to-video (aspectRatio required) or image-to-video (imageUrl)")
    public record GenerateRequest(
            @Schema(requiredMode = REQUIRED, maxLength = 1800, description = "What happens; with an image, how to animate it")
            String prompt,
            @Schema(description = "http(s) URL of a JPEG or PNG (at most 10 MiB); the output takes its nearest ratio")
            String imageUrl,
            @Schema(requiredMode = REQUIRED, description = "Seconds: 5, 8 or 10 (1080p only with 5)", example = "5")
            Integer duration,
            @Schema(requiredMode = REQUIRED, allowableValues = {"720p", "1080p"}) String quality,
            @Schema(allowableValues = {"16:9", "4:3", "1:1", "3:4", "9:16"}, description = "Required without imageUrl")
            String aspectRatio,
            @Schema(description = "Watermark text drawn bottom-right; empty for none") String waterMark,
            @Schema(format = "uri", description = "Receives the result when the task ends") String callBackUrl) {
    }

    @Schema(name = "KieExtendRequest", description = "Continues a successful generate or extend task")
    public record ExtendRequest(
            @Schema(requiredMode = REQUIRED, description = "The task to continue") String taskId,
            @Schema(requiredMode = REQUIRED, maxLength = 1800, description = "What happens next") String prompt,
            @Schema(requiredMode = REQUIRED, allowableValues = {"720p", "1080p"}) String quality,
            String waterMark,
            @Schema(format = "uri") String callBackUrl) {
    }

    @Schema(name = "KieAlephRequest", description = "Video-to-video: transforms the first 5 s of videoUrl")
    public record AlephRequest(
            @Schema(requiredMode = REQUIRED, description = "The transformation (style, objects, lighting, camera)") String prompt,
            @Schema(requiredMode = REQUIRED, format = "uri", description = "Source MP4, at most 10 MB") String videoUrl,
            @Schema(format = "uri") String callBackUrl,
            String waterMark,
            @Schema(description = "Accepted for compatibility; storage is always this server's") Boolean uploadCn,
            @Schema(allowableValues = {"16:9", "9:16", "4:3", "3:4", "1:1", "21:9"}) String aspectRatio,
            Long seed,
            @Schema(format = "uri", description = "Style/colour reference image") String referenceImage) {
    }

    @Schema(name = "KieDownloadUrlRequest")
    public record DownloadUrlRequest(
            @Schema(requiredMode = REQUIRED, format = "uri", description = "A file URL this server handed out") String url) {
    }

    @Schema(name = "KieFileUrlUploadRequest")
    public record FileUrlUploadRequest(
            @Schema(requiredMode = REQUIRED, format = "uri") String fileUrl,
            @Schema(requiredMode = REQUIRED, example = "images/user-uploads") String uploadPath,
            String fileName) {
    }

    @Schema(name = "KieBase64UploadRequest")
    public record Base64UploadRequest(
            @Schema(requiredMode = REQUIRED, description = "Plain base64 or a data: URL") String base64Data,
            @Schema(requiredMode = REQUIRED, example = "images/base64") String uploadPath,
            String fileName) {
    }

    @Schema(name = "KieStreamUploadForm")
    public record StreamUploadForm(
            @Schema(requiredMode = REQUIRED, type = "string", format = "binary") String file,
            @Schema(requiredMode = REQUIRED, example = "images/user-uploads") String uploadPath,
            String fileName) {
    }

    // ---- responses ----

    @Schema(name = "KieTaskIdEnvelope", description = "code 200 with data.taskId, or an error code with data null")
    public record TaskIdEnvelope(
            @Schema(requiredMode = REQUIRED) int code,
            @Schema(requiredMode = REQUIRED) String msg,
            @Schema(requiredMode = REQUIRED, types = {"object", "null"}) TaskId data) {
    }

    @Schema(name = "KieTaskId")
    public record TaskId(@Schema(requiredMode = REQUIRED) String taskId) {
    }

    @Schema(name = "KieRecordDetailEnvelope")
    public record RecordDetailEnvelope(
            @Schema(requiredMode = REQUIRED) int code,
            @Schema(requiredMode = REQUIRED) String msg,
            @Schema(requiredMode = REQUIRED, types = {"object", "null"}) RecordDetail data) {
    }

    @Schema(name = "KieRecordDetail")
    public record RecordDetail(
            @Schema(requiredMode = REQUIRED) String taskId,
            @Schema(requiredMode = REQUIRED, description = "The extended task's id for extensions, else empty") String parentTaskId,
            @Schema(requiredMode = REQUIRED) GenerateParam generateParam,
            @Schema(requiredMode = REQUIRED, allowableValues = {"wait", "queueing", "generating", "success", "fail"})
            String state,
            @Schema(requiredMode = REQUIRED, example = "2023-08-15 14:30:45", description = "Creation time, yyyy-MM-dd HH:mm:ss")
            String generateTime,
            @Schema(requiredMode = REQUIRED, types = {"object", "null"}, description = "Present on success, else null")
            VideoInfo videoInfo,
            @Schema(requiredMode = REQUIRED, types = {"integer", "string"},
                    description = "An integer (400 client-side, 500 server-side) when state is fail, else the empty string")
            Object failCode,
            @Schema(requiredMode = REQUIRED, description = "Why it failed; empty unless state is fail") String failMsg,
            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "1", description = "1 once the result files expired")
            int expireFlag) {
    }

    @Schema(name = "KieGenerateParam")
    public record GenerateParam(
            @Schema(requiredMode = REQUIRED) String prompt,
            @Schema(requiredMode = REQUIRED, description = "Reference image, or the frame an extension started from; may be empty")
            String imageUrl,
            @Schema(requiredMode = REQUIRED) boolean expandPrompt) {
    }

    @Schema(name = "KieVideoInfo")
    public record VideoInfo(
            @Schema(requiredMode = REQUIRED) String videoId,
            @Schema(requiredMode = REQUIRED) String taskId,
            @Schema(requiredMode = REQUIRED, format = "uri", description = "MP4, kept 14 days") String videoUrl,
            @Schema(requiredMode = REQUIRED, format = "uri", description = "JPEG cover") String imageUrl) {
    }

    @Schema(name = "KieAlephRecordEnvelope")
    public record AlephRecordEnvelope(
            @Schema(requiredMode = REQUIRED) int code,
            @Schema(requiredMode = REQUIRED) String msg,
            @Schema(requiredMode = REQUIRED, types = {"object", "null"}) AlephRecord data) {
    }

    @Schema(name = "KieAlephRecord")
    public record AlephRecord(
            @Schema(requiredMode = REQUIRED) String taskId,
            @Schema(requiredMode = REQUIRED, description = "The original request as a JSON string") String paramJson,
            @Schema(requiredMode = REQUIRED, types = {"object", "null"}, description = "null until success") AlephResult response,
            @Schema(requiredMode = REQUIRED, types = {"string", "null"}, example = "2023-08-15T14:30:45Z",
                    description = "null until the task ended") String completeTime,
            @Schema(requiredMode = REQUIRED, example = "2023-08-15T14:25:00Z") String createTime,
            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "1", description = "1 success; 0 running or failed")
            int successFlag,
            @Schema(requiredMode = REQUIRED, description = "0 unless failed") int errorCode,
            @Schema(requiredMode = REQUIRED, description = "Empty unless failed") String errorMessage) {
    }

    @Schema(name = "KieAlephResult")
    public record AlephResult(
            @Schema(requiredMode = REQUIRED) String taskId,
            @Schema(requiredMode = REQUIRED, format = "uri") String resultVideoUrl,
            @Schema(requiredMode = REQUIRED, format = "uri") String resultImageUrl) {
    }

    @Schema(name = "KieCreditEnvelope")
    public record CreditEnvelope(
            @Schema(requiredMode = REQUIRED) int code,
            @Schema(requiredMode = REQUIRED) String msg,
            @Schema(requiredMode = REQUIRED, types = {"integer", "null"}, description = "Remaining credits") Long data) {
    }

    @Schema(name = "KieStringEnvelope")
    public record StringEnvelope(
            @Schema(requiredMode = REQUIRED) int code,
            @Schema(requiredMode = REQUIRED) String msg,
            @Schema(requiredMode = REQUIRED, types = {"string", "null"}, description = "Signed download URL, valid 20 minutes")
            String data) {
    }

    @Schema(name = "KieUploadEnvelope", description = "The upload host's envelope, with its success flag")
    public record UploadEnvelope(
            @Schema(requiredMode = REQUIRED) boolean success,
            @Schema(requiredMode = REQUIRED) int code,
            @Schema(requiredMode = REQUIRED) String msg,
            @Schema(requiredMode = REQUIRED, types = {"object", "null"}) UploadedFile data) {
    }

    @Schema(name = "KieUploadedFile")
    public record UploadedFile(
            @Schema(requiredMode = REQUIRED) String fileName,
            @Schema(requiredMode = REQUIRED) String filePath,
            @Schema(requiredMode = REQUIRED, format = "uri", description = "Pass this on as imageUrl/videoUrl") String downloadUrl,
            @Schema(requiredMode = REQUIRED) long fileSize,
            @Schema(requiredMode = REQUIRED) String mimeType,
            @Schema(requiredMode = REQUIRED, example = "2025-01-01T12:00:00.000Z") String uploadedAt) {
    }
}
