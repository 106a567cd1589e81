package io.reelgate.server.testsupport;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Small seeded generators for fuzzing: every value comes from the {@link Random} it is given, so a failing case is
 * reproduced by running again with the same seed.
 */
public final class RandomInputs {

    private static final String SPECIALS = "\"\\{}[]:,'`$%&<>\u0000\u2028\ufeff";

    private RandomInputs() {
    }

    /** A generator of values of one kind. */
    @FunctionalInterface
    public interface Gen<T> {
        T next(Random random);

        default <R> Gen<R> map(Function<? super T, ? extends R> f) {
            return random -> f.apply(next(random));
        }
    }

    @SafeVarargs
    public static <T> Gen<T> of(T... values) {
        return random -> values[random.nextInt(values.length)];
    }

    public static <T> Gen<T> of(List<T> values) {
        return random -> values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return random -> gens[random.nextInt(gens.length)].next(random);
    }

    /** Picks a generator with probability proportional to its weight: {@code weighted(3, a, 1, b)}. */
    @SuppressWarnings("unchecked")
    public static <T> Gen<T> weighted(Object... weightsAndGens) {
        int total = 0;
        for (int i = 0; i < weightsAndGens.length; i += 2) {
            total += (Integer) weightsAndGens[i];
        }
        int sum = total;
        return random -> {
            int pick = random.nextInt(sum);
            for (int i = 0; i < weightsAndGens.length; i += 2) {
                pick -= (Integer) weightsAndGens[i];
                if (pick < 0) {
                    return ((Gen<T>) weightsAndGens[i + 1]).next(random);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    /** An int in {@code [min, max]}. */
    public static Gen<Integer> ints(int min, int max) {
        return random -> min + (int) (random.nextDouble() * ((long) max - min + 1));
    }

    /**
     * Any text up to {@code maxLength} UTF-16 units: mostly printable ASCII, with control characters, JSON and shell
     * specials, other scripts, emoji and now and then an unpaired surrogate.
     */
    public static Gen<String> text(int minLength, int maxLength) {
        return random -> {
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                int bucket = random.nextInt(100);
                if (bucket < 55) {
                    text.append((char) (' ' + random.nextInt(95)));
                } else if (bucket < 65) {
                    text.append((char) random.nextInt(32));
                } else if (bucket < 75) {
                    text.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
                } else if (bucket < 88) {
                    text.append((char) (0xA0 + random.nextInt(0xD7FF - 0xA0)));
                } else if (bucket < 96 && text.length() + 2 <= length) {
                    text.appendCodePoint(0x1F300 + random.nextInt(0x2FF));
                } else {
                    text.append((char) (0xD800 + random.nextInt(0x800)));
                }
            }
            return text.toString();
        };
    }

    /** Printable ASCII only, up to {@code maxLength} characters (what an HTTP header value may hold). */
    public static Gen<String> printable(int maxLength) {
        return random -> {
            int length = random.nextInt(maxLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) (' ' + random.nextInt(95)));
            }
            return text.toString();
        };
    }

    /** Characters from {@code first} to {@code last}, {@code minLength..maxLength} of them. */
    public static Gen<String> chars(char first, char last, int minLength, int maxLength) {
        return random -> {
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) (first + random.nextInt(last - first + 1)));
            }
            return text.toString();
        };
    }
}
