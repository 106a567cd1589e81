package io.reelgate.server.engine;

import java.util.List;

/**
 * The upstream ids of an engine's tasks that are in flight cluster-wide, read from the database, so an engine that
 * spreads work over several upstream servers can count each server's load correctly after a restart and across nodes.
 */
public interface UpstreamInFlight {

    /** Upstream ids of the engine's {@code generating} tasks that were submitted upstream. */
    List<String> upstreamIds(String engine);
}
