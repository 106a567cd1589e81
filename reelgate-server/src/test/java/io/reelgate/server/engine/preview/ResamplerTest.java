package io.reelgate.server.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void aScaleOfOneAtAWholePixelOffsetCopiesEveryPixelExactly() {
        BufferedImage source = noise(64, 48, 1);
        BufferedImage target = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);

        Resampler.draw(source, target, 1, 1, 0, 0);

        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertThat(target.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                        .isEqualTo(source.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void aStretchInterpolatesBetweenPixelCentresAndRepeatsTheEdges() {
        BufferedImage source = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, 0x000000);
        source.setRGB(1, 0, 0xC8641E);
        BufferedImage target = new BufferedImage(8, 2, BufferedImage.TYPE_3BYTE_BGR);

        Resampler.stretch(source, target);

        // centres of target pixels 0..7 fall at source x = -0.375, -0.125, 0.125 ... 1.375
        int[] expectedRed = {0, 0, 25, 75, 125, 175, 200, 200};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 8; x++) {
                int rgb = target.getRGB(x, y);
                assertThat((rgb >> 16) & 0xFF).as("red of %d,%d", x, y).isEqualTo(expectedRed[x]);
                assertThat((rgb >> 8) & 0xFF).as("green of %d,%d", x, y).isEqualTo(expectedRed[x] / 2);
                assertThat(rgb & 0xFF).as("blue of %d,%d", x, y).isCloseTo(expectedRed[x] * 30 / 200, within(1));
            }
        }
    }

    @Test
    void pixelsOutsideTheDrawnImageKeepWhatTheyHad() {
        BufferedImage source = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        fill(source, 0xFFFFFF);
        BufferedImage target = new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR);
        fill(target, 0x102030);

        // 4x4 at half size, top-left corner at (3, 5): covers the pixels 3..4 by 5..6
        Resampler.draw(source, target, 0.5, 0.5, 3, 5);

        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                boolean covered = x >= 3 && x <= 4 && y >= 5 && y <= 6;
                assertThat(target.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                        .isEqualTo(covered ? 0xFFFFFF : 0x102030);
            }
        }
    }

    @Test
    void anImageMovedPastTheFrameDrawsNothing() {
        BufferedImage source = noise(8, 8, 2);
        BufferedImage target = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);

        Resampler.draw(source, target, 1, 1, 20, -20);

        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertThat(target.getRGB(x, y) & 0xFFFFFF).isZero();
            }
        }
    }

    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void fill(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, rgb);
            }
        }
    }
}
