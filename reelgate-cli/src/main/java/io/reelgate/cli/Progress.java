package io.reelgate.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress of a wait, on stderr so stdout stays parseable. On a terminal: one line redrawn in place with
 * {@code \r} every second (state and elapsed time). Otherwise: one plain line per state change.
 */
final class Progress implements AutoCloseable {

    private final PrintStream err;
    private final String taskId;
    private final boolean live;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile String state = "submitted";
    private int lastWidth;

    Progress(ReelgateCli root, String taskId) {
        this.err = root.err;
        this.taskId = taskId;
        this.live = root.interactive();
        if (live) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "reelgate-cli-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 0, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    void state(String newState) {
        if (newState.equals(state)) {
            return;
        }
        state = newState;
        if (live) {
            redraw();
        } else {
            err.println("state: " + newState + " (" + elapsed() + "s)");
        }
    }

    private long elapsed() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    private synchronized void redraw() {
        long s = elapsed();
        String line = String.format("task %s  state: %-10s  elapsed: %d:%02d", taskId, state, s / 60, s % 60);
        String pad = line.length() < lastWidth ? " ".repeat(lastWidth - line.length()) : "";
        lastWidth = line.length();
        err.print("\r" + line + pad);
        err.flush();
    }

    @Override
    public void close() {
        if (live) {
            ticker.shutdownNow();
            redraw();
            err.println();
        }
    }
}
