package io.reelgate.server.catalog;

import io.reelgate.server.engine.UpstreamRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One engine a model can run on, tried in the entry's order (docs/models.md, "Routes"). {@code upstreamModel} and
 * {@code template} are the common keys; {@code modes} limits the route to some of the model's modes (providers offer
 * one endpoint per mode where the model has one id; empty is every mode); {@code accepts} names, by the entry's field
 * names (or {@code field[i]}, one item of a list), the only values this route can serve (a provider endpoint without
 * 1:1 or 15 s; an empty list: the field or item must be absent); any other key (a hosted engine's {@code input}
 * template) lands in {@code options} untouched.
 */
public record ModelRoute(String engine, String upstreamModel, String template, List<ModelMode> modes,
                         Map<String, List<String>> accepts, Map<String, Object> options) {

    public ModelRoute {
        modes = List.copyOf(modes);
        accepts = Map.copyOf(accepts);
        options = Map.copyOf(options);
    }

    /** Whether this route serves inputs of {@code mode}. */
    public boolean serves(ModelMode mode) {
        return modes.isEmpty() || modes.contains(mode);
    }

    /**
     * Why none of one engine's {@code routes} can serve {@code values}, or empty when one can: the first route's
     * reason, naming what all of them accept when they all refuse the same field (Veo's {@code fast} and
     * {@code quality} routes of one model).
     */
    static Optional<InvalidModelInputException> refusal(List<ModelRoute> routes, Map<String, Object> values) {
        List<InvalidModelInputException> refusals = new ArrayList<>();
        for (ModelRoute route : routes) {
            Optional<InvalidModelInputException> refused = route.refusal(values);
            if (refused.isEmpty()) {
                return Optional.empty();
            }
            refusals.add(refused.get());
        }
        String field = refusals.get(0).field();
        List<List<String>> accepted = routes.stream().map(route -> route.accepts().get(field)).toList();
        if (routes.size() == 1 || accepted.contains(null) || refusals.stream().anyMatch(r -> !r.field().equals(field))
                || accepted.stream().anyMatch(List::isEmpty)) {
            return Optional.of(refusals.get(0));
        }
        return Optional.of(refused(routes.get(0).engine(), field, values.get(field),
                accepted.stream().flatMap(List::stream).distinct().toList()));
    }

    /** The first field of {@code values} this route cannot serve, as the 422 the request gets if no route can. */
    public Optional<InvalidModelInputException> refusal(Map<String, Object> values) {
        for (Map.Entry<String, List<String>> rule : accepts.entrySet()) {
            Object value = FieldPath.parse(rule.getKey()).resolve(values);
            if (value instanceof List<?> list && list.isEmpty()) {
                continue;
            }
            if (value != null && rule.getValue().isEmpty()) {
                return Optional.of(new InvalidModelInputException(rule.getKey(), rule.getKey()
                        + " cannot be served by engine " + engine));
            }
            if (value != null && !rule.getValue().contains(plain(value))) {
                return Optional.of(refused(engine, rule.getKey(), value, rule.getValue()));
            }
        }
        return Optional.empty();
    }

    private static InvalidModelInputException refused(String engine, String field, Object value, List<String> accepted) {
        return new InvalidModelInputException(field, field + " " + plain(value) + " cannot be served by engine "
                + engine + " (it accepts " + accepted.stream().map(v -> '"' + v + '"').collect(Collectors.joining(", "))
                + ")");
    }

    /** The route as its engine reads it: the {@code input} template apart, the other options as they are. */
    @SuppressWarnings("unchecked")
    public UpstreamRoute toUpstream() {
        Map<String, Object> input = options.get("input") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Map<String, Object> rest = new LinkedHashMap<>(options);
        rest.remove("input");
        return new UpstreamRoute(engine, upstreamModel, template, input, rest);
    }

    /** A value as the registry compares it: {@code 5} and {@code "5"} alike. */
    static String plain(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }
}
