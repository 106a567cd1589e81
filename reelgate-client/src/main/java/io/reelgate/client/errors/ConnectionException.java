package io.reelgate.client.errors;

/** No answer at all (refused connection, timeout, broken stream) after the retry policy gave up. Code 0. */
public class ConnectionException extends ReelgateException {

    public ConnectionException(String msg, Throwable cause) {
        super(0, msg, cause);
    }
}
