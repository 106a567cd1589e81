package io.reelgate.server.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.function.Supplier;

/** Stubs a request so that it answers each of {@code answers} once, in order, then the last one forever. */
final class StubSequence {

    private StubSequence() {
    }

    static void inOrder(WireMockServer server, String scenario, Supplier<MappingBuilder> request,
                        ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = request.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i)
                    .willReturn(answers[i]);
            if (i + 1 < answers.length) {
                stub = stub.willSetStateTo("step-" + (i + 1));
            }
            server.stubFor(stub);
        }
    }
}
