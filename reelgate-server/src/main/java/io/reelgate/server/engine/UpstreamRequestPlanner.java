package io.reelgate.server.engine;

/**
 * An engine whose create request can be planned apart from sending it, so the mapping of every registry model
 * (docs/models.md) is checked by a test against a snapshot, and a registry edit that breaks one fails the build.
 */
public interface UpstreamRequestPlanner {

    /**
     * @param job   the job as the dispatcher builds it (route, model input and normalised fields)
     * @param media what to send for each media URL; {@link MediaResolver#AS_URL} in the snapshot test
     * @throws UnsupportedInputException when the route cannot serve the job (names the field)
     */
    UpstreamRequest plan(EngineJob job, MediaResolver media);
}
