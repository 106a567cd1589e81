package io.reelgate.server.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code input} field of a model: its type, whether it is required, its default and the limits its values must
 * keep. {@code values} are in the type's normal form and compared exactly ({@code 768P} is not {@code 768p});
 * {@code min}/{@code max} bound numbers and durations, {@code maxLength} strings, {@code minItems}/{@code maxItems}
 * lists. {@code aliases} are other spellings clients send for the same field ({@code aspect_ratio} for
 * {@code aspectRatio}). {@code items} declares the fields of each object of an {@code object-list} (Kling 3.0's
 * {@code multi_prompt}); failures inside name the item, e.g. {@code multi_prompt[1].duration}.
 */
public record FieldSpec(String name, FieldType type, boolean required, Object defaultValue, List<Object> values,
                        Double min, Double max, Integer maxLength, Integer minItems, Integer maxItems,
                        List<String> aliases, Map<String, FieldSpec> items) {

    public FieldSpec {
        values = List.copyOf(values);
        aliases = List.copyOf(aliases);
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    /** The value in normal form, checked against this field's limits, or an exception naming the field. */
    Object accept(Object raw) {
        Object value = type.normalise(raw, name);
        if (!items.isEmpty()) {
            value = acceptItems((List<?>) value);
        }
        check(value);
        return value;
    }

    @SuppressWarnings("unchecked")
    private List<Object> acceptItems(List<?> objects) {
        List<Object> accepted = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            try {
                accepted.add(InputValidator.fields(items, (Map<String, Object>) objects.get(i)));
            } catch (InvalidModelInputException e) {
                throw e.under(name + "[" + i + "]");
            }
        }
        return List.copyOf(accepted);
    }

    void check(Object value) {
        if (!values.isEmpty() && !values.contains(value)) {
            throw invalid(name + " must be one of " + listed(values));
        }
        if (value instanceof String text && maxLength != null && text.length() > maxLength) {
            throw invalid(name + " must be at most " + maxLength + " characters");
        }
        Double number = numeric(value);
        if (number != null && min != null && number < min) {
            throw invalid(name + " must be at least " + plain(min));
        }
        if (number != null && max != null && number > max) {
            throw invalid(name + " must be at most " + plain(max));
        }
        if (value instanceof List<?> items) {
            if (minItems != null && items.size() < minItems) {
                throw invalid(name + " needs at least " + items(minItems));
            }
            if (maxItems != null && items.size() > maxItems) {
                throw invalid(name + " accepts at most " + items(maxItems));
            }
        }
    }

    private Double numeric(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return type == FieldType.DURATION && value instanceof String text ? Double.valueOf(text) : null;
    }

    private InvalidModelInputException invalid(String message) {
        return new InvalidModelInputException(name, message);
    }

    static String listed(List<?> values) {
        return values.stream().map(FieldSpec::quoted).collect(Collectors.joining(", "));
    }

    static String quoted(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String items(int count) {
        return count + (count == 1 ? " item" : " items");
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
