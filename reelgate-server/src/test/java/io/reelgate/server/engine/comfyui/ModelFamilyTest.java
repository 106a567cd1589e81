package io.reelgate.server.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.engine.VideoGeometry;
import org.junit.jupiter.api.Test;

/** The mapping table of the README: KIE duration, quality and ratio → frames and size per model family. */
class ModelFamilyTest {

    @Test
    void framesAreSecondsTimesFpsPlusTheFirstFrameOnTheFamilyStep() {
        assertThat(ModelFamily.WAN.frames(5)).isEqualTo(81);
        assertThat(ModelFamily.WAN.frames(8)).isEqualTo(129);
        assertThat(ModelFamily.WAN.frames(10)).isEqualTo(161);
        assertThat(ModelFamily.LTXV.frames(5)).isEqualTo(121);
        assertThat(ModelFamily.LTXV.frames(8)).isEqualTo(193);
        assertThat(ModelFamily.LTXV.frames(10)).isEqualTo(241);
        assertThat(ModelFamily.WAN22_5B.frames(5)).isEqualTo(121);
        assertThat(ModelFamily.HUNYUAN.frames(5)).isEqualTo(121);
        for (ModelFamily family : ModelFamily.values()) {
            int step = family == ModelFamily.LTXV ? 8 : 4;
            for (int seconds : new int[] {5, 8, 10}) {
                assertThat((family.frames(seconds) - 1) % step).isZero();
            }
        }
    }

    @Test
    void sizesAreTheOutputSizeRoundedDownToTheFamilyMultiple() {
        assertThat(ModelFamily.WAN.size("720p", "16:9")).isEqualTo(new VideoGeometry(1280, 720));
        assertThat(ModelFamily.WAN.size("720p", "4:3")).isEqualTo(new VideoGeometry(960, 720));
        assertThat(ModelFamily.WAN.size("720p", "1:1")).isEqualTo(new VideoGeometry(720, 720));
        assertThat(ModelFamily.WAN.size("720p", "9:16")).isEqualTo(new VideoGeometry(720, 1280));
        assertThat(ModelFamily.WAN.size("1080p", "16:9")).isEqualTo(new VideoGeometry(1920, 1072));
        assertThat(ModelFamily.LTXV.size("720p", "16:9")).isEqualTo(new VideoGeometry(1280, 704));
        assertThat(ModelFamily.LTXV.size("720p", "3:4")).isEqualTo(new VideoGeometry(704, 960));
        assertThat(ModelFamily.LTXV.size("1080p", "9:16")).isEqualTo(new VideoGeometry(1056, 1920));
        assertThat(ModelFamily.LTXV.size(null, "21:9")).isEqualTo(new VideoGeometry(1664, 704));
    }

    @Test
    void anUnknownFamilyIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> ModelFamily.of("sora"))
                .hasMessage("Unknown ComfyUI model family 'sora'; known: wan, wan22-5b, ltxv, hunyuan");
    }
}
