package io.reelgate.server.api.kie.runway;

/**
 * The {@code dialect} stored with every task the KIE Runway and Aleph endpoints accept: it picks the callback shape
 * ({@link KieRunwayCallbacks}) and keeps other dialects' tasks out of record-detail, record-info and extend.
 */
final class KieRunwayDialect {

    static final String NAME = "kie-runway";

    private KieRunwayDialect() {
    }
}
