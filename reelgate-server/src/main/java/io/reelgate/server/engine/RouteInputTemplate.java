package io.reelgate.server.engine;

import io.reelgate.server.infra.JsonObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a route's {@code input} template (docs/models.md, "Routes") for one job: the upstream request body of the
 * model, written as data. A string value {@code "${name|filter|…}"} is replaced by the named value of the job, with
 * its type kept ({@code "${duration}"} is a number, {@code "${duration|string}"} the string {@code "5"}); a string
 * mixing text and placeholders is interpolated ({@code "${duration}s"} is {@code "8s"}). A value that resolves to
 * nothing drops its key (or list element), so the provider's default applies. Everything else is copied.
 *
 * <p>Names: {@code prompt}, {@code imageUrl}, {@code lastFrameUrl}, {@code referenceImageUrls}, {@code videoUrl},
 * {@code referenceImage}, {@code duration}, {@code aspectRatio}, {@code resolution}, {@code seed}, {@code fps},
 * {@code width}, {@code height}, {@code model}, and {@code input.<field>} (also {@code input.<field>[i]}) for the
 * registry model's validated input. Media names pass through the engine's {@link MediaResolver}; an input field
 * does when it carries the {@code media} filter. Filters: {@code string}, {@code int}, {@code number}, {@code bool},
 * {@code lower}, {@code upper}, {@code media}, {@code json} (the value as a JSON text), {@code map(from=to,…)}
 * (values not listed pass unchanged) and {@code default(value)}.
 */
public final class RouteInputTemplate {

    private static final Pattern WHOLE = Pattern.compile("^\\$\\{([^}]+)}$");
    private static final Pattern PART = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern INDEXED = Pattern.compile("^(.+)\\[(\\d+)]$");
    private static final Set<String> MEDIA = Set.of("imageUrl", "lastFrameUrl", "referenceImageUrls", "videoUrl",
            "referenceImage");

    private final EngineJob job;
    private final MediaResolver media;

    private RouteInputTemplate(EngineJob job, MediaResolver media) {
        this.job = job;
        this.media = media;
    }

    /** The rendered body: keys in the template's order, absent values left out. */
    public static Map<String, Object> render(Map<String, Object> template, EngineJob job, MediaResolver media) {
        return new RouteInputTemplate(job, media).object(template);
    }

    private Map<String, Object> object(Map<String, Object> template) {
        Map<String, Object> out = new LinkedHashMap<>();
        template.forEach((key, value) -> {
            Object rendered = value(value);
            if (rendered != null) {
                out.put(key, rendered);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object value(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Map<?, ?> map) {
            return object((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object element : list) {
                Object rendered = value(element);
                if (rendered instanceof List<?> spliced && element instanceof String) {
                    out.addAll(spliced);
                } else if (rendered != null) {
                    out.add(rendered);
                }
            }
            return out;
        }
        return value;
    }

    private Object string(String text) {
        Matcher whole = WHOLE.matcher(text);
        if (whole.matches()) {
            return placeholder(whole.group(1));
        }
        Matcher part = PART.matcher(text);
        StringBuilder out = new StringBuilder();
        while (part.find()) {
            Object resolved = placeholder(part.group(1));
            if (resolved == null) {
                return null;
            }
            part.appendReplacement(out, Matcher.quoteReplacement(plain(resolved)));
        }
        part.appendTail(out);
        return out.toString();
    }

    private Object placeholder(String expression) {
        List<String> parts = splitFilters(expression);
        String name = parts.get(0).trim();
        List<String> filters = parts.subList(1, parts.size());
        Object value = lookup(name);
        if (MEDIA.contains(name) || filters.stream().anyMatch(f -> f.trim().equals("media"))) {
            value = resolveMedia(value, name);
        }
        for (String filter : filters) {
            value = apply(filter.trim(), value, name);
        }
        return value;
    }

    /** Splits on {@code |} outside parentheses, so {@code map(a=b)} may hold any text but a parenthesis. */
    private static List<String> splitFilters(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(expression.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(expression.substring(start));
        return parts;
    }

    private Object lookup(String name) {
        if (name.startsWith("input.")) {
            return inputField(name.substring("input.".length()));
        }
        return switch (name) {
            case "prompt" -> blankToNull(job.prompt());
            case "imageUrl" -> blankToNull(job.imageUrl());
            case "lastFrameUrl" -> blankToNull(job.lastFrameUrl());
            case "referenceImageUrls" -> job.referenceImageUrls().isEmpty() ? null : job.referenceImageUrls();
            case "videoUrl" -> blankToNull(job.videoUrl());
            case "referenceImage" -> blankToNull(job.referenceImage());
            case "duration" -> job.durationSeconds() > 0 ? job.durationSeconds() : null;
            case "aspectRatio" -> blankToNull(job.aspectRatio());
            case "resolution" -> blankToNull(job.quality());
            case "seed" -> job.seed();
            case "fps" -> job.fps();
            case "width" -> job.size() == null ? null : job.size().width();
            case "height" -> job.size() == null ? null : job.size().height();
            case "model" -> job.route() != null && job.route().upstreamModel() != null ? job.route().upstreamModel()
                    : job.model();
            default -> throw new IllegalArgumentException("unknown template name '" + name + "'");
        };
    }

    private Object inputField(String field) {
        Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches()) {
            Object list = job.modelInput().get(indexed.group(1));
            int index = Integer.parseInt(indexed.group(2));
            return list instanceof List<?> values && index < values.size() ? values.get(index) : null;
        }
        Object value = job.modelInput().get(field);
        return value instanceof List<?> list && list.isEmpty() ? null : value;
    }

    private Object resolveMedia(Object value, String name) {
        if (value instanceof List<?> list) {
            return list.stream().map(url -> media.resolve(String.valueOf(url), name)).toList();
        }
        return value == null ? null : media.resolve(String.valueOf(value), name);
    }

    private static Object apply(String filter, Object value, String name) {
        if (filter.startsWith("default(") && filter.endsWith(")")) {
            return value != null ? value : literal(filter.substring("default(".length(), filter.length() - 1));
        }
        if (value == null) {
            return null;
        }
        if (filter.startsWith("map(") && filter.endsWith(")")) {
            return mapped(filter.substring(4, filter.length() - 1), value);
        }
        return switch (filter) {
            case "string" -> plain(value);
            case "int" -> value instanceof Number number ? (Object) number.longValue()
                    : (Object) Math.round(Double.parseDouble(plain(value)));
            case "number" -> value instanceof Number ? value : Double.parseDouble(plain(value));
            case "bool" -> value instanceof Boolean ? value : Boolean.parseBoolean(plain(value));
            case "lower" -> plain(value).toLowerCase(Locale.ROOT);
            case "upper" -> plain(value).toUpperCase(Locale.ROOT);
            case "media" -> value;
            case "json" -> JsonObjects.writeValue(value);
            default -> throw new IllegalArgumentException("unknown template filter '" + filter + "' on " + name);
        };
    }

    private static Object mapped(String table, Object value) {
        String key = plain(value);
        for (String pair : table.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(key)) {
                return literal(pair.substring(eq + 1).trim());
            }
        }
        return value;
    }

    /** {@code true}/{@code false} and numbers keep their JSON type; anything else is a string. */
    private static Object literal(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        if (text.matches("-?\\d+")) {
            return Long.parseLong(text);
        }
        if (text.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(text);
        }
        return text;
    }

    private static String plain(Object value) {
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
