package io.reelgate.client;

import java.net.http.HttpRequest.BodyPublisher;
import java.util.Map;

/**
 * One logical request, before retries.
 *
 * @param method      GET or POST
 * @param upload      true for the file-upload endpoints, which KIE serves from a different host
 * @param path        path and query, starting with {@code /}
 * @param body        null for GET
 * @param contentType of the body
 * @param repeatable  safe to send again even if the first attempt may have been processed (reads, requests with an
 *                    Idempotency-Key, naturally idempotent actions)
 * @param replayable  the body can be sent again (false for a one-shot InputStream)
 * @param headers     extra headers, fixed for every attempt (this is what keeps an Idempotency-Key stable)
 */
record Call(String method, boolean upload, String path, BodyPublisher body, String contentType, boolean repeatable,
            boolean replayable, Map<String, String> headers) {

    static Call get(String path) {
        return new Call("GET", false, path, null, null, true, true, Map.of());
    }

    static Call postJson(String path, String json, boolean repeatable) {
        return new Call("POST", false, path, java.net.http.HttpRequest.BodyPublishers.ofString(json),
                "application/json", repeatable, true, Map.of());
    }

    Call withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new Call(method, upload, path, body, contentType, repeatable, replayable, Map.copyOf(all));
    }

    Call asUpload() {
        return new Call(method, true, path, body, contentType, repeatable, replayable, headers);
    }

    Call asRepeatable() {
        return new Call(method, upload, path, body, contentType, true, replayable, headers);
    }
}
