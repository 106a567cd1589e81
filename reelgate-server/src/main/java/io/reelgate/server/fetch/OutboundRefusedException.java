package io.reelgate.server.fetch;

/** A URL Reelgate will not send a request to, or whose answer it will not take; the message is safe to show. */
public class OutboundRefusedException extends RuntimeException {

    public OutboundRefusedException(String message) {
        super(message);
    }

    /** The guard's refusal behind a failure of an outbound HTTP client, or {@code null} if it was something else. */
    public static OutboundRefusedException foundIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RefusedHostException refused) {
                return refused.refusal();
            }
        }
        return null;
    }
}
