package io.reelgate.server.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a stream to a file in small buffers, stopping as soon as it passes the limit, so a missing or lying
 * length cannot make Reelgate write more than it allows. Used for uploads and for downloads of user URLs.
 */
public final class LimitedCopy {

    /** The stream went past the limit; the caller turns this into its own refusal. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }

    private LimitedCopy() {
    }

    /**
     * @param betweenReads runs after every read, e.g. a deadline check that throws
     * @return the bytes copied
     */
    public static long copy(InputStream in, Path target, long maxBytes, Runnable betweenReads) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                betweenReads.run();
                out.write(buffer, 0, read);
            }
            return total;
        }
    }
}
