package io.reelgate.server.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How an entry's input becomes a {@link RenderSpec}: which fields give the prompt, duration, resolution, ratio,
 * size and media. Ratio values listed in {@code aspectFromImage} ({@code adaptive}, {@code Auto}) leave the ratio
 * to the first frame, as does {@code imageDecidesRatio} whenever a first frame is given (Kling 3.0 and Runway ignore
 * the ratio then); with no first frame those cases render 16:9. A negative seed is KIE's "random" and renders as none.
 */
record RenderMapping(String prompt, ValueSource duration, ValueSource resolution, ValueSource aspectRatio,
                     List<String> aspectFromImage, boolean imageDecidesRatio, String size, FieldPath firstFrame,
                     FieldPath lastFrame, FieldPath referenceImages, FieldPath sourceVideo, ValueSource audio,
                     String seed, String negativePrompt, List<Variant> variants) {

    private static final String FALLBACK_RATIO = "16:9";

    /** A whole other mapping, used instead of this one when every {@code when} field has its value. */
    record Variant(Map<String, Object> when, RenderMapping mapping) {

        boolean applies(Map<String, Object> values) {
            return InputRule.holds(when, values);
        }
    }

    RenderMapping withVariants(List<Variant> list) {
        return new RenderMapping(prompt, duration, resolution, aspectRatio, aspectFromImage, imageDecidesRatio, size,
                firstFrame, lastFrame, referenceImages, sourceVideo, audio, seed, negativePrompt, List.copyOf(list));
    }

    RenderSpec render(Map<String, Object> values) {
        for (Variant variant : variants) {
            if (variant.applies(values)) {
                return variant.mapping().render(values);
            }
        }
        String first = text(firstFrame, values);
        Integer width = null;
        Integer height = null;
        Object explicit = size == null ? null : values.get(size);
        if (explicit instanceof String text && text.matches("\\d+x\\d+")) {
            String[] parts = text.split("x");
            width = Integer.valueOf(parts[0]);
            height = Integer.valueOf(parts[1]);
        }
        Object seedValue = seed == null ? null : values.get(seed);
        return new RenderSpec(prompt == null ? null : (String) values.get(prompt),
                seconds(duration.resolve(values)), shortSide(resolution.resolve(values)), ratio(values, first),
                width, height, first, text(lastFrame, values), references(values), text(sourceVideo, values),
                Boolean.TRUE.equals(audio.resolve(values)),
                seedValue instanceof Number number && number.longValue() >= 0 ? number.longValue() : null,
                negativePrompt == null ? null : (String) values.get(negativePrompt));
    }

    private String ratio(Map<String, Object> values, String firstFrameUrl) {
        if (imageDecidesRatio && firstFrameUrl != null) {
            return null;
        }
        Object value = aspectRatio.resolve(values);
        if (value == null || aspectFromImage.contains(value)) {
            return firstFrameUrl != null ? null : FALLBACK_RATIO;
        }
        return (String) value;
    }

    private List<String> references(Map<String, Object> values) {
        Object value = referenceImages == null ? null : referenceImages.resolve(values);
        if (value instanceof List<?> list) {
            return list.stream().map(String.class::cast).toList();
        }
        return value instanceof String url ? List.of(url) : List.of();
    }

    private static String text(FieldPath path, Map<String, Object> values) {
        Object value = path == null ? null : path.resolve(values);
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    /** Seconds from a number or a numeric string; 0 when absent (the registry's load check refuses that). */
    static int seconds(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        return value instanceof String text && text.matches("-?\\d+") ? Integer.parseInt(text) : 0;
    }

    /** Short side in lines from {@code 720}, {@code "720p"}, {@code "768P"} or {@code "4k"}; null when unknown. */
    static Integer shortSide(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (!(value instanceof String text)) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("4k")) {
            return 2160;
        }
        return lower.matches("\\d+p") ? Integer.valueOf(lower.substring(0, lower.length() - 1)) : null;
    }
}
