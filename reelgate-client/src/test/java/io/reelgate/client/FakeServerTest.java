package io.reelgate.client;

import org.junit.jupiter.api.AfterEach;

/** A client talking to a fresh scripted server, with a sleeper that only records, closed after each test. */
abstract class FakeServerTest {

    final FakeServer server = new FakeServer();
    final FakeSleeper sleeper = new FakeSleeper();
    final ReelgateClient client = TestClients.builder(server, sleeper).build();

    @AfterEach
    void stopServer() {
        server.close();
    }
}
