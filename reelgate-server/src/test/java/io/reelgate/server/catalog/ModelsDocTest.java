package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/models.md lists exactly the shipped models with their routes, so the page cannot drift from the registry. */
class ModelsDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);
    /** A row's model id and its last cell, the Routes column. */
    private static final Pattern ROUTES = Pattern.compile("^\\| `([^`]+)` \\|.*\\| ([^|]+) \\|$", Pattern.MULTILINE);

    @Test
    void modelsTableListsEveryShippedModelAndNoOther() throws IOException {
        Matcher rows = ROW.matcher(modelsTable());
        Set<String> documented = new java.util.LinkedHashSet<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }

        Set<String> shipped = Inputs.REGISTRY.all().stream().map(VideoModel::id)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        assertThat(documented).containsExactlyElementsOf(shipped);
    }

    @Test
    void routesColumnNamesEachModelsEnginesInRegistryOrder() throws IOException {
        Matcher rows = ROUTES.matcher(modelsTable());
        java.util.Map<String, String> documented = new java.util.LinkedHashMap<>();
        while (rows.find()) {
            documented.put(rows.group(1), rows.group(2));
        }
        java.util.Map<String, String> shipped = new java.util.LinkedHashMap<>();
        for (VideoModel model : Inputs.REGISTRY.all()) {
            shipped.put(model.id(), model.routes().stream().map(ModelRoute::engine).collect(Collectors.joining(", ")));
        }
        assertThat(documented).containsExactlyEntriesOf(shipped);
    }

    private static String modelsTable() throws IOException {
        Path doc = Files.exists(Path.of("docs/models.md")) ? Path.of("docs/models.md") : Path.of("../docs/models.md");
        String text = Files.readString(doc);
        return text.substring(text.indexOf("## Models"));
    }
}
