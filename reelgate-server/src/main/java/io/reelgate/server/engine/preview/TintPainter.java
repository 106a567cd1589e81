package io.reelgate.server.engine.preview;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Reference-to-video placeholder: the prompt's animation washed towards the reference image's average colour. */
final class TintPainter implements FramePainter {

    /** Strong enough to see in any frame, weak enough to keep the animation legible. */
    private static final int ALPHA = 110;

    private final FramePainter inner;
    private final Color tint;

    TintPainter(FramePainter inner, int[] rgb) {
        this.inner = inner;
        this.tint = new Color(rgb[0], rgb[1], rgb[2], ALPHA);
    }

    @Override
    public void paint(BufferedImage canvas, double seconds, double progress) {
        inner.paint(canvas, seconds, progress);
        FramePainter.wash(canvas, tint);
    }
}
