package io.reelgate.server.engine;

import java.util.Map;

/**
 * The create request an engine sends upstream for one job, built without any I/O: method, path relative to the
 * engine's base URL (query included) and the JSON body. A routing test snapshots it for every registry model.
 */
public record UpstreamRequest(String method, String path, Map<String, Object> body) {
}
