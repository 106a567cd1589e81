package io.reelgate.server.fetch;

import io.reelgate.server.infra.LimitedCopy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.time.Instant;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.springframework.stereotype.Component;

/**
 * Downloads a user-supplied URL to a file: every hop checked by {@link OutboundGuard} in the look-up the connection
 * uses ({@link GuardedHttpClients}), redirects followed by hand so each target is checked too, a time limit for the
 * whole transfer and a byte limit enforced while streaming (a missing or lying Content-Length cannot exceed it).
 */
@Component
public class GuardedDownloader implements AutoCloseable {

    private final OutboundGuard guard;
    private final OutboundProperties properties;
    private final CloseableHttpClient client;
    private final Clock clock;

    public GuardedDownloader(OutboundGuard guard, OutboundProperties properties, GuardedHttpClients clients,
                             Clock clock) {
        this.guard = guard;
        this.properties = properties;
        this.client = clients.create(properties.connectTimeout(), properties.readTimeout());
        this.clock = clock;
    }

    /** @throws OutboundRefusedException for every failure, with a message fit for {@code failMsg} */
    public void download(String url, Path target, long maxBytes) {
        download(url, target, maxBytes, Map.of());
    }

    /**
     * Like {@link #download(String, Path, long)}, sending {@code originHeaders} (a provider's API key) only to the
     * URL's own origin: a redirect to another scheme, host or port is fetched without them, so a credential never
     * follows the file to a CDN or storage host.
     *
     * @throws OutboundRefusedException for every failure, with a message fit for {@code failMsg}
     */
    public void download(String url, Path target, long maxBytes, Map<String, String> originHeaders) {
        download(url, target, maxBytes, originHeaders, new DownloadAbort());
    }

    /**
     * Like {@link #download(String, Path, long, Map)}, dropped as soon as {@code abort} is aborted (a cancelled task
     * stops waiting for a slow peer at once instead of at the read timeout).
     *
     * @throws OutboundRefusedException for every failure, "the download was stopped" when aborted
     */
    public void download(String url, Path target, long maxBytes, Map<String, String> originHeaders,
                         DownloadAbort abort) {
        URI uri = parse(url);
        URI origin = uri;
        Instant deadline = clock.instant().plus(properties.readTimeout());
        for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
            guard.checkTarget(uri);
            Map<String, String> headers = sameOrigin(origin, uri) ? originHeaders : Map.of();
            URI redirect = fetch(uri, headers, target, maxBytes, new Limits(deadline, abort));
            if (redirect == null) {
                return;
            }
            uri = redirect;
        }
        throw new OutboundRefusedException("too many redirects");
    }

    /** What ends a transfer early besides its byte limit: the whole download's deadline and an abort. */
    private record Limits(Instant deadline, DownloadAbort abort) {
    }

    /** @return where the server redirects to, or {@code null} once the file is written */
    private URI fetch(URI uri, Map<String, String> headers, Path target, long maxBytes, Limits limits) {
        if (limits.abort().aborted()) {
            throw stopped();
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("User-Agent", "Reelgate/1.0");
        // a hop left early (a redirect, a refusal) is cancelled, and a cancelled connection must never go back to the
        // pool: the next hop to the same host would get a closed socket
        get.setHeader("Connection", "close");
        headers.forEach(get::setHeader);
        boolean complete = false;
        try (DownloadAbort.Attachment attached = limits.abort().attach(get::cancel);
             ClassicHttpResponse response = client.executeOpen(null, get, null)) {
            try {
                URI redirect = follow(uri, response);
                if (redirect == null) {
                    copyLimited(response, target, maxBytes, limits);
                }
                complete = redirect == null;
                return redirect;
            } finally {
                if (!complete) {
                    // drop the connection: closing the body normally reads the rest of it to reuse the connection
                    get.cancel();
                }
            }
        } catch (IOException e) {
            if (limits.abort().aborted()) {
                throw stopped();
            }
            OutboundRefusedException refusal = OutboundRefusedException.foundIn(e);
            throw refusal != null ? refusal : new OutboundRefusedException(describe(e));
        } catch (IllegalStateException e) {
            // a cancel racing the client's connection set-up surfaces as "endpoint already released"
            if (limits.abort().aborted()) {
                throw stopped();
            }
            throw e;
        }
    }

    /** Words for a user's {@code failMsg}; the client library's class names mean nothing to them. */
    private static String describe(IOException failure) {
        if (failure instanceof java.net.ConnectException) {
            return "could not connect to the host";
        }
        if (failure instanceof java.io.InterruptedIOException) {
            return "the server did not answer in time";
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "the TLS connection failed";
        }
        return "the download failed: " + failure.getClass().getSimpleName();
    }

    private static URI follow(URI uri, ClassicHttpResponse response) {
        int status = response.getCode();
        Header location = response.getFirstHeader("Location");
        if (status >= 300 && status < 400 && location != null) {
            return resolveLocation(uri, location.getValue());
        }
        if (status != 200) {
            throw new OutboundRefusedException("the server answered HTTP " + status);
        }
        return null;
    }

    private static OutboundRefusedException stopped() {
        return new OutboundRefusedException("the download was stopped");
    }

    private void copyLimited(ClassicHttpResponse response, Path target, long maxBytes, Limits limits)
            throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new OutboundRefusedException("the server sent no file");
        }
        if (entity.getContentLength() > maxBytes) {
            throw new OutboundRefusedException("the file is larger than " + maxBytes + " bytes");
        }
        // not closed here: closing reads the rest of the body, and a refused transfer must be dropped instead
        InputStream in = entity.getContent();
        try {
            LimitedCopy.copy(in, target, maxBytes, () -> {
                if (limits.abort().aborted()) {
                    throw stopped();
                }
                if (clock.instant().isAfter(limits.deadline())) {
                    throw new OutboundRefusedException("the download took longer than "
                            + properties.readTimeout().toSeconds() + " s");
                }
            });
        } catch (LimitedCopy.TooLargeException e) {
            throw new OutboundRefusedException("the file is larger than " + maxBytes + " bytes");
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()),
                lower(b.getHost())) && port(a) == port(b);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI resolveLocation(URI base, String location) {
        try {
            return base.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new OutboundRefusedException("the server redirected to a malformed URL");
        }
    }

    private static URI parse(String url) {
        try {
            return URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new OutboundRefusedException("the URL is malformed");
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
