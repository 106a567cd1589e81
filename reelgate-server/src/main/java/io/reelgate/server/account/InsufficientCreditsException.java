package io.reelgate.server.account;

/** The key's balance does not cover a task; answered with KIE code 402 and no task is created. */
public class InsufficientCreditsException extends RuntimeException {

    public InsufficientCreditsException(long cost, long balance) {
        super("Insufficient credits: this task costs " + cost + " credits but the balance is " + balance);
    }
}
