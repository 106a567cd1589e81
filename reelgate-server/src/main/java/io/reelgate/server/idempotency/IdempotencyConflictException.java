package io.reelgate.server.idempotency;

/** An Idempotency-Key came back with a different request; answered with 422 and nothing is created. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException() {
        super("Idempotency-Key was already used with a different request (endpoint or body); use a new key");
    }
}
