package io.reelgate.server.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cross-field rule of a model, checked after defaults are applied. Written as data in the entry's {@code rules}
 * (docs/models.md): a {@link Conditional} narrows or requires fields when others have given values (Hailuo 2.3:
 * 1080P only with 6 s), an {@link AnyOf} needs one of several fields, an {@link Exclusive} forbids mixing groups
 * of fields (Seedance 2: frames or references).
 */
sealed interface InputRule {

    void check(Map<String, Object> values);

    /** Whether every field of {@code when} holds its value (an {@code if} of a rule or a render variant). */
    static boolean holds(Map<String, Object> when, Map<String, Object> values) {
        return when.entrySet().stream().allMatch(e -> e.getValue().equals(values.get(e.getKey())));
    }

    static boolean present(Object value) {
        return value != null && !(value instanceof List<?> list && list.isEmpty())
                && !(value instanceof String text && text.isEmpty());
    }

    /** When every {@code when} field has its value, each {@code then} field must be one of its list and each {@code requires} field present. */
    record Conditional(Map<String, Object> when, Map<String, List<Object>> then, List<String> requires) implements InputRule {

        @Override
        public void check(Map<String, Object> values) {
            if (!InputRule.holds(when, values)) {
                return;
            }
            then.forEach((field, allowed) -> {
                Object value = values.get(field);
                if (value != null && !allowed.contains(value)) {
                    throw new InvalidModelInputException(field,
                            field + " must be one of " + FieldSpec.listed(allowed) + " when " + condition());
                }
            });
            for (String field : requires) {
                if (!present(values.get(field))) {
                    throw new InvalidModelInputException(field, field + " is required when " + condition());
                }
            }
        }

        private String condition() {
            return when.entrySet().stream().map(e -> e.getKey() + " is " + FieldSpec.quoted(e.getValue()))
                    .collect(Collectors.joining(" and "));
        }
    }

    /** At least one of the fields must be present (Grok Imagine I2V: {@code image_urls} or {@code task_id}). */
    record AnyOf(List<String> fields) implements InputRule {

        @Override
        public void check(Map<String, Object> values) {
            if (fields.stream().noneMatch(field -> present(values.get(field)))) {
                throw new InvalidModelInputException(fields.get(0), String.join(" or ", fields) + " is required");
            }
        }
    }

    /** Fields of at most one group may be present. */
    record Exclusive(List<List<String>> groups) implements InputRule {

        @Override
        public void check(Map<String, Object> values) {
            String first = null;
            for (List<String> group : groups) {
                String found = group.stream().filter(field -> present(values.get(field))).findFirst().orElse(null);
                if (found != null && first != null) {
                    throw new InvalidModelInputException(found, found + " cannot be combined with " + first);
                }
                first = first == null ? found : first;
            }
        }
    }
}
