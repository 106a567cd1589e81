package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.AnySettingGiven;

/** The ComfyUI engine exists only when at least one server is configured. */
class ComfyUiConfigured extends AnySettingGiven {

    ComfyUiConfigured() {
        super("reelgate.engine.comfyui.servers", "reelgate.engine.comfyui.servers[0]");
    }
}
