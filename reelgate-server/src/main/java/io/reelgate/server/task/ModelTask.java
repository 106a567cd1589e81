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
 * @param engines      engine names in order of preference; the first this deployment runs and that accepts the
 *                     job serves it, unless the operator routes the model explicitly
 */
public record ModelTask(String dialect, TaskKind kind, String parentTaskId, TaskInput input, long cost,
                        List<String> engines) {

    public ModelTask {
        engines = List.copyOf(engines);
    }
}
