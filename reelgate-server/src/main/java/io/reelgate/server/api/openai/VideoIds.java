package io.reelgate.server.api.openai;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Video ids on the wire: {@code video_} + the task UUID without dashes (32 hex, the shorter of the two forms
 * OpenAI's ids take). Anything else names no video of ours.
 */
final class VideoIds {

    private static final String PREFIX = "video_";
    private static final Pattern WIRE = Pattern.compile("video_[0-9a-f]{32}");

    private VideoIds() {
    }

    static String of(String taskId) {
        return taskId == null ? null : PREFIX + taskId.replace("-", "");
    }

    static Optional<String> taskIdOf(String videoId) {
        if (videoId == null || !WIRE.matcher(videoId.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        String hex = videoId.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        return Optional.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }
}
