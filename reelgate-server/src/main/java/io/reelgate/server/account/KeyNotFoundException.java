package io.reelgate.server.account;

/** An admin operation named a key id that does not exist. */
public class KeyNotFoundException extends RuntimeException {

    public KeyNotFoundException(String id) {
        super("API key not found: " + id);
    }
}
