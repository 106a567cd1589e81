package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.AnySettingGiven;

/** The Replicate engine exists only when an API token (or a file holding one) is configured. */
class ReplicateTokenConfigured extends AnySettingGiven {

    ReplicateTokenConfigured() {
        super("reelgate.engine.replicate.api-token", "reelgate.engine.replicate.api-token-file");
    }
}
