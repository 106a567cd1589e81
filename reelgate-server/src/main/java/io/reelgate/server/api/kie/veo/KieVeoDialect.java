package io.reelgate.server.api.kie.veo;

/**
 * The {@code dialect} stored with every task KIE's Veo 3.1 endpoints ({@code /api/v1/veo/*}) accept: it picks the
 * callback shape ({@link VeoCallbacks}) and keeps other dialects' tasks out of record-info.
 */
final class KieVeoDialect {

    static final String NAME = "kie-veo";

    private KieVeoDialect() {
    }
}
