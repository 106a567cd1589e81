package io.reelgate.client;

/** A callback whose signature or timestamp does not check out: do not act on it. */
public class CallbackVerificationException extends RuntimeException {

    public CallbackVerificationException(String message) {
        super(message);
    }
}
