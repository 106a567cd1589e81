package io.reelgate.server.engine;

/** A webhook delivery that failed verification; the endpoint answers 401 and changes nothing. */
public class WebhookRejectedException extends RuntimeException {

    public WebhookRejectedException(String message) {
        super(message);
    }

    public WebhookRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
