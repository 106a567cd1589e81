package io.reelgate.server.infra;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of Reelgate's own executors: named, so a thread dump says whose they are, and daemon, so a pool that
 * is still busy at shutdown (a stuck upstream, a client that stopped reading) never keeps the JVM alive.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread it makes is called {@code name}, as a pool's threads share one job. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
