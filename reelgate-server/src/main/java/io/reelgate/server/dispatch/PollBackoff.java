package io.reelgate.server.dispatch;

import java.time.Duration;

/** How long a failing poll waits: the engine's poll interval doubled per error in a row, up to 16 intervals. */
final class PollBackoff {

    private static final int MAX_FACTOR = 16;

    private PollBackoff() {
    }

    static Duration after(Duration pollInterval, int errorsInARow) {
        return pollInterval.multipliedBy(Math.min(1L << Math.min(errorsInARow, 8), MAX_FACTOR));
    }
}
