package io.reelgate.server.task;

import io.reelgate.server.engine.VideoGeometry;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one place the rules of {@code POST /api/v1/runway/generate} live (spec §3). Unknown fields are ignored,
 * as KIE ignores them.
 */
@Component
public class GenerateRequestParser {

    public static final int MAX_PROMPT_LENGTH = 1800;
    public static final int MAX_WATERMARK_LENGTH = 200;

    public GenerateRequest parse(JsonNode json) {
        RequestFields body = new RequestFields(json);
        String prompt = prompt(body);
        String imageUrl = body.optionalHttpUrl("imageUrl");
        int duration = duration(body);
        String quality = quality(body);
        if (duration != 5 && "1080p".equals(quality)) {
            throw new InvalidRequestException("quality",
                    "quality 1080p is only available with duration 5 (got duration " + duration + ")");
        }
        String aspectRatio = imageUrl == null ? aspectRatio(body) : null;
        return new GenerateRequest(prompt, imageUrl, aspectRatio, duration, quality, waterMark(body),
                body.optionalHttpUrl("callBackUrl"), body.lenientString("model", 100), body.lenientBoolean("expandPrompt"));
    }

    static String prompt(RequestFields body) {
        String prompt = body.requiredString("prompt");
        int length = RequestFields.codePoints(prompt);
        if (length > MAX_PROMPT_LENGTH) {
            throw new InvalidRequestException("prompt",
                    "prompt must be at most " + MAX_PROMPT_LENGTH + " characters (got " + length + ")");
        }
        return prompt;
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

    static String quality(RequestFields body) {
        String quality = body.optionalString("quality");
        if (quality == null) {
            throw new InvalidRequestException("quality", "quality is required (720p or 1080p)");
        }
        String normalized = quality.trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals("720p") && !normalized.equals("1080p")) {
            throw new InvalidRequestException("quality", "quality must be 720p or 1080p (got " + quality + ")");
        }
        return normalized;
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

    static String waterMark(RequestFields body) {
        String waterMark = body.optionalString("waterMark");
        if (waterMark == null) {
            return "";
        }
        if (RequestFields.codePoints(waterMark) > MAX_WATERMARK_LENGTH) {
            throw new InvalidRequestException("waterMark",
                    "waterMark must be at most " + MAX_WATERMARK_LENGTH + " characters");
        }
        return waterMark;
    }
}
