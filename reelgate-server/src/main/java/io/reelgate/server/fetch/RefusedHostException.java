package io.reelgate.server.fetch;

import java.net.UnknownHostException;

/** Carries the guard's refusal through the HTTP client, which lets a resolver throw only this kind of exception. */
final class RefusedHostException extends UnknownHostException {

    private final transient OutboundRefusedException refusal;

    RefusedHostException(OutboundRefusedException refusal) {
        super(refusal.getMessage());
        this.refusal = refusal;
    }

    OutboundRefusedException refusal() {
        return refusal;
    }
}
