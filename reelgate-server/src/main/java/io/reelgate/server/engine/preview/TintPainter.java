package io.reelgate.server.engine.preview;

import java.awt.Color;
import java.awt.Graphics2D;

/** Reference-to-video placeholder: the prompt's animation washed towards the reference image's average colour. */
final class TintPainter implements FramePainter {

    /** Strong enough to see in any frame, weak enough to keep the animation legible. */
    private static final int ALPHA = 110;

    private final FramePainter inner;
    private final Color tint;
    private final int width;
    private final int height;

    TintPainter(FramePainter inner, int[] rgb, int width, int height) {
        this.inner = inner;
        this.tint = new Color(rgb[0], rgb[1], rgb[2], ALPHA);
        this.width = width;
        this.height = height;
    }

    @Override
    public void paint(Graphics2D g, double seconds, double progress) {
        inner.paint(g, seconds, progress);
        g.setColor(tint);
        g.fillRect(0, 0, width, height);
    }
}
