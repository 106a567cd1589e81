package io.reelgate.server.api.kie.runway;

import io.reelgate.server.task.InvalidRequestException;
import java.util.Locale;

/** Rules for fields several KIE endpoints share, each error naming the field. */
final class KieFieldRules {

    /** The documented generate limit; extend uses it too, as its prompt continues the same video. */
    static final int MAX_PROMPT_LENGTH = 1800;
    /** Aleph documents no limit; this is the column size. */
    static final int MAX_ALEPH_PROMPT_LENGTH = 4000;
    static final int MAX_WATERMARK_LENGTH = 200;

    private KieFieldRules() {
    }

    static String prompt(RequestFields body, int maxLength) {
        String prompt = body.requiredString("prompt");
        int length = RequestFields.codePoints(prompt);
        if (length > maxLength) {
            throw new InvalidRequestException("prompt",
                    "prompt must be at most " + maxLength + " characters (got " + length + ")");
        }
        return prompt;
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
