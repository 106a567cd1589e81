package io.reelgate.server.api.kie.runway;

import io.reelgate.server.engine.VideoGeometry;
import io.reelgate.server.task.GenerateRequest;
import io.reelgate.server.task.InvalidRequestException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one place the rules of {@code POST /api/v1/runway/generate} live (docs/kie-contract.md, "Generate"). Unknown
 * fields are ignored, as KIE ignores them.
 */
@Component
class GenerateRequestParser {

    GenerateRequest parse(JsonNode json) {
        RequestFields body = new RequestFields(json);
        String prompt = KieFieldRules.prompt(body, KieFieldRules.MAX_PROMPT_LENGTH);
        String imageUrl = body.optionalHttpUrl("imageUrl");
        int duration = duration(body);
        String quality = KieFieldRules.quality(body);
        if (duration != 5 && "1080p".equals(quality)) {
            throw new InvalidRequestException("quality",
                    "quality 1080p is only available with duration 5 (got duration " + duration + ")");
        }
        String aspectRatio = imageUrl == null ? aspectRatio(body) : null;
        return new GenerateRequest(prompt, imageUrl, aspectRatio, duration, quality, KieFieldRules.waterMark(body),
                body.optionalHttpUrl("callBackUrl"), body.lenientString("model", 100), body.lenientBoolean("expandPrompt"));
    }

    /** 5 and 10 per the OpenAPI schema; 8 per the newest docs page, so both are accepted. */
    private static int duration(RequestFields body) {
        Integer duration = body.optionalInteger("duration");
        if (duration == null) {
            throw new InvalidRequestException("duration", "duration is required (5, 8 or 10)");
        }
        if (duration != 5 && duration != 8 && duration != 10) {
            throw new InvalidRequestException("duration", "duration must be 5, 8 or 10 (got " + duration + ")");
        }
        return duration;
    }

    private static String aspectRatio(RequestFields body) {
        String ratio = body.optionalString("aspectRatio");
        if (ratio == null) {
            throw new InvalidRequestException("aspectRatio", "aspectRatio is required when imageUrl is not provided");
        }
        String trimmed = ratio.trim();
        if (!VideoGeometry.ASPECT_RATIOS.contains(trimmed)) {
            throw new InvalidRequestException("aspectRatio",
                    "aspectRatio must be one of " + String.join(", ", VideoGeometry.ASPECT_RATIOS) + " (got " + ratio + ")");
        }
        return trimmed;
    }

}
