package io.reelgate.server.api;

import io.reelgate.server.storage.BlobStore;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored results. Spring answers Range requests for a {@link Resource} body with 206 and the right
 * Content-Range, so players can seek. Result URLs are capabilities: the path holds two random UUIDs, like the
 * unauthenticated CDN links KIE hands out. Plain HTTP statuses here: this is not an envelope API.
 */
@RestController
class FileController {

    private final BlobStore blobs;

    FileController(BlobStore blobs) {
        this.blobs = blobs;
    }

    @GetMapping(PublicUrls.FILES_PATH + "{*key}")
    ResponseEntity<Resource> file(@PathVariable String key) {
        String normalized = key.startsWith("/") ? key.substring(1) : key;
        if (!normalized.startsWith("results/") || normalized.contains("..")) {
            return ResponseEntity.notFound().build();
        }
        return blobs.open(normalized)
                .map(resource -> ResponseEntity.ok()
                        .contentType(mediaType(normalized))
                        // results never change under a URL; the random path keeps them private to whoever has it
                        .cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate())
                        .body(resource))
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
