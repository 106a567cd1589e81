package io.reelgate.server.api.kie;

import io.reelgate.server.api.common.JsonBodyReader;
import io.reelgate.server.api.common.SubmitOptionsReader;
import io.reelgate.server.task.SubmitOptions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The one way every KIE dialect accepts a task: the JSON body and the Reelgate extension headers go to the dialect's
 * submit, and the new task's id comes back as {@code data.taskId} (docs/kie-contract.md, "Generate").
 */
public final class KieSubmits {

    private KieSubmits() {
    }

    /**
     * {@code parse} validates the body into the dialect's input, then {@code submit} turns it and the options into a
     * task and returns its id. The body's fields are checked before the headers, so a request wrong in both is
     * refused for its field.
     */
    public static <T> ApiEnvelope<Map<String, String>> accept(JsonBodyReader bodies, HttpServletRequest request,
                                                              Function<JsonNode, T> parse,
                                                              BiFunction<T, SubmitOptions, String> submit) {
        JsonNode body = bodies.read(request);
        T input = parse.apply(body);
        return ApiEnvelope.success(Map.of("taskId", submit.apply(input, SubmitOptionsReader.read(request, body))));
    }
}
