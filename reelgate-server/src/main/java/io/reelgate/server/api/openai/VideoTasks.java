package io.reelgate.server.api.openai;

import io.reelgate.server.catalog.FieldSpec;
import io.reelgate.server.catalog.InvalidModelInputException;
import io.reelgate.server.catalog.ModelInput;
import io.reelgate.server.catalog.ModelRegistry;
import io.reelgate.server.catalog.ModelTasks;
import io.reelgate.server.catalog.VideoModel;
import io.reelgate.server.task.ModelTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a create form into a registry model's input (docs/compatibility.md, "OpenAI /v1/videos"). The {@code sora-2}
 * entries take the four fields as they are; any other registry model gets them on the fields it has: {@code prompt};
 * {@code seconds} on {@code seconds} or {@code duration}; {@code size} on {@code size}, else as the
 * {@code aspect_ratio} and {@code resolution} it implies; {@code input_reference} on the first image field it has.
 * Validation errors name the OpenAI field and list the allowed values as OpenAI words them.
 */
@Component
class VideoTasks {

    static final String DEFAULT_MODEL = "sora-2";
    private static final List<String> DURATION_FIELDS = List.of("seconds", "duration");
    private static final List<String> IMAGE_FIELDS = List.of("input_reference", "image_url", "first_frame_url",
            "image_urls", "reference_image_urls");

    private final ModelRegistry registry;

    VideoTasks(ModelRegistry registry) {
        this.registry = registry;
    }

    ModelTask of(VideoForm form, String callBackUrl, String paramsJson) {
        String modelId = form.model() == null ? DEFAULT_MODEL : form.model();
        VideoModel model = registry.find(modelId).orElseThrow(() -> new VideoRequestException(OpenAiError.invalid(
                "model", "invalid_value", "Invalid value: '" + modelId + "'. The model is not supported.")));
        Map<String, String> origin = new LinkedHashMap<>();
        Map<String, Object> input = new LinkedHashMap<>();
        put(model, input, origin, "prompt", List.of("prompt"), form.prompt());
        put(model, input, origin, "seconds", DURATION_FIELDS, form.seconds());
        if (form.size() != null && model.field("size").isEmpty()) {
            putSizeAsRatio(model, input, origin, form.size());
        } else {
            put(model, input, origin, "size", List.of("size"), form.size());
        }
        if (form.inputReference() != null) {
            String field = IMAGE_FIELDS.stream().filter(name -> model.field(name).isPresent()).findFirst()
                    .orElseThrow(() -> VideoRequestException.invalid("input_reference",
                            "Model '" + modelId + "' does not take an input_reference image."));
            Object value = model.field(field).orElseThrow().type().name().endsWith("LIST")
                    ? List.of(form.inputReference()) : form.inputReference();
            input.put(field, value);
            origin.put(field, "input_reference");
        }
        form.extras().forEach((name, value) -> {
            if (model.field(name).isPresent()) {
                input.putIfAbsent(name, value);
            }
        });
        ModelInput validated;
        try {
            validated = model.validate(input);
        } catch (InvalidModelInputException e) {
            throw refused(model, input, origin, e);
        }
        return ModelTasks.of(validated, OpenAiDialect.NAME, callBackUrl, paramsJson, "");
    }

    private static void put(VideoModel model, Map<String, Object> input, Map<String, String> origin, String param,
                            List<String> candidates, String value) {
        if (value == null) {
            return;
        }
        String field = candidates.stream().filter(name -> model.field(name).isPresent()).findFirst()
                .orElseThrow(() -> VideoRequestException.invalid(param,
                        "Model '" + model.id() + "' does not take '" + param + "'."));
        input.put(field, value);
        origin.put(field, param);
    }

    /** {@code 1280x720} on a model with an {@code aspect_ratio} field is {@code 16:9} (and {@code 720p}, if offered). */
    private static void putSizeAsRatio(VideoModel model, Map<String, Object> input, Map<String, String> origin,
                                       String size) {
        Optional<int[]> dimensions = dimensions(size);
        if (dimensions.isEmpty() || model.field("aspect_ratio").isEmpty()) {
            throw VideoRequestException.invalid("size", "Invalid value: '" + size + "'. Model '" + model.id()
                    + "' takes size only as WIDTHxHEIGHT of one of its aspect ratios.");
        }
        int width = dimensions.get()[0];
        int height = dimensions.get()[1];
        int divisor = gcd(width, height);
        input.put("aspect_ratio", width / divisor + ":" + height / divisor);
        origin.put("aspect_ratio", "size");
        model.field("resolution").flatMap(field -> field.values().stream().map(String::valueOf)
                        .filter(value -> value.equalsIgnoreCase(Math.min(width, height) + "p")).findFirst())
                .ifPresent(resolution -> input.put("resolution", resolution));
    }

    private static VideoRequestException refused(VideoModel model, Map<String, Object> input,
                                                 Map<String, String> origin, InvalidModelInputException e) {
        String field = e.field().replaceFirst("\\[\\d+]$", "");
        String param = origin.getOrDefault(field, openAiName(field));
        Object sent = input.get(field);
        List<Object> allowed = model.field(field).map(FieldSpec::values).orElse(List.of());
        if (sent != null && !allowed.isEmpty() && !(sent instanceof List<?>)) {
            return VideoRequestException.invalid(param, "Invalid value: '" + sent + "'. Supported values are: "
                    + supported(allowed) + ".");
        }
        return VideoRequestException.invalid(param, e.getMessage().replace(field, param));
    }

    /** The OpenAI field a model field stands for, even when the client left it out (a required duration). */
    private static String openAiName(String field) {
        if (DURATION_FIELDS.contains(field)) {
            return "seconds";
        }
        if (IMAGE_FIELDS.contains(field)) {
            return "input_reference";
        }
        return field.equals("aspect_ratio") || field.equals("resolution") ? "size" : field;
    }

    /** {@code '4', '8', and '12'}, as OpenAI lists allowed values. */
    static String supported(List<Object> values) {
        List<String> quoted = values.stream().map(value -> "'" + value + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", "))
                + ", and " + quoted.get(quoted.size() - 1);
    }

    private static Optional<int[]> dimensions(String size) {
        String[] parts = size.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int width = Integer.parseInt(parts[0].trim());
                int height = Integer.parseInt(parts[1].trim());
                if (width > 0 && height > 0) {
                    return Optional.of(new int[] {width, height});
                }
            }
        } catch (NumberFormatException e) {
            // falls through to empty
        }
        return Optional.empty();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
