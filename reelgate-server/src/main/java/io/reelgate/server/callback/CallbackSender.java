package io.reelgate.server.callback;

import io.reelgate.server.fetch.GuardedHttpClients;
import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundRefusedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.springframework.stereotype.Component;

/**
 * One POST to a callback URL over HTTP/1.1: the host resolved and checked by the outbound guard in the very look-up
 * the connection uses (it may resolve differently than at submit time), no redirects followed (a redirect is a
 * failed attempt), a time limit, and the answer's body never read.
 */
@Component
class CallbackSender implements AutoCloseable {

    record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status == 200;
        }
    }

    private static final ContentType JSON = ContentType.create("application/json");

    private final OutboundGuard guard;
    private final CallbackProperties properties;
    private final CloseableHttpClient client;

    CallbackSender(OutboundGuard guard, CallbackProperties properties, GuardedHttpClients clients) {
        this.guard = guard;
        this.properties = properties;
        this.client = clients.create(properties.timeout(), properties.timeout());
    }

    Outcome post(String url, String body, Map<String, String> headers) {
        try {
            URI uri = URI.create(url);
            guard.checkTarget(uri);
            HttpPost request = new HttpPost(uri);
            request.setHeader("User-Agent", "Reelgate-Callback/1.0");
            headers.forEach(request::setHeader);
            request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
            int status = statusOf(request);
            return new Outcome(status, status == 200 ? null : "receiver answered HTTP " + status);
        } catch (OutboundRefusedException e) {
            return new Outcome(null, "refused: " + e.getMessage());
        } catch (InterruptedIOException e) {
            return new Outcome(null, "timed out after " + properties.timeout().toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            OutboundRefusedException refusal = OutboundRefusedException.foundIn(e);
            return refusal != null ? new Outcome(null, "refused: " + refusal.getMessage())
                    : new Outcome(null, "connection failed: " + e.getClass().getSimpleName());
        }
    }

    /** Only the status matters: the connection is dropped unread, so an endless answer cannot hold the sender. */
    private int statusOf(HttpPost request) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        try {
            return response.getCode();
        } finally {
            request.cancel();
            try {
                response.close();
            } catch (IOException ignored) {
                // the connection was cancelled on purpose
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
