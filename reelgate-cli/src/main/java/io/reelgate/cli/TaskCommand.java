package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.errors.NotFoundException;
import io.reelgate.client.errors.ReelgateException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

/** Shared by the API-key commands: the connection, {@code --json}, uploads of local files and downloads. */
abstract class TaskCommand {

    /** Where local {@code --image}/{@code --video} files go in the File Upload API. */
    static final String UPLOAD_PATH = "cli";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParentCommand
    ReelgateCli root;

    @Option(names = "--json", description = "Print machine-readable JSON (the SDK's objects) instead of text.")
    boolean json;

    ReelgateClient client() {
        return root.connection().client();
    }

    /**
     * The Aleph record of a task that has no Runway record: a task id names one or the other. When neither exists,
     * the Runway miss is what the user sees.
     */
    static AlephDetail alephInstead(ReelgateClient client, String taskId, NotFoundException runwayMiss) {
        try {
            return client.alephRecordInfo(taskId);
        } catch (NotFoundException alephMiss) {
            throw runwayMiss;
        }
    }

    void printJson(Object value) {
        root.out.println(JSON.writeValueAsString(value));
    }

    /** A URL is passed on as is; a local file is uploaded first (File Upload API) and its download URL used. */
    String media(ReelgateClient client, String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return value;
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + " " + value + ": no such file (pass a local file or an http(s) URL)");
        }
        UploadedFile uploaded = client.uploadStream(file, UPLOAD_PATH, file.getFileName().toString());
        root.err.println("uploaded " + file + " (" + uploaded.fileSize() + " bytes): " + uploaded.downloadUrl());
        return uploaded.downloadUrl();
    }

    /** Saves a result video; asks for a temporary download link first (KIE's download-url), else fetches the URL. */
    void download(ReelgateClient client, String url, Path target) {
        String link;
        try {
            link = client.downloadUrl(url);
        } catch (ReelgateException e) {
            link = url;
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            Path absolute = target.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(link)).GET()
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(partial);
                throw new IllegalStateException("downloading " + link + " answered HTTP " + response.statusCode());
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            if (json) {
                root.err.println("saved " + target + " (" + Files.size(absolute) + " bytes)");
            } else {
                root.out.println("file: " + target);
                root.err.println("saved " + target + " (" + Files.size(absolute) + " bytes)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading " + link);
        }
    }
}
