package io.reelgate.server.fetch;

/** A URL Reelgate will not send a request to, or whose answer it will not take; the message is safe to show. */
public class OutboundRefusedException extends RuntimeException {

    public OutboundRefusedException(String message) {
        super(message);
    }
}
