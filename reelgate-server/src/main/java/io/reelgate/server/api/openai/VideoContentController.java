package io.reelgate.server.api.openai;

import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.task.TaskState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/videos/{id}/content}: the bytes themselves (never a redirect), {@code video/mp4}, the cover as
 * {@code thumbnail} ({@code image/webp}) or a frame grid as {@code spritesheet} ({@code image/jpeg}). Before
 * completion it is a 400, after expiry or deletion a 404.
 */
@RestController
@Tag(name = "Videos (OpenAI)")
class VideoContentController {

    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");
    private static final MediaType WEBP = MediaType.parseMediaType("image/webp");

    private final TaskService tasks;
    private final BlobStore blobs;
    private final SpriteSheets spriteSheets;
    private final Thumbnails thumbnails;

    VideoContentController(TaskService tasks, BlobStore blobs, SpriteSheets spriteSheets, Thumbnails thumbnails) {
        this.tasks = tasks;
        this.blobs = blobs;
        this.spriteSheets = spriteSheets;
        this.thumbnails = thumbnails;
    }

    @GetMapping("/v1/videos/{video_id}/content")
    @Operation(summary = "Download a video's content", description = "variant=video (video/mp4, default), thumbnail "
            + "(image/webp) or spritesheet (image/jpeg)")
    @ApiResponse(responseCode = "200", description = "The bytes", content = {@Content(mediaType = "video/mp4"),
            @Content(mediaType = "image/webp"), @Content(mediaType = "image/jpeg")})
    ResponseEntity<Resource> content(@PathVariable("video_id") String videoId,
                                     @RequestParam(required = false) String variant,
                                     @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        String wanted = variant == null || variant.isBlank() ? "video" : variant;
        if (!wanted.equals("video") && !wanted.equals("thumbnail") && !wanted.equals("spritesheet")) {
            throw VideoRequestException.invalid("variant", "Invalid value: '" + variant + "'. Supported values are: "
                    + "'video', 'thumbnail', and 'spritesheet'.");
        }
        Task task = OwnedVideos.find(tasks, key, videoId);
        if (task.state() != TaskState.SUCCESS) {
            throw new VideoRequestException(OpenAiError.invalid(null, "video_not_ready", "Video '" + videoId
                    + "' is not ready for download; its status is " + VideoViews.status(task.state()) + "."));
        }
        Optional<Resource> bytes = task.expired() ? Optional.empty() : switch (wanted) {
            case "thumbnail" -> thumbnails.of(task);
            case "spritesheet" -> spriteSheets.of(task);
            default -> blobs.open(task.videoKey());
        };
        MediaType type = switch (wanted) {
            case "thumbnail" -> WEBP;
            case "spritesheet" -> MediaType.IMAGE_JPEG;
            default -> MP4;
        };
        return ResponseEntity.ok().contentType(type).body(bytes.orElseThrow(() -> new VideoRequestException(
                OpenAiError.notFound("The content of video '" + videoId + "' has expired."))));
    }
}
