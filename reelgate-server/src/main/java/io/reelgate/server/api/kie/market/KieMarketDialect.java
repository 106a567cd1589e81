package io.reelgate.server.api.kie.market;

/**
 * The {@code dialect} stored with every task KIE's Market jobs API accepts ({@code POST /api/v1/jobs/createTask}):
 * it picks the callback shape ({@link MarketCallbacks}) and keeps other dialects' tasks out of recordInfo.
 */
final class KieMarketDialect {

    static final String NAME = "kie-market";

    private KieMarketDialect() {
    }
}
