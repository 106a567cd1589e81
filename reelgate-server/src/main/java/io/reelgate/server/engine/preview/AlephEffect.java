package io.reelgate.server.engine.preview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The looks an Aleph job can ask for, picked from phrases in the prompt. Matching ignores case, punctuation and
 * common inflections ("blurred", "mirroring", "darkened"); every effect named is applied, in the declaration order
 * below (geometry, then blur, then colour), and {@link #CINEMATIC} is used when the prompt names none.
 */
public enum AlephEffect {
    MIRROR("mirror", "flip horizontally", "flipped"),
    FLIP_VERTICAL("upside down", "flip vertically"),
    BLUR("blur", "blurry", "dreamy", "soft focus"),
    MONOCHROME("black and white", "b&w", "monochrome", "grayscale", "greyscale", "noir"),
    SEPIA("sepia", "vintage", "old film"),
    INVERT("invert", "negative"),
    BRIGHTER("brighter", "brighten", "bright"),
    DARKER("darker", "darken", "dark", "night"),
    WARMER("warmer", "warm", "golden hour", "sunset"),
    COOLER("cooler", "cool", "cold", "winter", "blue tint"),
    /** Plays the first half of the span at half speed: every source frame is shown twice. */
    SLOW_MOTION("slow motion", "slow-mo", "slowmo"),
    /** The default look, never named: a slight contrast boost and a vignette, so the output visibly differs. */
    CINEMATIC();

    /** Endings a word of a phrase may carry; "flipped" and "blurred" double the last letter. */
    private static final String INFLECTION = "(?:s|es|d|ed|ped|red|ing|ping|ring|er|r|est|en|ened|ening|ness|ly|y|th)?";
    /** All phrases, longest first: a long phrase claims its words before a shorter one can ("flipped vertically"). */
    private static final List<Phrase> BY_LENGTH = allPhrases();

    private final List<String> phrases;

    AlephEffect(String... phrases) {
        this.phrases = List.of(phrases);
    }

    /** The phrases that select this effect, lower case, in their base form. */
    public List<String> phrases() {
        return phrases;
    }

    /** The effects a prompt names, in the order they are applied; {@code [CINEMATIC]} when it names none. */
    public static List<AlephEffect> fromPrompt(String prompt) {
        String text = " " + normalise(prompt == null ? "" : prompt) + " ";
        Set<AlephEffect> found = EnumSet.noneOf(AlephEffect.class);
        for (Phrase phrase : BY_LENGTH) {
            Matcher matcher = phrase.pattern().matcher(text);
            StringBuilder rest = new StringBuilder();
            while (matcher.find()) {
                found.add(phrase.effect());
                // blank out what matched, so it cannot count again for a shorter phrase
                matcher.appendReplacement(rest, " ".repeat(matcher.end() - matcher.start()));
            }
            matcher.appendTail(rest);
            text = rest.toString();
        }
        return found.isEmpty() ? List.of(CINEMATIC) : List.copyOf(found);
    }

    /** Lower case, with everything but letters, digits and '&' (for "b&w") turned into single spaces. */
    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9&]+", " ").trim();
    }

    private static List<Phrase> allPhrases() {
        List<Phrase> all = new ArrayList<>();
        for (AlephEffect effect : values()) {
            for (String phrase : effect.phrases) {
                all.add(new Phrase(effect, phrase, inflectable(normalise(phrase))));
            }
        }
        all.sort(Comparator.comparingInt((Phrase p) -> p.text().length()).reversed());
        return List.copyOf(all);
    }

    private static Pattern inflectable(String phrase) {
        StringBuilder regex = new StringBuilder("(?<![a-z0-9&])");
        String[] words = phrase.split(" ");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : " ").append(Pattern.quote(words[i])).append(INFLECTION);
        }
        return Pattern.compile(regex.append("(?![a-z0-9&])").toString());
    }

    private record Phrase(AlephEffect effect, String text, Pattern pattern) {
    }
}
