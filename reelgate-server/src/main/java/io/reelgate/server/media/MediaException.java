package io.reelgate.server.media;

/**
 * A video or image could not be read or written. The message is safe to show the user; the engine that called
 * turns it into its own failure ({@code EngineException.of}) with the code {@link #inputRejected()} implies.
 */
public class MediaException extends RuntimeException {

    private final boolean inputRejected;

    /** @param cause {@code null} when the failure is ours to tell, not a library's */
    public MediaException(boolean inputRejected, String message, Throwable cause) {
        super(message, cause);
        this.inputRejected = inputRejected;
    }

    /** An internal failure: the server could not encode or decode what it made or was handed by an upstream. */
    static MediaException internal(String message, Throwable cause) {
        return new MediaException(false, message, cause);
    }

    /** True when the user's input was unusable (failCode 400), false for an internal failure (500). */
    public boolean inputRejected() {
        return inputRejected;
    }
}
