package io.reelgate.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** {@code state} of a Market task: {@code waiting → queuing → generating → success | fail}. */
public enum MarketState {
    WAITING, QUEUING, GENERATING, SUCCESS, FAIL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MarketState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isTerminal() {
        return this == SUCCESS || this == FAIL;
    }
}
