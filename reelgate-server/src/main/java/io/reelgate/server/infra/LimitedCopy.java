package io.reelgate.server.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a stream to a file in small buffers, refusing as soon as it passes the limit. */
final class LimitedCopy {

    private LimitedCopy() {
    }

    static long copy(InputStream in, Path target, long maxBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw UploadRefusedException.tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return total;
        }
    }
}
