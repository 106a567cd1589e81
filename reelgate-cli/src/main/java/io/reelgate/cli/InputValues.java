package io.reelgate.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A {@code --input FIELD=VALUE} value: JSON when it parses as JSON, else the text itself. */
final class InputValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InputValues() {
    }

    static Object parse(String value) {
        try {
            return JSON.readValue(value, Object.class);
        } catch (JacksonException e) {
            return value;
        }
    }
}
