package io.reelgate.server.api;

/** An answer decided in the api layer itself (unreadable body, bad credentials) with its KIE code. */
class ApiException extends RuntimeException {

    private final int code;

    ApiException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
