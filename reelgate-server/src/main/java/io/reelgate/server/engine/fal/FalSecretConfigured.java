package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.AnySettingGiven;

/** The fal engine exists only when an API key (or a file holding one) is configured. */
class FalSecretConfigured extends AnySettingGiven {

    FalSecretConfigured() {
        super("reelgate.engine.fal.api-key", "reelgate.engine.fal.api-key-file");
    }
}
