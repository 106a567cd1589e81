package io.reelgate.server.api.openai;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A create request as received, whichever encoding it came in (JSON or multipart, where every scalar is a string).
 *
 * @param seconds        the duration as text ({@code 8} and {@code "8"} both read {@code "8"}), or null
 * @param inputReference the image URL (a multipart file part is stored first and named by its URL), or null
 * @param extras         the other fields, passed on to the model's fields of the same name (Python's
 *                       {@code extra_body}), e.g. Kling's {@code sound}
 * @param received       the fields as a JSON object: the Idempotency-Key fingerprint and the stored params
 */
record VideoForm(String prompt, String model, String seconds, String size, String inputReference,
                 Map<String, Object> extras, JsonNode received) {

    /** The fields of the OpenAI contract itself; everything else is an extra. */
    static final Set<String> OPENAI_FIELDS = Set.of("prompt", "model", "seconds", "size", "input_reference",
            "character_ids");

    VideoForm {
        extras = Map.copyOf(extras);
    }
}
