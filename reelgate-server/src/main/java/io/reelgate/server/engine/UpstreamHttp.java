package io.reelgate.server.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP exchange the hosted engines' clients share: one client that never follows redirects (a redirect could
 * carry the key to another host), a send that retries refused connections and the answers the caller names, and the
 * logged wait between. Which answers are retried, and which exception a failure becomes, stay with each client.
 */
public final class UpstreamHttp {

    /** Waits between retries; the seam keeps tests from sleeping for real. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** How a send ended without an answer to hand back. */
    public enum Failure {
        /** Nothing reached the provider (refused, connect timeout) and no retry was left. */
        UNREACHABLE,
        /** Sent but not answered: the provider may have acted on it, so it is never sent again. */
        UNANSWERED,
        /** Interrupted while calling. */
        INTERRUPTED,
        /** Interrupted while waiting to retry. */
        INTERRUPTED_WAITING
    }

    /** The client's own exception for a failure; {@code message} names the provider, never the request's secrets. */
    @FunctionalInterface
    public interface Failures {
        RuntimeException of(Failure failure, String message, HttpRequest request, Exception cause);
    }

    /** Whether an answer is sent again: the wait and, for the log, why; {@code null} hands the answer back. */
    @FunctionalInterface
    public interface Retries {
        Retry after(HttpResponse<String> response, int attempt);
    }

    public record Retry(Duration delay, String why) {
    }

    /** The doubling wait from {@code base} up to {@code max}; {@code jitter} as in {@link RetryAfter#orBackoff}. */
    public record Backoff(Duration base, Duration max, double jitter) {
        /** {@code Retry-After} when {@code response} names one, else the backoff before retry {@code attempt}. */
        public Duration wait(HttpResponse<?> response, int attempt) {
            return RetryAfter.orBackoff(response, attempt, base, max, jitter);
        }
    }

    private final String provider;
    private final Logger log;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** {@code provider} as messages and log lines name it; lines are logged under {@code owner}'s logger. */
    public UpstreamHttp(String provider, Class<?> owner, Backoff backoff, Sleeper sleeper) {
        this.provider = provider;
        this.log = LoggerFactory.getLogger(owner);
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    public Backoff backoff() {
        return backoff;
    }

    /** Sends, retrying up to {@code maxRetries} times; answers the first answer {@code retries} does not retry. */
    public HttpResponse<String> send(HttpRequest request, int maxRetries, Retries retries, Failures failures) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                // nothing reached the provider: safe to send again
                if (attempt < maxRetries) {
                    pause(request, new Retry(backoff.wait(null, attempt), "connection failed"), failures);
                    continue;
                }
                throw failures.of(Failure.UNREACHABLE, provider + " could not be reached ("
                        + e.getClass().getSimpleName() + ")", request, e);
            } catch (IOException e) {
                throw failures.of(Failure.UNANSWERED, provider + " did not answer (" + e.getClass().getSimpleName()
                        + ")", request, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.of(Failure.INTERRUPTED, "Interrupted while calling " + provider, request, e);
            }
            Retry retry = attempt < maxRetries ? retries.after(response, attempt) : null;
            if (retry == null) {
                return response;
            }
            pause(request, retry, failures);
        }
    }

    private void pause(HttpRequest request, Retry retry, Failures failures) {
        log.info("{} {} {} answered {}; retrying in {} ms", provider, request.method(), request.uri().getPath(),
                retry.why(), retry.delay().toMillis());
        try {
            sleeper.sleep(retry.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.of(Failure.INTERRUPTED_WAITING, "Interrupted while waiting to retry " + provider, request,
                    e);
        }
    }
}
