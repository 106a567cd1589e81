package io.reelgate.server.storage;

/** A storage operation failed; the message names the key, never a secret. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
