package io.reelgate.client.errors;

/** Code 402: the key's balance does not cover the task. Top up ({@code keys credits ID --add N}) and resubmit. */
public class InsufficientCreditsException extends ReelgateException {

    public InsufficientCreditsException(int code, String msg) {
        super(code, msg);
    }
}
