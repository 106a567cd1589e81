package io.reelgate.server.engine;

/** A file's signature check for the engines that tell an input's media type from its first bytes. */
public final class MagicBytes {

    private MagicBytes() {
    }

    /** Whether {@code bytes} begins with {@code prefix}, each an unsigned byte value. */
    public static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
