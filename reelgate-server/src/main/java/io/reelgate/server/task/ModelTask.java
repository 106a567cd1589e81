package io.reelgate.server.task;

import java.util.List;

/**
 * A task for a model of the registry, as a dialect adapter hands it to the core: validated, priced and with the
 * engines that can serve the model, in the registry's order of preference.
 *
 * @param dialect      the wire dialect that accepted the request (it renders the task and its callback)
 * @param kind         generate (text, image, frames, references), extend, or aleph (video-to-video)
 * @param parentTaskId extend: the task whose video is continued; otherwise {@code null}
 * @param cost         credits, from the registry entry's price rules
 * @param routes       engines in order of preference, each with the reason it cannot serve this input (if so); the
 *                     running engines that accept the job serve it, unless the operator routes the model explicitly
 */
public record ModelTask(String dialect, TaskKind kind, String parentTaskId, TaskInput input, long cost,
                        List<Route> routes) {

    public ModelTask {
        routes = List.copyOf(routes);
    }

    /** The same task for another parent and input (an extension, a remix), routed alike. */
    public ModelTask continuing(String parent, TaskInput continued) {
        return new ModelTask(dialect, kind, parent, continued, cost, routes);
    }

    /**
     * One engine of the model's routes.
     *
     * @param refusedField   the request field this engine's route cannot serve, or {@code null} when it can
     * @param refusedMessage the 422 message naming that field and what the route accepts
     */
    public record Route(String engine, String refusedField, String refusedMessage) {

        public static Route open(String engine) {
            return new Route(engine, null, null);
        }

        public boolean refused() {
            return refusedField != null;
        }
    }
}
