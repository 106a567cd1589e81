package io.reelgate.server.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One line of a model's price list, tried in order: it applies when every {@code when} field holds one of its
 * values (and the input's mode is {@code mode}, when set), and charges {@code credits} per video or
 * {@code perSecond} times the rendered duration. Amounts may be fractional as KIE quotes them (104.5, 3.5/s); the
 * total is rounded half up to whole credits by {@link ModelInput#price()}.
 */
record PriceRule(Map<String, List<Object>> when, ModelMode mode, BigDecimal credits, BigDecimal perSecond) {

    boolean matches(Map<String, Object> values, ModelMode inputMode) {
        return (mode == null || mode == inputMode)
                && when.entrySet().stream().allMatch(e -> e.getValue().contains(values.get(e.getKey())));
    }

    BigDecimal amount(int seconds) {
        return credits != null ? credits : perSecond.multiply(BigDecimal.valueOf(seconds));
    }
}
