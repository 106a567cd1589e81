package io.reelgate.server.api.openai;

import tools.jackson.databind.JsonNode;

/**
 * A create request as received, whichever encoding it came in (JSON or multipart, where every scalar is a string).
 *
 * @param seconds        the duration as text ({@code 8} and {@code "8"} both read {@code "8"}), or null
 * @param inputReference the image URL (a multipart file part is stored first and named by its URL), or null
 * @param received       the fields as a JSON object: the Idempotency-Key fingerprint and the stored params
 */
record VideoForm(String prompt, String model, String seconds, String size, String inputReference, JsonNode received) {
}
