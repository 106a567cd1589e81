package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped entry is usable: it has modes, a price, a preview route, and for its defaults and for every
 * combination of the values its duration, resolution, ratio, size and priced fields allow (that its own rules do not
 * refuse) it prices positive whole credits and renders a positive duration at even dimensions.
 */
class RegistryEntriesTest {

    static Stream<VideoModel> models() {
        return Inputs.REGISTRY.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void entryHasModePriceAndPreviewRoute(VideoModel model) {
        assertThat(model.modes()).isNotEmpty();
        assertThat(model.dialects()).isNotEmpty();
        assertThat(model.price()).isNotEmpty();
        assertThat(model.routes()).extracting(ModelRoute::engine).contains("preview");
    }

    /** Every mode of every model reaches a real engine once the operator configures it; preview is the sandbox. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyModeHasARouteToARealEngine(VideoModel model) {
        for (ModelMode mode : model.modes()) {
            assertThat(model.routes()).as(mode.wireName())
                    .anyMatch(route -> !route.engine().equals("preview") && route.serves(mode));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void defaultsPriceAndRender(VideoModel model) {
        assertUsable(model.validate(Inputs.minimal(model)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyAllowedCombinationOfSizingAndPricedFieldsPricesAndRenders(VideoModel model) {
        Map<String, Object> base = Inputs.minimal(model);
        List<Map<String, Object>> combinations = new ArrayList<>(List.of(base));
        for (String name : sizingAndPricedFields(model)) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> combination : combinations) {
                for (Object value : Inputs.allowedValues(model.fields().get(name))) {
                    Map<String, Object> input = new LinkedHashMap<>(combination);
                    input.put(name, value);
                    next.add(input);
                }
            }
            combinations = next.isEmpty() ? combinations : next;
        }
        int accepted = 0;
        for (Map<String, Object> input : combinations) {
            ModelInput valid;
            try {
                valid = model.validate(input);
            } catch (InvalidModelInputException refusedByARule) {
                continue;
            }
            assertUsable(valid);
            accepted++;
        }
        assertThat(accepted).as("accepted combinations of " + model.id()).isPositive();
    }

    private static Set<String> sizingAndPricedFields(VideoModel model) {
        Set<String> names = new LinkedHashSet<>();
        RenderMapping render = model.render();
        Stream.of(render.duration(), render.resolution(), render.aspectRatio())
                .map(ValueSource::field).filter(java.util.Objects::nonNull).forEach(names::add);
        if (render.size() != null) {
            names.add(render.size());
        }
        model.price().forEach(rule -> names.addAll(rule.when().keySet()));
        return names;
    }

    private static void assertUsable(ModelInput input) {
        String id = input.model().id() + " " + input.values();
        assertThat(input.price()).as("price of " + id).isPositive();
        RenderSpec render = input.render();
        assertThat(render.durationSeconds()).as("seconds of " + id).isPositive();
        for (Double imageAspect : new Double[] {null, 4.0 / 3.0, 9.0 / 16.0}) {
            RenderSpec.Dimensions size = render.dimensions(imageAspect);
            assertThat(size.width() % 2).as("width of " + id).isZero();
            assertThat(size.height() % 2).as("height of " + id).isZero();
            assertThat(Math.min(size.width(), size.height())).as("short side of " + id).isGreaterThanOrEqualTo(480);
        }
    }
}
