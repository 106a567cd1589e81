package io.reelgate.server.api.common;

/** An answer decided in the api layer itself (unreadable body, bad credentials) with its KIE code. */
public class ApiException extends RuntimeException {

    private final int code;

    public ApiException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
