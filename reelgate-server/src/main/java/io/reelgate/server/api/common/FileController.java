package io.reelgate.server.api.common;

import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.storage.DownloadLinks;
import io.reelgate.server.upload.UploadService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored results. Spring answers Range requests for a {@link Resource} body with 206 and the right
 * Content-Range, so players can seek. Result URLs are capabilities: the path holds two random UUIDs, like the
 * unauthenticated CDN links KIE hands out. Uploads ({@code uploads/<random namespace>/…}) are served only while
 * their database row is unexpired, with the type sniffed when they were stored. Plain HTTP statuses here: this
 * is not an envelope API.
 */
@RestController
@Tag(name = "Files", description = "Result and upload files: capability URLs, no key needed")
class FileController {

    private final BlobStore blobs;
    private final UploadService uploads;
    private final DownloadLinks links;

    FileController(BlobStore blobs, UploadService uploads, DownloadLinks links) {
        this.blobs = blobs;
        this.uploads = uploads;
        this.links = links;
    }

    @GetMapping(PublicUrls.FILES_PATH + "{*key}")
    @Operation(summary = "Download a result or upload file (supports Range; signed links with expires and signature)")
    ResponseEntity<Resource> file(@PathVariable String key, @RequestParam(required = false) Long expires,
                                  @RequestParam(required = false) String signature) {
        String normalized = key.startsWith("/") ? key.substring(1) : key;
        if (normalized.contains("..")) {
            return ResponseEntity.notFound().build();
        }
        if (expires != null || signature != null) {
            return signedDownload(normalized, expires, signature);
        }
        if (normalized.startsWith("uploads/")) {
            return upload(normalized);
        }
        if (!normalized.startsWith("results/")) {
            return ResponseEntity.notFound().build();
        }
        var direct = blobs.directUrl(normalized);
        if (direct.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(direct.get()).build();
        }
        return blobs.open(normalized)
                .map(resource -> ResponseEntity.ok()
                        .contentType(mediaType(normalized))
                        // results never change under a URL; the random path keeps them private to whoever has it
                        .cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate())
                        .body(resource))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A common/download-url link: only while its signature holds, and as an attachment. */
    private ResponseEntity<Resource> signedDownload(String key, Long expires, String signature) {
        if (expires == null || signature == null || !links.verify(key, expires, signature)) {
            return ResponseEntity.status(HttpStatus.GONE).build();
        }
        ResponseEntity<Resource> file = key.startsWith("uploads/") ? upload(key) : file(key, null, null);
        if (!file.getStatusCode().is2xxSuccessful()) {
            return file;
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        return ResponseEntity.ok().headers(file.getHeaders())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(file.getBody());
    }

    private ResponseEntity<Resource> upload(String key) {
        return uploads.findUnexpired(key)
                .flatMap(upload -> blobs.open(key).map(resource -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(upload.mimeType()))
                        // the same name may be uploaded again with new content, so caches must revalidate
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        // client-supplied bytes: browsers must not second-guess the sniffed type (no HTML, no script)
                        .header("X-Content-Type-Options", "nosniff")
                        .body(resource)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static MediaType mediaType(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mp4")) {
            return MediaType.parseMediaType("video/mp4");
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return MediaType.IMAGE_JPEG;
        }
        if (lower.endsWith(".png")) {
            return MediaType.IMAGE_PNG;
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
