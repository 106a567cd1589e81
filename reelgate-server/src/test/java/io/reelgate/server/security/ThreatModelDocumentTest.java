package io.reelgate.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every test docs/security.md names as the proof of a control exists, so the threat model cannot drift. */
class ThreatModelDocumentTest {

    private static final Pattern REFERENCE = Pattern.compile("`([a-z]+(?:\\.[a-z]+)*\\.[A-Z][A-Za-z]+)(?:#([a-zA-Z]+))?`");

    @Test
    void everyTestTheThreatModelNamesExists() throws IOException {
        String document = Files.readString(Path.of("..", "docs", "security.md"));
        Matcher matcher = REFERENCE.matcher(document);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        while (matcher.find()) {
            checked++;
            String className = "io.reelgate.server." + matcher.group(1);
            try {
                Class<?> type = Class.forName(className);
                String method = matcher.group(2);
                if (method != null && Arrays.stream(type.getDeclaredMethods()).map(Method::getName).noneMatch(method::equals)) {
                    missing.add(matcher.group(1) + "#" + method);
                }
            } catch (ClassNotFoundException e) {
                missing.add(matcher.group(1));
            }
        }

        assertThat(checked).as("references found").isGreaterThan(40);
        assertThat(missing).as("tests named in docs/security.md that do not exist").isEmpty();
    }
}
