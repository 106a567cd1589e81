package io.reelgate.server.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** An end-to-end test that serves its inputs (images, videos) from an image host of its own for the whole class. */
public abstract class WithImageHost extends EndToEndTest {

    protected static ImageHost host;

    @BeforeAll
    static void startImageHost() {
        host = new ImageHost();
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }
}
