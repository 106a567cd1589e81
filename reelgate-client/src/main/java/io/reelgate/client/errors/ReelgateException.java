package io.reelgate.client.errors;

/**
 * Base of every error the SDK throws. {@link #code()} is the KIE envelope {@code code} (the real status: the
 * service usually answers HTTP 200 with the error inside the body) and {@link #msg()} its {@code msg}.
 * Unchecked, so the synchronous API reads like ordinary method calls.
 */
public class ReelgateException extends RuntimeException {

    private final int code;
    private final String msg;

    public ReelgateException(int code, String msg) {
        this(code, msg, null);
    }

    public ReelgateException(int code, String msg, Throwable cause) {
        super(code + " " + msg, cause);
        this.code = code;
        this.msg = msg;
    }

    /** The envelope code (401, 402, 404, 422, 429, 455, 500 …); 0 when no answer was received at all. */
    public int code() {
        return code;
    }

    /** The envelope message, e.g. the name of the invalid field for 422. */
    public String msg() {
        return msg;
    }
}
