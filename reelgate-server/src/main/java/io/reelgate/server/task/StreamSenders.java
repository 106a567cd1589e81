package io.reelgate.server.task;

import io.reelgate.server.infra.DaemonThreads;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that write events to stream clients: a fixed number, plus a stand-in thread for each write stuck on
 * a client that stopped reading with its connection still open. Such a write only returns at the web server's write
 * timeout; without a stand-in, a few such clients would hold every sender and delay everyone else's events.
 */
final class StreamSenders implements Executor {

    /** Stand-ins per regular sender: bounds the threads that clients which stopped reading can tie up. */
    private static final int STAND_INS_PER_SENDER = 4;

    private final ThreadPoolExecutor pool;
    private final int size;
    private final int maxStandIns;
    private int standIns;

    StreamSenders(int size) {
        this.size = size;
        this.maxStandIns = size * STAND_INS_PER_SENDER;
        this.pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("reelgate-stream-sender"));
    }

    @Override
    public void execute(Runnable drain) {
        pool.execute(drain);
    }

    /** One more thread while a write is stuck; {@code false} when all stand-ins are in use. */
    synchronized boolean addStandIn() {
        if (standIns == maxStandIns) {
            return false;
        }
        standIns++;
        pool.setMaximumPoolSize(size + standIns);
        pool.setCorePoolSize(size + standIns);
        return true;
    }

    /** The stuck write returned: its stand-in ends once idle. */
    synchronized void releaseStandIn() {
        standIns--;
        pool.setCorePoolSize(size + standIns);
        pool.setMaximumPoolSize(size + standIns);
    }

    void shutdownNow() {
        pool.shutdownNow();
    }
}
