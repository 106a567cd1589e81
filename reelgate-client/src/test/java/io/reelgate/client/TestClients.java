package io.reelgate.client;

/** Clients against a fake server, with virtual time and jitter-free retries so pauses can be asserted. */
final class TestClients {

    static final RetryPolicy RETRY = RetryPolicy.builder().maxAttempts(3).jitter(0).build();

    private TestClients() {
    }

    static ReelgateClientBuilder builder(FakeServer server, FakeSleeper sleeper) {
        return ReelgateClient.builder().baseUrl(server.url()).apiKey("test-key").retryPolicy(RETRY).sleeper(sleeper);
    }
}
