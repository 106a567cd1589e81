package io.reelgate.client.errors;

/** Code 401: the API key (or admin token) is missing, unknown, rotated or disabled. Never retried. */
public class AuthenticationException extends ReelgateException {

    public AuthenticationException(int code, String msg) {
        super(code, msg);
    }
}
