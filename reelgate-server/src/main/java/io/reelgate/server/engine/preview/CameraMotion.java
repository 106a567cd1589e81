package io.reelgate.server.engine.preview;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the preview engine moves over a reference image, picked from phrases in the prompt. Directions are those of
 * the camera: "pan left" moves the view towards the left edge of the image. Verbs may be inflected ("zooming in",
 * "pans left"); when several phrases occur, the first one in the prompt wins.
 */
public enum CameraMotion {
    ZOOM_IN("zoom in", "zoom into", "push in", "dolly in"),
    ZOOM_OUT("zoom out", "pull out", "pull back", "dolly out"),
    PAN_LEFT("pan left", "pan to the left"),
    PAN_RIGHT("pan right", "pan to the right"),
    PAN_UP("pan up", "tilt up"),
    PAN_DOWN("pan down", "tilt down");

    /** Used when the prompt names no motion: a slow zoom in. */
    public static final CameraMotion DEFAULT = ZOOM_IN;

    private final List<String> phrases;
    private final List<Pattern> patterns;

    CameraMotion(String... phrases) {
        this.phrases = List.of(phrases);
        this.patterns = this.phrases.stream().map(CameraMotion::inflectable).toList();
    }

    /** The phrases that select this motion, in their base form. */
    public List<String> phrases() {
        return phrases;
    }

    public static CameraMotion fromPrompt(String prompt) {
        if (prompt == null) {
            return DEFAULT;
        }
        String text = prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ");
        CameraMotion best = DEFAULT;
        int bestStart = Integer.MAX_VALUE;
        for (CameraMotion motion : values()) {
            for (Pattern pattern : motion.patterns) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find() && matcher.start() < bestStart) {
                    bestStart = matcher.start();
                    best = motion;
                }
            }
        }
        return best;
    }

    private static Pattern inflectable(String phrase) {
        String[] words = phrase.split(" ", 2);
        return Pattern.compile("\\b" + words[0] + "(?:s|es|ed|ing|ned|ning)? " + words[1] + "\\b");
    }
}
