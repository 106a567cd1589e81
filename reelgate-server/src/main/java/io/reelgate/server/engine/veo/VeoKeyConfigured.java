package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.AnySettingGiven;

/** The Veo engine exists only when a Gemini API key (or a file holding one) is configured. */
class VeoKeyConfigured extends AnySettingGiven {

    VeoKeyConfigured() {
        super("reelgate.engine.veo.api-key", "reelgate.engine.veo.api-key-file");
    }
}
