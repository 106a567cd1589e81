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

/** docs/models.md lists exactly the shipped models, so the page cannot drift from the registry. */
class ModelsDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void modelsTableListsEveryShippedModelAndNoOther() throws IOException {
        Path doc = Files.exists(Path.of("docs/models.md")) ? Path.of("docs/models.md") : Path.of("../docs/models.md");
        String text = Files.readString(doc);
        String table = text.substring(text.indexOf("## Models"));
        Matcher rows = ROW.matcher(table);
        Set<String> documented = new java.util.LinkedHashSet<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }

        Set<String> shipped = Inputs.REGISTRY.all().stream().map(VideoModel::id)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        assertThat(documented).containsExactlyElementsOf(shipped);
    }
}
