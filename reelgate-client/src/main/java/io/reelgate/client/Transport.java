package io.reelgate.client;

import io.reelgate.client.errors.ConnectionException;
import io.reelgate.client.errors.RateLimitedException;
import io.reelgate.client.errors.ReelgateException;
import io.reelgate.client.errors.ServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;

/** Sends {@link Call}s: authentication, envelope reading, error mapping and retries, all asynchronous. */
final class Transport {

    private final HttpClient http;
    private final String baseUrl;
    private final String uploadBaseUrl;
    private final String bearer;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final String userAgent;

    Transport(HttpClient http, String baseUrl, String uploadBaseUrl, String bearer, Duration requestTimeout,
              RetryPolicy retry, Sleeper sleeper, String userAgent) {
        this.http = http;
        this.baseUrl = trimSlash(baseUrl);
        this.uploadBaseUrl = trimSlash(uploadBaseUrl);
        this.bearer = bearer;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.sleeper = sleeper;
        this.userAgent = userAgent;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    HttpClient http() {
        return http;
    }

    /** A request to {@code path} with the key and no timeout, for long-lived streams. */
    HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + bearer)
                .header("User-Agent", userAgent);
    }

    /** The answer's {@code data}, or a failed future holding a {@link ReelgateException}. */
    CompletableFuture<JsonNode> send(Call call) {
        HttpRequest request;
        try {
            // built once: every retry sends the very same request, Idempotency-Key included
            request = request(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return attempt(call, request, 1);
    }

    private CompletableFuture<JsonNode> attempt(Call call, HttpRequest request, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> outcome(response, error))
                .thenCompose(outcome -> {
                    if (outcome.error() == null) {
                        return CompletableFuture.completedFuture(outcome.data());
                    }
                    Duration delay = retryDelay(call, outcome.error(), attempt);
                    if (delay == null) {
                        return CompletableFuture.failedFuture(outcome.error());
                    }
                    return sleeper.delay(delay).thenCompose(ignored -> attempt(call, request, attempt + 1));
                });
    }

    private record Outcome(JsonNode data, RuntimeException error) {
    }

    private static Outcome outcome(HttpResponse<String> response, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof IOException) {
                return new Outcome(null, new ConnectionException(describe(cause), cause));
            }
            return new Outcome(null, cause instanceof RuntimeException r ? r : new CompletionException(cause));
        }
        try {
            return new Outcome(ErrorMapper.dataOf(response), null);
        } catch (ReelgateException e) {
            return new Outcome(null, e);
        }
    }

    /** The pause before the next attempt, or null when this error must surface now. */
    private Duration retryDelay(Call call, RuntimeException error, int attempt) {
        if (attempt >= retry.maxAttempts() || !call.replayable()) {
            return null;
        }
        if (error instanceof RateLimitedException limited) {
            // a 429 request was rejected, not queued: repeating it is always safe
            Duration after = limited.retryAfter().orElse(null);
            return after != null && after.compareTo(retry.maxRetryAfter()) > 0 ? null : retry.delayBefore(attempt, after);
        }
        if (error instanceof ConnectionException e) {
            // a connection that never opened carried nothing; a lost answer may hide a processed request
            boolean neverSent = e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException;
            return neverSent || call.repeatable() ? retry.delayBefore(attempt, null) : null;
        }
        if (error instanceof ServerException e) {
            int code = e.code();
            if (code == 455) {
                return retry.delayBefore(attempt, null); // maintenance: nothing was processed
            }
            // 501 (generation failed) and 505 (feature disabled) are KIE's permanent answers
            boolean transientError = code >= 500 && code < 600 && code != 501 && code != 505;
            return transientError && call.repeatable() ? retry.delayBefore(attempt, null) : null;
        }
        return null;
    }

    private HttpRequest request(Call call) {
        URI uri = URI.create((call.upload() ? uploadBaseUrl : baseUrl) + call.path());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        call.headers().forEach(b::header);
        if (call.body() == null) {
            b.GET();
        } else {
            b.header("Content-Type", call.contentType()).method(call.method(), call.body());
        }
        return b.build();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
