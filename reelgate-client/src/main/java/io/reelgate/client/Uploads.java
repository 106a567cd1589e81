package io.reelgate.client;

import io.reelgate.client.model.UploadedFile;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URLConnection;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** The three file-upload endpoints (docs/kie-contract.md, "File Upload API"), which KIE serves from its upload host. */
final class Uploads {

    private Uploads() {
    }

    static CompletableFuture<UploadedFile> fromFile(Transport transport, Path file, String uploadPath, String fileName) {
        BodyPublisher content;
        try {
            content = BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no such file: " + file, e));
        }
        String name = fileName != null ? fileName : file.getFileName().toString();
        // a file can be read again, so the upload may be retried like a read
        return multipart(transport, content, name, uploadPath, fileName, true);
    }

    static CompletableFuture<UploadedFile> fromStream(Transport transport, InputStream in, String uploadPath,
                                                      String fileName) {
        boolean[] used = {false};
        BodyPublisher content = BodyPublishers.ofInputStream(() -> {
            if (used[0]) {
                throw new IllegalStateException("the upload stream was already consumed");
            }
            used[0] = true;
            return in;
        });
        return multipart(transport, content, fileName != null ? fileName : "upload.bin", uploadPath, fileName, false);
    }

    static CompletableFuture<UploadedFile> json(Transport transport, String path, Object body) {
        return transport.send(Call.postJson(path, Json.write(body), true).asUpload())
                .thenApply(d -> Json.convert(d, UploadedFile.class));
    }

    private static CompletableFuture<UploadedFile> multipart(Transport transport, BodyPublisher content, String partName,
                                                             String uploadPath, String fileName, boolean replayable) {
        String type = URLConnection.guessContentTypeFromName(partName);
        Multipart form = new Multipart()
                .file("file", partName, type == null ? "application/octet-stream" : type, content)
                .field("uploadPath", uploadPath)
                .field("fileName", fileName);
        Call call = new Call("POST", true, "/api/file-stream-upload", form.build(), form.contentType(), replayable,
                replayable, java.util.Map.of());
        return transport.send(call).thenApply(d -> Json.convert(d, UploadedFile.class));
    }
}
