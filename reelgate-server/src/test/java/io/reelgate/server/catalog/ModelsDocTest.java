package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/models.md lists exactly the shipped models with their routes, so the page cannot drift from the registry. */
class ModelsDocTest {

    /** A row of the models table: the model id and its last cell, the Routes column. */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|.*\\| ([^|]+) \\|$", Pattern.MULTILINE);

    @Test
    void modelsTableListsEveryShippedModelAndNoOther() throws IOException {
        List<String> shipped = Inputs.REGISTRY.all().stream().map(VideoModel::id).toList();
        assertThat(documentedRoutes().keySet()).containsExactlyElementsOf(shipped);
    }

    @Test
    void routesColumnNamesEachModelsEnginesInRegistryOrder() throws IOException {
        Map<String, String> shipped = new LinkedHashMap<>();
        for (VideoModel model : Inputs.REGISTRY.all()) {
            shipped.put(model.id(), model.routes().stream().map(ModelRoute::engine).distinct().collect(Collectors.joining(", ")));
        }
        assertThat(documentedRoutes()).containsExactlyEntriesOf(shipped);
    }

    /** The table's rows in page order: model id to its Routes cell. */
    private static Map<String, String> documentedRoutes() throws IOException {
        Path doc = Files.exists(Path.of("docs/models.md")) ? Path.of("docs/models.md") : Path.of("../docs/models.md");
        String text = Files.readString(doc);
        Matcher rows = ROW.matcher(text.substring(text.indexOf("## Models")));
        Map<String, String> documented = new LinkedHashMap<>();
        while (rows.find()) {
            documented.put(rows.group(1), rows.group(2));
        }
        return documented;
    }
}
