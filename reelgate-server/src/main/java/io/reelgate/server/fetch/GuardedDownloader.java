package io.reelgate.server.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Downloads a user-supplied URL to a file: every hop checked by {@link OutboundGuard}, redirects followed by hand
 * so each target is checked too, a time limit for the whole transfer and a byte limit enforced while streaming
 * (a missing or lying Content-Length cannot exceed it).
 */
@Component
public class GuardedDownloader {

    private final OutboundGuard guard;
    private final OutboundProperties properties;
    private final HttpClient client;

    public GuardedDownloader(OutboundGuard guard, OutboundProperties properties) {
        this.guard = guard;
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    /** @throws OutboundRefusedException for every failure, with a message fit for {@code failMsg} */
    public void download(String url, Path target, long maxBytes) {
        URI uri = parse(url);
        for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
            guard.check(uri);
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                close(response);
                uri = uri.resolve(response.headers().firstValue("location").get());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new OutboundRefusedException("the server answered HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > maxBytes) {
                close(response);
                throw new OutboundRefusedException("the file is larger than " + maxBytes + " bytes");
            }
            copyLimited(response, target, maxBytes);
            return;
        }
        throw new OutboundRefusedException("too many redirects");
    }

    private HttpResponse<InputStream> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.readTimeout())
                .header("User-Agent", "Reelgate/1.0").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new OutboundRefusedException("the download failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundRefusedException("the download was interrupted");
        }
    }

    private static void copyLimited(HttpResponse<InputStream> response, Path target, long maxBytes) {
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new OutboundRefusedException("the file is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new OutboundRefusedException("the download failed: " + e.getClass().getSimpleName());
        }
    }

    private static URI parse(String url) {
        try {
            return URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new OutboundRefusedException("the URL is malformed");
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is being abandoned anyway
        }
    }
}
