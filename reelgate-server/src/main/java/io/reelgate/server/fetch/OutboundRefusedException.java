package io.reelgate.server.fetch;

/** A URL Reelgate will not send a request to, or whose answer it will not take; the message is safe to show. */
public class OutboundRefusedException extends RuntimeException {

    private final boolean forbidden;

    public OutboundRefusedException(String message) {
        this(message, false);
    }

    private OutboundRefusedException(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    /** The guard's policy refuses the destination itself: asking again later cannot succeed. */
    static OutboundRefusedException forbidden(String message) {
        return new OutboundRefusedException(message, true);
    }

    /** Whether {@code failure} was caused by a destination the guard forbids (not a transfer that went wrong). */
    public static boolean forbiddenIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutboundRefusedException refused && refused.forbidden) {
                return true;
            }
        }
        return false;
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
