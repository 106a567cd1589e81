package io.reelgate.server.testsupport;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * An end-to-end test of a dialect that needs a callback receiver and an image host for the whole class, and a fresh
 * directory per test for downloaded results.
 */
public abstract class WithReceiverAndHost extends WithImageHost {

    protected static CallbackReceiver receiver;

    @TempDir
    protected Path dir;

    @BeforeAll
    static void startReceiver() {
        receiver = new CallbackReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }
}
