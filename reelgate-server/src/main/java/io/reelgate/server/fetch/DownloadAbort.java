package io.reelgate.server.fetch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops downloads from another thread: a cancelled task's worker must not stay blocked in a slow peer's read until
 * the read timeout, holding a worker the queue is waiting for. Once aborted it stays aborted, so a download started
 * afterwards fails at once.
 */
public final class DownloadAbort {

    private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;

    /** Drops every transfer in flight (their threads see an {@link OutboundRefusedException}) and every later one. */
    public void abort() {
        aborted = true;
        inFlight.forEach(Runnable::run);
    }

    public boolean aborted() {
        return aborted;
    }

    /**
     * Runs {@code cancel} when {@link #abort()} comes while the transfer lasts, or at once when it came before.
     * Racing an abort, {@code cancel} may run twice; it must be idempotent.
     */
    Attachment attach(Runnable cancel) {
        inFlight.add(cancel);
        if (aborted) {
            cancel.run();
        }
        return () -> inFlight.remove(cancel);
    }

    /** Ends an {@link #attach}: the transfer is over. */
    interface Attachment extends AutoCloseable {
        @Override
        void close();
    }
}
