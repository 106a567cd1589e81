package io.reelgate.server.api.openai;

/**
 * The {@code dialect} stored with every task the OpenAI-style {@code /v1/videos} API accepts: it picks the webhook
 * shape ({@link VideoWebhooks}) and keeps other dialects' tasks out of this API's reads.
 */
final class OpenAiDialect {

    static final String NAME = "openai";

    private OpenAiDialect() {
    }
}
