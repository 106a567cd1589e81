package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.AnySettingGiven;

/** The Runway engine exists only when an API secret (or a file holding one) is configured. */
class RunwaySecretConfigured extends AnySettingGiven {

    RunwaySecretConfigured() {
        super("reelgate.engine.runway.api-secret", "reelgate.engine.runway.api-secret-file");
    }
}
