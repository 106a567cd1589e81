package io.reelgate.server.engine.preview;

import static io.reelgate.server.engine.preview.AlephEffect.BLUR;
import static io.reelgate.server.engine.preview.AlephEffect.BRIGHTER;
import static io.reelgate.server.engine.preview.AlephEffect.CINEMATIC;
import static io.reelgate.server.engine.preview.AlephEffect.COOLER;
import static io.reelgate.server.engine.preview.AlephEffect.DARKER;
import static io.reelgate.server.engine.preview.AlephEffect.FLIP_VERTICAL;
import static io.reelgate.server.engine.preview.AlephEffect.INVERT;
import static io.reelgate.server.engine.preview.AlephEffect.MIRROR;
import static io.reelgate.server.engine.preview.AlephEffect.MONOCHROME;
import static io.reelgate.server.engine.preview.AlephEffect.SEPIA;
import static io.reelgate.server.engine.preview.AlephEffect.SLOW_MOTION;
import static io.reelgate.server.engine.preview.AlephEffect.WARMER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlephEffectTest {

    @Test
    void everyPhraseSelectsItsEffect() {
        for (AlephEffect effect : AlephEffect.values()) {
            for (String phrase : effect.phrases()) {
                assertThat(AlephEffect.fromPrompt("make it " + phrase + " please")).as(phrase).containsExactly(effect);
            }
        }
        assertThat(CINEMATIC.phrases()).isEmpty();
    }

    @Test
    void caseInflectionsAndPunctuationAreIgnored() {
        assertThat(AlephEffect.fromPrompt("BLACK-AND-WHITE, like old Hollywood")).containsExactly(MONOCHROME);
        assertThat(AlephEffect.fromPrompt("a blurred, dreamlike memory")).containsExactly(BLUR);
        assertThat(AlephEffect.fromPrompt("mirrored street")).containsExactly(MIRROR);
        assertThat(AlephEffect.fromPrompt("Darkened alley")).containsExactly(DARKER);
        assertThat(AlephEffect.fromPrompt("brighten it up")).containsExactly(BRIGHTER);
        assertThat(AlephEffect.fromPrompt("Slow-Mo replay")).containsExactly(SLOW_MOTION);
        assertThat(AlephEffect.fromPrompt("inverted colours")).containsExactly(INVERT);
        assertThat(AlephEffect.fromPrompt("shot in B&W")).containsExactly(MONOCHROME);
        assertThat(AlephEffect.fromPrompt("Greyscale")).containsExactly(MONOCHROME);
    }

    @Test
    void severalEffectsCombineInTheFixedOrder() {
        assertThat(AlephEffect.fromPrompt("sepia, slow motion, then mirror it and make it blurry"))
                .containsExactly(MIRROR, BLUR, SEPIA, SLOW_MOTION);
        assertThat(AlephEffect.fromPrompt("warm sunset, turned upside down"))
                .containsExactly(FLIP_VERTICAL, WARMER);
        assertThat(AlephEffect.fromPrompt("a cold winter night")).containsExactly(DARKER, COOLER);
    }

    @Test
    void aLongerPhraseClaimsItsWordsFirst() {
        assertThat(AlephEffect.fromPrompt("flipped vertically")).containsExactly(FLIP_VERTICAL);
        assertThat(AlephEffect.fromPrompt("flip horizontally")).containsExactly(MIRROR);
        assertThat(AlephEffect.fromPrompt("flipped")).containsExactly(MIRROR);
    }

    @Test
    void wordsThatOnlyContainAPhraseDoNotCount() {
        assertThat(AlephEffect.fromPrompt("midnight in a coolant factory, abright")).containsExactly(CINEMATIC);
        assertThat(AlephEffect.fromPrompt("a cat walking")).containsExactly(CINEMATIC);
        assertThat(AlephEffect.fromPrompt("")).containsExactly(CINEMATIC);
        assertThat(AlephEffect.fromPrompt(null)).containsExactly(CINEMATIC);
    }
}
