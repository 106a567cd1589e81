package io.reelgate.server.callback;

import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundRefusedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One POST to a callback URL: checked by the outbound guard first (the host may resolve differently than at
 * submit time), no redirects followed (a redirect is a failed attempt), a time limit, and the answer's body
 * discarded unread beyond what the connection needs.
 */
@Component
class CallbackSender {

    record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status == 200;
        }
    }

    private final OutboundGuard guard;
    private final CallbackProperties properties;
    private final HttpClient client;

    CallbackSender(OutboundGuard guard, CallbackProperties properties) {
        this.guard = guard;
        this.properties = properties;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout()).build();
    }

    Outcome post(String url, String body, Map<String, String> headers) {
        try {
            URI uri = URI.create(url);
            guard.check(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Reelgate-Callback/1.0")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), response.statusCode() == 200 ? null : "receiver answered HTTP " + response.statusCode());
        } catch (OutboundRefusedException e) {
            return new Outcome(null, "refused: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out after " + properties.timeout().toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }
}
